#include "core/models/Vocoder.h"

#include "core/common/Error.h"

#include <torch/torch.h>

#include <cmath>

namespace muze {
namespace {

using Json = nlohmann::ordered_json;

// LayerNorm over the channels of a [B, C, T] tensor.
torch::Tensor normaliseChannels(torch::nn::LayerNorm& norm, const torch::Tensor& x)
{
    return norm(x.transpose(1, 2)).transpose(1, 2);
}

}  // namespace

Json VocoderConfig::toJson() const
{
    return {{"model", "Vocoder"}, {"n_mels", melBins},         {"dim", dim},
            {"intermediate_dim", intermediateDim}, {"layers", layers}, {"n_fft", nFft},
            {"hop_length", hop},  {"sample_rate", sampleRate}, {"mel_centre_db", melCentreDb},
            {"mel_scale_db", melScaleDb}, {"integrated_phase", integratedPhase}};
}

VocoderConfig VocoderConfig::fromJson(const Json& json)
{
    try {
        VocoderConfig config;
        if (json.at("model") != "Vocoder")
            throw Error(ErrorKind::Corrupt, "");
        config.melBins = json.at("n_mels").get<int>();
        config.dim = json.at("dim").get<int>();
        config.intermediateDim = json.at("intermediate_dim").get<int>();
        config.layers = json.at("layers").get<int>();
        config.nFft = json.at("n_fft").get<int>();
        config.hop = json.at("hop_length").get<int>();
        config.sampleRate = json.at("sample_rate").get<int>();
        config.melCentreDb = json.at("mel_centre_db").get<double>();
        config.melScaleDb = json.at("mel_scale_db").get<double>();
        config.integratedPhase = json.value("integrated_phase", false);
        if (config.melBins < 1 || config.dim < 1 || config.intermediateDim < 1 || config.layers < 1 || config.layers > 64 ||
            config.hop < 1 || config.nFft < config.hop || config.sampleRate < 1)
            throw Error(ErrorKind::Corrupt, "");
        return config;
    } catch (const std::exception&) {
        throw Error(ErrorKind::Corrupt, "Not a vocoder config: " + json.dump() + ".");
    }
}

ConvNeXtBlockImpl::ConvNeXtBlockImpl(int dim, int intermediateDim, double layerScale)
    : m_depthwise(register_module("depthwise", torch::nn::Conv1d(torch::nn::Conv1dOptions(dim, dim, 7).padding(3).groups(dim)))),
      m_norm(register_module("norm", torch::nn::LayerNorm(torch::nn::LayerNormOptions({dim})))),
      m_expand(register_module("expand", torch::nn::Linear(dim, intermediateDim))),
      m_project(register_module("project", torch::nn::Linear(intermediateDim, dim))),
      m_scale(register_parameter("scale", torch::full({dim}, layerScale)))
{
}

torch::Tensor ConvNeXtBlockImpl::forward(const torch::Tensor& x)
{
    torch::Tensor h = m_norm(m_depthwise(x).transpose(1, 2));  // [B, T, dim]
    h = m_project(torch::gelu(m_expand(h))) * m_scale;
    return x + h.transpose(1, 2);
}

VocoderImpl::VocoderImpl(const VocoderConfig& config) : m_config(config)
{
    m_embed = register_module("embed", torch::nn::Conv1d(torch::nn::Conv1dOptions(config.melBins, config.dim, 7).padding(3)));
    m_inputNorm = register_module("input_norm", torch::nn::LayerNorm(torch::nn::LayerNormOptions({config.dim})));
    m_blocks = register_module("blocks", torch::nn::ModuleList());
    for (int i = 0; i < config.layers; ++i)
        m_blocks->push_back(ConvNeXtBlock(config.dim, config.intermediateDim, 1.0 / config.layers));
    m_outputNorm = register_module("output_norm", torch::nn::LayerNorm(torch::nn::LayerNormOptions({config.dim})));
    // Each bin's log magnitude and phase, or log magnitude, turn and offset.
    m_head = register_module("head", torch::nn::Linear(config.dim, config.headOutputs()));
    m_window = register_buffer("window", torch::hann_window(config.nFft));
}

torch::Tensor VocoderImpl::forward(const torch::Tensor& melDb)
{
    return synthesize(spectrum(melDb));
}

VocoderSpectrum VocoderImpl::spectrum(const torch::Tensor& melDb)
{
    TORCH_CHECK(melDb.dim() == 3 && melDb.size(1) == m_config.melBins, "the vocoder takes [B, n_mels, T]");
    torch::Tensor x = m_embed((melDb - m_config.melCentreDb) / m_config.melScaleDb);
    x = normaliseChannels(m_inputNorm, x);
    for (const auto& block : *m_blocks)
        x = block->as<ConvNeXtBlock>()->forward(x);
    const auto parts = m_head(m_outputNorm(x.transpose(1, 2))).transpose(1, 2).split(m_config.bins(), 1);  // [B, bins, T] each
    // The magnitude's cap keeps an untrained head from overflowing the inverse transform.
    const torch::Tensor magnitude = parts[0].exp().clamp_max(100.0);
    if (!m_config.integratedPhase)
        return {magnitude, parts[1]};
    return {magnitude, parts[1].cumsum(2) + parts[2]};
}

torch::Tensor VocoderImpl::frameTurns(std::int64_t frames, const torch::TensorOptions& options) const
{
    // 2π·k·hop·m / nFft for bin k and frame m, reduced modulo 2π in integers, where it is exact.
    const torch::Tensor bins = torch::arange(m_config.bins(), torch::kInt64).unsqueeze(1);
    const torch::Tensor turns = bins * m_config.hop * torch::arange(frames, torch::kInt64).unsqueeze(0) % m_config.nFft;
    return (turns.to(torch::kFloat64) * (2 * M_PI / m_config.nFft)).to(options);
}

torch::Tensor VocoderImpl::synthesize(const VocoderSpectrum& spectrum) const
{
    const torch::Tensor phase = m_config.integratedPhase ? spectrum.phase + frameTurns(spectrum.phase.size(2), spectrum.phase.options()) : spectrum.phase;
    const torch::Tensor complex = torch::complex(spectrum.magnitude * torch::cos(phase), spectrum.magnitude * torch::sin(phase));
    return torch::istft(complex, m_config.nFft, m_config.hop, m_config.nFft, m_window, /*center=*/true, /*normalized=*/false,
                        /*onesided=*/true, spectrum.magnitude.size(2) * m_config.hop);
}

VocoderSpectrum VocoderImpl::analyse(const torch::Tensor& audio) const
{
    const std::int64_t frames = audio.size(1) / m_config.hop;
    const torch::Tensor complex = torch::stft(audio, m_config.nFft, m_config.hop, m_config.nFft, m_window, /*center=*/true, "constant",
                                              /*normalized=*/false, /*onesided=*/true, /*return_complex=*/true)
                                      .narrow(2, 0, frames);
    const torch::Tensor phase = torch::angle(complex);
    return {complex.abs(), m_config.integratedPhase ? phase - frameTurns(frames, phase.options()) : phase};
}

}  // namespace muze
