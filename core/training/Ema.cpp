#include "core/training/Ema.h"

#include "core/common/Error.h"

#include <torch/torch.h>

namespace muze {
namespace {

void blend(torch::Tensor& average, const torch::Tensor& current, double decay)
{
    if (average.is_floating_point())
        average.mul_(decay).add_(current.detach(), 1.0 - decay);
    else
        average.copy_(current);
}

}  // namespace

void updateEma(torch::nn::Module& ema, const torch::nn::Module& model, double decay)
{
    torch::NoGradGuard noGrad;
    auto averages = ema.named_parameters();
    const auto currents = model.named_parameters();
    auto averageBuffers = ema.named_buffers();
    const auto currentBuffers = model.named_buffers();
    if (averages.size() != currents.size() || averageBuffers.size() != currentBuffers.size())
        throw Error(ErrorKind::InvalidArgument, "The moving average and the model have different architectures.");
    for (auto& item : averages)
        blend(item.value(), currents[item.key()], decay);
    for (auto& item : averageBuffers)
        blend(item.value(), currentBuffers[item.key()], decay);
}

}  // namespace muze
