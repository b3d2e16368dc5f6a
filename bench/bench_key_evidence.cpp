// What a key method can see of a song, for working out key methods away from the analyzer: the
// analyzer's beats, downbeats, chords and key, the treble and bass chroma per beat, and the evidence
// detectKey weighs for each of the 24 keys (KeyDetection.h's order: C major to B major, then the
// minor keys), which bench/key_methods.py fits the weights on.
//
// usage: bench_key_evidence FILE...
// Prints one JSON line a file: {"file", "key", "beats", "downbeats", "chords": [[start, end, label]],
// "treble": [[12 per beat]], "bass": [[12 per beat]], "evidence": [[chord likelihood, treble fit,
// bass fit, V-I cadences, tonic at start or end] per key]}, or {"file", "error"}.

#include "core/analysis/Chroma.h"
#include "core/analysis/KeyDetection.h"
#include "core/analysis/MusicAnalysis.h"
#include "core/audio/AudioDecoder.h"
#include "core/common/Error.h"
#include "core/dsp/LogMel.h"

#include <nlohmann/json.hpp>

#include <iostream>

using namespace muze;

namespace {

nlohmann::json rounded(const std::vector<PitchClassProfile>& profiles)
{
    nlohmann::json rows = nlohmann::json::array();
    for (const PitchClassProfile& profile : profiles) {
        nlohmann::json row = nlohmann::json::array();
        for (float value : profile)
            row.push_back(std::round(value * 1000.0f) / 1000.0f);
        rows.push_back(row);
    }
    return rows;
}

nlohmann::json evidenceOf(const std::string& file)
{
    const DecodedAudio decoded = decodeAudioFile(file, DecodeOptions{});
    const float* mono = decoded.audio.samples.data();
    const std::int64_t frames = decoded.audio.frames();
    const LogMelParams melParams;
    const FloatMatrix logMel = logMelSpectrogram(mono, frames, melParams);
    const MusicAnalysis music = analyzeMusic(mono, frames, kModelSampleRate, logMel, 320.0 / kModelSampleRate);
    const double duration = static_cast<double>(frames) / kModelSampleRate;
    const ChromaFeatures chroma = computeChroma(mono, frames, kModelSampleRate);

    const std::vector<PitchClassProfile> treble = beatSynchronousChroma(chroma.treble, music.beats, duration);
    const std::vector<PitchClassProfile> bass = beatSynchronousChroma(chroma.bass, music.beats, duration);
    nlohmann::json evidence = nlohmann::json::array();
    for (const KeyEvidence& key : keyEvidence(music.chords, treble, bass))
        evidence.push_back({key.chordLikelihood, key.trebleFit, key.bassFit, key.dominantCadences, key.tonicAtStartOrEnd});
    nlohmann::json chords = nlohmann::json::array();
    for (const TimedChord& chord : music.chords)
        chords.push_back({chord.start, chord.end, chord.label});
    return {{"file", file},
            {"key", music.key ? music.key->name() : ""},
            {"beats", music.beats},
            {"downbeats", music.downbeats},
            {"chords", chords},
            {"treble", rounded(treble)},
            {"bass", rounded(bass)},
            {"evidence", evidence}};
}

}  // namespace

int main(int argc, char** argv)
{
    for (int i = 1; i < argc; ++i) {
        try {
            std::cout << evidenceOf(argv[i]).dump() << '\n';
        } catch (const std::exception& error) {
            std::cout << nlohmann::json{{"file", argv[i]}, {"error", error.what()}}.dump() << '\n';
        }
    }
    return 0;
}
