#pragma once

#include "core/audio/AudioBuffer.h"
#include "core/common/JobControl.h"

#include <filesystem>
#include <string>

namespace muze {

// A text-to-speech server that says the lyrics in a cloned voice.
enum class VoiceServer { GptSovits, FishSpeech };

struct RemoteVoice {
    VoiceServer server = VoiceServer::GptSovits;
    std::string url;                     // the server's address: "http://127.0.0.1:9880"
    std::string apiKey;                  // sent as a bearer token when set (Fish Audio's cloud)
    std::filesystem::path reference;     // a recording of the voice to clone
    std::string referenceText;           // what is said in it
    std::string language = "en";
    double connectTimeout = 5.0;         // seconds
    double timeout = 120.0;              // seconds for one line's whole exchange
};

const char* serverName(VoiceServer server);  // "GPT-SoVITS", "Fish Speech"

// One line of lyrics said by the server, mono at `sampleRate`:
// - GPT-SoVITS: its api_v2 POST /tts (text, text_lang, ref_audio_path, prompt_text, prompt_lang,
//   media_type wav), which needs a reference recording on the server's disk;
// - Fish Speech: POST /v1/tts (text, format wav, references with the recording's bytes in base64
//   and its text), the text sent as written, so emotion markers such as "(excited)" reach it.
// Throws Error naming the server and what to do: Io when it is down, stalls or refuses the request
// (with its own message), Corrupt when its reply is not audio, LimitExceeded when it is too large.
AudioBuffer sayRemotely(const RemoteVoice& voice, const std::string& line, int sampleRate, const JobControl& control = {});

}  // namespace muze
