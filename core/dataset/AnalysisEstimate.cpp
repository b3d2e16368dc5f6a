#include "core/dataset/AnalysisEstimate.h"

#include "core/audio/AudioDecoder.h"
#include "core/audio/AudioWriter.h"
#include "core/common/Error.h"
#include "core/common/Parallel.h"
#include "core/common/ProcessUsage.h"
#include "core/common/ScratchPath.h"
#include "core/dataset/AnalysisJobs.h"
#include "core/dataset/FolderScan.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <exception>
#include <thread>

namespace muze {
namespace {

constexpr std::size_t kExcerptsPerSongAtOnce = 2;  // excerpts from as many songs as possible, within about 30 s here

struct SongLength {
    std::filesystem::path file;
    double seconds = 0.0;
};

std::vector<SongLength> readableSongs(const std::filesystem::path& folder, const JobControl& control)
{
    const FolderScan scan = scanAudioFolder(folder);
    std::vector<SongLength> songs;
    for (std::size_t i = 0; i < scan.files.size(); ++i) {
        control.throwIfCancelled();
        try {
            const AudioFileInfo info = probeAudioFile(scan.files[i]);
            if (info.durationSeconds > 0)
                songs.push_back({scan.files[i], info.durationSeconds});
        } catch (const Error&) {
            // a file the build will report as failed: it costs no analysis
        }
        control.report("reading the songs' headers", 0.2 * static_cast<double>(i + 1) / static_cast<double>(scan.files.size()));
    }
    if (songs.empty())
        throw Error(ErrorKind::NotFound, "There are no songs that can be read in " + folder.string() + ".");
    return songs;
}

// `seconds` from the middle of the song, in its own channels at the analysis' rate.
AudioBuffer excerptOf(const std::filesystem::path& file, double seconds, const JobControl& control)
{
    AudioBuffer audio = decodeAudioFile(file, {kModelSampleRate, ChannelMode::UpToStereo, {}}, control).audio;
    const std::int64_t wanted = std::min<std::int64_t>(audio.frames(), static_cast<std::int64_t>(seconds * audio.sampleRate));
    const std::int64_t first = (audio.frames() - wanted) / 2;
    audio.samples = std::vector<float>(audio.samples.begin() + first * audio.channels, audio.samples.begin() + (first + wanted) * audio.channels);
    return audio;
}

// Analyses the excerpts `atOnce` at a time, each worker on its own thread taking the next, as the
// build's workers do; the first failure is rethrown once all are done.
void analyseAtOnce(const std::vector<std::filesystem::path>& excerpts, int atOnce, const AnalysisOptions& options, const JobControl& control)
{
    std::atomic<std::size_t> next{0};
    std::atomic<std::size_t> done{0};
    std::vector<std::exception_ptr> failures(excerpts.size());
    const auto work = [&] {
        prepareComputeThread();
        SerialScope serial;
        for (std::size_t i; !control.isCancelled() && (i = next++) < excerpts.size();) {
            try {
                analyzeTrack(excerpts[i], excerpts[i].filename().string(), statFingerprint(excerpts[i]), options, {nullptr, control.cancel});
            } catch (...) {
                failures[i] = std::current_exception();
            }
            control.report("analysing excerpts", static_cast<double>(++done) / static_cast<double>(excerpts.size()));
        }
    };
    std::vector<std::thread> threads;
    for (int j = 0; j < atOnce; ++j)
        threads.emplace_back(work);
    for (std::thread& thread : threads)
        thread.join();
    control.throwIfCancelled();
    for (const std::exception_ptr& failure : failures)
        if (failure)
            std::rethrow_exception(failure);
}

// `count` songs spread evenly over the list (sorted by length): the short, the middling and the long.
std::vector<SongLength> spreadOver(const std::vector<SongLength>& songs, std::size_t count)
{
    count = std::min(count, songs.size());
    std::vector<SongLength> picked;
    for (std::size_t i = 0; i < count; ++i)
        picked.push_back(songs[(2 * i + 1) * songs.size() / (2 * count)]);
    return picked;
}

}  // namespace

AnalysisEstimate estimateAnalysis(const std::filesystem::path& folder, const AnalysisOptions& options, double excerptSeconds,
                                  const JobControl& control)
{
    std::vector<SongLength> songs = readableSongs(folder, control);
    std::sort(songs.begin(), songs.end(), [](const SongLength& a, const SongLength& b) { return a.seconds < b.seconds; });
    AnalysisEstimate estimate;
    estimate.songs = static_cast<int>(songs.size());
    for (const SongLength& song : songs)
        estimate.audioSeconds += song.seconds;
    estimate.atOnce = std::clamp(chooseAnalysisJobs(0, computeThreads(), availableMemoryBytes(), songs.back().seconds).jobs, 1, estimate.songs);

    const ScratchPath scratch("muze-estimate", "");
    std::filesystem::create_directories(scratch.path());
    std::vector<std::filesystem::path> excerpts;
    double excerptTotal = 0.0;
    const std::vector<SongLength> measured = spreadOver(songs, kExcerptsPerSongAtOnce * static_cast<std::size_t>(estimate.atOnce));
    for (const SongLength& song : measured) {
        const double share = 0.1 / static_cast<double>(measured.size());
        const double begin = 0.2 + share * static_cast<double>(excerpts.size());
        excerpts.push_back(scratch.path() / ("excerpt" + std::to_string(excerpts.size()) + ".wav"));
        const AudioBuffer audio = excerptOf(song.file, excerptSeconds, control.slice(begin, begin + share));
        excerptTotal += audio.durationSeconds();
        writeAudioFile(excerpts.back(), audio, {});
        estimate.measuredOn.push_back(song.file);
    }
    estimate.excerptSeconds = excerptTotal;
    AnalysisOptions asBuilt = options;
    asBuilt.cacheFolder = scratch.path() / "cache";
    asBuilt.vocalsFolder.clear();
    const auto start = std::chrono::steady_clock::now();
    analyseAtOnce(excerpts, estimate.atOnce, asBuilt, control.slice(0.3, 1.0));
    estimate.measuredSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    estimate.seconds = estimate.measuredSeconds * estimate.audioSeconds / std::max(1.0, excerptTotal);
    return estimate;
}

}  // namespace muze
