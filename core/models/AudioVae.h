#pragma once

#include <nlohmann/json.hpp>
#include <torch/nn/module.h>
#include <torch/nn/modules/container/sequential.h>

#include <vector>

namespace muze {

// The phase-1 autoencoder: a log-mel spectrogram [B, 128, T] (10 ms frames) to a latent [B,
// latent_dim, T / 2^(levels − 1)] and back. One-dimensional convolutions with the mel bins as
// channels: on a CPU they train several times faster than the 2-D convolutions of image VAEs at the
// same size, and the latent keeps a time axis for the UNet.
struct VaeConfig {
    int melBins = 128;                 // n_mels
    int latentDim = 32;                // latent_dim
    std::vector<int> channels = {128, 192, 256};  // one level each; every level after the first halves time
    int resBlocksPerLevel = 1;
    int middleBlocks = 0;              // residual + self-attention pairs at the deepest level, each side
    double klWeight = 1e-4;            // β of MSE + β·KL
    // use_stft_loss: the multi-resolution spectral distance of the reconstruction (SpectralLoss.h),
    // weighted by stft_weight, joins the loss.
    bool spectralLoss = true;
    double spectralWeight = 0.1;
    // log-mel in dB enters the network as (dB − melCentreDb) / melScaleDb.
    double melCentreDb = -40.0;
    double melScaleDb = 40.0;

    // The reference's configs: its LATENT_CONFIGS choice of channels for a latent_dim (8 and 32:
    // 64/128/256/512, 64: 96/192/384/768, 128 and more: 128/256/512/1024), or the channels given, with
    // three blocks a level and eight in the middle, which gives its sizes (57M light, 224M default,
    // 889M heavy).
    static VaeConfig reference(int latentDim, std::vector<int> channels = {});

    int timeReduction() const { return 1 << (static_cast<int>(channels.size()) - 1); }
    nlohmann::ordered_json toJson() const;
    static VaeConfig fromJson(const nlohmann::ordered_json& json);  // throws Error(Corrupt) for a bad config
};

struct VaeOutput {
    torch::Tensor reconstruction;  // normalised log-mel [B, melBins, T]
    torch::Tensor mean;            // [B, latentDim, T / reduction]
    torch::Tensor logVariance;
};

struct VaeLoss {
    torch::Tensor total;
    torch::Tensor reconstruction;  // mean squared error of the normalised log-mel
    torch::Tensor kl;              // per latent element
    torch::Tensor spectral;        // undefined unless the config asks for it
};

class AudioVaeImpl : public torch::nn::Module {
public:
    explicit AudioVaeImpl(const VaeConfig& config);

    // `melDb` [B, melBins, T] in dB, T a multiple of timeReduction(). `generator` draws the latent's noise.
    VaeOutput forward(const torch::Tensor& melDb, at::Generator generator);
    // The same with the noise given, of latentShapeOf(melDb): [B, latent channels, T / time reduction].
    VaeOutput forward(const torch::Tensor& melDb, const torch::Tensor& noise);
    std::vector<std::int64_t> latentShapeOf(const torch::Tensor& melDb) const;
    torch::Tensor encodeMean(const torch::Tensor& melDb);
    // A whole song's latent means [latentDim, T / reduction] from its log-mel [melBins, T] (T cut to
    // a multiple of the reduction), encoded a window at a time with `margin` frames of context on
    // each side, so that memory stays bounded and every latent frame sees the context it would see
    // inside a long crop. No gradients.
    torch::Tensor encodeSong(const torch::Tensor& melDb, int window = 1024, int margin = 64);
    torch::Tensor decodeToDb(const torch::Tensor& latent);

    torch::Tensor normalise(const torch::Tensor& melDb) const;
    torch::Tensor denormalise(const torch::Tensor& normalised) const;
    VaeLoss loss(const VaeOutput& output, const torch::Tensor& melDb) const;
    const VaeConfig& config() const { return m_config; }
    // The reference's use_checkpoint: while training, each residual and attention block keeps only
    // its input and is run again in the backward pass (Recompute.h). Not part of the config: the
    // weights are the same either way, and a run may resume with it on or off.
    void setGradientCheckpointing(bool on);

private:
    VaeConfig m_config;
    torch::nn::Sequential m_encoder{nullptr};
    torch::nn::Sequential m_decoder{nullptr};
};
TORCH_MODULE(AudioVae);

// The weights AudioVaeImpl(config) would have, counted without making them.
std::int64_t parameterCount(const VaeConfig& config);
// The numbers a training step keeps for its backward pass at one crop of `frames` log-mel frames, estimated.
std::int64_t activationCount(const VaeConfig& config, int frames, bool checkpointing = false);

}  // namespace muze
