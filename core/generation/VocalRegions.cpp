#include "core/generation/VocalRegions.h"

#include "core/analysis/MusicAnalysis.h"
#include "core/dsp/LogMel.h"

#include <algorithm>
#include <sstream>

namespace muze {
namespace {

std::vector<std::string> linesOf(const std::string& text)
{
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
        const auto first = line.find_first_not_of(" \t\r");
        if (first != std::string::npos)
            lines.push_back(line.substr(first, line.find_last_not_of(" \t\r") - first + 1));
    }
    return lines;
}

// Line i of n goes to the region where (i + 0.5) / n of the regions' total length falls.
void shareLines(const std::vector<std::string>& lines, std::vector<VocalRegion*>& regions)
{
    double total = 0.0;
    for (const VocalRegion* region : regions)
        total += region->end - region->start;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        double at = (static_cast<double>(i) + 0.5) / static_cast<double>(lines.size()) * total;
        std::size_t r = 0;
        while (r + 1 < regions.size() && at > regions[r]->end - regions[r]->start) {
            at -= regions[r]->end - regions[r]->start;
            ++r;
        }
        regions[r]->lines.push_back(lines[i]);
    }
}

void shareLyrics(std::vector<VocalRegion>& regions, const std::string& lyrics)
{
    std::vector<VocalRegion*> withoutLyrics;
    for (VocalRegion& region : regions)
        if (region.lines.empty())
            withoutLyrics.push_back(&region);
    if (!withoutLyrics.empty())
        shareLines(linesOf(lyrics), withoutLyrics);
}

constexpr double kQuietestShare = 0.1;         // of the median bar's energy: quieter is a break, no room for a voice
constexpr std::size_t kLoudestShareOf = 5;     // the loudest fifth of the bars (rounded up)...
constexpr double kStandsOut = 2.0;             // ...is too loud when 3 dB above the median bar
constexpr std::size_t kShortestRun = 2;        // bars
constexpr double kShortestHeardRegion = 2.0;   // seconds, after the inset

std::vector<double> downbeatsOf(const AudioBuffer& mono, const JobControl& control)
{
    LogMelParams params;
    params.sampleRate = mono.sampleRate;
    const FloatMatrix logMel = logMelSpectrogram(mono.samples.data(), mono.frames(), params, control.slice(0.0, 0.2));
    const double hopSeconds = static_cast<double>(params.stft.hopLength) / mono.sampleRate;
    return analyzeMusic(mono.samples.data(), mono.frames(), mono.sampleRate, logMel, hopSeconds, control.slice(0.2, 1.0)).downbeats;
}

double meanSquare(const AudioBuffer& mono, double from, double to)
{
    const auto first = static_cast<std::size_t>(std::max(0.0, from * mono.sampleRate));
    const auto last = std::min(mono.samples.size(), static_cast<std::size_t>(to * mono.sampleRate));
    double sum = 0.0;
    for (std::size_t i = first; i < last; ++i)
        sum += static_cast<double>(mono.samples[i]) * mono.samples[i];
    return last > first ? sum / static_cast<double>(last - first) : 0.0;
}

std::vector<bool> moderateBars(const std::vector<double>& energies)
{
    std::vector<double> sorted = energies;
    std::sort(sorted.begin(), sorted.end());
    const double median = sorted[sorted.size() / 2];
    const std::size_t loudBars = (sorted.size() + kLoudestShareOf - 1) / kLoudestShareOf;
    const double loudFrom = sorted[sorted.size() - loudBars];
    std::vector<bool> moderate;
    for (double energy : energies) {
        const bool quiet = energy < kQuietestShare * median;
        const bool loud = energy >= loudFrom && energy > kStandsOut * median;
        moderate.push_back(!quiet && !loud);
    }
    return moderate;
}

// Runs of moderate bars, as [start, end) in seconds.
std::vector<std::pair<double, double>> moderateRuns(const AudioBuffer& mono, const std::vector<double>& downbeats)
{
    std::vector<double> energies;
    for (std::size_t i = 0; i + 1 < downbeats.size(); ++i)
        energies.push_back(meanSquare(mono, downbeats[i], downbeats[i + 1]));
    std::vector<std::pair<double, double>> runs;
    if (energies.empty())
        return runs;
    const std::vector<bool> moderate = moderateBars(energies);
    for (std::size_t first = 0; first < moderate.size();) {
        std::size_t end = first;
        while (end < moderate.size() && moderate[end])
            ++end;
        if (end - first >= kShortestRun)
            runs.emplace_back(downbeats[first], downbeats[end]);
        first = std::max(end, first + 1);
    }
    return runs;
}

}  // namespace

std::vector<VocalRegion> vocalRegions(const SongPlan& plan, const std::string& lyrics)
{
    std::vector<VocalRegion> regions;
    for (std::size_t i = 0; i < plan.sections.size(); ++i) {
        const PlanSection& s = plan.sections[i];
        if (s.hasVocals && s.duration > 2 * kVocalRegionInset)
            regions.push_back({s.start + kVocalRegionInset, s.end() - kVocalRegionInset, i, linesOf(s.lyrics)});
    }
    shareLyrics(regions, lyrics);
    return regions;
}

std::vector<VocalRegion> heardVocalRegions(const AudioBuffer& instrumental, const SongPlan& plan, const std::string& lyrics,
                                           const JobControl& control)
{
    std::vector<VocalRegion> regions;
    for (const auto& [runStart, runEnd] : moderateRuns(instrumental, downbeatsOf(instrumental, control))) {
        for (std::size_t i = 0; i < plan.sections.size(); ++i) {
            const double start = std::max(runStart, plan.sections[i].start) + kVocalRegionInset;
            const double end = std::min(runEnd, plan.sections[i].end()) - kVocalRegionInset;
            if (end - start >= kShortestHeardRegion)
                regions.push_back({start, end, i, {}});
        }
    }
    shareLyrics(regions, lyrics);
    return regions;
}

std::size_t lineCount(const std::vector<VocalRegion>& regions)
{
    std::size_t lines = 0;
    for (const VocalRegion& region : regions)
        lines += region.lines.size();
    return lines;
}

}  // namespace muze
