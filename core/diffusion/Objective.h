#pragma once

#include <torch/types.h>

namespace muze {

// What the network predicts from x_t.
enum class Prediction {
    Epsilon,  // ε, the noise that was added (the reference's, DDPM's)
    V,        // v = √ᾱ·ε − √(1 − ᾱ)·x0. ref: Salimans & Ho 2022, "Progressive Distillation", §4; Stable Audio Open
};

// A network output read back as the clean signal and the noise that together give x_t.
struct Denoised {
    torch::Tensor x0;
    torch::Tensor eps;
};

// `alphaBar` holds ᾱ per batch item [B]; it broadcasts over the other dimensions of x [B, ...].

// x_t = √ᾱ·x0 + √(1 − ᾱ)·ε
torch::Tensor addNoise(const torch::Tensor& x0, const torch::Tensor& noise, const torch::Tensor& alphaBar);

// What the network is trained to output for x_t = addNoise(x0, noise, alphaBar).
torch::Tensor trainingTarget(Prediction prediction, const torch::Tensor& x0, const torch::Tensor& noise, const torch::Tensor& alphaBar);

// The inverse of trainingTarget: x0 and ε from the network's output at x_t.
Denoised interpretOutput(Prediction prediction, const torch::Tensor& output, const torch::Tensor& xt, const torch::Tensor& alphaBar);

}  // namespace muze
