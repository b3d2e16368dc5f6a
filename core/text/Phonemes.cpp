#include "core/text/Phonemes.h"

#include "core/common/Error.h"

#include <espeak-ng/speak_lib.h>

#include <mutex>
#include <sstream>

namespace muze {
namespace {

constexpr char kSeparator = '_';  // espeak-ng puts it between the phonemes of a word

std::mutex& espeakMutex()
{
    static std::mutex mutex;
    return mutex;
}

void startEspeak()
{
    static bool started = false;
    if (started)
        return;
    if (espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, 0, nullptr, espeakINITIALIZE_DONT_EXIT) < 0)
        throw Error(ErrorKind::Unsupported, "espeak-ng could not start; check that espeak-ng-data is installed.");
    started = true;
}

}  // namespace

PhonemeText toPhonemes(const std::string& text, const std::string& language)
{
    std::lock_guard<std::mutex> lock(espeakMutex());
    startEspeak();
    if (espeak_SetVoiceByName(language.c_str()) != EE_OK)
        throw Error(ErrorKind::Unsupported, "espeak-ng has no voice for the language \"" + language + "\".");
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
