#include "core/models/CompositionPlanner.h"

#include "core/analysis/KeyDetection.h"
#include "core/common/Error.h"
#include "core/dataset/SourceFingerprint.h"
#include "core/models/Conditioning.h"
#include "core/models/TextEncoder.h"

#include <torch/torch.h>

#include <cmath>

namespace muze {
namespace {

using Json = nlohmann::ordered_json;

constexpr int kEnded = kSectionTypeCount;  // the type class of a slot after the last section

int timeSignatureIndex(const std::string& text)
{
    for (int i = 0; i < kTimeSignatureCount; ++i) {
        static const char* const names[] = {"2/4", "3/4", "4/4", "5/4", "6/8", "7/8", "9/8", "12/8"};
        if (text == names[i])
            return i;
    }
    return -1;
}

// Beats a bar holds as the analysis counts them: the numerator of x/4, and the dotted beats of a
// compound x/8.
int beatsPerBar(const std::string& timeSignature)
{
    const std::size_t slash = timeSignature.find('/');
    const int numerator = slash == std::string::npos ? 4 : std::atoi(timeSignature.substr(0, slash).c_str());
    const bool compound = timeSignature.size() > slash + 1 && timeSignature.substr(slash + 1) == "8" && numerator % 3 == 0 && numerator > 3;
    return numerator < 1 ? 4 : compound ? numerator / 3 : numerator;
}

template <typename T>
std::optional<T> optionalField(const Record& record, const char* name)
{
    const auto found = record.find(name);
    if (found == record.end() || found->is_null())
        return std::nullopt;
    try {
        return found->get<T>();
    } catch (const nlohmann::json::exception&) {
        return std::nullopt;
    }
}

}  // namespace

Json PlannerConfig::toJson() const
{
    return {{"model", "CompositionPlanner"}, {"max_sections", maxSections}, {"max_bars", maxBars}, {"hidden", hidden},
            {"word_buckets", wordBuckets},   {"word_dim", wordDim},         {"genre_buckets", genreBuckets}};
}

PlannerConfig PlannerConfig::fromJson(const Json& json)
{
    try {
        PlannerConfig config;
        if (json.at("model") != "CompositionPlanner")
            throw Error(ErrorKind::Corrupt, "");
        config.maxSections = json.at("max_sections").get<int>();
        config.maxBars = json.at("max_bars").get<int>();
        config.hidden = json.at("hidden").get<int>();
        config.wordBuckets = json.at("word_buckets").get<int>();
        config.wordDim = json.at("word_dim").get<int>();
        config.genreBuckets = json.at("genre_buckets").get<int>();
        if (config.maxSections < 1 || config.maxBars < 1 || config.hidden < 1 || config.wordBuckets < 2 || config.wordDim < 1 ||
            config.genreBuckets < 1)
            throw Error(ErrorKind::Corrupt, "");
        return config;
    } catch (const std::exception&) {
        throw Error(ErrorKind::Corrupt, "Not a composition planner config: " + json.dump() + ".");
    }
}

SongDescription describeRecord(const Record& record)
{
    SongDescription song;
    song.prompt = optionalField<std::string>(record, field::kPrompt).value_or("");
    song.durationSeconds = optionalField<double>(record, "duration").value_or(0.0);
    song.tempo = optionalField<double>(record, "tempo");
    song.key = optionalField<std::string>(record, "key");
    song.timeSignature = optionalField<std::string>(record, "time_signature");
    song.energy = optionalField<double>(record, "energy");
    song.hasVocals = optionalField<bool>(record, "has_vocals");
    song.genre = optionalField<std::string>(record, field::kGenre);
    return song;
}

PlannerFeatures plannerFeatures(const SongDescription& song, const PlannerConfig& config)
{
    PlannerFeatures features;
    std::vector<float>& x = features.numeric;
    x.assign(kPlannerNumericFeatures, 0.0f);
    x[0] = static_cast<float>(song.durationSeconds / 300.0);
    if (song.tempo && std::isfinite(*song.tempo)) {
        x[1] = static_cast<float>(*song.tempo / 200.0);
        x[2] = 1.0f;
    }
    const std::optional<MusicalKey> key = song.key ? parseKey(*song.key) : std::nullopt;
    x[key ? 3 + key->tonic + (key->minor ? 12 : 0) : 27] = 1.0f;
    if (song.energy && std::isfinite(*song.energy)) {
        x[28] = static_cast<float>(*song.energy);
        x[29] = 1.0f;
    }
    if (song.hasVocals) {
        x[30] = *song.hasVocals ? 1.0f : 0.0f;
        x[31] = 1.0f;
    }
    const int meter = song.timeSignature ? timeSignatureIndex(*song.timeSignature) : -1;
    x[meter >= 0 ? 32 + meter : 40] = 1.0f;
    TextEncoderConfig words;
    words.vocabulary = config.wordBuckets;
    words.maxTokens = 48;
    features.words = tokenize(song.prompt, words);
    if (song.genre && !song.genre->empty())
        features.genre = 1 + static_cast<std::int64_t>(stableHash(*song.genre) % static_cast<std::uint64_t>(config.genreBuckets));
    return features;
}

std::optional<std::vector<std::pair<int, int>>> plannerTargets(const Record& record, const PlannerConfig& config)
{
    const auto tempo = optionalField<double>(record, "tempo");
    const auto segments = record.find(field::kSegments);
    if (!tempo || !(*tempo > 0) || segments == record.end() || !segments->is_array() || segments->empty())
        return std::nullopt;
    const double barSeconds = 60.0 / *tempo * beatsPerBar(optionalField<std::string>(record, "time_signature").value_or("4/4"));
    std::vector<std::pair<int, int>> sections;
    for (const Json& segment : *segments) {
        if (static_cast<int>(sections.size()) == config.maxSections)
            break;
        const double length = valueOr(segment, "end", 0.0) - valueOr(segment, "start", 0.0);
        const int bars = std::clamp(static_cast<int>(std::lround(length / barSeconds)), 1, config.maxBars);
        sections.emplace_back(sectionTypeIndex(valueOr(segment, "type", std::string("other"))), bars);
    }
    return sections;
}

CompositionPlannerImpl::CompositionPlannerImpl(const PlannerConfig& config) : m_config(config)
{
    m_words = register_module("words", torch::nn::Embedding(torch::nn::EmbeddingOptions(config.wordBuckets, config.wordDim).padding_idx(0)));
    m_genre = register_module("genre", torch::nn::Embedding(torch::nn::EmbeddingOptions(config.genreBuckets + 1, 16).padding_idx(0)));
    m_hidden1 = register_module("hidden1", torch::nn::Linear(kPlannerNumericFeatures + config.wordDim + 16, config.hidden));
    m_hidden2 = register_module("hidden2", torch::nn::Linear(config.hidden, config.hidden));
    m_types = register_module("types", torch::nn::Linear(config.hidden, config.maxSections * (kSectionTypeCount + 1)));
    m_bars = register_module("bars", torch::nn::Linear(config.hidden, config.maxSections * config.maxBars));
}

PlannerOutput CompositionPlannerImpl::forward(const std::vector<PlannerFeatures>& songs)
{
    const auto batch = static_cast<std::int64_t>(songs.size());
    std::size_t longest = 1;
    for (const PlannerFeatures& song : songs)
        longest = std::max(longest, song.words.size());
    torch::Tensor numeric = torch::zeros({batch, kPlannerNumericFeatures});
    torch::Tensor words = torch::zeros({batch, static_cast<std::int64_t>(longest)}, torch::kInt64);
    torch::Tensor genre = torch::zeros({batch}, torch::kInt64);
    for (std::int64_t i = 0; i < batch; ++i) {
        const PlannerFeatures& song = songs[static_cast<std::size_t>(i)];
        numeric[i] = torch::tensor(song.numeric);
        for (std::size_t k = 0; k < song.words.size(); ++k)
            words[i][static_cast<std::int64_t>(k)] = song.words[k];
        genre[i] = song.genre;
    }
    const torch::Device device = m_hidden1->weight.device();
    words = words.to(device);
    const torch::Tensor wordMask = (words > 0).to(torch::kFloat32).unsqueeze(-1);
    const torch::Tensor meanWord = (m_words(words) * wordMask).sum(1) / wordMask.sum(1).clamp_min(1.0);
    const torch::Tensor x = torch::cat({numeric.to(device), meanWord, m_genre(genre.to(device))}, 1);
    const torch::Tensor h = torch::silu(m_hidden2(torch::silu(m_hidden1(x))));
    return {m_types(h).view({batch, m_config.maxSections, kSectionTypeCount + 1}), m_bars(h).view({batch, m_config.maxSections, m_config.maxBars})};
}

std::vector<PlannedSection> CompositionPlannerImpl::propose(const PlannerFeatures& song)
{
    torch::NoGradGuard noGrad;
    const PlannerOutput out = forward({song});
    const torch::Tensor types = out.typeLogits[0].argmax(-1).to(torch::kCPU);
    const torch::Tensor bars = out.barLogits[0].argmax(-1).to(torch::kCPU);
    std::vector<PlannedSection> plan;
    for (int slot = 0; slot < m_config.maxSections; ++slot) {
        const auto type = types[slot].item<std::int64_t>();
        if (type == kEnded)
            break;
        plan.push_back({kSectionTypes[type], 1 + static_cast<int>(bars[slot].item<std::int64_t>())});
    }
    return plan;
}

}  // namespace muze
