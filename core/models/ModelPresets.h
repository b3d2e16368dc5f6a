#pragma once

#include "core/common/Error.h"
#include "core/models/AudioVae.h"
#include "core/models/TextEncoder.h"
#include "core/models/UNet.h"
#include "core/models/Vocoder.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace muze {

// The sizes a model can be trained at. `tiny` and `small` are made for a CPU and set every part;
// the reference's presets set one part each, at the sizes of its "Model Size Configuration": VAE
// light / default / heavy, UNet model_channels 256 / 320 / 512 / 768.
struct ModelPreset {
    std::string name;
    std::string description;
    std::optional<VaeConfig> vae;
    std::optional<VocoderConfig> vocoder;
    std::optional<UNetConfig> unet;
    std::optional<TextEncoderConfig> textEncoder;
    std::optional<std::int64_t> referenceParameters;  // the reference's table, where it gives one
};

const std::vector<ModelPreset>& modelPresets();
// Throws Error(InvalidArgument) listing the names when there is no such preset.
const ModelPreset& modelPreset(const std::string& name);

// The part of a preset a phase trains (&ModelPreset::vae, say). Throws Error(InvalidArgument)
// naming the presets that have one when this one does not.
template <typename Config>
const Config& presetPart(const std::string& name, std::optional<Config> ModelPreset::*part, const std::string& partName)
{
    const ModelPreset& preset = modelPreset(name);
    if (preset.*part)
        return *(preset.*part);
    std::string having;
    for (const ModelPreset& other : modelPresets())
        if (other.*part)
            having += (having.empty() ? "" : ", ") + other.name;
    throw Error(ErrorKind::InvalidArgument, "The preset \"" + name + "\" has no " + partName + "; these do: " + having + ".");
}

// Counted without making the weights.
std::int64_t vocoderParameterCount(const VocoderConfig& config);
std::int64_t textEncoderParameterCount(const TextEncoderConfig& config);
// The conditioning that comes with a UNet: the section module and the voice fusion. Small enough to
// count by making them.
std::int64_t conditioningParameterCount(const UNetConfig& unet, int textDim);

// What one training step at batch 1 needs, estimated: the weights, their gradients and AdamW's two
// moments (16 bytes a parameter), and the activations kept for the backward pass at the crop each
// phase trains on (2.56 s of log-mel for the VAE, 0.64 s for the vocoder, 10.24 s of latent for the UNet).
std::int64_t trainingStepBytes(const VaeConfig& config, bool checkpointing = false);
std::int64_t trainingStepBytes(const VocoderConfig& config);
std::int64_t trainingStepBytes(const UNetConfig& config);

}  // namespace muze
