#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace muze {

// How many songs a build analyses at once, and what chose it.
struct AnalysisJobs {
    int jobs = 1;
    int cores = 1;
    std::optional<int> memoryFits;  // analyses of the longest song that fit in the memory available, when known
    bool requested = false;         // --jobs chose, whatever the cores and memory say
};

// The peak memory one analysis takes for a song this long, as bench/run-benchmarks.sh's `memory`
// part measures it (a fixed part for the libraries and models, and a part that grows with the audio).
std::int64_t analysisPeakBytes(double songSeconds);

// `requested` > 0 wins; otherwise one job per core, never more than `availableBytes` holds
// analyses of the longest song, and at least one. `availableBytes` 0: not known, cores alone decide.
AnalysisJobs chooseAnalysisJobs(int requested, int cores, std::int64_t availableBytes, double longestSongSeconds);

// The progress stage that says so, e.g. "tracks, 1 at once (2 cores, memory for 1 of the longest)".
std::string describeAnalysisJobs(const AnalysisJobs& jobs);

}  // namespace muze
