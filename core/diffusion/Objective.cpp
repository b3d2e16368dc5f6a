#include "core/diffusion/Objective.h"

#include <torch/torch.h>

namespace muze {
namespace {

// [B] → [B, 1, ..., 1], to scale each item of x.
torch::Tensor perItem(const torch::Tensor& alphaBar, const torch::Tensor& like)
{
    std::vector<std::int64_t> shape(static_cast<std::size_t>(like.dim()), 1);
    shape[0] = like.size(0);
    return alphaBar.to(like.dtype()).view(shape);
}

}  // namespace

torch::Tensor addNoise(const torch::Tensor& x0, const torch::Tensor& noise, const torch::Tensor& alphaBar)
{
    const torch::Tensor a = perItem(alphaBar, x0);
    return a.sqrt() * x0 + (1 - a).sqrt() * noise;
}

torch::Tensor trainingTarget(Prediction prediction, const torch::Tensor& x0, const torch::Tensor& noise, const torch::Tensor& alphaBar)
{
    if (prediction == Prediction::Epsilon)
        return noise;
    const torch::Tensor a = perItem(alphaBar, x0);
    return a.sqrt() * noise - (1 - a).sqrt() * x0;
}

Denoised interpretOutput(Prediction prediction, const torch::Tensor& output, const torch::Tensor& xt, const torch::Tensor& alphaBar)
{
    const torch::Tensor a = perItem(alphaBar, xt);
    const torch::Tensor signal = a.sqrt();
    const torch::Tensor noiseLevel = (1 - a).sqrt();
    if (prediction == Prediction::Epsilon)
        return {(xt - noiseLevel * output) / signal, output};
    // x_t and v are a rotation of (x0, ε) by the angle whose cosine is √ᾱ: rotate back.
    return {signal * xt - noiseLevel * output, noiseLevel * xt + signal * output};
}

}  // namespace muze
