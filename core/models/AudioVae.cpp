#include "core/models/AudioVae.h"

#include "core/common/Error.h"
#include "core/models/Attention.h"
#include "core/models/Recompute.h"
#include "core/models/SpectralLoss.h"

#include <torch/torch.h>

namespace muze {
namespace {

using Json = nlohmann::ordered_json;

torch::nn::Conv1d conv(int in, int out, int kernel = 3)
{
    return torch::nn::Conv1d(torch::nn::Conv1dOptions(in, out, kernel).padding(kernel / 2));
}

// A block of the VAE, checkpointed while training when the VAE is asked to save memory.
class VaeBlock : public torch::nn::Module, public Recomputable {
public:
    void setCheckpointing(bool on) { m_checkpointing = on; }
    torch::Tensor forward(const torch::Tensor& x) { return m_checkpointing && is_training() ? checkpointed(*this, x) : compute(x); }

private:
    bool m_checkpointing = false;
};

// GroupNorm → SiLU → Conv, twice, plus the input. ref: Ho et al. 2020's residual block, in 1-D.
class ResBlockImpl : public VaeBlock {
public:
    explicit ResBlockImpl(int channels)
        : m_norm1(register_module("norm1", torch::nn::GroupNorm(groupsFor(channels), channels))),
          m_conv1(register_module("conv1", conv(channels, channels))),
          m_norm2(register_module("norm2", torch::nn::GroupNorm(groupsFor(channels), channels))),
          m_conv2(register_module("conv2", conv(channels, channels)))
    {
    }
    torch::Tensor compute(const torch::Tensor& x) override
    {
        const torch::Tensor h = m_conv1(torch::silu(m_norm1(x)));
        return x + m_conv2(torch::silu(m_norm2(h)));
    }

private:
    torch::nn::GroupNorm m_norm1;
    torch::nn::Conv1d m_conv1;
    torch::nn::GroupNorm m_norm2;
    torch::nn::Conv1d m_conv2;
};
TORCH_MODULE(ResBlock);

// GroupNorm → self-attention over time, plus the input.
class SelfAttentionBlockImpl : public VaeBlock {
public:
    explicit SelfAttentionBlockImpl(int channels)
        : m_norm(register_module("norm", torch::nn::GroupNorm(groupsFor(channels), channels))),
          m_attention(register_module("attention", CrossAttention(channels, channels, 1)))
    {
    }
    torch::Tensor compute(const torch::Tensor& x) override
    {
        const torch::Tensor h = m_norm(x).transpose(1, 2);
        return x + m_attention(h, h).transpose(1, 2);
    }

private:
    torch::nn::GroupNorm m_norm;
    CrossAttention m_attention;
};
TORCH_MODULE(SelfAttentionBlock);

void appendMiddle(torch::nn::Sequential& stack, int channels, int blocks)
{
    for (int i = 0; i < blocks; ++i) {
        stack->push_back(ResBlock(channels));
        stack->push_back(SelfAttentionBlock(channels));
    }
}

std::int64_t convCount(std::int64_t in, std::int64_t out, std::int64_t kernel)
{
    return in * out * kernel + out;
}

// GroupNorm → SiLU → Conv to `out` channels, at the end of `stack`.
void appendOutputHead(torch::nn::Sequential& stack, int channels, int out)
{
    stack->push_back(torch::nn::GroupNorm(groupsFor(channels), channels));
    stack->push_back(torch::nn::SiLU());
    stack->push_back(conv(channels, out));
}

}  // namespace

VaeConfig VaeConfig::reference(int latentDim, std::vector<int> channels)
{
    VaeConfig config;
    config.latentDim = latentDim;
    if (!channels.empty())
        config.channels = std::move(channels);
    else if (latentDim <= 32)
        config.channels = {64, 128, 256, 512};
    else if (latentDim <= 64)
        config.channels = {96, 192, 384, 768};
    else
        config.channels = {128, 256, 512, 1024};
    config.resBlocksPerLevel = 3;
    config.middleBlocks = 8;
    return config;
}

std::int64_t parameterCount(const VaeConfig& config)
{
    const std::vector<int>& c = config.channels;
    const auto resBlock = [](std::int64_t channels) { return 4 * channels + 2 * convCount(channels, channels, 3); };
    const auto middle = [&](std::int64_t channels) {
        return config.middleBlocks * (resBlock(channels) + 2 * channels + CrossAttentionImpl::parameterCount(channels, channels));
    };
    std::int64_t count = convCount(config.melBins, c.front(), 3) + convCount(config.latentDim, c.back(), 3);  // the two inputs
    for (std::size_t level = 0; level < c.size(); ++level) {
        count += 2 * config.resBlocksPerLevel * resBlock(c[level]);
        if (level + 1 < c.size())  // down in the encoder, up in the decoder
            count += convCount(c[level], c[level + 1], 4) + convCount(c[level + 1], c[level], 4);
    }
    count += 2 * middle(c.back());
    count += 2 * c.back() + convCount(c.back(), 2 * config.latentDim, 3);  // the encoder's head
    return count + 2 * c.front() + convCount(c.front(), config.melBins, 3);  // the decoder's
}

std::int64_t activationCount(const VaeConfig& config, int frames, bool checkpointing)
{
    // As the UNet's estimate: about eight tensors of its size a residual block, in the encoder and
    // the decoder, and an attention block's maps. A checkpointed block keeps its input alone, and
    // the largest block's insides exist once, while it is recomputed.
    const auto kept = [&](std::int64_t inside, std::int64_t input) { return checkpointing ? input : inside; };
    std::int64_t count = 0;
    std::int64_t largest = 0;
    for (std::size_t level = 0; level < config.channels.size(); ++level) {
        const std::int64_t size = config.channels[level] * std::max(1, frames >> level);
        count += 2 * config.resBlocksPerLevel * kept(8 * size, size);
        largest = std::max(largest, 8 * size);
    }
    const std::int64_t deepest = std::max(1, frames >> (config.channels.size() - 1));
    const std::int64_t attention = 6 * config.channels.back() * deepest + 2 * deepest * deepest;
    const std::int64_t middleSize = config.channels.back() * deepest;
    count += 2 * config.middleBlocks * (kept(8 * middleSize, middleSize) + kept(attention, middleSize));
    return checkpointing ? count + std::max(largest, attention) : count;
}

Json VaeConfig::toJson() const
{
    return {{"model", "AudioVAE"},       {"n_mels", melBins},           {"latent_dim", latentDim},
            {"channels", channels},      {"res_blocks", resBlocksPerLevel}, {"middle_blocks", middleBlocks}, {"kl_weight", klWeight},
            {"use_stft_loss", spectralLoss}, {"stft_weight", spectralWeight}, {"mel_centre_db", melCentreDb}, {"mel_scale_db", melScaleDb}};
}

VaeConfig VaeConfig::fromJson(const Json& json)
{
    try {
        VaeConfig config;
        if (json.at("model") != "AudioVAE")
            throw Error(ErrorKind::Corrupt, "");
        config.melBins = json.at("n_mels").get<int>();
        config.latentDim = json.at("latent_dim").get<int>();
        config.channels = json.at("channels").get<std::vector<int>>();
        config.resBlocksPerLevel = json.at("res_blocks").get<int>();
        config.middleBlocks = json.value("middle_blocks", 0);  // checkpoints from before the reference presets have none
        config.klWeight = json.at("kl_weight").get<double>();
        config.spectralLoss = json.value("use_stft_loss", false);  // nor the spectral term
        config.spectralWeight = json.value("stft_weight", 0.0);
        config.melCentreDb = json.at("mel_centre_db").get<double>();
        config.melScaleDb = json.at("mel_scale_db").get<double>();
        if (config.channels.empty() || config.channels.size() > 6 || config.latentDim < 1 || config.melBins < 1 || config.middleBlocks < 0 ||
            config.resBlocksPerLevel < 0)
            throw Error(ErrorKind::Corrupt, "");
        return config;
    } catch (const std::exception&) {
        throw Error(ErrorKind::Corrupt, "Not an AudioVAE config: " + json.dump() + ".");
    }
}

AudioVaeImpl::AudioVaeImpl(const VaeConfig& config) : m_config(config)
{
    const std::vector<int>& c = config.channels;
    torch::nn::Sequential encoder(conv(config.melBins, c.front()));
    for (std::size_t level = 0; level < c.size(); ++level) {
        for (int i = 0; i < config.resBlocksPerLevel; ++i)
            encoder->push_back(ResBlock(c[level]));
        if (level + 1 < c.size())  // halves time: [B, c, T] → [B, c', T/2]
            encoder->push_back(torch::nn::Conv1d(torch::nn::Conv1dOptions(c[level], c[level + 1], 4).stride(2).padding(1)));
    }
    appendMiddle(encoder, c.back(), config.middleBlocks);
    appendOutputHead(encoder, c.back(), 2 * config.latentDim);  // mean and log-variance
    m_encoder = register_module("encoder", encoder);

    torch::nn::Sequential decoder(conv(config.latentDim, c.back()));
    appendMiddle(decoder, c.back(), config.middleBlocks);
    for (std::size_t level = c.size(); level-- > 0;) {
        for (int i = 0; i < config.resBlocksPerLevel; ++i)
            decoder->push_back(ResBlock(c[level]));
        if (level > 0)  // doubles time: [B, c, T] → [B, c', 2T]
            decoder->push_back(torch::nn::ConvTranspose1d(torch::nn::ConvTranspose1dOptions(c[level], c[level - 1], 4).stride(2).padding(1)));
    }
    appendOutputHead(decoder, c.front(), config.melBins);
    m_decoder = register_module("decoder", decoder);
}

torch::Tensor AudioVaeImpl::normalise(const torch::Tensor& melDb) const
{
    return (melDb - m_config.melCentreDb) / m_config.melScaleDb;
}

torch::Tensor AudioVaeImpl::denormalise(const torch::Tensor& normalised) const
{
    return normalised * m_config.melScaleDb + m_config.melCentreDb;
}

std::vector<std::int64_t> AudioVaeImpl::latentShapeOf(const torch::Tensor& melDb) const
{
    TORCH_CHECK(melDb.dim() == 3 && melDb.size(1) == m_config.melBins && melDb.size(2) % m_config.timeReduction() == 0,
                "AudioVAE takes [B, n_mels, T] with T a multiple of ", m_config.timeReduction());
    return {melDb.size(0), m_config.latentDim, melDb.size(2) / m_config.timeReduction()};
}

VaeOutput AudioVaeImpl::forward(const torch::Tensor& melDb, at::Generator generator)
{
    return forward(melDb, torch::randn(latentShapeOf(melDb), generator, melDb.options()));
}

VaeOutput AudioVaeImpl::forward(const torch::Tensor& melDb, const torch::Tensor& noise)
{
    TORCH_CHECK(noise.sizes() == c10::IntArrayRef(latentShapeOf(melDb)), "AudioVAE's noise must be ", c10::IntArrayRef(latentShapeOf(melDb)));
    const auto moments = m_encoder->forward(normalise(melDb)).chunk(2, 1);  // [B, latent, T/r] each
    const torch::Tensor logVariance = moments[1].clamp(-30.0, 20.0);
    const torch::Tensor latent = moments[0] + (0.5 * logVariance).exp() * noise;
    return {m_decoder->forward(latent), moments[0], logVariance};
}

torch::Tensor AudioVaeImpl::encodeMean(const torch::Tensor& melDb)
{
    return m_encoder->forward(normalise(melDb)).chunk(2, 1)[0];
}

torch::Tensor AudioVaeImpl::encodeSong(const torch::Tensor& melDb, int window, int margin)
{
    const std::int64_t r = m_config.timeReduction();
    TORCH_CHECK(melDb.dim() == 2 && melDb.size(0) == m_config.melBins && melDb.size(1) >= r && window % r == 0 && margin % r == 0,
                "encodeSong takes [n_mels, T] with T ≥ ", r, " and a window and margin that are multiples of ", r);
    torch::NoGradGuard noGrad;
    const std::int64_t frames = melDb.size(1) / r * r;
    std::vector<torch::Tensor> parts;
    for (std::int64_t start = 0; start < frames; start += window) {
        const std::int64_t end = std::min(frames, start + window);
        const std::int64_t from = std::max<std::int64_t>(0, start - margin);
        const std::int64_t to = std::min(frames, end + margin);
        const torch::Tensor latent = encodeMean(melDb.narrow(1, from, to - from).unsqueeze(0))[0];
        parts.push_back(latent.narrow(1, (start - from) / r, (end - start) / r));
    }
    return torch::cat(parts, 1);
}

torch::Tensor AudioVaeImpl::decodeToDb(const torch::Tensor& latent)
{
    return denormalise(m_decoder->forward(latent));
}

VaeLoss AudioVaeImpl::loss(const VaeOutput& output, const torch::Tensor& melDb) const
{
    const torch::Tensor reconstruction = torch::mse_loss(output.reconstruction, normalise(melDb));
    // KL(N(μ, σ²) ‖ N(0, 1)) per element: −½(1 + log σ² − μ² − σ²)
    const torch::Tensor kl = (-0.5 * (1 + output.logVariance - output.mean.pow(2) - output.logVariance.exp())).mean();
    torch::Tensor total = reconstruction + m_config.klWeight * kl;
    torch::Tensor spectral;
    if (m_config.spectralLoss) {
        spectral = multiResolutionMelDistance(denormalise(output.reconstruction), melDb);
        total = total + m_config.spectralWeight * spectral;
    }
    return {total, reconstruction, kl, spectral};
}

void AudioVaeImpl::setGradientCheckpointing(bool on)
{
    for (const std::shared_ptr<torch::nn::Module>& module : modules())
        if (auto* block = dynamic_cast<VaeBlock*>(module.get()))
            block->setCheckpointing(on);
}

}  // namespace muze
