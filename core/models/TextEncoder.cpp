#include "core/models/TextEncoder.h"

#include "core/common/Error.h"
#include "core/dataset/SourceFingerprint.h"
#include "core/models/TorchScriptEncoder.h"

#include <torch/torch.h>

#include <cctype>

namespace muze {
namespace {

using Json = nlohmann::ordered_json;

bool isWordByte(unsigned char c)
{
    return std::isalnum(c) != 0 || c >= 0x80;  // bytes of multi-byte UTF-8 characters are letters here
}

// The tokens and their mean over the real ones.
EncodedText pooledOver(const torch::Tensor& tokens, const torch::Tensor& mask)
{
    const torch::Tensor weights = mask.to(tokens.dtype()).unsqueeze(-1);
    return {tokens, mask, (tokens * weights).sum(1) / weights.sum(1).clamp_min(1.0)};
}

}  // namespace

Json TextEncoderConfig::toJson() const
{
    if (script)
        return {{"model", "TorchScriptTextEncoder"}, {"file", script->file}, {"identity", script->identity}, {"width", script->width},
                {"output_dim", outputDim}};
    return {{"model", "TextEncoder"}, {"vocabulary", vocabulary}, {"max_tokens", maxTokens}, {"dim", dim},
            {"layers", layers},       {"heads", heads},           {"output_dim", outputDim}};
}

TextEncoderConfig::Script TextEncoderConfig::scriptOf(const std::string& file)
{
    const TorchScriptTextEncoder encoder(file);
    return {file, encoder.identity(), encoder.width()};
}

TextEncoderConfig TextEncoderConfig::fromJson(const Json& json)
{
    try {
        TextEncoderConfig config;
        if (json.at("model") == "TorchScriptTextEncoder") {
            config.script = Script{json.at("file").get<std::string>(), json.at("identity").get<std::string>(), json.at("width").get<int>()};
            config.outputDim = json.at("output_dim").get<int>();
            if (config.script->width < 1 || config.outputDim < 1)
                throw Error(ErrorKind::Corrupt, "");
            return config;
        }
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
    if (config.script) {
        m_script = std::make_shared<TorchScriptTextEncoder>(config.script->file);
        if (m_script->identity() != config.script->identity || m_script->width() != config.script->width)
            throw Error(ErrorKind::Unsupported, "The text encoder \"" + config.script->file + "\" is not the one this model was trained with (" +
                                                    config.script->identity + ", width " + std::to_string(config.script->width) + "; now " +
                                                    m_script->identity() + ", width " + std::to_string(m_script->width()) + ").");
        m_projection = register_module("projection", torch::nn::Linear(config.script->width, config.outputDim));
        return;
    }
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
    return m_script ? scripted(prompts) : builtIn(prompts);
}

EncodedText TextEncoderImpl::builtIn(const std::vector<std::string>& prompts)
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
    return pooledOver(m_output(x), mask);
}

// Each prompt's tokens, padded to the longest with masked zeros (an empty prompt is one of them).
EncodedText TextEncoderImpl::scripted(const std::vector<std::string>& prompts)
{
    std::vector<torch::Tensor> answers;
    std::int64_t longest = 1;
    for (const std::string& prompt : prompts) {
        auto cached = m_scriptCache.find(prompt);
        if (cached == m_scriptCache.end())
            cached = m_scriptCache.emplace(prompt, m_script->encode(prompt)).first;
        answers.push_back(cached->second);
        longest = std::max(longest, cached->second.size(0));
    }
    const auto batch = static_cast<std::int64_t>(prompts.size());
    torch::Tensor tokens = torch::zeros({batch, longest, m_script->width()});
    torch::Tensor mask = torch::zeros({batch, longest}, torch::kBool);
    for (std::int64_t i = 0; i < batch; ++i) {
        const std::int64_t length = answers[static_cast<std::size_t>(i)].size(0);
        tokens[i].narrow(0, 0, length).copy_(answers[static_cast<std::size_t>(i)]);
        mask[i].narrow(0, 0, length).fill_(true);
    }
    const torch::Device device = m_projection->weight.device();
    return pooledOver(m_projection(tokens.to(device)), mask.to(device));
}

}  // namespace muze
