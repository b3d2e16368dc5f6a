#include "core/generation/SongVocals.h"

#include "core/analysis/Loudness.h"
#include "core/analysis/VocalSeparation.h"
#include "core/audio/Gain.h"
#include "core/audio/TimePitch.h"
#include "core/common/Error.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <regex>
#include <sstream>

namespace muze {
namespace {

constexpr double kRegionFade = 0.03;  // seconds

// 1 inside the regions, 0 outside, with linear fades of kRegionFade inside their edges.
std::vector<float> regionWeights(const std::vector<VocalRegion>& regions, std::size_t length, int sampleRate)
{
    std::vector<float> weights(length, 0.0f);
    const double fade = kRegionFade * sampleRate;
    for (const VocalRegion& region : regions) {
        const auto first = static_cast<std::size_t>(std::max(0.0, region.start * sampleRate));
        const auto last = std::min(length, static_cast<std::size_t>(region.end * sampleRate));
        for (std::size_t i = first; i < last; ++i) {
            const double edge = std::min(static_cast<double>(i - first), static_cast<double>(last - 1 - i));
            weights[i] = std::max(weights[i], static_cast<float>(std::min(1.0, edge / fade)));
        }
    }
    return weights;
}

constexpr float kSilence = 0.003f;  // -50 dBFS

std::vector<float> trimmedSilence(const std::vector<float>& samples)
{
    const auto loud = [](float s) { return std::abs(s) > kSilence; };
    const auto first = std::find_if(samples.begin(), samples.end(), loud);
    const auto last = std::find_if(samples.rbegin(), samples.rend(), loud).base();
    return first < last ? std::vector<float>(first, last) : std::vector<float>();
}

// One ratio for all of a region's lines: as near as allowed to the one that fills the region.
double stretchFor(const PlanSection& section, const VocalRegion& region, double saidSeconds)
{
    const double length = region.end - region.start;
    if (saidSeconds * kFastestStretch > length)
        throw Error(ErrorKind::InvalidArgument, "The words of the " + section.type + " at " + std::to_string(std::lround(section.start)) + " s take " +
                                                    std::to_string(std::lround(saidSeconds)) + " s to say and the voice has " +
                                                    std::to_string(std::lround(length)) + " s there, even said " +
                                                    std::to_string(std::lround(100 * (1 - kFastestStretch))) +
                                                    "% faster: shorten them or lengthen the section.");
    return std::clamp(length / std::max(saidSeconds, 1e-9), kFastestStretch, kSlowestStretch);
}

AudioBuffer withoutVoice(const AudioBuffer& instrumental, const std::vector<VocalRegion>& regions)
{
    const AudioBuffer voice = separateVocals(instrumental).vocals;
    const std::vector<float> weights = regionWeights(regions, instrumental.samples.size(), instrumental.sampleRate);
    AudioBuffer stripped = instrumental;
    for (std::size_t i = 0; i < stripped.samples.size() && i < voice.samples.size(); ++i)
        stripped.samples[i] -= weights[i] * voice.samples[i];
    return stripped;
}

}  // namespace

SongVocals singSong(const SongPlan& plan, const std::vector<VocalRegion>& regions, const SingerOptions& options, const JobControl& control)
{
    const std::size_t lines = lineCount(regions);
    std::size_t linesSung = 0;
    SongVocals song;
    song.regions = regions;
    song.audio.sampleRate = options.sampleRate;
    song.audio.channels = 1;
    song.audio.samples.assign(static_cast<std::size_t>(std::lround(plan.duration() * options.sampleRate)), 0.0f);
    for (const VocalRegion& region : regions) {
        if (region.lines.empty())
            continue;
        SingerOptions sectionOptions = options;
        sectionOptions.seed = options.seed + region.section;
        const JobControl part = control.slice(static_cast<double>(linesSung) / static_cast<double>(lines),
                                              static_cast<double>(linesSung + region.lines.size()) / static_cast<double>(lines));
        linesSung += region.lines.size();
        const SungVocals sung = singLines(plan.sections[region.section], region.start, region.end, region.lines, sectionOptions, part);
        const std::size_t count = std::min(sung.audio.samples.size(), song.audio.samples.size());
        std::transform(sung.audio.samples.begin(), sung.audio.samples.begin() + static_cast<std::ptrdiff_t>(count), song.audio.samples.begin(),
                       song.audio.samples.begin(), std::plus<float>());
        song.lines.insert(song.lines.end(), sung.lines.begin(), sung.lines.end());
    }
    return song;
}

SongVocals alignSaid(const SongPlan& plan, const std::vector<VocalRegion>& regions, const std::vector<std::vector<AudioBuffer>>& said,
                     int sampleRate)
{
    SongVocals song;
    song.regions = regions;
    song.audio.sampleRate = sampleRate;
    song.audio.channels = 1;
    song.audio.samples.assign(static_cast<std::size_t>(std::lround(plan.duration() * sampleRate)), 0.0f);
    for (std::size_t r = 0; r < regions.size(); ++r) {
        const VocalRegion& region = regions[r];
        std::vector<std::vector<float>> lines;
        double saidSeconds = 0.0;
        for (const AudioBuffer& line : said[r]) {
            lines.push_back(trimmedSilence(line.samples));
            saidSeconds += static_cast<double>(lines.back().size()) / sampleRate;
        }
        if (lines.empty())
            continue;
        const double ratio = stretchFor(plan.sections[region.section], region, saidSeconds);
        const double gap = (region.end - region.start - ratio * saidSeconds) / static_cast<double>(lines.size());
        double at = region.start;
        for (std::size_t i = 0; i < lines.size(); ++i) {
            const auto length = static_cast<std::size_t>(std::lround(static_cast<double>(lines[i].size()) * ratio));
            std::vector<float> fitted = ratio == 1.0 ? lines[i] : stretchAndShift(lines[i], sampleRate, length, 1.0);
            fadeEdges(fitted, sampleRate, kRegionFade);
            const auto first = static_cast<std::size_t>(std::lround(at * sampleRate));
            for (std::size_t k = 0; k < fitted.size() && first + k < song.audio.samples.size(); ++k)
                song.audio.samples[first + k] += fitted[k];
            const double seconds = static_cast<double>(fitted.size()) / sampleRate;
            song.lines.push_back({region.lines[i], {}, at, at + seconds});
            at += seconds + gap;
        }
    }
    return song;
}

SongVocals saySong(const SongPlan& plan, const std::vector<VocalRegion>& regions, const RemoteVoice& voice, int sampleRate, const JobControl& control)
{
    const std::size_t lines = lineCount(regions);
    std::size_t done = 0;
    std::vector<std::vector<AudioBuffer>> said(regions.size());
    for (std::size_t r = 0; r < regions.size(); ++r) {
        for (const std::string& line : regions[r].lines) {
            control.report(std::string("asking ") + serverName(voice.server), static_cast<double>(done++) / static_cast<double>(lines));
            said[r].push_back(sayRemotely(voice, line, sampleRate, control));
        }
    }
    return alignSaid(plan, regions, said, sampleRate);
}

MixedSong mixVocals(const AudioBuffer& instrumental, const SongVocals& vocals, const VocalMixOptions& options)
{
    if (instrumental.channels != 1 || instrumental.sampleRate != vocals.audio.sampleRate)
        throw Error(ErrorKind::InvalidArgument, "Vocals are mixed into a mono instrumental at their own sample rate.");
    MixedSong mixed;
    mixed.instrumental = options.stripLdmVocals ? withoutVoice(instrumental, vocals.regions) : instrumental;
    const std::optional<double> instrumentalLoudness = integratedLoudness(mixed.instrumental);
    const std::optional<double> vocalLoudness = integratedLoudness(vocals.audio);
    const double gain = instrumentalLoudness && vocalLoudness ? options.level * std::pow(10.0, (*instrumentalLoudness - *vocalLoudness) / 20.0)
                                                              : options.level;
    mixed.song = mixed.instrumental;
    for (std::size_t i = 0; i < mixed.song.samples.size() && i < vocals.audio.samples.size(); ++i)
        mixed.song.samples[i] += static_cast<float>(gain) * vocals.audio.samples[i];
    limitPeaks(mixed.song.samples, mixed.song.sampleRate);
    mixed.loudness = integratedLoudness(mixed.song);
    return mixed;
}

std::string lrcOf(const std::vector<SungLine>& lines)
{
    std::string lrc;
    for (const SungLine& line : lines) {
        if (line.end <= line.start)
            continue;
        const long centiseconds = std::lround(line.start * 100.0);
        char stamp[32];
        std::snprintf(stamp, sizeof stamp, "[%02ld:%02ld.%02ld]", centiseconds / 6000, centiseconds / 100 % 60, centiseconds % 100);
        lrc += stamp + line.text + "\n";
    }
    return lrc;
}

std::vector<TimedLine> linesOfLrc(const std::string& lrc)
{
    static const std::regex stamped(R"(^\[(\d{1,4}):(\d{1,2}(?:\.\d+)?)\](.*)$)");
    std::vector<TimedLine> lines;
    std::istringstream text(lrc);
    std::string line;
    std::smatch match;
    while (std::getline(text, line)) {
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        if (std::regex_match(line, match, stamped))
            lines.push_back({std::stod(match[1]) * 60.0 + std::stod(match[2]), match[3]});
    }
    std::stable_sort(lines.begin(), lines.end(), [](const TimedLine& a, const TimedLine& b) { return a.start < b.start; });
    return lines;
}

}  // namespace muze
