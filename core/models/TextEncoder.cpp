#include "core/models/TextEncoder.h"

#include "core/common/Error.h"
#include "core/dataset/SourceFingerprint.h"

#include <torch/torch.h>

#include <cctype>

namespace muze {
namespace {

using Json = nlohmann::ordered_json;

bool isWordByte(unsigned char c)
{
    return std::isalnum(c) != 0 || c >= 0x80;  // bytes of multi-byte UTF-8 characters are letters here
}

}  // namespace

Json TextEncoderConfig::toJson() const
{
    return {{"model", "TextEncoder"}, {"vocabulary", vocabulary}, {"max_tokens", maxTokens}, {"dim", dim},
            {"layers", layers},       {"heads", heads},           {"output_dim", outputDim}};
}

TextEncoderConfig TextEncoderConfig::fromJson(const Json& json)
{
    try {
        TextEncoderConfig config;
        if (json.at("model") != "TextEncoder")
            throw Error(ErrorKind::Corrupt, "");
        config.vocabulary = json.at("vocabulary").get<int>();
        config.maxTokens = json.at("max_tokens").get<int>();
        config.dim = json.at("dim").get<int>();
        config.layers = json.at("layers").get<int>();
        config.heads = json.at("heads").get<int>();
        config.outputDim = json.at("output_dim").get<int>();
        if (config.vocabulary < 2 || config.maxTokens < 1 || config.dim < 1 || config.layers < 1 || config.heads < 1 ||
            config.dim % config.heads != 0 || config.outputDim < 1)
            throw Error(ErrorKind::Corrupt, "");
        return config;
    } catch (const std::exception&) {
        throw Error(ErrorKind::Corrupt, "Not a text encoder config: " + json.dump() + ".");
    }
}

std::vector<std::int64_t> tokenize(const std::string& text, const TextEncoderConfig& config)
{
    std::vector<std::int64_t> ids;
    const auto add = [&](const std::string& token) {
        if (static_cast<int>(ids.size()) < config.maxTokens)
            ids.push_back(1 + static_cast<std::int64_t>(stableHash(token) % static_cast<std::uint64_t>(config.vocabulary - 1)));
    };
    std::string word;
    for (const char raw : text) {
        const auto c = static_cast<unsigned char>(raw);
        if (isWordByte(c)) {
            word += static_cast<char>(std::tolower(c));
            continue;
        }
        if (!word.empty())
            add(word);
        word.clear();
        if (std::isspace(c) == 0)
            add(std::string(1, raw));
    }
    if (!word.empty())
        add(word);
    if (ids.empty())
        ids.push_back(0);
    return ids;
}

TextEncoderImpl::TextEncoderImpl(const TextEncoderConfig& config) : m_config(config)
{
    m_tokens = register_module("tokens", torch::nn::Embedding(torch::nn::EmbeddingOptions(config.vocabulary, config.dim).padding_idx(0)));
    m_positions = register_parameter("positions", torch::randn({config.maxTokens, config.dim}) * 0.02);
    m_encoder = register_module(
        "encoder", torch::nn::TransformerEncoder(torch::nn::TransformerEncoderOptions(
                                                     torch::nn::TransformerEncoderLayerOptions(config.dim, config.heads)
                                                         .dim_feedforward(4 * config.dim)
                                                         .dropout(0.0)
                                                         .activation(torch::kGELU),
                                                     config.layers)));
    m_output = register_module("output", torch::nn::Linear(config.dim, config.outputDim));
}

EncodedText TextEncoderImpl::forward(const std::vector<std::string>& prompts)
{
    std::vector<std::vector<std::int64_t>> ids;
    std::size_t longest = 1;
    for (const std::string& prompt : prompts) {
        ids.push_back(tokenize(prompt, m_config));
        longest = std::max(longest, ids.back().size());
    }
    const torch::Device device = m_positions.device();
    torch::Tensor tokens = torch::zeros({static_cast<std::int64_t>(prompts.size()), static_cast<std::int64_t>(longest)}, torch::kInt64);
    for (std::size_t i = 0; i < ids.size(); ++i)
        for (std::size_t k = 0; k < ids[i].size(); ++k)
            tokens[static_cast<std::int64_t>(i)][static_cast<std::int64_t>(k)] = ids[i][k];
    tokens = tokens.to(device);
    const torch::Tensor mask = tokens > 0;
    torch::Tensor x = m_tokens(tokens) + m_positions.narrow(0, 0, tokens.size(1)).unsqueeze(0);
    // An all-padding row (an empty prompt) would make attention's softmax NaN: it may attend to its first token.
    const torch::Tensor attendable = mask.clone().index_fill_(1, torch::zeros({1}, torch::kInt64).to(device), true);
    x = m_encoder->forward(x.transpose(0, 1), /*src_mask=*/torch::Tensor(), /*src_key_padding_mask=*/attendable.logical_not()).transpose(0, 1);
    const torch::Tensor projected = m_output(x);
    const torch::Tensor weights = mask.to(projected.dtype()).unsqueeze(-1);
    const torch::Tensor pooled = (projected * weights).sum(1) / weights.sum(1).clamp_min(1.0);
    return {projected, mask, pooled};
}

}  // namespace muze
