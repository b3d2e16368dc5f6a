#pragma once

#include <nlohmann/json.hpp>
#include <torch/nn/module.h>
#include <torch/nn/modules/embedding.h>
#include <torch/nn/modules/linear.h>
#include <torch/nn/modules/transformercoder.h>

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace muze {

class TorchScriptTextEncoder;

// The prompt's encoder for phase 3: the built-in one, trained with it, or a TorchScript T5 or CLAP
// the user names (TorchScriptTextEncoder), frozen, of which a linear projection is trained. The
// built-in tokenizer needs no vocabulary file: words (letters and digits, any script, lower-cased)
// and punctuation marks are hashed into a fixed number of buckets.
struct TextEncoderConfig {
    int vocabulary = 8192;  // buckets; 0 is padding
    int maxTokens = 64;
    int dim = 256;
    int layers = 4;
    int heads = 4;
    int outputDim = 768;    // the UNet's context_dim
    // A TorchScript encoder in place of the built-in one (the fields above then do not apply); the
    // identity and width it had when the model was trained, which the file must still have.
    struct Script {
        std::string file;
        std::string identity;
        int width = 0;
    };
    std::optional<Script> script;
    static Script scriptOf(const std::string& file);  // opens it (see TorchScriptTextEncoder)

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
    EncodedText builtIn(const std::vector<std::string>& prompts);
    EncodedText scripted(const std::vector<std::string>& prompts);

    TextEncoderConfig m_config;
    std::shared_ptr<TorchScriptTextEncoder> m_script;
    std::map<std::string, torch::Tensor> m_scriptCache;  // the frozen encoder's answer per prompt
    torch::nn::Linear m_projection{nullptr};              // of the script's width to outputDim
    torch::nn::Embedding m_tokens{nullptr};
    torch::Tensor m_positions;
    torch::nn::TransformerEncoder m_encoder{nullptr};
    torch::nn::Linear m_output{nullptr};
};
TORCH_MODULE(TextEncoder);

}  // namespace muze
