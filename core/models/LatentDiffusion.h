#pragma once

#include "core/diffusion/NoiseSchedule.h"
#include "core/diffusion/Objective.h"
#include "core/models/Conditioning.h"
#include "core/models/TextEncoder.h"
#include "core/models/UNet.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace muze {

// How loud a section of a given energy (0..1, the dataset's section energy) is, as the energy-curve
// control reads its log-mel: a line fitted on the training data at the start of phase 3, through
// which generation asks for a plan's energies.
struct EnergyCurveLine {
    double atSilence = 0.0;
    double perEnergy = 0.0;

    double levelAt(double energy) const { return atSilence + perEnergy * energy; }
};

// Phase 3's model: the UNet with everything that encodes its conditions (the section module, the
// voice fusion, the built-in text encoder), trained together and saved as one.
struct LdmConfig {
    UNetConfig unet;
    TextEncoderConfig text;
    double latentScale = 1.0;  // the VAE's latents are multiplied by this to unit variance (measured at the start of training)
    Prediction prediction = Prediction::V;
    ScheduleConfig schedule;   // cosine, zero terminal SNR
    EnergyCurveLine energyCurve;

    nlohmann::ordered_json toJson() const;
    static LdmConfig fromJson(const nlohmann::ordered_json& json);  // throws Error(Corrupt) for a bad config
};

// One batch's conditions before encoding.
struct LdmConditions {
    std::vector<std::string> prompts;
    SectionInputs section;   // its `text` is filled in from the prompts
    ConditionField voice;    // [B, 256]
    ConditionField ecapa;    // [B, 192]
    torch::Tensor controls;  // [B, kControlChannels, T]
};

class LatentDiffusionImpl : public torch::nn::Module {
public:
    explicit LatentDiffusionImpl(const LdmConfig& config);
    // The UNet's output (v or ε) for the scaled latent x_t at diffusion time `time` [B] in [0, 1].
    torch::Tensor forward(const torch::Tensor& xt, const torch::Tensor& time, const LdmConditions& conditions);
    // The conditions encoded once, for a sampler that calls the UNet many times.
    UNetConditions encode(const LdmConditions& conditions);
    torch::Tensor denoise(const torch::Tensor& xt, const torch::Tensor& time, const UNetConditions& encoded);
    const LdmConfig& config() const { return m_config; }

private:
    LdmConfig m_config;
    UNetV2 m_unet{nullptr};
    TextEncoder m_text{nullptr};
    SectionConditioning m_section{nullptr};
    VoiceFusion m_voice{nullptr};
};
TORCH_MODULE(LatentDiffusion);

}  // namespace muze
