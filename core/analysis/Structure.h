#pragma once

#include "core/analysis/Chroma.h"
#include "core/analysis/Meter.h"
#include "core/dsp/FloatMatrix.h"

#include <array>
#include <string>
#include <vector>

namespace muze {

// What each beat sounds like, for finding a song's sections.
struct BeatFeatures {
    std::vector<PitchClassProfile> chroma;        // harmony (treble chroma)
    std::vector<std::array<float, 12>> timbre;    // cepstral coefficients 1..12 of the mean log-mel
    std::vector<float> loudness;                  // mean log-mel level, dB
};

BeatFeatures describeBeats(const FloatMatrix& logMel, double melHopSeconds, const std::vector<double>& beats,
                           double durationSeconds, std::vector<PitchClassProfile> beatChroma);

struct Section {
    double start = 0.0;  // seconds
    double end = 0.0;
    std::string type;    // intro, verse, chorus, bridge, outro
};

// Sections of a song, from the bars' self-similarity (Foote's checkerboard novelty over bar
// features: harmony, timbre and loudness), with boundaries on bar lines at least four bars apart.
// Then names from repetition and energy: sections that repeat one another (their bars alike in
// order) form groups; the loudest repeated group is the chorus (in an excerpt without repeats, the
// loudest group but the opening one), other repeated groups are verses. Of the rest, the first
// section is the intro; the last is the outro; one leading into a chorus is a verse; others are
// bridges.
std::vector<Section> findSections(const BeatFeatures& features, const std::vector<double>& beats, const BarGrid& bars,
                                  double durationSeconds);

}  // namespace muze
