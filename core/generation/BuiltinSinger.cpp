#include "core/generation/BuiltinSinger.h"

#include "core/analysis/Pyin.h"
#include "core/audio/Gain.h"
#include "core/audio/Resampler.h"
#include "core/audio/TimePitch.h"
#include "core/common/Error.h"
#include "core/text/Speech.h"
#include "core/text/Syllables.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>

namespace muze {
namespace {

constexpr double kFade = 0.008;  // seconds at each end of a syllable

// espeak-ng's base pitch (0..99) for about `hz`: its English voice speaks from about 63 Hz at 0 to
// 157 Hz at 99, evenly on a log scale. Only a start: the line's pitch is measured afterwards.
int espeakPitchNear(double hz)
{
    return std::clamp(static_cast<int>(std::lround(50.0 + 60.0 * std::log2(hz / 89.0))), 0, 99);
}

// The median pitch of the voiced frames of monotone speech.
double spokenPitch(const Speech& speech)
{
    const PitchTrack track = trackPitch(speech.samples.data(), static_cast<std::int64_t>(speech.samples.size()), speech.sampleRate);
    std::vector<float> voiced;
    for (std::size_t i = 0; i < track.hz.size(); ++i)
        if (track.voiced[i])
            voiced.push_back(track.hz[i]);
    if (voiced.empty())
        throw Error(ErrorKind::Unsupported, "espeak-ng gave no voiced sound to sing with.");
    std::nth_element(voiced.begin(), voiced.begin() + static_cast<std::ptrdiff_t>(voiced.size() / 2), voiced.end());
    return voiced[voiced.size() / 2];
}

// The syllable made `note`: its consonants kept at their spoken length where the note allows, the
// vowel filling the rest.
std::vector<float> syllableAsNote(const Speech& speech, const SpokenSyllable& syllable, const SungNote& note, double spokenHz)
{
    const std::vector<float> input(speech.samples.begin() + syllable.start, speech.samples.begin() + syllable.end);
    const auto length = static_cast<std::size_t>(std::lround(note.duration * speech.sampleRate));
    const auto onset = static_cast<std::size_t>(syllable.nucleus - syllable.start);
    const auto closing = static_cast<std::size_t>(syllable.end - syllable.coda);
    const std::size_t onsetOut = std::min(onset, length / 3);
    const std::size_t closingOut = std::min(closing, length / 4);
    std::map<std::size_t, std::size_t> keyFrames;
    if (onset > 0)
        keyFrames[onset] = onsetOut;
    if (closing > 0 && input.size() - closing > onset)
        keyFrames[input.size() - closing] = length - closingOut;
    std::vector<float> sung = stretchAndShift(input, speech.sampleRate, length, midiHz(note.midi) / spokenHz, keyFrames);
    fadeEdges(sung, speech.sampleRate, kFade);
    return sung;
}

void addAt(std::vector<float>& into, const std::vector<float>& samples, std::size_t at)
{
    if (into.size() < at + samples.size())
        into.resize(at + samples.size(), 0.0f);
    std::transform(samples.begin(), samples.end(), into.begin() + static_cast<std::ptrdiff_t>(at), into.begin() + static_cast<std::ptrdiff_t>(at),
                   std::plus<float>());
}

struct SpokenLine {
    std::string text;
    Speech speech;
    std::vector<SpokenSyllable> syllables;
};

}  // namespace

SungVocals singLines(const PlanSection& section, double from, double to, const std::vector<std::string>& lines, const SingerOptions& options,
                     const JobControl& control)
{
    const SpeechVoice voice{options.language, espeakPitchNear(midiHz((options.range.lowest + options.range.highest) / 2.0)), true};
    std::vector<SpokenLine> spoken;
    std::vector<int> syllableCounts;
    for (const std::string& text : lines) {
        control.throwIfCancelled();
        Speech speech = speak(text, voice);
        std::vector<SpokenSyllable> syllables = syllablesOf(speech);
        if (syllables.empty())
            continue;
        syllableCounts.push_back(static_cast<int>(syllables.size()));
        spoken.push_back({text, std::move(speech), std::move(syllables)});
    }
    const std::vector<std::vector<SungNote>> melody = composeMelody(section, from, to, syllableCounts, options.range, options.seed);

    SungVocals vocals;
    const int speechRate = spoken.empty() ? options.sampleRate : spoken.front().speech.sampleRate;
    std::vector<float> samples(static_cast<std::size_t>(std::ceil(to * speechRate)), 0.0f);
    const int total = std::accumulate(syllableCounts.begin(), syllableCounts.end(), 0);
    int done = 0;
    for (std::size_t line = 0; line < spoken.size(); ++line) {
        const SpokenLine& s = spoken[line];
        const double spokenHz = spokenPitch(s.speech);
        for (std::size_t i = 0; i < s.syllables.size(); ++i) {
            control.throwIfCancelled();
            control.report("singing", static_cast<double>(done++) / total);
            const SungNote& note = melody[line][i];
            addAt(samples, syllableAsNote(s.speech, s.syllables[i], note, spokenHz), static_cast<std::size_t>(std::lround(note.start * speechRate)));
        }
        vocals.lines.push_back({s.text, melody[line], melody[line].front().start, melody[line].back().start + melody[line].back().duration});
    }
    AudioBuffer atSpeechRate;
    atSpeechRate.sampleRate = speechRate;
    atSpeechRate.channels = 1;
    atSpeechRate.samples = std::move(samples);
    vocals.audio = speechRate == options.sampleRate ? std::move(atSpeechRate) : resampleAudio(atSpeechRate, options.sampleRate);
    return vocals;
}

double shareInTune(const SungVocals& vocals, double cents)
{
    const AudioBuffer& audio = vocals.audio;
    const PitchTrack track = trackPitch(audio.samples.data(), static_cast<std::int64_t>(audio.samples.size()), audio.sampleRate);
    int voiced = 0;
    int inTune = 0;
    for (const SungLine& line : vocals.lines) {
        for (const SungNote& note : line.notes) {
            const auto first = static_cast<std::size_t>(std::ceil(note.start / track.hopSeconds));
            const auto last = std::min(track.hz.size(), static_cast<std::size_t>((note.start + note.duration) / track.hopSeconds));
            for (std::size_t frame = first; frame < last; ++frame) {
                if (!track.voiced[frame])
                    continue;
                ++voiced;
                inTune += std::abs(1200.0 * std::log2(track.hz[frame] / midiHz(note.midi))) <= cents;
            }
        }
    }
    return voiced > 0 ? static_cast<double>(inTune) / voiced : 0.0;
}

}  // namespace muze
