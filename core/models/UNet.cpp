#include "core/models/UNet.h"

#include "core/common/Error.h"

#include <torch/torch.h>

#include <algorithm>
#include <cmath>
#include <optional>

namespace muze {
namespace {

using Json = nlohmann::ordered_json;

std::int64_t convCount(std::int64_t in, std::int64_t out, std::int64_t kernel)
{
    return in * out * kernel + out;
}

torch::nn::Conv1d conv3(int in, int out, int stride = 1)
{
    return torch::nn::Conv1d(torch::nn::Conv1dOptions(in, out, 3).stride(stride).padding(1));
}

// GroupNorm → SiLU → Conv, GroupNorm scaled and shifted by the time embedding → SiLU → Conv, plus the
// input (through a 1×1 conv when the channels change). The embedding acts after the norm, where no
// normalisation can cancel it. ref: Dhariwal & Nichol 2021, "Diffusion Models Beat GANs", §3
// (adaptive group normalization), in 1-D.
class TimedResBlockImpl : public torch::nn::Module {
public:
    TimedResBlockImpl(int in, int out, int embedding)
        : m_norm1(register_module("norm1", torch::nn::GroupNorm(groupsFor(in), in))),
          m_conv1(register_module("conv1", conv3(in, out))),
          m_time(register_module("time", torch::nn::Linear(embedding, 2 * out))),
          m_norm2(register_module("norm2", torch::nn::GroupNorm(groupsFor(out), out))),
          m_conv2(register_module("conv2", conv3(out, out)))
    {
        if (in != out)
            m_skip = register_module("skip", torch::nn::Conv1d(in, out, 1));
    }

    static std::int64_t parameterCount(std::int64_t in, std::int64_t out, std::int64_t embedding)
    {
        return 2 * in + convCount(in, out, 3) + embedding * 2 * out + 2 * out + 2 * out + convCount(out, out, 3) +
               (in != out ? convCount(in, out, 1) : 0);
    }

    torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& embedding)
    {
        const auto scaleShift = m_time(embedding).unsqueeze(-1).chunk(2, 1);
        torch::Tensor h = m_norm2(m_conv1(torch::silu(m_norm1(x)))) * (1 + scaleShift[0]) + scaleShift[1];
        h = m_conv2(torch::silu(h));
        return (m_skip ? m_skip(x) : x) + h;
    }

private:
    torch::nn::GroupNorm m_norm1;
    torch::nn::Conv1d m_conv1;
    torch::nn::Linear m_time;
    torch::nn::GroupNorm m_norm2;
    torch::nn::Conv1d m_conv2;
    torch::nn::Conv1d m_skip{nullptr};
};
TORCH_MODULE(TimedResBlock);

enum class Resample { None, Down, Up };

// One step of the UNet's path: a residual block (its input concatenated with a skip on the way up),
// a transformer block where the resolution has attention, or a change of resolution.
class StageImpl : public torch::nn::Module {
public:
    StageImpl(std::optional<std::pair<int, int>> residual, std::optional<int> attentionChannels, Resample resample, int channels,
              const UNetConfig& config)
        : m_resample(resample)
    {
        if (residual)
            m_residual = register_module("residual", TimedResBlock(residual->first, residual->second, 4 * config.modelChannels));
        if (attentionChannels)
            m_attention = register_module(
                "attention", TransformerBlock(*attentionChannels, config.transformerDepth, config.contextDim, config.voiceDim, config.heads));
        if (resample != Resample::None)
            m_resampleConv = register_module("resample", conv3(channels, channels, resample == Resample::Down ? 2 : 1));
    }

    torch::Tensor forward(torch::Tensor x, const torch::Tensor& embedding, const AttentionContext& context)
    {
        if (m_residual)
            x = m_residual(x, embedding);
        if (m_attention)
            x = m_attention(x, context);
        if (m_resample == Resample::Up)
            x = torch::upsample_nearest1d(x, std::vector<std::int64_t>{2 * x.size(2)});
        if (m_resample != Resample::None)
            x = m_resampleConv(x);
        return x;
    }

private:
    Resample m_resample;
    TimedResBlock m_residual{nullptr};
    TransformerBlock m_attention{nullptr};
    torch::nn::Conv1d m_resampleConv{nullptr};
};
TORCH_MODULE(Stage);

// The UNet's layout, which the module, its parameter count and its activation estimate follow:
// `visit(path, residual (in, out) or none, attention channels or none, resample, channels, level)`
// for every stage, path 0 down, 1 middle, 2 up; the stage runs at 1 / 2^level of the input's frames.
template <typename Visit>
void walkStages(const UNetConfig& config, Visit visit)
{
    const auto hasAttention = [&](int level) {
        const int reduction = 1 << level;
        return std::find(config.attentionResolutions.begin(), config.attentionResolutions.end(), reduction) != config.attentionResolutions.end();
    };
    using Residual = std::optional<std::pair<int, int>>;
    using Attention = std::optional<int>;
    const auto attentionAt = [&](int level, int channels) { return hasAttention(level) ? Attention(channels) : Attention(); };
    const int levels = static_cast<int>(config.channelMult.size());
    int channels = config.modelChannels;
    std::vector<int> skips{channels};
    for (int level = 0; level < levels; ++level) {
        const int out = config.channelMult[static_cast<std::size_t>(level)] * config.modelChannels;
        for (int i = 0; i < config.resBlocks; ++i) {
            visit(0, Residual({channels, out}), attentionAt(level, out), Resample::None, out, level);
            channels = out;
            skips.push_back(channels);
        }
        if (level + 1 < levels) {
            visit(0, Residual(), Attention(), Resample::Down, channels, level);
            skips.push_back(channels);
        }
    }
    visit(1, Residual({channels, channels}), Attention(channels), Resample::None, channels, levels - 1);
    visit(1, Residual({channels, channels}), Attention(), Resample::None, channels, levels - 1);
    for (int level = levels - 1; level >= 0; --level) {
        const int out = config.channelMult[static_cast<std::size_t>(level)] * config.modelChannels;
        for (int i = 0; i <= config.resBlocks; ++i) {
            const bool last = i == config.resBlocks && level > 0;
            visit(2, Residual({channels + skips.back(), out}), attentionAt(level, out), last ? Resample::Up : Resample::None, out, level);
            skips.pop_back();
            channels = out;
        }
    }
}

// The diffusion time as sinusoids of `dim` frequencies. ref: Vaswani et al. 2017, section 3.5.
torch::Tensor timeFeatures(const torch::Tensor& time, int dim)
{
    const int half = dim / 2;
    const torch::Tensor frequencies =
        torch::exp(-std::log(10000.0) * torch::arange(half, time.options().dtype(torch::kFloat32)) / static_cast<double>(half));
    const torch::Tensor angles = (time.to(torch::kFloat32) * 1000.0).unsqueeze(1) * frequencies.unsqueeze(0);
    return torch::cat({torch::sin(angles), torch::cos(angles)}, 1);
}

}  // namespace

Json UNetConfig::toJson() const
{
    return {{"model", "UNetV2"},
            {"in_channels", latentChannels},
            {"control_channels", controlChannels},
            {"model_channels", modelChannels},
            {"channel_mult", channelMult},
            {"num_res_blocks", resBlocks},
            {"attention_resolutions", attentionResolutions},
            {"transformer_depth", transformerDepth},
            {"num_heads", heads},
            {"context_dim", contextDim},
            {"voice_dim", voiceDim},
            {"conditioning_dim", conditioningDim}};
}

UNetConfig UNetConfig::fromJson(const Json& json)
{
    try {
        UNetConfig config;
        if (json.at("model") != "UNetV2")
            throw Error(ErrorKind::Corrupt, "");
        config.latentChannels = json.at("in_channels").get<int>();
        config.controlChannels = json.at("control_channels").get<int>();
        config.modelChannels = json.at("model_channels").get<int>();
        config.channelMult = json.at("channel_mult").get<std::vector<int>>();
        config.resBlocks = json.at("num_res_blocks").get<int>();
        config.attentionResolutions = json.at("attention_resolutions").get<std::vector<int>>();
        config.transformerDepth = json.at("transformer_depth").get<int>();
        config.heads = json.at("num_heads").get<int>();
        config.contextDim = json.at("context_dim").get<int>();
        config.voiceDim = json.at("voice_dim").get<int>();
        config.conditioningDim = json.at("conditioning_dim").get<int>();
        const bool multsValid = std::all_of(config.channelMult.begin(), config.channelMult.end(), [](int m) { return m >= 1 && m <= 16; });
        if (config.latentChannels < 1 || config.controlChannels < 0 || config.modelChannels < 1 || config.channelMult.empty() ||
            config.channelMult.size() > 6 || !multsValid || config.resBlocks < 1 || config.transformerDepth < 0 || config.heads < 1 ||
            config.contextDim < 1 || config.voiceDim < 1 || config.conditioningDim < 1)
            throw Error(ErrorKind::Corrupt, "");
        return config;
    } catch (const std::exception&) {
        throw Error(ErrorKind::Corrupt, "Not a UNetV2 config: " + json.dump() + ".");
    }
}

UNetV2Impl::UNetV2Impl(const UNetConfig& config) : m_config(config)
{
    const int embedding = 4 * config.modelChannels;
    m_timeIn = register_module("time_in", torch::nn::Linear(config.modelChannels, embedding));
    m_timeOut = register_module("time_out", torch::nn::Linear(embedding, embedding));
    m_conditioning = register_module("conditioning", torch::nn::Linear(config.conditioningDim, embedding));
    m_input = register_module("input", conv3(config.latentChannels + config.controlChannels, config.modelChannels));
    m_down = register_module("down", torch::nn::ModuleList());
    m_middle = register_module("middle", torch::nn::ModuleList());
    m_up = register_module("up", torch::nn::ModuleList());
    int last = config.modelChannels;
    walkStages(config, [&](int path, std::optional<std::pair<int, int>> residual, std::optional<int> attention, Resample resample, int channels, int) {
        (path == 0 ? m_down : path == 1 ? m_middle : m_up)->push_back(Stage(residual, attention, resample, channels, config));
        last = channels;
    });
    m_outputNorm = register_module("output_norm", torch::nn::GroupNorm(groupsFor(last), last));
    m_output = register_module("output", conv3(last, config.latentChannels));
    torch::NoGradGuard noGrad;
    m_output->weight.zero_();  // the untrained model predicts zero: a calm start for the loss
    m_output->bias.zero_();
}

std::int64_t parameterCount(const UNetConfig& config)
{
    const std::int64_t embedding = 4 * config.modelChannels;
    std::int64_t count = config.modelChannels * embedding + embedding + embedding * embedding + embedding + config.conditioningDim * embedding +
                         embedding + convCount(config.latentChannels + config.controlChannels, config.modelChannels, 3);
    std::int64_t last = config.modelChannels;
    walkStages(config, [&](int, std::optional<std::pair<int, int>> residual, std::optional<int> attention, Resample resample, int channels, int) {
        if (residual)
            count += TimedResBlockImpl::parameterCount(residual->first, residual->second, embedding);
        if (attention)
            count += TransformerBlockImpl::parameterCount(*attention, config.transformerDepth, config.contextDim, config.voiceDim);
        if (resample != Resample::None)
            count += convCount(channels, channels, 3);
        last = channels;
    });
    return count + 2 * last + convCount(last, config.latentChannels, 3);
}

std::int64_t activationCount(const UNetConfig& config, int frames, int textTokens)
{
    // Kept for the backward pass, roughly: a residual block's norms, activations and convolutions
    // (about eight tensors of its size); a transformer layer's norms, projections and feed-forward
    // (about fourteen) and its attention maps (scores and softmax, self and on the text).
    std::int64_t count = 0;
    walkStages(config, [&](int, std::optional<std::pair<int, int>> residual, std::optional<int> attention, Resample, int channels, int level) {
        const std::int64_t t = std::max(1, frames >> level);
        if (residual)
            count += 8 * std::max(residual->first, residual->second) * t;
        if (attention)
            count += config.transformerDepth * (14 * channels * t + 2 * config.heads * t * (t + textTokens));
    });
    return count;
}

torch::Tensor UNetV2Impl::forward(const torch::Tensor& latent, const torch::Tensor& time, const UNetConditions& conditions)
{
    TORCH_CHECK(latent.dim() == 3 && latent.size(1) == m_config.latentChannels && latent.size(2) % m_config.timeReduction() == 0,
                "UNetV2 takes [B, ", m_config.latentChannels, ", T] with T a multiple of ", m_config.timeReduction());
    const torch::Tensor embedding = m_timeOut(torch::silu(m_timeIn(timeFeatures(time, m_config.modelChannels)))) +
                                    m_conditioning(conditions.conditioning);
    torch::Tensor x = m_input(torch::cat({latent, conditions.controls}, 1));
    std::vector<torch::Tensor> skips{x};
    for (const auto& stage : *m_down) {
        x = stage->as<Stage>()->forward(x, embedding, conditions.attention);
        skips.push_back(x);
    }
    for (const auto& stage : *m_middle)
        x = stage->as<Stage>()->forward(x, embedding, conditions.attention);
    for (const auto& stage : *m_up) {
        x = stage->as<Stage>()->forward(torch::cat({x, skips.back()}, 1), embedding, conditions.attention);
        skips.pop_back();
    }
    return m_output(torch::silu(m_outputNorm(x)));
}

}  // namespace muze
