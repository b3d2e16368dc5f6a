#pragma once

#include "core/common/JobControl.h"
#include "core/training/Training.h"

#include <filesystem>
#include <vector>

namespace muze {

// The recipe a first model is trained by, as README ("The demo model") documents it and
// packaging/train-demo-model.sh follows it: every part at `tiny`, batch 16, seed 0, for a fixed
// number of steps (repeatable, where a time limit is not), each part after the ones it needs; the
// latent diffusion model hears every song in C (--one_key), which it learns better from few songs,
// and so does the vocoder that voices what it makes.
struct Recipe {
    static constexpr int kBatch = 16;
    static constexpr std::int64_t kVocoderSteps = 2700;
    static constexpr std::int64_t kVaeSteps = 4000;
    static constexpr int kPlannerEpochs = 200;
    static constexpr std::int64_t kLdmSteps = 3600;
};

// The recipe's runs in order, the vocoder and the VAE (phase 1), the planner (phase 2) and the
// latent diffusion model (phase 3), each training on `dataset` into its part of `modelFolder`.
std::vector<TrainOptions> recipeRuns(const std::filesystem::path& dataset, const std::filesystem::path& modelFolder);

// How far a run has come in its folder: not begun, begun (it resumes from its latest checkpoint),
// or trained to its last step. What a recipe started again skips or carries on.
enum class RunProgress { NotStarted, Started, Finished };
RunProgress runProgress(const TrainOptions& options);

// The planner's steps in the recipe for a dataset of `songs` songs: its epochs over the ones it
// trains on (a tenth are kept to validate on, as in every phase).
std::int64_t recipePlannerSteps(int songs);

// Seconds one training step of each part takes on this machine at the recipe's size and batch,
// measured over `steps` steps of each on random batches (see StepCost.h): about 15 s for 3 steps.
// And the seconds it takes to move one second of a song to C with Rubber Band, as the one-key
// vocoder's run does to every song before its first step (measured on a chord of 10 s).
struct RecipeStepSeconds {
    double vocoder = 0.0;
    double vae = 0.0;
    double planner = 0.0;
    double ldm = 0.0;
    double moveToC = 0.0;  // per second of audio
};
RecipeStepSeconds measureRecipeSteps(int steps, const JobControl& control = {});

// The training time of each of recipeRuns' runs for `songs` songs holding `audioSeconds` of audio at
// those speeds, with the tenth more that validations, previews and checkpoints take (as the training
// loop allows when it fits a run to a time), and the vocoder's moving the songs to C.
std::vector<double> recipeRunSeconds(const RecipeStepSeconds& step, int songs, double audioSeconds);

}  // namespace muze
