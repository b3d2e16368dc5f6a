#pragma once

// What one training step costs, measured on random batches of a model's training shapes: the work of
// a step does not depend on what its batch holds. For the first run's estimates (Recipe.h) and
// bench/bench_training_speed.

#include "core/models/AudioVae.h"
#include "core/models/CompositionPlanner.h"
#include "core/models/LatentDiffusion.h"
#include "core/models/UNet.h"
#include "core/models/Vocoder.h"

#include <torch/nn/module.h>
#include <torch/types.h>

#include <functional>

namespace muze {

using StepLoss = std::function<torch::Tensor()>;

StepLoss randomVaeLoss(AudioVae vae, int batch, int frames);
StepLoss randomVocoderLoss(Vocoder vocoder, int batch, int frames);
StepLoss randomPlannerLoss(CompositionPlanner planner, int batch);
// The UNet alone, its conditions already encoded (as bench/torch_training_speed.py has it).
StepLoss randomUNetLoss(UNetV2 unet, int batch, int frames);
// Phase 3's whole model, encoding each example's prompt, section fields and controls as training does.
StepLoss randomLdmLoss(LatentDiffusion ldm, int batch, int frames);

// Seconds an AdamW step with gradient clipping takes, as training takes them, the mean of `steps`
// after `warmup` unmeasured ones.
double secondsPerStep(torch::nn::Module& model, const StepLoss& loss, int steps, int warmup = 2);

}  // namespace muze
