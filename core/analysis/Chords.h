#pragma once

#include "core/analysis/Chroma.h"

#include <string>
#include <vector>

namespace muze {

// A chord over a stretch of time, labelled in mir_eval's syntax: "C:maj", "A:min", or "N" for none.
struct TimedChord {
    double start = 0.0;  // seconds
    double end = 0.0;
    std::string label;
};

// The major and minor triads (and "N") of a song, one decision per beat: each beat's treble chroma
// is compared with the 24 triad templates (cosine similarity), and a hidden Markov model decoded
// with Viterbi's algorithm smooths the sequence (a chord tends to last). A beat whose chroma fits
// no triad better than a flat spectrum does is "N". Consecutive beats with one chord are merged.
std::vector<TimedChord> recognizeChords(const std::vector<PitchClassProfile>& beatChroma, const std::vector<double>& beats,
                                        double durationSeconds);

// The reference's untimed chord_progression: the labels in order, repeats and "N" dropped, at most
// `limit` of them.
std::vector<std::string> chordProgression(const std::vector<TimedChord>& chords, std::size_t limit = 64);

// Pitch class of a chord's root (C = 0), or -1 for "N"; `minor` says whether it is minor.
int chordRoot(const std::string& label, bool* minor = nullptr);

extern const char* const kPitchClassNames[12];

}  // namespace muze
