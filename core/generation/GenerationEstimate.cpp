#include "core/generation/GenerationEstimate.h"

#include "core/generation/StructureTemplates.h"

#include <algorithm>
#include <chrono>

namespace muze {
namespace {

constexpr int kFewerSteps = 2;
constexpr int kMoreSteps = 10;

double secondsSince(std::chrono::steady_clock::time_point start)
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

GenerationEstimate estimateGeneration(const ModelFiles& files, double songSeconds, const GenerateOptions& options, const JobControl& control)
{
    const auto start = std::chrono::steady_clock::now();
    const SongGenerator generator(files);
    GenerationEstimate estimate;
    estimate.songSeconds = songSeconds;
    estimate.steps = options.steps;
    estimate.loadSeconds = secondsSince(start);
    TemplateRequest request;
    request.prompt = "a song to time the models with";
    request.duration = songSeconds;
    const SongPlan plan = planFromTemplate("verse_chorus", request);
    const auto timed = [&](int steps, double begin, double end) {
        GenerateOptions run = options;
        run.steps = steps;
        const auto runStart = std::chrono::steady_clock::now();
        generator.generate(plan, run, control.slice(begin, end));
        return secondsSince(runStart);
    };
    const double fewer = timed(kFewerSteps, 0.0, 0.4);
    const double more = timed(kMoreSteps, 0.4, 1.0);
    estimate.secondsPerStep = std::max(0.0, more - fewer) / (kMoreSteps - kFewerSteps);
    estimate.fixedSeconds = std::max(0.0, fewer - kFewerSteps * estimate.secondsPerStep);
    estimate.seconds = estimate.loadSeconds + estimate.fixedSeconds + options.steps * estimate.secondsPerStep;
    estimate.measuredSeconds = secondsSince(start);
    return estimate;
}

}  // namespace muze
