#pragma once

#include <nlohmann/json.hpp>
#include <torch/nn/module.h>
#include <torch/nn/modules/embedding.h>
#include <torch/nn/modules/linear.h>
#include <torch/nn/modules/transformercoder.h>

#include <string>
#include <vector>

namespace muze {

// The built-in text encoder, trained with phase 3 (a TorchScript T5 or CLAP named in settings
// replaces it). Its tokenizer needs no vocabulary file: words (letters and digits, any script,
// lower-cased) and punctuation marks are hashed into a fixed number of buckets.
struct TextEncoderConfig {
    int vocabulary = 8192;  // buckets; 0 is padding
    int maxTokens = 64;
    int dim = 256;
    int layers = 4;
    int heads = 4;
    int outputDim = 768;    // the UNet's context_dim

    nlohmann::ordered_json toJson() const;
    static TextEncoderConfig fromJson(const nlohmann::ordered_json& json);  // throws Error(Corrupt) for a bad config
};

// A prompt's token ids, at most maxTokens (the rest is cut), never empty (an empty prompt is one
// padding token, masked).
std::vector<std::int64_t> tokenize(const std::string& text, const TextEncoderConfig& config);

struct EncodedText {
    torch::Tensor tokens;  // [B, L, outputDim], for cross-attention
    torch::Tensor mask;    // [B, L] bool, true for real tokens
    torch::Tensor pooled;  // [B, outputDim]: the mean of the real tokens
};

class TextEncoderImpl : public torch::nn::Module {
public:
    explicit TextEncoderImpl(const TextEncoderConfig& config);
    EncodedText forward(const std::vector<std::string>& prompts);
    const TextEncoderConfig& config() const { return m_config; }

private:
    TextEncoderConfig m_config;
    torch::nn::Embedding m_tokens{nullptr};
    torch::Tensor m_positions;
    torch::nn::TransformerEncoder m_encoder{nullptr};
    torch::nn::Linear m_output{nullptr};
};
TORCH_MODULE(TextEncoder);

}  // namespace muze
