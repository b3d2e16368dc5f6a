#include "core/text/EspeakSession.h"

#include "core/common/Error.h"

#include <espeak-ng/speak_lib.h>

namespace muze {
namespace {

std::mutex& espeakMutex()
{
    static std::mutex mutex;
    return mutex;
}

int startEspeak()
{
    static int sampleRate = 0;
    if (sampleRate > 0)
        return sampleRate;
    sampleRate = espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, 0, nullptr,
                                   espeakINITIALIZE_DONT_EXIT | espeakINITIALIZE_PHONEME_EVENTS | espeakINITIALIZE_PHONEME_IPA);
    if (sampleRate <= 0)
        throw Error(ErrorKind::Unsupported, "espeak-ng could not start; check that espeak-ng-data is installed.");
    return sampleRate;
}

}  // namespace

EspeakSession::EspeakSession(const std::string& voice) : m_lock(espeakMutex()), m_sampleRate(startEspeak())
{
    if (espeak_SetVoiceByName(voice.c_str()) != EE_OK)
        throw Error(ErrorKind::Unsupported, "espeak-ng has no voice for the language \"" + voice + "\".");
}

}  // namespace muze
