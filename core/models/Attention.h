#pragma once

#include <torch/nn/module.h>
#include <torch/nn/modules/conv.h>
#include <torch/nn/modules/linear.h>
#include <torch/nn/modules/normalization.h>

#include <cstdint>

// The attention blocks of the diffusion UNet, over time: the latent's frames are the tokens.

namespace muze {

// Multi-head scaled dot-product attention of queries [B, T, dim] on keys and values [B, S,
// contextDim]; `keyMask` [B, S] (true: attend) may be undefined. Queries, keys and values have no
// bias; the output projection has one. ref: Vaswani et al. 2017, section 3.2.2.
class CrossAttentionImpl : public torch::nn::Module {
public:
    CrossAttentionImpl(int dim, int contextDim, int heads);
    torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& context, const torch::Tensor& keyMask = {});
    static std::int64_t parameterCount(std::int64_t dim, std::int64_t contextDim);

private:
    int m_heads;
    torch::nn::Linear m_query{nullptr};
    torch::nn::Linear m_key{nullptr};
    torch::nn::Linear m_value{nullptr};
    torch::nn::Linear m_output{nullptr};
};
TORCH_MODULE(CrossAttention);

// The reference's VoiceStreamAttention: cross-attention on the text tokens and, separately, on the
// voice embedding, mixed by a learnable gate per channel: g·voice + (1 − g)·text, g = sigmoid(w).
// The voice is one token, and attention over one token is its value whatever the query (the softmax
// of a single score is 1), so that branch is the value and output projections alone.
// Where a batch item has no voice, the text branch alone is used.
class VoiceStreamAttentionImpl : public torch::nn::Module {
public:
    VoiceStreamAttentionImpl(int dim, int contextDim, int voiceDim, int heads);
    // `voice` [B, voiceDim]; `hasVoice` [B] bool.
    torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& text, const torch::Tensor& textMask, const torch::Tensor& voice,
                          const torch::Tensor& hasVoice);
    static std::int64_t parameterCount(std::int64_t dim, std::int64_t contextDim, std::int64_t voiceDim);

private:
    CrossAttention m_text{nullptr};
    torch::nn::Linear m_voiceValue{nullptr};
    torch::nn::Linear m_voiceOutput{nullptr};
    torch::Tensor m_gate;
};
TORCH_MODULE(VoiceStreamAttention);

// What a transformer block attends to besides the latent itself.
struct AttentionContext {
    torch::Tensor text;      // [B, L, contextDim]
    torch::Tensor textMask;  // [B, L] bool
    torch::Tensor voice;     // [B, voiceDim]
    torch::Tensor hasVoice;  // [B] bool
};

// GroupNorm, a 1×1 projection in, `depth` layers of (self-attention, voice-stream cross-attention,
// GEGLU feed-forward), each pre-normed and residual, a 1×1 projection out, plus the input.
// ref: Rombach et al. 2022 (Stable Diffusion's SpatialTransformer), in 1-D.
class TransformerBlockImpl : public torch::nn::Module {
public:
    TransformerBlockImpl(int channels, int depth, int contextDim, int voiceDim, int heads);
    torch::Tensor forward(const torch::Tensor& x, const AttentionContext& context);  // [B, C, T]
    static std::int64_t parameterCount(std::int64_t channels, std::int64_t depth, std::int64_t contextDim, std::int64_t voiceDim);

private:
    struct Layer {
        torch::nn::LayerNorm selfNorm{nullptr};
        CrossAttention self{nullptr};
        torch::nn::LayerNorm crossNorm{nullptr};
        VoiceStreamAttention cross{nullptr};
        torch::nn::LayerNorm feedNorm{nullptr};
        torch::nn::Linear feedIn{nullptr};   // to 2 × 4C: value and gate of the GEGLU
        torch::nn::Linear feedOut{nullptr};
    };
    torch::nn::GroupNorm m_norm{nullptr};
    torch::nn::Conv1d m_projectIn{nullptr};
    std::vector<Layer> m_layers;
    torch::nn::Conv1d m_projectOut{nullptr};
};
TORCH_MODULE(TransformerBlock);

int groupsFor(int channels);  // GroupNorm's groups: 32 when they divide the channels, else fewer

}  // namespace muze
