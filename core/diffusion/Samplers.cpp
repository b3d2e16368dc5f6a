#include "core/diffusion/Samplers.h"

#include "core/common/Error.h"

#include <torch/torch.h>

#include <cmath>

namespace muze {
namespace {

void checkStart(const NoiseSchedule& schedule, Prediction prediction)
{
    if (prediction == Prediction::Epsilon && schedule.alphaBar(schedule.trainSteps() - 1) == 0.0)
        throw Error(ErrorKind::InvalidArgument, "An ε-prediction model cannot start from pure noise: use v-prediction with a "
                                                "zero-terminal-SNR schedule, or a schedule without it.");
}

// The model's x0 for x at timestep t.
torch::Tensor predictX0(const Denoiser& denoiser, Prediction prediction, const torch::Tensor& x, int t, double alphaBar)
{
    const std::int64_t batch = x.size(0);
    const torch::Tensor timesteps = torch::full({batch}, t, torch::TensorOptions().dtype(torch::kLong).device(x.device()));
    return interpretOutput(prediction, denoiser(x, timesteps), x, torch::full({batch}, alphaBar, x.options())).x0;
}

}  // namespace

torch::Tensor sampleDdim(const Denoiser& denoiser, const NoiseSchedule& schedule, Prediction prediction, torch::Tensor noise,
                         const DdimOptions& options, at::Generator generator, const JobControl& control)
{
    checkStart(schedule, prediction);
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

torch::Tensor sampleDpmSolver2M(const Denoiser& denoiser, const NoiseSchedule& schedule, Prediction prediction, torch::Tensor noise, int count,
                                const JobControl& control)
{
    checkStart(schedule, prediction);
    const std::vector<int> steps = schedule.samplingSteps(count);
    const auto lambda = [](double alphaBar) {  // log(α/σ); ±∞ at the ends
        return 0.5 * (std::log(alphaBar) - std::log1p(-alphaBar));
    };
    torch::Tensor x = std::move(noise);
    torch::Tensor previousX0;
    double previousStep = 0.0;  // h of the step before
    for (std::size_t i = 0; i < steps.size(); ++i) {
        control.throwIfCancelled();
        const double alphaBar = schedule.alphaBar(steps[i]);
        const double alphaBarNext = i + 1 < steps.size() ? schedule.alphaBar(steps[i + 1]) : 1.0;
        const torch::Tensor x0 = predictX0(denoiser, prediction, x, steps[i], alphaBar);
        const double h = lambda(alphaBarNext) - lambda(alphaBar);
        const bool secondOrder = previousX0.defined() && std::isfinite(h) && std::isfinite(previousStep);
        const double k = secondOrder ? h / (2 * previousStep) : 0.0;  // 1 / 2r, r = h_previous / h
        const torch::Tensor d = secondOrder ? (1 + k) * x0 - k * previousX0 : x0;
        if (alphaBarNext >= 1.0) {
            x = d;
        } else {
            // x_next = (σ_next/σ)·x − α_next·(e^(−h) − 1)·D; at pure noise (σ = 1, h = ∞) the first term still holds
            const double sigmaRatio = std::sqrt((1 - alphaBarNext) / (1 - alphaBar));
            x = sigmaRatio * x - std::sqrt(alphaBarNext) * std::expm1(-h) * d;
        }
        previousX0 = x0;
        previousStep = h;
        control.report("sampling", static_cast<double>(i + 1) / static_cast<double>(steps.size()));
    }
    return x;
}

}  // namespace muze
