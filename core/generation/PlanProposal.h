#pragma once

#include "core/generation/StructureTemplates.h"

#include <filesystem>
#include <optional>

namespace muze {

// The song's form as a trained phase-2 planner proposes it from the prompt, duration, tempo, key and
// time signature, laid over the duration as a template is (planFromForm). Nothing when the planner
// ends the song before its first section. Throws Error naming the file when it is not a planner
// checkpoint or is damaged.
std::optional<SongPlan> proposePlan(const std::filesystem::path& plannerCheckpoint, const TemplateRequest& request);

}  // namespace muze
