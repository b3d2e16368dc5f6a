#pragma once

#include <torch/types.h>

#include <cstdint>
#include <functional>
#include <future>
#include <string>
#include <vector>

namespace muze {

// What training reads of one song: its cached log-mel and, when a phase needs it, its audio.
struct SongData {
    std::size_t record = 0;  // its index in the dataset
    std::string audioPath;
    torch::Tensor mel;    // [melBins, frames] in dB
    torch::Tensor audio;  // [samples] at the model's rate, mono; undefined unless asked for
};

// The training songs, held a chunk at a time so that memory stays within a budget whatever the
// dataset's size: two chunks at most are in memory, the one training and the next, which a loader
// thread reads while the current one trains. Each pass over the songs visits them in an order drawn
// from the seed, cut into chunks of about equal size; a dataset that fits the budget is one chunk,
// read once. Which songs a chunk holds follows from the seed and its index alone, so a resumed run
// sees the same chunks.
class SongPool {
public:
    using Loader = std::function<SongData(std::size_t song)>;

    // `songBytes`: the memory each song takes once loaded (its index is what `load` is given).
    SongPool(std::vector<std::int64_t> songBytes, Loader load, std::int64_t budgetBytes, std::uint64_t seed);
    ~SongPool();
    SongPool(const SongPool&) = delete;
    SongPool& operator=(const SongPool&) = delete;

    std::int64_t chunksPerPass() const { return m_chunksPerPass; }

    // The songs of chunk `index` (counted on across passes). Waits while it loads, then starts
    // loading chunk index + 1. A song that fails to load throws here, from the chunk that holds it.
    const std::vector<SongData>& chunk(std::int64_t index);

private:
    std::vector<std::size_t> songsOfChunk(std::int64_t index) const;
    std::future<std::vector<SongData>> loadAhead(std::int64_t index) const;

    std::vector<std::int64_t> m_songBytes;
    Loader m_load;
    std::uint64_t m_seed;
    std::int64_t m_chunksPerPass = 1;
    std::int64_t m_currentIndex = -1;
    std::vector<SongData> m_current;
    std::int64_t m_nextIndex = -1;
    std::future<std::vector<SongData>> m_next;
};

}  // namespace muze
