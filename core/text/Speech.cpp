#include "core/text/Speech.h"

#include "core/common/Error.h"
#include "core/text/EspeakSession.h"

#include <espeak-ng/speak_lib.h>

#include <algorithm>
#include <cstring>

namespace muze {
namespace {

// What espeak-ng's callback hears while one text is spoken.
struct Heard {
    std::vector<float> samples;
    struct Mark {
        std::int64_t sample;
        std::string ipa;  // empty for a pause
        int word;
    };
    std::vector<Mark> marks;
    int word = -1;
};

Heard* listener = nullptr;  // guarded by EspeakSession's lock

int hear(short* wave, int count, espeak_EVENT* events)
{
    Heard& heard = *listener;
    if (wave != nullptr)
        std::transform(wave, wave + count, std::back_inserter(heard.samples), [](short s) { return static_cast<float>(s) / 32768.0f; });
    for (espeak_EVENT* e = events; e->type != espeakEVENT_LIST_TERMINATED; ++e) {
        if (e->type == espeakEVENT_WORD)
            ++heard.word;
        else if (e->type == espeakEVENT_PHONEME)
            heard.marks.push_back({e->sample, std::string(e->id.string, strnlen(e->id.string, sizeof e->id.string)), std::max(0, heard.word)});
    }
    return 0;
}

std::vector<SpokenPhoneme> phonemesOf(const Heard& heard)
{
    std::vector<SpokenPhoneme> phonemes;
    for (std::size_t i = 0; i < heard.marks.size(); ++i) {
        const Heard::Mark& mark = heard.marks[i];
        const std::int64_t end = i + 1 < heard.marks.size() ? heard.marks[i + 1].sample : static_cast<std::int64_t>(heard.samples.size());
        if (!mark.ipa.empty() && end > mark.sample)
            phonemes.push_back({mark.ipa, mark.sample, end, mark.word});
    }
    return phonemes;
}

}  // namespace

Speech speak(const std::string& text, const SpeechVoice& voice)
{
    const EspeakSession session(voice.language);
    espeak_SetParameter(espeakPITCH, std::clamp(voice.pitch, 0, 99), 0);
    espeak_SetParameter(espeakRANGE, voice.monotone ? 0 : 50, 0);
    Heard heard;
    listener = &heard;
    espeak_SetSynthCallback(hear);
    const espeak_ERROR result = espeak_Synth(text.c_str(), text.size() + 1, 0, POS_CHARACTER, 0, espeakCHARS_UTF8, nullptr, nullptr);
    const bool finished = espeak_Synchronize() == EE_OK;
    listener = nullptr;
    if (result != EE_OK || !finished)
        throw Error(ErrorKind::Unsupported, "espeak-ng could not speak \"" + text + "\".");
    Speech speech;
    speech.sampleRate = session.sampleRate();
    speech.phonemes = phonemesOf(heard);
    speech.samples = std::move(heard.samples);
    return speech;
}

}  // namespace muze
