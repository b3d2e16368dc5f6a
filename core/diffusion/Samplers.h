#pragma once

#include "core/common/JobControl.h"
#include "core/diffusion/NoiseSchedule.h"
#include "core/diffusion/Objective.h"

#include <ATen/core/Generator.h>

#include <functional>

namespace muze {

// The network as a sampler sees it: its raw output (ε or v, see Prediction) for x_t [B, ...] at
// timesteps t [B] (int64). Guidance wraps one of these in another.
using Denoiser = std::function<torch::Tensor(const torch::Tensor& xt, const torch::Tensor& timesteps)>;

struct DdimOptions {
    int steps = 50;      // --num_steps
    double eta = 0.0;    // 0: deterministic (DDIM); 1: as much fresh noise as DDPM adds
};

// DDIM from `noise` (x at the first sampling step) to x0. One denoiser call per step; each step
// reports progress and checks the cancel token. `generator` makes eta > 0 reproducible.
// ref: Song et al. 2021, "Denoising Diffusion Implicit Models", eq. 12 and 16.
torch::Tensor sampleDdim(const Denoiser& denoiser, const NoiseSchedule& schedule, Prediction prediction, torch::Tensor noise,
                         const DdimOptions& options, at::Generator generator, const JobControl& control = {});

// DPM-Solver++(2M): the probability-flow ODE solved in log-SNR time with the data prediction, second
// order from the second step on by reusing the previous step's x0 (multistep). Deterministic; good
// in 10-25 steps. One denoiser call per step, progress and cancel as DDIM's.
// ref: Lu et al. 2022, "DPM-Solver++: Fast Solver for Guided Sampling of Diffusion Probabilistic
// Models", Algorithm 2; the first-order steps where the previous log-SNR is infinite (pure noise)
// or the next is (the last step, onto x0).
torch::Tensor sampleDpmSolver2M(const Denoiser& denoiser, const NoiseSchedule& schedule, Prediction prediction, torch::Tensor noise, int steps,
                                const JobControl& control = {});

}  // namespace muze
