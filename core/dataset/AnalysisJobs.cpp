#include "core/dataset/AnalysisJobs.h"

#include <algorithm>
#include <limits>

namespace muze {
namespace {

// Fitted to bench/run-benchmarks.sh's `memory` part (README, Speed) and rounded up: 291 MiB at
// 5 min and 866 MiB at 30 min, i.e. about 176 MiB plus 0.38 MiB a second of audio. (A voice or
// ECAPA encoder of the user's also keeps the whole mono mix, and a voice encoder the vocal
// estimate: up to 0.25 MiB a second more, which this does not count.)
constexpr std::int64_t kFixedBytes = 200LL << 20;
constexpr std::int64_t kBytesPerSecond = 400LL << 10;

}  // namespace

std::int64_t analysisPeakBytes(double songSeconds)
{
    return kFixedBytes + static_cast<std::int64_t>(std::max(0.0, songSeconds) * static_cast<double>(kBytesPerSecond));
}

AnalysisJobs chooseAnalysisJobs(int requested, int cores, std::int64_t availableBytes, double longestSongSeconds)
{
    AnalysisJobs choice;
    choice.cores = std::max(1, cores);
    if (requested > 0) {
        choice.jobs = requested;
        choice.requested = true;
        return choice;
    }
    choice.jobs = choice.cores;
    if (availableBytes > 0) {
        const std::int64_t fits = availableBytes / analysisPeakBytes(longestSongSeconds);
        choice.memoryFits = static_cast<int>(std::min<std::int64_t>(fits, std::numeric_limits<int>::max()));
        choice.jobs = std::clamp(*choice.memoryFits, 1, choice.cores);
    }
    return choice;
}

std::string describeAnalysisJobs(const AnalysisJobs& jobs)
{
    std::string text = "tracks, " + std::to_string(jobs.jobs) + " at once (";
    if (jobs.requested)
        return text + "--jobs)";
    text += std::to_string(jobs.cores) + (jobs.cores == 1 ? " core" : " cores");
    if (jobs.memoryFits)
        text += ", memory for " + (*jobs.memoryFits > 0 ? std::to_string(*jobs.memoryFits) : std::string("less than one")) + " of the longest";
    return text + ")";
}

}  // namespace muze
