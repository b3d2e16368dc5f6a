#pragma once

// Each phase's entry point, which train() chooses from the options.

#include "core/training/Training.h"

namespace muze {

TrainSummary trainVae(const TrainOptions& options, const JobControl& control);
TrainSummary trainVocoder(const TrainOptions& options, const JobControl& control);
TrainSummary trainPlanner(const TrainOptions& options, const JobControl& control);
TrainSummary trainLatentDiffusion(const TrainOptions& options, const JobControl& control);

}  // namespace muze
