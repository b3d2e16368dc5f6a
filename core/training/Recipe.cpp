#include "core/training/Recipe.h"

#include "core/models/ModelPresets.h"
#include "core/training/Checkpoint.h"
#include "core/training/StepCost.h"
#include "core/training/VocoderLoss.h"

#include <algorithm>
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
    measure(seconds.ldm, ldm.ptr(), randomLdmLoss(ldm, Recipe::kBatch, defaults.latentCropFrames), 1.0);
    return seconds;
}

std::vector<double> recipeRunSeconds(const RecipeStepSeconds& step, int songs)
{
    constexpr double kShareTraining = 0.9;
    return {step.vocoder * Recipe::kVocoderSteps / kShareTraining, step.vae * Recipe::kVaeSteps / kShareTraining,
            step.planner * static_cast<double>(recipePlannerSteps(songs)) / kShareTraining, step.ldm * Recipe::kLdmSteps / kShareTraining};
}

}  // namespace muze
