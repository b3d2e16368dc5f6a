#pragma once

#include "core/dataset/AnalysisEstimate.h"
#include "core/generation/GenerationEstimate.h"
#include "core/training/Recipe.h"

#include <filesystem>
#include <optional>
#include <vector>

namespace muze {

// What a first model of a folder of songs takes on this machine, each part measured here: building
// its dataset, training it by the recipe, and making a song with a model of the recipe's size.
struct FirstModelEstimate {
    AnalysisEstimate dataset;
    RecipeStepSeconds trainingStep;
    std::vector<double> trainingRunSeconds;  // each of recipeRuns' runs
    std::optional<GenerationEstimate> song;  // when such a model is at hand to time

    double trainingSeconds() const;
};

inline constexpr double kEstimateExcerptSeconds = 30.0;
inline constexpr double kEstimateSongSeconds = 30.0;
inline constexpr int kEstimateTrainingSteps = 5;

// `models`: a model folder of the recipe's size to time a 30 s song with (the demo model); empty or
// untrained leaves `song` empty. About a minute here.
FirstModelEstimate estimateFirstModel(const std::filesystem::path& songs, const AnalysisOptions& analysis, const std::filesystem::path& models,
                                      const JobControl& control = {});

}  // namespace muze
