#include "core/diffusion/NoiseSchedule.h"

#include "core/common/Error.h"

#include <torch/torch.h>

#include <cmath>

namespace muze {
namespace {

constexpr double kMaxBeta = 0.999;        // as Nichol & Dhariwal clip it, against a singular last step
constexpr double kCosineOffset = 0.008;   // their s: keeps β_0 from being vanishingly small

std::vector<double> cumulativeProduct(const std::vector<double>& betas)
{
    std::vector<double> alphaBar(betas.size());
    double product = 1.0;
    for (std::size_t t = 0; t < betas.size(); ++t)
        alphaBar[t] = product *= 1.0 - betas[t];
    return alphaBar;
}

std::vector<double> linearAlphaBar(const ScheduleConfig& config)
{
    std::vector<double> betas(static_cast<std::size_t>(config.trainSteps));
    for (std::size_t t = 0; t < betas.size(); ++t)
        betas[t] = config.betaStart + (config.betaEnd - config.betaStart) * static_cast<double>(t) / std::max(1.0, betas.size() - 1.0);
    return cumulativeProduct(betas);
}

// ref: Nichol & Dhariwal 2021, eq. 17: ᾱ(t) = f(t) / f(0), f(t) = cos²((t/T + s) / (1 + s) · π/2).
std::vector<double> cosineAlphaBar(const ScheduleConfig& config)
{
    const double steps = config.trainSteps;
    const auto f = [&](double t) {
        const double c = std::cos((t / steps + kCosineOffset) / (1.0 + kCosineOffset) * M_PI / 2.0);
        return c * c;
    };
    std::vector<double> betas(static_cast<std::size_t>(config.trainSteps));
    for (std::size_t t = 0; t < betas.size(); ++t)
        betas[t] = std::min(kMaxBeta, 1.0 - f(t + 1.0) / f(static_cast<double>(t)));
    return cumulativeProduct(betas);
}

// ref: Lin et al. 2024, Algorithm 1: shift √ᾱ so its last value is 0, scale so its first stays.
void rescaleToZeroTerminalSnr(std::vector<double>& alphaBar)
{
    const double first = std::sqrt(alphaBar.front());
    const double last = std::sqrt(alphaBar.back());
    for (double& value : alphaBar) {
        const double root = (std::sqrt(value) - last) * first / (first - last);
        value = root * root;
    }
}

}  // namespace

NoiseSchedule::NoiseSchedule(const ScheduleConfig& config) : m_config(config)
{
    if (config.trainSteps < 2)
        throw Error(ErrorKind::InvalidArgument, "A noise schedule needs at least 2 training timesteps.");
    if (config.kind == ScheduleKind::Linear && !(config.betaStart > 0 && config.betaStart <= config.betaEnd && config.betaEnd < 1))
        throw Error(ErrorKind::InvalidArgument, "A linear noise schedule needs 0 < beta_start <= beta_end < 1.");
    m_alphaBar = config.kind == ScheduleKind::Linear ? linearAlphaBar(config) : cosineAlphaBar(config);
    if (config.zeroTerminalSnr)
        rescaleToZeroTerminalSnr(m_alphaBar);
    m_alphaBarTensor = torch::tensor(m_alphaBar, torch::kFloat64).to(torch::kFloat32);
}

torch::Tensor NoiseSchedule::alphaBars(const torch::Tensor& timesteps) const
{
    return m_alphaBarTensor.to(timesteps.device()).index_select(0, timesteps.to(torch::kLong).flatten()).view(timesteps.sizes());
}

std::vector<int> NoiseSchedule::samplingSteps(int count) const
{
    if (count < 1 || count > trainSteps())
        throw Error(ErrorKind::InvalidArgument, "The number of sampling steps must be from 1 to " + std::to_string(trainSteps()) + ".");
    std::vector<int> steps;
    const double stride = static_cast<double>(trainSteps()) / count;
    for (int k = 0; k < count; ++k)
        steps.push_back(static_cast<int>(std::round(trainSteps() - k * stride)) - 1);
    return steps;
}

}  // namespace muze
