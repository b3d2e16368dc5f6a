#include "core/models/LatentDiffusion.h"

#include "core/common/Error.h"

#include <torch/torch.h>

namespace muze {

using Json = nlohmann::ordered_json;

Json LdmConfig::toJson() const
{
    return {{"model", "LatentDiffusion"},
            {"unet", unet.toJson()},
            {"text_encoder", text.toJson()},
            {"latent_scale", latentScale},
            {"prediction", prediction == Prediction::V ? "v" : "epsilon"},
            {"schedule", schedule.kind == ScheduleKind::Cosine ? "cosine" : "linear"},
            {"train_steps", schedule.trainSteps},
            {"zero_terminal_snr", schedule.zeroTerminalSnr},
            {"energy_curve", {{"at_silence", energyCurve.atSilence}, {"per_energy", energyCurve.perEnergy}}}};
}

LdmConfig LdmConfig::fromJson(const Json& json)
{
    try {
        if (json.at("model") != "LatentDiffusion")
            throw Error(ErrorKind::Corrupt, "");
        LdmConfig config;
        config.unet = UNetConfig::fromJson(json.at("unet"));
        config.text = TextEncoderConfig::fromJson(json.at("text_encoder"));
        config.latentScale = json.at("latent_scale").get<double>();
        config.prediction = json.at("prediction") == "v" ? Prediction::V : Prediction::Epsilon;
        config.schedule.kind = json.at("schedule") == "cosine" ? ScheduleKind::Cosine : ScheduleKind::Linear;
        config.schedule.trainSteps = json.at("train_steps").get<int>();
        config.schedule.zeroTerminalSnr = json.at("zero_terminal_snr").get<bool>();
        config.energyCurve = {json.at("energy_curve").at("at_silence").get<double>(), json.at("energy_curve").at("per_energy").get<double>()};
        if (!(config.latentScale > 0) || config.schedule.trainSteps < 2 || config.text.outputDim != config.unet.contextDim)
            throw Error(ErrorKind::Corrupt, "");
        return config;
    } catch (const std::exception&) {
        throw Error(ErrorKind::Corrupt, "Not a latent diffusion config: " + json.dump() + ".");
    }
}

LatentDiffusionImpl::LatentDiffusionImpl(const LdmConfig& config) : m_config(config)
{
    m_unet = register_module("unet", UNetV2(config.unet));
    m_text = register_module("text", TextEncoder(config.text));
    m_section = register_module("section", SectionConditioning(config.text.outputDim, config.unet.conditioningDim));
    m_voice = register_module("voice", VoiceFusion(256, 192, config.unet.voiceDim));
}

UNetConditions LatentDiffusionImpl::encode(const LdmConditions& conditions)
{
    const EncodedText text = m_text(conditions.prompts);
    SectionInputs section = conditions.section;
    section.text = text.pooled;
    const auto [voice, hasVoice] = m_voice(conditions.voice, conditions.ecapa);
    return {conditions.controls, m_section(section), AttentionContext{text.tokens, text.mask, voice, hasVoice}};
}

torch::Tensor LatentDiffusionImpl::denoise(const torch::Tensor& xt, const torch::Tensor& time, const UNetConditions& encoded)
{
    return m_unet(xt, time, encoded);
}

torch::Tensor LatentDiffusionImpl::forward(const torch::Tensor& xt, const torch::Tensor& time, const LdmConditions& conditions)
{
    return denoise(xt, time, encode(conditions));
}

}  // namespace muze
