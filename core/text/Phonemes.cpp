#include "core/text/Phonemes.h"

#include "core/text/EspeakSession.h"

#include <espeak-ng/speak_lib.h>

#include <sstream>

namespace muze {
namespace {

constexpr char kSeparator = '_';  // espeak-ng puts it between the phonemes of a word

}  // namespace

PhonemeText toPhonemes(const std::string& text, const std::string& language)
{
    const EspeakSession session(language);
    PhonemeText out;
    std::istringstream lines(text);
    for (std::string line; std::getline(lines, line);) {
        const void* cursor = line.c_str();
        while (cursor != nullptr) {
            const char* chunk = espeak_TextToPhonemes(&cursor, espeakCHARS_UTF8, espeakPHONEMES_IPA | (kSeparator << 8));
            if (chunk == nullptr)
                break;
            std::istringstream words(chunk);
            for (std::string word; words >> word;) {
                std::string plain;
                std::istringstream parts(word);
                for (std::string phoneme; std::getline(parts, phoneme, kSeparator);) {
                    if (phoneme.empty())
                        continue;
                    out.phonemes.push_back(phoneme);
                    plain += phoneme;
                }
                if (!plain.empty())
                    out.ipa += (out.ipa.empty() ? "" : " ") + plain;
            }
        }
    }
    return out;
}

}  // namespace muze
