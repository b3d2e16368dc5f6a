#pragma once

#include "core/dataset/TrackRecord.h"

#include <nlohmann/json.hpp>
#include <torch/nn/module.h>
#include <torch/nn/modules/embedding.h>
#include <torch/nn/modules/linear.h>

#include <optional>
#include <string>
#include <vector>

namespace muze {

// Phase 2: from what is known of a song before it exists (its prompt, duration, tempo, key, time
// signature, energy, vocals, genre) to its form, a list of sections with their types and lengths in
// bars. An MLP over the features gives each of `maxSections` slots a type (or "ended") and a length,
// trained with cross-entropy. ref: the reference's CompositionPlanner ("Training Pipeline", phase 2).
struct PlannerConfig {
    int maxSections = 16;
    int maxBars = 32;       // lengths 1..maxBars bars
    int hidden = 256;
    int wordBuckets = 4096; // the prompt's words, hashed as the text encoder's tokenizer does
    int wordDim = 32;
    int genreBuckets = 256;

    nlohmann::ordered_json toJson() const;
    static PlannerConfig fromJson(const nlohmann::ordered_json& json);  // throws Error(Corrupt) for a bad config
};

// One song's features as the planner reads them, before batching.
struct PlannerFeatures {
    std::vector<float> numeric;        // kPlannerNumericFeatures values
    std::vector<std::int64_t> words;   // hashed word ids, 1-based
    std::int64_t genre = 0;            // 0: unknown; else bucket + 1
};
inline constexpr int kPlannerNumericFeatures = 41;

// A section of a plan, as the planner proposes it.
struct PlannedSection {
    std::string type;
    int bars = 0;
};

// The features of a song to be made, or of a dataset record (null fields count as unknown).
struct SongDescription {
    std::string prompt;
    double durationSeconds = 0.0;
    std::optional<double> tempo;
    std::optional<std::string> key;  // "A minor"
    std::optional<std::string> timeSignature;  // "4/4"
    std::optional<double> energy;
    std::optional<bool> hasVocals;
    std::optional<std::string> genre;
};
SongDescription describeRecord(const Record& record);
PlannerFeatures plannerFeatures(const SongDescription& song, const PlannerConfig& config);

// A record's form as the planner's targets: each segment's type index and its length in bars
// (from the record's tempo and time signature), at most maxSections. Nothing when the record has no
// segments or no tempo.
std::optional<std::vector<std::pair<int, int>>> plannerTargets(const Record& record, const PlannerConfig& config);

struct PlannerOutput {
    torch::Tensor typeLogits;  // [B, maxSections, kSectionTypeCount + 1]: the last class is "ended"
    torch::Tensor barLogits;   // [B, maxSections, maxBars]
};

class CompositionPlannerImpl : public torch::nn::Module {
public:
    explicit CompositionPlannerImpl(const PlannerConfig& config);
    PlannerOutput forward(const std::vector<PlannerFeatures>& songs);
    // The most likely plan: slot by slot until one says "ended".
    std::vector<PlannedSection> propose(const PlannerFeatures& song);
    const PlannerConfig& config() const { return m_config; }

private:
    PlannerConfig m_config;
    torch::nn::Embedding m_words{nullptr};
    torch::nn::Embedding m_genre{nullptr};
    torch::nn::Linear m_hidden1{nullptr};
    torch::nn::Linear m_hidden2{nullptr};
    torch::nn::Linear m_types{nullptr};
    torch::nn::Linear m_bars{nullptr};
};
TORCH_MODULE(CompositionPlanner);

}  // namespace muze
