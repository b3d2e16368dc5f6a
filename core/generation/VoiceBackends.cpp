#include "core/generation/VoiceBackends.h"

#include "core/audio/AudioDecoder.h"
#include "core/audio/AudioWriter.h"
#include "core/common/Error.h"
#include "core/common/HttpClient.h"
#include "core/common/ScratchPath.h"

#include <nlohmann/json.hpp>

#include <cctype>
#include <cstdio>
#include <fstream>
#include <sstream>

namespace muze {
namespace {

using Json = nlohmann::json;

std::string fileBytes(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw Error(ErrorKind::NotFound, "The recording " + path.string() + " cannot be read.");
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

std::string withoutTrailingSlash(const std::string& url)
{
    return url.empty() || url.back() != '/' ? url : url.substr(0, url.size() - 1);
}

std::string formEncoded(const std::string& text)
{
    std::string encoded;
    for (const unsigned char c : text) {
        if (std::isalnum(c) != 0 || c == '-' || c == '_' || c == '.' || c == '~') {
            encoded += static_cast<char>(c);
        } else {
            char escaped[4];
            std::snprintf(escaped, sizeof escaped, "%%%02X", c);
            encoded += escaped;
        }
    }
    return encoded;
}

HttpRequest baseRequest(const RemoteVoice& voice)
{
    HttpRequest request;
    request.headers = {"Content-Type: application/json"};
    request.connectTimeout = voice.connectTimeout;
    request.timeout = voice.timeout;
    return request;
}

HttpRequest gptSovitsRequest(const RemoteVoice& voice, const std::string& line)
{
    if (voice.reference.empty())
        throw Error(ErrorKind::InvalidArgument, "GPT-SoVITS says the words in the voice of a recording: name one with --singing_voice_ref.");
    HttpRequest request = baseRequest(voice);
    request.url = withoutTrailingSlash(voice.url) + "/tts";
    request.body = Json{{"text", line},
                        {"text_lang", voice.language},
                        {"ref_audio_path", std::filesystem::absolute(voice.reference).string()},
                        {"prompt_text", voice.referenceText},
                        {"prompt_lang", voice.language},
                        {"media_type", "wav"},
                        {"streaming_mode", false}}
                       .dump();
    return request;
}

HttpRequest fishSpeechRequest(const RemoteVoice& voice, const std::string& line)
{
    HttpRequest request = baseRequest(voice);
    if (!voice.apiKey.empty())
        request.headers.push_back("Authorization: Bearer " + voice.apiKey);
    request.url = withoutTrailingSlash(voice.url) + "/v1/tts";
    Json body{{"text", line}, {"format", "wav"}, {"normalize", true}, {"streaming", false}, {"references", Json::array()}};
    if (!voice.reference.empty())
        body["references"].push_back({{"audio", base64(fileBytes(voice.reference))}, {"text", voice.referenceText}});
    request.body = body.dump();
    return request;
}

HttpRequest coquiRequest(const RemoteVoice& voice, const std::string& line)
{
    HttpRequest request = baseRequest(voice);
    request.headers = {"Content-Type: application/x-www-form-urlencoded"};
    request.url = withoutTrailingSlash(voice.url) + "/api/tts";
    request.body = "text=" + formEncoded(line) + "&language_id=" + formEncoded(voice.language);
    if (!voice.reference.empty())
        request.body += "&speaker_wav=" + formEncoded(std::filesystem::absolute(voice.reference).string());
    return request;
}

HttpRequest elevenLabsRequest(const RemoteVoice& voice, const std::string& line)
{
    if (voice.apiKey.empty())
        throw Error(ErrorKind::InvalidArgument, "ElevenLabs needs an API key: set ELEVENLABS_API_KEY, or save it in the studio's Preferences.");
    if (voice.voiceId.empty())
        throw Error(ErrorKind::InvalidArgument, "Name the ElevenLabs voice that sings with --elevenlabs_voice (its voice ID).");
    HttpRequest request = baseRequest(voice);
    request.headers.push_back("xi-api-key: " + voice.apiKey);
    request.url = withoutTrailingSlash(voice.url) + "/v1/text-to-speech/" + formEncoded(voice.voiceId) + "?output_format=mp3_44100_128";
    request.body = Json{{"text", line}, {"model_id", voice.model.empty() ? kDefaultElevenLabsModel : voice.model}}.dump();
    return request;
}

HttpRequest requestFor(const RemoteVoice& voice, const std::string& line)
{
    switch (voice.server) {
    case VoiceServer::GptSovits: return gptSovitsRequest(voice, line);
    case VoiceServer::FishSpeech: return fishSpeechRequest(voice, line);
    case VoiceServer::Coqui: return coquiRequest(voice, line);
    case VoiceServer::ElevenLabs: return elevenLabsRequest(voice, line);
    }
    throw Error(ErrorKind::InvalidArgument, "unknown voice server");
}

// The server's own words for a refusal: GPT-SoVITS answers {"message": ...}, Fish Speech and RVC
// {"detail": ...}, Coqui {"error": ...}, ElevenLabs {"detail": {"message": ...}}.
std::string refusalOf(const HttpReply& reply)
{
    const Json json = Json::parse(reply.body, nullptr, false);
    for (const char* field : {"message", "detail", "error"}) {
        if (!json.is_object() || !json.contains(field))
            continue;
        const Json& said = json[field];
        if (said.is_object() && said.contains("message") && said["message"].is_string())
            return said["message"].get<std::string>();
        return said.is_string() ? said.get<std::string>() : said.dump();
    }
    return reply.body.substr(0, 200);
}

// One exchange with a server: the errors of getting no answer, and of a refusal, name the server.
HttpReply exchange(const std::string& name, const HttpRequest& request, const std::string& what, const std::string& remedy, const JobControl& control)
{
    HttpReply reply;
    try {
        reply = sendHttp(request, control);
    } catch (const Error& error) {
        if (error.kind() == ErrorKind::Cancelled)
            throw;
        throw Error(error.kind(), name + ": " + error.what() + " " + remedy);
    }
    if (reply.status != 200)
        throw Error(ErrorKind::Io, name + " at " + request.url.substr(0, request.url.find('?')) + " refused " + what + " (HTTP " +
                                       std::to_string(reply.status) + "): " + refusalOf(reply));
    return reply;
}

AudioBuffer audioOf(const std::string& name, const HttpReply& reply, const std::string& what, int sampleRate)
{
    const ScratchPath file("muze-voice", reply.contentType.find("mpeg") != std::string::npos ? ".mp3" : ".wav");
    std::ofstream(file.path(), std::ios::binary) << reply.body;
    DecodeOptions options;
    options.sampleRate = sampleRate;
    try {
        AudioBuffer audio = decodeAudioFile(file.path(), options).audio;
        if (audio.samples.empty())
            throw Error(ErrorKind::Corrupt, "no samples");
        return audio;
    } catch (const Error&) {
        throw Error(ErrorKind::Corrupt, name + " answered " + what + " with " + std::to_string(reply.body.size()) + " bytes that are not audio (" +
                                            (reply.contentType.empty() ? "no content type" : reply.contentType) + "): is that address the server's API?");
    }
}

std::string wavBytes(const AudioBuffer& audio)
{
    const ScratchPath file("muze-voice", ".wav");
    writeAudioFile(file.path(), audio, {});
    return fileBytes(file.path());
}

constexpr const char* kVoiceRemedy = "Start the server (see README, \"Sung lyrics\") or choose --singing_backend builtin.";
constexpr const char* kRvcRemedy = "Start the server (see README, \"Sung lyrics\") or sing without --rvc_model.";

}  // namespace

const char* serverName(VoiceServer server)
{
    switch (server) {
    case VoiceServer::GptSovits: return "GPT-SoVITS";
    case VoiceServer::FishSpeech: return "Fish Speech";
    case VoiceServer::Coqui: return "Coqui XTTS";
    case VoiceServer::ElevenLabs: return "ElevenLabs";
    }
    return "";
}

const char* backendName(VoiceServer server)
{
    switch (server) {
    case VoiceServer::GptSovits: return "gpt_sovits";
    case VoiceServer::FishSpeech: return "fish_speech";
    case VoiceServer::Coqui: return "coqui";
    case VoiceServer::ElevenLabs: return "elevenlabs";
    }
    return "";
}

std::optional<VoiceServer> voiceServerNamed(const std::string& backend)
{
    for (const VoiceServer server : kVoiceServers)
        if (backend == backendName(server))
            return server;
    return std::nullopt;
}

std::string defaultVoiceServerUrl(VoiceServer server)
{
    switch (server) {
    case VoiceServer::GptSovits: return "http://127.0.0.1:9880";
    case VoiceServer::FishSpeech: return "http://127.0.0.1:8080";
    case VoiceServer::Coqui: return "http://127.0.0.1:5002";
    case VoiceServer::ElevenLabs: return "https://api.elevenlabs.io";
    }
    return "";
}

bool clonesFromRecording(VoiceServer server)
{
    return server != VoiceServer::ElevenLabs;
}

AudioBuffer sayRemotely(const RemoteVoice& voice, const std::string& line, int sampleRate, const JobControl& control)
{
    const std::string name = serverName(voice.server);
    const std::string what = "the line \"" + line + "\"";
    const HttpReply reply = exchange(name, requestFor(voice, line), what, kVoiceRemedy, control);
    return audioOf(name + " at " + voice.url, reply, what, sampleRate);
}

AudioBuffer convertVoice(const VoiceConversion& conversion, const AudioBuffer& vocals, const JobControl& control)
{
    if (conversion.model.empty())
        throw Error(ErrorKind::InvalidArgument, "Name the RVC voice model to convert the vocals to with --rvc_model.");
    const std::string base = withoutTrailingSlash(conversion.url);
    HttpRequest request;
    request.headers = {"Content-Type: application/json"};
    request.connectTimeout = conversion.connectTimeout;
    request.timeout = conversion.timeout;
    request.url = base + "/models/" + formEncoded(conversion.model);
    request.body = "{}";
    exchange("RVC", request, "to load the voice model \"" + conversion.model + "\"", kRvcRemedy, control);
    request.url = base + "/params";
    request.body = Json{{"params", {{"f0up_key", conversion.pitchShift}}}}.dump();
    exchange("RVC", request, "the pitch shift", kRvcRemedy, control);
    request.url = base + "/convert";
    request.body = Json{{"audio_data", base64(wavBytes(vocals))}}.dump();
    const HttpReply reply = exchange("RVC", request, "the vocals", kRvcRemedy, control);
    AudioBuffer converted = audioOf("RVC at " + conversion.url, reply, "the vocals", vocals.sampleRate);
    converted.samples.resize(vocals.samples.size(), 0.0f);  // RVC's frames round the length; the song's must not move
    return converted;
}

}  // namespace muze
