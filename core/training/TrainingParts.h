#pragma once

#include "core/common/AppendOnlyFile.h"
#include "core/dataset/TrackRecord.h"

#include <cstdint>
#include <filesystem>
#include <vector>

// The pieces every training phase shares, apart from any network: the learning-rate schedule, the
// validation split, the guard against non-finite losses and the metrics log.

namespace muze {

// The learning rate at `step` (from 0): a linear warmup from 0 to `peak` over `warmupSteps`, then
// half a cosine down to `floor` at `totalSteps`, and `floor` after.
// ref: Loshchilov & Hutter 2017, "SGDR", eq. 5 (one cycle).
double warmupCosineLearningRate(std::int64_t step, std::int64_t warmupSteps, std::int64_t totalSteps, double peak, double floor);

// Which records train and which validate. Every song is on one side only: records with the same
// content (source_file's hash, or else audio_path) count as one song. Each song's side follows from
// the seed and the song alone, so a song stays on its side when others are added to the dataset.
// Records with include_in_training false are left out.
struct DataSplit {
    std::vector<std::size_t> train;       // record indices
    std::vector<std::size_t> validation;  // at least one song's, when there are two songs or more
    std::size_t leftOut = 0;
};
DataSplit splitBySong(const std::vector<Record>& records, double validationShare, std::uint64_t seed);

// How a record's features are found in the feature cache: its track_id, and its source's content key.
std::string trackIdOf(const Record& record);
std::string contentKeyOf(const Record& record);

// Steps whose loss is not finite are skipped; `limit` of them in a row stop the run.
class NonFiniteGuard {
public:
    explicit NonFiniteGuard(int limit) : m_limit(limit) {}
    // True: take the step. False: skip it. Throws Error(InvalidArgument) with what to try at the
    // limit'th non-finite loss in a row.
    bool accept(double loss);
    int skipped() const { return m_skipped; }

private:
    int m_limit;
    int m_inARow = 0;
    int m_skipped = 0;
};

// One JSON object a line (step, losses, learning rate, ...), each stamped with its "time" (seconds since
// 1970, to the millisecond) and synced as it is written.
class MetricsLog {
public:
    explicit MetricsLog(const std::filesystem::path& path) : m_file(path) {}
    void append(const nlohmann::ordered_json& entry);

private:
    AppendOnlyFile m_file;
};

}  // namespace muze
