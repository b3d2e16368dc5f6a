#pragma once

#include "core/text/Speech.h"

#include <cstdint>
#include <string>
#include <vector>

namespace muze {

// A syllable of spoken text, in samples: its onset consonants [start, nucleus), its vowel
// [nucleus, coda) and its closing consonants [coda, end).
struct SpokenSyllable {
    std::int64_t start = 0;
    std::int64_t nucleus = 0;
    std::int64_t coda = 0;
    std::int64_t end = 0;
    int word = 0;
};

// Whether an IPA phoneme is a vowel (a diphthong or a syllabic consonant counts as one).
bool isVowel(const std::string& ipa);

// The syllables of `speech`: one for each vowel, taking the consonants before it; between two
// vowels of a word, one consonant goes to the second syllable and of two or more the first stays
// with the first. A word's last consonants close its last syllable; a word without a vowel joins
// the syllable before it (or, first in the text, the one after).
std::vector<SpokenSyllable> syllablesOf(const Speech& speech);

}  // namespace muze
