#pragma once

// Models with a preset's shapes and untrained weights, saved as training saves them: what the speed
// benchmarks generate with, since the work per step does not depend on what the weights are.

#include <torch/torch.h>

#include "core/generation/SongGenerator.h"
#include "core/models/LatentDiffusion.h"
#include "core/models/ModelPresets.h"
#include "core/training/Checkpoint.h"

#include <filesystem>
#include <string>

namespace muze::bench {

template <typename Model>
inline void saveUntrained(const std::filesystem::path& path, Model& model, const nlohmann::ordered_json& config, int phase, bool withEma)
{
    std::filesystem::create_directories(path.parent_path());
    CheckpointInfo info;
    info.config = config;
    info.phase = phase;
    saveCheckpoint(path, {model.ptr().get(), withEma ? model.ptr().get() : nullptr, nullptr}, info);
}

// The VAE, vocoder and LDM at `preset`, saved as VAE, VOCODER and LDM (the LDM with its EMA weights).
inline ModelFiles untrainedModels(const std::string& preset, const ModelFiles& files)
{
    torch::manual_seed(1);
    const VaeConfig vaeConfig = presetPart(preset, &ModelPreset::vae, "VAE");
    AudioVae vae(vaeConfig);
    const VocoderConfig vocoderConfig = presetPart(preset, &ModelPreset::vocoder, "vocoder");
    Vocoder vocoder(vocoderConfig);
    LdmConfig ldmConfig;
    ldmConfig.unet = presetPart(preset, &ModelPreset::unet, "UNet");
    ldmConfig.unet.latentChannels = vaeConfig.latentDim;
    ldmConfig.text = presetPart(preset, &ModelPreset::textEncoder, "text encoder");
    ldmConfig.energyCurve = {0.5, 0.3};
    LatentDiffusion ldm(ldmConfig);
    saveUntrained(files.vae, vae, vaeConfig.toJson(), 1, false);
    saveUntrained(files.vocoder, vocoder, vocoderConfig.toJson(), 1, false);
    saveUntrained(files.ldm, ldm, ldmConfig.toJson(), 3, true);
    return files;
}

}  // namespace muze::bench
