#include "core/models/ModelPresets.h"

#include "core/common/Error.h"
#include "core/models/Conditioning.h"

#include <torch/torch.h>

namespace muze {
namespace {

constexpr int kVaeCropFrames = 256;      // 2.56 s of log-mel
constexpr int kVocoderCropFrames = 64;   // 0.64 s
constexpr int kUNetCropSeconds = 10;
constexpr int kTextTokens = 64;
constexpr std::int64_t kBytesPerParameter = 16;  // weight, gradient, AdamW's two moments, in float32

UNetConfig cpuUNet(int latent, int modelChannels, int contextDim, int conditioningDim)
{
    UNetConfig config;
    config.latentChannels = latent;
    config.modelChannels = modelChannels;
    config.channelMult = {1, 2, 4};
    config.resBlocks = 2;
    config.attentionResolutions = {4};
    config.transformerDepth = 1;
    config.heads = 4;
    config.contextDim = contextDim;
    config.conditioningDim = conditioningDim;
    return config;
}

// The reference's UNetV2 at a model_channels: channel_mult 1/2/4/4, two residual blocks a level,
// transformer blocks two layers deep at reductions 2, 4 and 8, text tokens of 768.
UNetConfig referenceUNet(int latent, int modelChannels)
{
    UNetConfig config;
    config.latentChannels = latent;
    config.modelChannels = modelChannels;
    return config;
}

TextEncoderConfig textEncoder(int dim, int layers, int outputDim)
{
    TextEncoderConfig config;
    config.dim = dim;
    config.layers = layers;
    config.outputDim = outputDim;
    return config;
}

VocoderConfig vocoder(int dim, int layers)
{
    VocoderConfig config;
    config.dim = dim;
    config.intermediateDim = 3 * dim;
    config.layers = layers;
    return config;
}

std::vector<ModelPreset> makePresets()
{
    VaeConfig tinyVae;
    tinyVae.spectralLoss = false;  // at this size it slowed learning (README, "Training")
    VaeConfig smallVae;
    smallVae.latentDim = 64;
    smallVae.channels = {192, 256, 384};
    smallVae.resBlocksPerLevel = 2;
    const std::int64_t million = 1000000;
    return {
        {"tiny", "every part, for a CPU: trains in minutes", tinyVae, vocoder(192, 6), cpuUNet(32, 32, 256, 256), textEncoder(192, 3, 256), {}},
        {"small", "every part, for a CPU: trains in hours", smallVae, vocoder(384, 8), cpuUNet(64, 128, 512, 512), textEncoder(256, 4, 512), {}},
        {"vae-light", "the reference's light AudioVAE (latent 128, channels 64/128/256/512)", VaeConfig::reference(128, {64, 128, 256, 512}),
         vocoder(512, 8), {}, {}, 57 * million},
        {"vae-default", "the reference's AudioVAE (latent 128, channels 128/256/512/1024)", VaeConfig::reference(128), vocoder(512, 8), {}, {},
         224 * million},
        {"vae-heavy", "the reference's heavy AudioVAE (latent 128, channels 256/512/1024/2048)",
         VaeConfig::reference(128, {256, 512, 1024, 2048}), vocoder(512, 8), {}, {}, 889 * million},
        {"unet-256", "the reference's Test/Dev UNetV2 (latent 128, model_channels 256)", {}, {}, referenceUNet(128, 256), textEncoder(512, 6, 768),
         722 * million},
        {"unet-320", "the reference's Production Default UNetV2 (latent 128, model_channels 320)", {}, {}, referenceUNet(128, 320),
         textEncoder(512, 6, 768), 1100 * million},
        {"unet-512", "the reference's Large Production UNetV2 (latent 128, model_channels 512)", {}, {}, referenceUNet(128, 512),
         textEncoder(512, 6, 768), 2800 * million},
        {"unet-768", "the reference's XXL UNetV2 (latent 256, model_channels 768)", {}, {}, referenceUNet(256, 768), textEncoder(512, 6, 768),
         6100 * million},
    };
}

}  // namespace

const std::vector<ModelPreset>& modelPresets()
{
    static const std::vector<ModelPreset> presets = makePresets();
    return presets;
}

const ModelPreset& modelPreset(const std::string& name)
{
    std::string names;
    for (const ModelPreset& preset : modelPresets()) {
        if (preset.name == name)
            return preset;
        names += (names.empty() ? "" : ", ") + preset.name;
    }
    throw Error(ErrorKind::InvalidArgument, "There is no preset \"" + name + "\"; the presets are " + names + " (see `muze models`).");
}

std::int64_t vocoderParameterCount(const VocoderConfig& c)
{
    const std::int64_t d = c.dim;
    const std::int64_t block = 7 * d + d + 2 * d + (d * c.intermediateDim + c.intermediateDim) + (c.intermediateDim * d + d) + d;
    return (c.melBins * d * 7 + d) + 2 * d + c.layers * block + 2 * d + (d * c.headOutputs() + c.headOutputs());
}

std::int64_t textEncoderParameterCount(const TextEncoderConfig& c)
{
    const std::int64_t d = c.dim;
    const std::int64_t layer = (3 * d * d + 3 * d) + (d * d + d) + (d * 4 * d + 4 * d) + (4 * d * d + d) + 4 * d;
    return c.vocabulary * d + c.maxTokens * d + c.layers * layer + d * c.outputDim + c.outputDim;
}

std::int64_t conditioningParameterCount(const UNetConfig& unet, int textDim)
{
    SectionConditioning section(textDim, unet.conditioningDim);
    VoiceFusion voice(256, 192, unet.voiceDim);
    std::int64_t count = 0;
    for (const torch::Tensor& parameter : section->parameters())
        count += parameter.numel();
    for (const torch::Tensor& parameter : voice->parameters())
        count += parameter.numel();
    return count;
}

std::int64_t trainingStepBytes(const VaeConfig& config, bool checkpointing)
{
    return kBytesPerParameter * parameterCount(config) + 4 * activationCount(config, kVaeCropFrames, checkpointing);
}

std::int64_t trainingStepBytes(const VocoderConfig& config)
{
    // Per frame: each block's six tensors of its width or more, the head's spectrum, the samples and
    // the spectral losses' spectra of them.
    const std::int64_t perFrame = config.layers * (4 * config.dim + 2 * config.intermediateDim) + 4 * (config.nFft + 2) + 40 * config.hop;
    return kBytesPerParameter * vocoderParameterCount(config) + 4 * perFrame * kVocoderCropFrames;
}

std::int64_t trainingStepBytes(const UNetConfig& config)
{
    const int frames = kUNetCropSeconds * 100 / 4 / config.timeReduction() * config.timeReduction();  // the latent runs at 25 frames a second
    return kBytesPerParameter * parameterCount(config) + 4 * activationCount(config, frames, kTextTokens);
}

}  // namespace muze
