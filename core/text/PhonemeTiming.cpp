#include "core/text/PhonemeTiming.h"

#include "core/text/Phonemes.h"

#include <algorithm>

namespace muze {
namespace {

constexpr double kLongestPhoneme = 0.12;  // seconds, for the last line of timed lyrics

void spread(const std::vector<std::string>& phonemes, double start, double end, std::vector<TimedPhoneme>& out)
{
    if (phonemes.empty() || end <= start)
        return;
    const double step = (end - start) / static_cast<double>(phonemes.size());
    for (std::size_t i = 0; i < phonemes.size(); ++i)
        out.push_back({phonemes[i], start + step * static_cast<double>(i), start + step * static_cast<double>(i + 1)});
}

}  // namespace

std::vector<TimedPhoneme> timePhonemes(const Lyrics& lyrics, const std::vector<RecognizedWord>& words,
                                       const std::vector<std::pair<double, double>>& vocalRegions, const std::string& language)
{
    std::vector<TimedPhoneme> out;
    if (lyrics.source == "asr") {
        for (const RecognizedWord& word : words)
            spread(toPhonemes(word.word, language).phonemes, word.start, word.end, out);
        return out;
    }
    if (lyrics.timed()) {
        for (std::size_t i = 0; i < lyrics.lines.size(); ++i) {
            const LyricLine& line = lyrics.lines[i];
            if (!line.start)
                continue;
            const std::vector<std::string> phonemes = toPhonemes(line.text, language).phonemes;
            double end = *line.start + kLongestPhoneme * static_cast<double>(phonemes.size());
            if (i + 1 < lyrics.lines.size() && lyrics.lines[i + 1].start)
                end = std::min(end, *lyrics.lines[i + 1].start);
            spread(phonemes, *line.start, end, out);
        }
        return out;
    }
    double total = 0.0;
    for (const auto& region : vocalRegions)
        total += region.second - region.first;
    const std::vector<std::string> phonemes = toPhonemes(lyrics.text(), language).phonemes;
    if (total <= 0 || phonemes.empty())
        return out;
    // Walk the regions, giving each phoneme an equal share of the vocal time.
    const double step = total / static_cast<double>(phonemes.size());
    std::size_t region = 0;
    double cursor = vocalRegions.front().first;
    for (const std::string& phoneme : phonemes) {
        while (region < vocalRegions.size() && cursor + step > vocalRegions[region].second + 1e-9) {
            ++region;
            if (region < vocalRegions.size())
                cursor = std::max(cursor, vocalRegions[region].first);
        }
        if (region >= vocalRegions.size())
            break;
        out.push_back({phoneme, cursor, cursor + step});
        cursor += step;
    }
    return out;
}

}  // namespace muze
