#include "core/text/Syllables.h"

#include <array>
#include <string_view>

namespace muze {
namespace {

using Phonemes = std::vector<SpokenPhoneme>;

// Of the consonants after a vowel, how many close its syllable.
std::size_t codaLength(std::size_t consonants, bool vowelAfterInWord)
{
    if (!vowelAfterInWord)
        return consonants;
    return consonants >= 2 ? 1 : 0;
}

// The phonemes of one word, [first, last), as syllables appended to `out`. `carried`: where sound
// began that no syllable has taken yet (a vowel-less first word), or -1.
void syllabifyWord(const Phonemes& phonemes, std::size_t first, std::size_t last, std::vector<SpokenSyllable>& out, std::int64_t& carried)
{
    std::vector<std::size_t> vowels;
    for (std::size_t i = first; i < last; ++i)
        if (isVowel(phonemes[i].ipa))
            vowels.push_back(i);
    if (vowels.empty()) {
        if (!out.empty())
            out.back().end = phonemes[last - 1].end;
        else if (carried < 0)
            carried = phonemes[first].start;
        return;
    }
    std::size_t from = first;
    for (std::size_t v = 0; v < vowels.size(); ++v) {
        const std::size_t vowel = vowels[v];
        const std::size_t next = v + 1 < vowels.size() ? vowels[v + 1] : last;
        const std::size_t to = vowel + 1 + codaLength(next - vowel - 1, v + 1 < vowels.size());
        const std::int64_t start = carried >= 0 ? carried : phonemes[from].start;
        out.push_back({start, phonemes[vowel].start, phonemes[vowel].end, phonemes[to - 1].end, phonemes[vowel].word});
        carried = -1;
        from = to;
    }
}

}  // namespace

bool isVowel(const std::string& ipa)
{
    static constexpr std::array<std::string_view, 27> kVowelStarts = {"a", "e", "i", "o", "u", "y", "ɑ", "ɐ", "ɒ", "æ", "ɛ", "ə", "ɜ", "ɪ",
                                                                      "ʊ", "ʌ", "ɔ", "ø", "œ", "ɯ", "ɤ", "ɨ", "ʉ", "ɵ", "ɘ", "ɚ", "ᵻ"};
    static constexpr std::string_view kSyllabicMark = "\u0329";
    for (const std::string_view start : kVowelStarts)
        if (std::string_view(ipa).substr(0, start.size()) == start)
            return true;
    return ipa.find(kSyllabicMark) != std::string::npos;
}

std::vector<SpokenSyllable> syllablesOf(const Speech& speech)
{
    const Phonemes& phonemes = speech.phonemes;
    std::vector<SpokenSyllable> syllables;
    std::int64_t carried = -1;
    for (std::size_t first = 0; first < phonemes.size();) {
        std::size_t last = first + 1;
        while (last < phonemes.size() && phonemes[last].word == phonemes[first].word)
            ++last;
        syllabifyWord(phonemes, first, last, syllables, carried);
        first = last;
    }
    return syllables;
}

}  // namespace muze
