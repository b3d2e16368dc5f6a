#include "core/generation/FirstModelEstimate.h"

#include "core/generation/SongFiles.h"

#include <numeric>

namespace muze {

double FirstModelEstimate::trainingSeconds() const
{
    return std::accumulate(trainingRunSeconds.begin(), trainingRunSeconds.end(), 0.0);
}

FirstModelEstimate estimateFirstModel(const std::filesystem::path& songs, const AnalysisOptions& analysis, const std::filesystem::path& models,
                                      const JobControl& control)
{
    FirstModelEstimate estimate;
    estimate.dataset = estimateAnalysis(songs, analysis, kEstimateExcerptSeconds, control.slice(0.0, 0.4));
    estimate.trainingStep = measureRecipeSteps(kEstimateTrainingSteps, control.slice(0.4, 0.7));
    estimate.trainingRunSeconds = recipeRunSeconds(estimate.trainingStep, estimate.dataset.songs, estimate.dataset.audioSeconds);
    if (!models.empty() && holdsTrainedModel(models))
        estimate.song = estimateGeneration(modelFilesIn(models), kEstimateSongSeconds, GenerateOptions{}, control.slice(0.7, 1.0));
    control.report("measured", 1.0);
    return estimate;
}

}  // namespace muze
