#pragma once

#include "core/analysis/Chords.h"
#include "core/analysis/Chroma.h"

#include <optional>
#include <string>
#include <vector>

namespace muze {

struct MusicalKey {
    int tonic = 0;  // pitch class, C = 0
    bool minor = false;

    std::string name() const;  // as musicians write it: "Bb major", "F# major", "C# minor", "Eb minor"
};

// A key named with sharps or flats ("A# major" and "Bb major" alike); nothing for other text.
std::optional<MusicalKey> parseKey(const std::string& text);

// The key of a song: of the 24 keys, the one its evidence fits best, weighing
// - its chords: how likely the song's chords are in the key, by how much of a song in a key each chord
//   usually sounds for (a key profile for chords: I, IV and V common, a v or a II rare in major);
// - its notes: the treble chroma (averaged beat by beat, so quiet passages count as loud ones) and its
//   correlation with Sha'ath's key profiles (Krumhansl's, fitted to pop and electronic music); the bass
//   chroma's with Krumhansl and Kessler's;
// - the share of its chord changes that are V→I cadences into the key's tonic, wherever they fall;
// - and, at a small fixed weight, whether it starts and whether it ends on the tonic chord.
// Returns nothing for a song without chords.
std::optional<MusicalKey> detectKey(const std::vector<TimedChord>& chords, const std::vector<PitchClassProfile>& trebleByBeat,
                                     const std::vector<PitchClassProfile>& bassByBeat);

// What detectKey weighs for one key, each term as described above, before its weight.
struct KeyEvidence {
    MusicalKey key;
    double chordLikelihood = 0.0;  // the mean log share of the song's chords in the key, by duration
    double trebleFit = 0.0;        // the treble's correlation with the key's profile, Sha'ath's
    double bassFit = 0.0;          // the bass's with Krumhansl's
    double dominantCadences = 0.0; // the share of chord changes that are V→I into the key's tonic
    int tonicAtStartOrEnd = 0;     // 0, 1 or 2: the first and the last chord that are the tonic chord
};

// The evidence for each of the 24 keys, the major keys from C first, then the minor keys; nothing
// for a song without chords. detectKey chooses the key whose weighted evidence is largest.
std::vector<KeyEvidence> keyEvidence(const std::vector<TimedChord>& chords, const std::vector<PitchClassProfile>& trebleByBeat,
                                     const std::vector<PitchClassProfile>& bassByBeat);

}  // namespace muze
