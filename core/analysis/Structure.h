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

// What a section's boundaries and name rest on.
struct SectionEvidence {
    double edgeNovelty = 0.0;  // the novelty of its weaker boundary inside the song
    double likeness = 0.0;     // its best bar-by-bar likeness to another section
    bool repeated = false;     // whether another section repeats it
};

struct Section {
    double start = 0.0;  // seconds
    double end = 0.0;
    std::string type;    // intro, verse, chorus, bridge, outro
    double confidence = 0.0;  // how likely its name and boundaries are right, 0-1
};

// The chance that a section with this evidence is named right with boundaries within 3 s.
double sectionConfidence(const SectionEvidence& evidence);

// Sections of a song, from the bars' self-similarity (Foote's checkerboard novelty over bar
// features: harmony, timbre and loudness), with boundaries on bar lines at least four bars apart.
// Then names from repetition first: sections that repeat one another (their bars alike in order)
// form groups; of the repeated groups the chorus is the one that most often, against each other
// group, comes back as often or more, first comes later, comes back last and is louder (in an
// excerpt without repeats, the loudest group but the opening one); other repeated groups are verses. Of the rest, the first
// section is the intro; the last is the outro; one leading into a chorus is a verse; others are
// bridges. Each section carries its confidence.
std::vector<Section> findSections(const BeatFeatures& features, const std::vector<double>& beats, const BarGrid& bars,
                                  double durationSeconds);

}  // namespace muze
