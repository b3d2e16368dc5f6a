#pragma once

#include <torch/types.h>

#include <vector>

namespace muze {

enum class ScheduleKind {
    Linear,  // DDPM's betas, linear from betaStart to betaEnd (the reference's)
    Cosine,  // ref: Nichol & Dhariwal 2021, "Improved Denoising Diffusion Probabilistic Models", eq. 17
};

struct ScheduleConfig {
    ScheduleKind kind = ScheduleKind::Cosine;
    int trainSteps = 1000;    // num_train_timesteps: t runs over 0 .. trainSteps - 1
    double betaStart = 1e-4;  // Linear only
    double betaEnd = 0.02;    // Linear only
    // Rescaled so that the last step is pure noise (ᾱ = 0): the sampler then starts where training
    // ended. ref: Lin et al. 2024, "Common Diffusion Noise Schedules and Sample Steps Are Flawed",
    // Algorithm 1. Needs v-prediction (an ε-prediction cannot say what x0 is from pure noise).
    bool zeroTerminalSnr = true;
};

// The discrete forward process: x_t = √ᾱ_t · x0 + √(1 − ᾱ_t) · ε, for t in [0, trainSteps).
//
// Thread contract: immutable after construction; safe to share.
class NoiseSchedule {
public:
    explicit NoiseSchedule(const ScheduleConfig& config = {});

    const ScheduleConfig& config() const { return m_config; }
    int trainSteps() const { return m_config.trainSteps; }
    double alphaBar(int t) const { return m_alphaBar.at(static_cast<std::size_t>(t)); }
    // ᾱ for a batch of timesteps [B] (int64), as float [B].
    torch::Tensor alphaBars(const torch::Tensor& timesteps) const;
    // `count` timesteps for sampling, from trainSteps − 1 down, evenly spaced ("trailing", as Lin et
    // al. recommend: the first is always the noisiest).
    std::vector<int> samplingSteps(int count) const;

private:
    ScheduleConfig m_config;
    std::vector<double> m_alphaBar;
    torch::Tensor m_alphaBarTensor;
};

}  // namespace muze
