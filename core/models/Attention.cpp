#include "core/models/Attention.h"

#include <torch/torch.h>

#include <cmath>
#include <string>

namespace muze {
namespace {

constexpr int kFeedForwardMultiple = 4;

std::int64_t linearCount(std::int64_t in, std::int64_t out, bool bias = true)
{
    return in * out + (bias ? out : 0);
}

}  // namespace

int groupsFor(int channels)
{
    for (int groups : {32, 16, 8, 4, 2})
        if (channels % groups == 0)
            return groups;
    return 1;
}

CrossAttentionImpl::CrossAttentionImpl(int dim, int contextDim, int heads) : m_heads(dim % heads == 0 ? heads : 1)
{
    m_query = register_module("query", torch::nn::Linear(torch::nn::LinearOptions(dim, dim).bias(false)));
    m_key = register_module("key", torch::nn::Linear(torch::nn::LinearOptions(contextDim, dim).bias(false)));
    m_value = register_module("value", torch::nn::Linear(torch::nn::LinearOptions(contextDim, dim).bias(false)));
    m_output = register_module("output", torch::nn::Linear(dim, dim));
}

std::int64_t CrossAttentionImpl::parameterCount(std::int64_t dim, std::int64_t contextDim)
{
    return linearCount(dim, dim, false) + 2 * linearCount(contextDim, dim, false) + linearCount(dim, dim);
}

torch::Tensor CrossAttentionImpl::forward(const torch::Tensor& x, const torch::Tensor& context, const torch::Tensor& keyMask)
{
    const std::int64_t batch = x.size(0);
    const auto split = [&](const torch::Tensor& t) {  // [B, N, dim] → [B, heads, N, dim / heads]
        return t.view({batch, t.size(1), m_heads, -1}).transpose(1, 2);
    };
    const torch::Tensor q = split(m_query(x));
    const torch::Tensor k = split(m_key(context));
    const torch::Tensor v = split(m_value(context));
    torch::Tensor scores = torch::matmul(q, k.transpose(-2, -1)) / std::sqrt(static_cast<double>(q.size(-1)));
    if (keyMask.defined())
        scores = scores.masked_fill(keyMask.logical_not().view({batch, 1, 1, -1}), -1e9);
    const torch::Tensor attended = torch::matmul(scores.softmax(-1), v);  // [B, heads, T, dim / heads]
    return m_output(attended.transpose(1, 2).reshape({batch, x.size(1), -1}));
}

VoiceStreamAttentionImpl::VoiceStreamAttentionImpl(int dim, int contextDim, int voiceDim, int heads)
    : m_text(register_module("text", CrossAttention(dim, contextDim, heads))),
      m_voiceValue(register_module("voice_value", torch::nn::Linear(torch::nn::LinearOptions(voiceDim, dim).bias(false)))),
      m_voiceOutput(register_module("voice_output", torch::nn::Linear(dim, dim))),
      m_gate(register_parameter("gate", torch::zeros({dim})))
{
}

std::int64_t VoiceStreamAttentionImpl::parameterCount(std::int64_t dim, std::int64_t contextDim, std::int64_t voiceDim)
{
    return CrossAttentionImpl::parameterCount(dim, contextDim) + linearCount(voiceDim, dim, false) + linearCount(dim, dim) + dim;
}

torch::Tensor VoiceStreamAttentionImpl::forward(const torch::Tensor& x, const torch::Tensor& text, const torch::Tensor& textMask,
                                                const torch::Tensor& voice, const torch::Tensor& hasVoice)
{
    const torch::Tensor fromText = m_text(x, text, textMask);
    const torch::Tensor fromVoice = m_voiceOutput(m_voiceValue(voice)).unsqueeze(1);  // [B, 1, dim]: the same at every frame
    const torch::Tensor gate = torch::sigmoid(m_gate) * hasVoice.to(x.dtype()).view({-1, 1, 1});
    return gate * fromVoice + (1 - gate) * fromText;
}

TransformerBlockImpl::TransformerBlockImpl(int channels, int depth, int contextDim, int voiceDim, int heads)
{
    m_norm = register_module("norm", torch::nn::GroupNorm(groupsFor(channels), channels));
    m_projectIn = register_module("project_in", torch::nn::Conv1d(channels, channels, 1));
    for (int i = 0; i < depth; ++i) {
        const std::string prefix = "layer" + std::to_string(i) + "_";
        const auto norm = [&](const std::string& name) {
            return register_module(prefix + name, torch::nn::LayerNorm(torch::nn::LayerNormOptions({channels})));
        };
        Layer layer;
        layer.selfNorm = norm("self_norm");
        layer.self = register_module(prefix + "self", CrossAttention(channels, channels, heads));
        layer.crossNorm = norm("cross_norm");
        layer.cross = register_module(prefix + "cross", VoiceStreamAttention(channels, contextDim, voiceDim, heads));
        layer.feedNorm = norm("feed_norm");
        layer.feedIn = register_module(prefix + "feed_in", torch::nn::Linear(channels, 2 * kFeedForwardMultiple * channels));
        layer.feedOut = register_module(prefix + "feed_out", torch::nn::Linear(kFeedForwardMultiple * channels, channels));
        m_layers.push_back(layer);
    }
    m_projectOut = register_module("project_out", torch::nn::Conv1d(channels, channels, 1));
}

std::int64_t TransformerBlockImpl::parameterCount(std::int64_t channels, std::int64_t depth, std::int64_t contextDim, std::int64_t voiceDim)
{
    const std::int64_t c = channels;
    const std::int64_t layer = 3 * 2 * c + CrossAttentionImpl::parameterCount(c, c) + VoiceStreamAttentionImpl::parameterCount(c, contextDim, voiceDim) +
                               linearCount(c, 2 * kFeedForwardMultiple * c) + linearCount(kFeedForwardMultiple * c, c);
    return 2 * c + 2 * linearCount(c, c) + depth * layer;
}

torch::Tensor TransformerBlockImpl::forward(const torch::Tensor& x, const AttentionContext& context)
{
    torch::Tensor h = m_projectIn(m_norm(x)).transpose(1, 2);  // [B, T, C]
    for (Layer& layer : m_layers) {
        const torch::Tensor normed = layer.selfNorm(h);
        h = h + layer.self(normed, normed);
        h = h + layer.cross(layer.crossNorm(h), context.text, context.textMask, context.voice, context.hasVoice);
        const auto parts = layer.feedIn(layer.feedNorm(h)).chunk(2, -1);
        h = h + layer.feedOut(parts[0] * torch::gelu(parts[1]));
    }
    return x + m_projectOut(h.transpose(1, 2));
}

}  // namespace muze
