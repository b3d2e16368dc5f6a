#include "core/training/Recipe.h"

#include "core/audio/TimePitch.h"
#include "core/models/ModelPresets.h"
#include "core/training/Checkpoint.h"
#include "core/training/StepCost.h"
#include "core/training/VocoderLoss.h"

#include <algorithm>
#include <chrono>
#include <cmath>

namespace muze {

std::vector<TrainOptions> recipeRuns(const std::filesystem::path& dataset, const std::filesystem::path& modelFolder)
{
    TrainOptions common;
    common.annotations = dataset;
    common.outDir = modelFolder;
    common.preset = "tiny";
    common.batchSize = Recipe::kBatch;
    common.seed = 0;
    const auto run = [&](int phase, PhaseOneModel model, std::int64_t steps) {
        TrainOptions options = common;
        options.phase = phase;
        options.model = model;
        options.maxSteps = steps;
        return options;
    };
    TrainOptions planner = run(2, PhaseOneModel::Vae, 0);
    planner.epochs = Recipe::kPlannerEpochs;
    TrainOptions vocoder = run(1, PhaseOneModel::Vocoder, Recipe::kVocoderSteps);
    vocoder.oneKey = true;
    TrainOptions diffusion = run(3, PhaseOneModel::Vae, Recipe::kLdmSteps);
    diffusion.oneKey = true;
    return {vocoder, run(1, PhaseOneModel::Vae, Recipe::kVaeSteps), planner, diffusion};
}

RunProgress runProgress(const TrainOptions& options)
{
    const std::optional<std::filesystem::path> latest = CheckpointFolder(runFolder(options) / "checkpoints", options.keepCheckpoints).latest();
    if (!latest)
        return RunProgress::NotStarted;
    const CheckpointInfo info = readCheckpointInfo(*latest);
    return info.step >= info.training.value("total_steps", std::int64_t(0)) ? RunProgress::Finished : RunProgress::Started;
}

std::int64_t recipePlannerSteps(int songs)
{
    const double trained = songs * (1.0 - TrainOptions{}.validationShare);
    return Recipe::kPlannerEpochs * std::max<std::int64_t>(1, static_cast<std::int64_t>(std::lround(trained)) / Recipe::kBatch);
}

namespace {

// Seconds a second of audio takes to move to C: a chord of 10 s, with the partials of a real
// instrument, moved down five semitones as the farthest key is.
double secondsToMoveToC()
{
    constexpr int kRate = 32000;
    constexpr double kSeconds = 10.0;
    std::vector<float> chord(static_cast<std::size_t>(kSeconds * kRate));
    for (std::size_t i = 0; i < chord.size(); ++i)
        for (double note : {261.63, 329.63, 392.0})
            for (int partial = 1; partial <= 6; ++partial)
                chord[i] += static_cast<float>(0.03 / partial * std::sin(2.0 * M_PI * note * partial * static_cast<double>(i) / kRate));
    const auto start = std::chrono::steady_clock::now();
    stretchAndShift(chord, kRate, chord.size(), std::pow(2.0, -5.0 / 12.0));
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() / kSeconds;
}

}  // namespace

RecipeStepSeconds measureRecipeSteps(int steps, const JobControl& control)
{
    torch::manual_seed(0);
    const TrainOptions defaults;
    const VaeConfig vaeConfig = presetPart("tiny", &ModelPreset::vae, "VAE");
    LdmConfig ldmConfig;
    ldmConfig.unet = presetPart("tiny", &ModelPreset::unet, "UNet");
    ldmConfig.unet.latentChannels = vaeConfig.latentDim;
    ldmConfig.text = presetPart("tiny", &ModelPreset::textEncoder, "text encoder");
    RecipeStepSeconds seconds;
    const auto measure = [&](double& into, auto model, const StepLoss& loss, double done) {
        control.throwIfCancelled();
        into = secondsPerStep(*model, loss, steps);
        control.report("training steps", done);
    };
    AudioVae vae(vaeConfig);
    measure(seconds.vae, vae.ptr(), randomVaeLoss(vae, Recipe::kBatch, defaults.cropFrames), 0.2);
    Vocoder vocoder(presetPart("tiny", &ModelPreset::vocoder, "vocoder"));
    measure(seconds.vocoder, vocoder.ptr(), randomVocoderLoss(vocoder, Recipe::kBatch, kVocoderCropFrames), 0.5);
    CompositionPlanner planner{PlannerConfig{}};
    measure(seconds.planner, planner.ptr(), randomPlannerLoss(planner, Recipe::kBatch), 0.55);
    LatentDiffusion ldm(ldmConfig);
    measure(seconds.ldm, ldm.ptr(), randomLdmLoss(ldm, Recipe::kBatch, defaults.latentCropFrames), 0.95);
    control.throwIfCancelled();
    seconds.moveToC = secondsToMoveToC();
    control.report("moving a song to C", 1.0);
    return seconds;
}

std::vector<double> recipeRunSeconds(const RecipeStepSeconds& step, int songs, double audioSeconds)
{
    constexpr double kShareTraining = 0.9;
    return {step.vocoder * Recipe::kVocoderSteps / kShareTraining + step.moveToC * audioSeconds, step.vae * Recipe::kVaeSteps / kShareTraining,
            step.planner * static_cast<double>(recipePlannerSteps(songs)) / kShareTraining, step.ldm * Recipe::kLdmSteps / kShareTraining};
}

}  // namespace muze
