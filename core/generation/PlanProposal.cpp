#include "core/generation/PlanProposal.h"

#include "core/models/CompositionPlanner.h"
#include "core/training/TrainedModels.h"

#include <torch/torch.h>

namespace muze {

std::optional<SongPlan> proposePlan(const std::filesystem::path& plannerCheckpoint, const TemplateRequest& request)
{
    CompositionPlanner planner = loadPlanner(plannerCheckpoint);
    SongDescription song;
    song.prompt = request.prompt;
    song.durationSeconds = request.duration;
    song.tempo = request.tempo;
    song.key = request.key;
    song.timeSignature = request.timeSignature;
    std::vector<std::pair<std::string, int>> form;
    for (const PlannedSection& section : planner->propose(plannerFeatures(song, planner->config())))
        form.emplace_back(section.type, section.bars);
    if (form.empty())
        return std::nullopt;
    return planFromForm(formOfTypes(form), request);
}

}  // namespace muze
