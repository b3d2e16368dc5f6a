#include "core/models/PresetSizes.h"

#include "core/models/ModelPresets.h"

namespace muze {
namespace {

PresetSize sizeOf(const ModelPreset& preset)
{
    PresetSize size{preset.name, preset.description, {}, preset.referenceParameters};
    if (preset.vae) {
        size.parts.push_back({"vae", parameterCount(*preset.vae), trainingStepBytes(*preset.vae)});
        size.parts.push_back({"vae_checkpointed", parameterCount(*preset.vae), trainingStepBytes(*preset.vae, true)});
    }
    if (preset.vocoder)
        size.parts.push_back({"vocoder", vocoderParameterCount(*preset.vocoder), trainingStepBytes(*preset.vocoder)});
    if (preset.unet) {
        const std::int64_t conditioning = conditioningParameterCount(*preset.unet, preset.textEncoder ? preset.textEncoder->outputDim : 768);
        size.parts.push_back({"unet", parameterCount(*preset.unet) + conditioning, trainingStepBytes(*preset.unet) + 16 * conditioning});
    }
    if (preset.textEncoder)
        size.parts.push_back({"text_encoder", textEncoderParameterCount(*preset.textEncoder), 0});
    return size;
}

}  // namespace

std::vector<std::string> presetNames()
{
    std::vector<std::string> names;
    for (const ModelPreset& preset : modelPresets())
        names.push_back(preset.name);
    return names;
}

std::vector<PresetSize> presetSizes()
{
    std::vector<PresetSize> sizes;
    for (const ModelPreset& preset : modelPresets())
        sizes.push_back(sizeOf(preset));
    return sizes;
}

}  // namespace muze
