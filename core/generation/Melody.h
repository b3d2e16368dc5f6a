#pragma once

#include "core/generation/SongPlan.h"

#include <cstdint>
#include <vector>

namespace muze {

struct SungNote {
    double start = 0.0;  // seconds from the song's start
    double duration = 0.0;
    int midi = 60;
};

// The notes a voice sings, as MIDI numbers.
struct VoiceRange {
    int lowest = 45;   // A2
    int highest = 62;  // D4
};

// A melody for lines of lyrics sung within [from, to) of `section`, one note for each syllable
// (`syllablesPerLine`). Syllables fall on the half beats (whole beats above 160 BPM, quarter beats
// when the lines would not fit otherwise); a line takes whole beats, its last note held to a step
// before its end. The first line starts on the first beat in the span, and each next one on the next
// bar line when the spare beats reach it, the whole bars left shared evenly between the lines. A note
// on a beat sounds a tone of the bar's chord, one between beats a tone of the key's scale, each near
// the one before; a line ends on its chord's root or third. The same seed gives the same melody.
// Throws Error(InvalidArgument) when the lines do not fit, naming the section.
std::vector<std::vector<SungNote>> composeMelody(const PlanSection& section, double from, double to, const std::vector<int>& syllablesPerLine,
                                                 const VoiceRange& range, std::uint64_t seed);

// The frequency of a MIDI note, A4 = 440 Hz.
double midiHz(double midi);

}  // namespace muze
