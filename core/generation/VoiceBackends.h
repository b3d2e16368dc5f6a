#pragma once

#include "core/audio/AudioBuffer.h"
#include "core/common/JobControl.h"

#include <filesystem>
#include <optional>
#include <string>

namespace muze {

// A text-to-speech server that says the lyrics, in a cloned voice or one of its own.
enum class VoiceServer { GptSovits, FishSpeech, Coqui, ElevenLabs };

inline constexpr VoiceServer kVoiceServers[] = {VoiceServer::GptSovits, VoiceServer::FishSpeech, VoiceServer::Coqui, VoiceServer::ElevenLabs};

struct RemoteVoice {
    VoiceServer server = VoiceServer::GptSovits;
    std::string url;                     // the server's address: "http://127.0.0.1:9880"
    std::string apiKey;                  // Fish Audio's bearer token, ElevenLabs' xi-api-key
    std::string voiceId;                 // ElevenLabs: which of its voices speaks
    std::string model;                   // ElevenLabs: its model_id
    std::filesystem::path reference;     // a recording of the voice to clone
    std::string referenceText;           // what is said in it
    std::string language = "en";
    double connectTimeout = 5.0;         // seconds
    double timeout = 120.0;              // seconds for one line's whole exchange
};

inline constexpr const char* kDefaultElevenLabsModel = "eleven_multilingual_v2";

const char* serverName(VoiceServer server);   // "GPT-SoVITS", "Fish Speech", "Coqui XTTS", "ElevenLabs"
const char* backendName(VoiceServer server);  // as --singing_backend names it: "gpt_sovits", ...
std::optional<VoiceServer> voiceServerNamed(const std::string& backend);
// Where each server listens when started as its README says (ElevenLabs: its public API).
std::string defaultVoiceServerUrl(VoiceServer server);
// Whether the server says the words in the voice of a recording it is given.
bool clonesFromRecording(VoiceServer server);

// One line of lyrics said by the server, mono at `sampleRate`:
// - GPT-SoVITS: its api_v2 POST /tts (text, text_lang, ref_audio_path, prompt_text, prompt_lang,
//   media_type wav), which needs a reference recording on the server's disk;
// - Fish Speech: POST /v1/tts (text, format wav, references with the recording's bytes in base64
//   and its text), the text sent as written, so emotion markers such as "(excited)" reach it;
// - Coqui XTTS: the TTS server's POST /api/tts, form-encoded (text, language_id, speaker_wav: the
//   recording's path on the server's disk);
// - ElevenLabs: POST /v1/text-to-speech/VOICE_ID (text, model_id) with the key as xi-api-key, MP3 back.
// Throws Error naming the server and what to do: Io when it is down, stalls or refuses the request
// (with its own message), Corrupt when its reply is not audio, LimitExceeded when it is too large.
AudioBuffer sayRemotely(const RemoteVoice& voice, const std::string& line, int sampleRate, const JobControl& control = {});

// A voice conversion server that turns sung vocals into the voice of one of its models: RVC, as
// rvc-python's API serves it (python -m rvc_python api).
struct VoiceConversion {
    std::string url = "http://127.0.0.1:5050";
    std::string model;          // a voice model in the server's models folder
    int pitchShift = 0;         // semitones, the server's f0up_key
    double connectTimeout = 5.0;
    double timeout = 600.0;     // seconds for the whole song
};

// `vocals` (mono) in the model's voice, at the same rate and length: POST /models/MODEL loads the
// model, POST /params sets f0up_key, POST /convert sends the WAV in base64 and gets a WAV back.
// Throws as sayRemotely does, naming RVC.
AudioBuffer convertVoice(const VoiceConversion& conversion, const AudioBuffer& vocals, const JobControl& control = {});

}  // namespace muze
