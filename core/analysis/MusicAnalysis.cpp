#include "core/analysis/MusicAnalysis.h"

#include "core/analysis/BeatTracker.h"
#include "core/analysis/Chroma.h"
#include "core/analysis/Meter.h"
#include "core/analysis/OnsetEnvelope.h"

#include <cmath>

namespace muze {
namespace {

// Log-mel bands 0..9 reach about 260 Hz at the reference's settings: kick drum and bass.
constexpr int kLowBands = 10;
// Below this peak level (-80 dBFS) a song is taken as silence.
constexpr float kSilencePeak = 1e-4f;

bool isSilent(const float* mono, std::int64_t frames)
{
    for (std::int64_t i = 0; i < frames; ++i)
        if (std::abs(mono[i]) > kSilencePeak)
            return false;
    return true;
}

}  // namespace

MusicAnalysis analyzeMusic(const float* mono, std::int64_t frames, int sampleRate, const FloatMatrix& logMel, double melHopSeconds,
                           const JobControl& control)
{
    MusicAnalysis music;
    const double duration = static_cast<double>(frames) / sampleRate;
    if (isSilent(mono, frames))
        return music;  // no beats, no key, no chords: nothing to find, rather than something invented
    const OnsetEnvelope lowBand = bandOnsets(logMel, melHopSeconds, 0, kLowBands);
    const BeatTrack track = trackBeats(mono, frames, sampleRate, lowBand, control.slice(0.0, 0.4));
    music.beats = track.beats;
    music.tempo = track.tempo;
    control.throwIfCancelled();

    const ChromaFeatures chroma = computeChroma(mono, frames, sampleRate, control.slice(0.4, 0.8));
    const std::vector<PitchClassProfile> beatChroma = beatSynchronousChroma(chroma.treble, music.beats, duration);
    music.chords = recognizeChords(beatChroma, music.beats, duration);
    music.key = detectKey(music.chords, beatChroma, beatSynchronousChroma(chroma.bass, music.beats, duration));
    control.throwIfCancelled();

    const BarGrid bars = findBars(mono, frames, sampleRate, music.beats, beatChroma);
    music.beatsPerBar = bars.beatsPerBar;
    for (std::size_t index : bars.downbeats)
        music.downbeats.push_back(music.beats[index]);
    music.sections = findSections(describeBeats(logMel, melHopSeconds, music.beats, duration, beatChroma), music.beats, bars, duration);
    control.report("structure", 1.0);
    return music;
}

}  // namespace muze
