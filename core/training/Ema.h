#pragma once

#include <torch/nn/module.h>

namespace muze {

// An exponential moving average of a model's weights, the weights phase 3 samples with:
// ema ← decay·ema + (1 − decay)·model for every parameter and floating-point buffer; other buffers
// (counts) are copied. `ema` has the model's architecture. Not differentiated.
void updateEma(torch::nn::Module& ema, const torch::nn::Module& model, double decay);

}  // namespace muze
