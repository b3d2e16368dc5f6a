#include "core/diffusion/Samplers.h"

#include "core/common/Error.h"

#include <torch/torch.h>

#include <cmath>

namespace muze {

torch::Tensor sampleDdim(const Denoiser& denoiser, const NoiseSchedule& schedule, Prediction prediction, torch::Tensor noise,
                         const DdimOptions& options, at::Generator generator, const JobControl& control)
{
    if (prediction == Prediction::Epsilon && schedule.alphaBar(schedule.trainSteps() - 1) == 0.0)
        throw Error(ErrorKind::InvalidArgument, "An ε-prediction model cannot start from pure noise: use v-prediction with a "
                                                "zero-terminal-SNR schedule, or a schedule without it.");
    const std::vector<int> steps = schedule.samplingSteps(options.steps);
    torch::Tensor x = std::move(noise);
    const std::int64_t batch = x.size(0);
    for (std::size_t i = 0; i < steps.size(); ++i) {
        control.throwIfCancelled();
        const double alphaBar = schedule.alphaBar(steps[i]);
        const double alphaBarNext = i + 1 < steps.size() ? schedule.alphaBar(steps[i + 1]) : 1.0;  // the last step lands on x0
        const torch::Tensor t = torch::full({batch}, steps[i], torch::TensorOptions().dtype(torch::kLong).device(x.device()));
        const Denoised d = interpretOutput(prediction, denoiser(x, t), x, torch::full({batch}, alphaBar, x.options()));
        // eq. 16: σ = η·√((1 − ᾱ_next)/(1 − ᾱ))·√(1 − ᾱ/ᾱ_next)
        const double sigma = options.eta * std::sqrt((1 - alphaBarNext) / (1 - alphaBar)) * std::sqrt(std::max(0.0, 1 - alphaBar / alphaBarNext));
        // eq. 12: x_next = √ᾱ_next·x0 + √(1 − ᾱ_next − σ²)·ε + σ·z
        x = std::sqrt(alphaBarNext) * d.x0 + std::sqrt(std::max(0.0, 1 - alphaBarNext - sigma * sigma)) * d.eps;
        if (sigma > 0)
            x = x + sigma * torch::randn(x.sizes(), generator, x.options());
        control.report("sampling", static_cast<double>(i + 1) / static_cast<double>(steps.size()));
    }
    return x;
}

}  // namespace muze
