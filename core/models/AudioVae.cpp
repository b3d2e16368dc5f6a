#include "core/models/AudioVae.h"

#include "core/common/Error.h"

#include <torch/torch.h>

namespace muze {
namespace {

using Json = nlohmann::ordered_json;

int groupsFor(int channels)
{
    for (int groups : {32, 16, 8, 4, 2})
        if (channels % groups == 0)
            return groups;
    return 1;
}

torch::nn::Conv1d conv(int in, int out, int kernel = 3)
{
    return torch::nn::Conv1d(torch::nn::Conv1dOptions(in, out, kernel).padding(kernel / 2));
}

// GroupNorm → SiLU → Conv, twice, plus the input. ref: Ho et al. 2020's residual block, in 1-D.
class ResBlockImpl : public torch::nn::Module {
public:
    explicit ResBlockImpl(int channels)
        : m_norm1(register_module("norm1", torch::nn::GroupNorm(groupsFor(channels), channels))),
          m_conv1(register_module("conv1", conv(channels, channels))),
          m_norm2(register_module("norm2", torch::nn::GroupNorm(groupsFor(channels), channels))),
          m_conv2(register_module("conv2", conv(channels, channels)))
    {
    }
    torch::Tensor forward(const torch::Tensor& x)
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

// GroupNorm → SiLU → Conv to `out` channels, at the end of `stack`.
void appendOutputHead(torch::nn::Sequential& stack, int channels, int out)
{
    stack->push_back(torch::nn::GroupNorm(groupsFor(channels), channels));
    stack->push_back(torch::nn::SiLU());
    stack->push_back(conv(channels, out));
}

}  // namespace

Json VaeConfig::toJson() const
{
    return {{"model", "AudioVAE"},       {"n_mels", melBins},           {"latent_dim", latentDim},
            {"channels", channels},      {"res_blocks", resBlocksPerLevel}, {"kl_weight", klWeight},
            {"mel_centre_db", melCentreDb}, {"mel_scale_db", melScaleDb}};
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
        config.klWeight = json.at("kl_weight").get<double>();
        config.melCentreDb = json.at("mel_centre_db").get<double>();
        config.melScaleDb = json.at("mel_scale_db").get<double>();
        if (config.channels.empty() || config.channels.size() > 6 || config.latentDim < 1 || config.melBins < 1)
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
    appendOutputHead(encoder, c.back(), 2 * config.latentDim);  // mean and log-variance
    m_encoder = register_module("encoder", encoder);

    torch::nn::Sequential decoder(conv(config.latentDim, c.back()));
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

VaeOutput AudioVaeImpl::forward(const torch::Tensor& melDb, at::Generator generator)
{
    TORCH_CHECK(melDb.dim() == 3 && melDb.size(1) == m_config.melBins && melDb.size(2) % m_config.timeReduction() == 0,
                "AudioVAE takes [B, n_mels, T] with T a multiple of ", m_config.timeReduction());
    const auto moments = m_encoder->forward(normalise(melDb)).chunk(2, 1);  // [B, latent, T/r] each
    const torch::Tensor logVariance = moments[1].clamp(-30.0, 20.0);
    const torch::Tensor noise = torch::randn(moments[0].sizes(), generator, moments[0].options());
    const torch::Tensor latent = moments[0] + (0.5 * logVariance).exp() * noise;
    return {m_decoder->forward(latent), moments[0], logVariance};
}

torch::Tensor AudioVaeImpl::encodeMean(const torch::Tensor& melDb)
{
    return m_encoder->forward(normalise(melDb)).chunk(2, 1)[0];
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
    return {reconstruction + m_config.klWeight * kl, reconstruction, kl};
}

}  // namespace muze
