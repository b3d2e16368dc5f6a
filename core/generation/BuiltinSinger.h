#pragma once

#include "core/audio/AudioBuffer.h"
#include "core/common/JobControl.h"
#include "core/generation/Melody.h"
#include "core/generation/SongPlan.h"

#include <cstdint>
#include <string>
#include <vector>

namespace muze {

struct SingerOptions {
    std::string language = "en";  // an espeak-ng voice, optionally with a variant: "en+f3"
    VoiceRange range;
    std::uint64_t seed = 0;
    int sampleRate = 32000;
};

struct SungLine {
    std::string text;
    std::vector<SungNote> notes;  // one a syllable; none for words said by a voice server
    double start = 0.0;           // seconds from the song's start
    double end = 0.0;
};

struct SungVocals {
    AudioBuffer audio;  // mono, from the song's start
    std::vector<SungLine> lines;
};

// The built-in singer: sings `lines` of lyrics within [from, to) of `section`, offline. espeak-ng
// speaks each line on one pitch (its own pitch control set near the voice's range); each syllable
// then takes a note of composeMelody's tune, Rubber Band moving it to the note's exact pitch and
// stretching it to the note's length: its first consonants at their spoken length (at most a third
// of the note), its last ones too (at most a quarter), its vowel held for the rest. Lines with no
// syllables are left out. Throws Error(InvalidArgument) when the lines do not fit, and
// Error(Unsupported) when espeak-ng has no voice for the language.
SungVocals singLines(const PlanSection& section, double from, double to, const std::vector<std::string>& lines, const SingerOptions& options,
                     const JobControl& control = {});

// How well `vocals` keep to their notes: of the frames within a note that the project's pYIN hears
// as voiced, the share within `cents` of the written pitch. 0 when none is voiced.
double shareInTune(const SungVocals& vocals, double cents = 50.0);

}  // namespace muze
