#include "core/generation/VoiceBackends.h"

#include "core/audio/AudioDecoder.h"
#include "core/common/Error.h"
#include "core/common/HttpClient.h"

#include <nlohmann/json.hpp>

#include <unistd.h>

#include <atomic>
#include <fstream>
#include <sstream>

namespace muze {
namespace {

using Json = nlohmann::json;

std::string fileBytes(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw Error(ErrorKind::NotFound, "The voice recording " + path.string() + " cannot be read.");
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

HttpRequest requestFor(const RemoteVoice& voice, const std::string& line)
{
    HttpRequest request;
    request.headers = {"Content-Type: application/json", "Accept: audio/wav"};
    request.connectTimeout = voice.connectTimeout;
    request.timeout = voice.timeout;
    if (!voice.apiKey.empty())
        request.headers.push_back("Authorization: Bearer " + voice.apiKey);
    const std::string base = voice.url.empty() || voice.url.back() != '/' ? voice.url : voice.url.substr(0, voice.url.size() - 1);
    if (voice.server == VoiceServer::GptSovits) {
        if (voice.reference.empty())
            throw Error(ErrorKind::InvalidArgument, "GPT-SoVITS says the words in the voice of a recording: name one with --singing_voice_ref.");
        request.url = base + "/tts";
        request.body = Json{{"text", line},
                            {"text_lang", voice.language},
                            {"ref_audio_path", std::filesystem::absolute(voice.reference).string()},
                            {"prompt_text", voice.referenceText},
                            {"prompt_lang", voice.language},
                            {"media_type", "wav"},
                            {"streaming_mode", false}}
                           .dump();
    } else {
        request.url = base + "/v1/tts";
        Json body{{"text", line}, {"format", "wav"}, {"normalize", true}, {"streaming", false}, {"references", Json::array()}};
        if (!voice.reference.empty())
            body["references"].push_back({{"audio", base64(fileBytes(voice.reference))}, {"text", voice.referenceText}});
        request.body = body.dump();
    }
    return request;
}

// The server's own words for a refusal: GPT-SoVITS answers {"message": ...}, Fish Speech {"detail": ...}.
std::string refusalOf(const HttpReply& reply)
{
    const Json json = Json::parse(reply.body, nullptr, false);
    for (const char* field : {"message", "detail"})
        if (json.is_object() && json.contains(field))
            return json[field].is_string() ? json[field].get<std::string>() : json[field].dump();
    return reply.body.substr(0, 200);
}

AudioBuffer decodeReply(const std::string& bytes, int sampleRate)
{
    static std::atomic<int> counter{0};
    const std::filesystem::path file =
        std::filesystem::temp_directory_path() / ("muze-voice-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) + ".wav");
    std::ofstream(file, std::ios::binary) << bytes;
    DecodeOptions options;
    options.sampleRate = sampleRate;
    try {
        AudioBuffer audio = decodeAudioFile(file, options).audio;
        std::filesystem::remove(file);
        return audio;
    } catch (...) {
        std::filesystem::remove(file);
        throw;
    }
}

}  // namespace

const char* serverName(VoiceServer server)
{
    return server == VoiceServer::GptSovits ? "GPT-SoVITS" : "Fish Speech";
}

AudioBuffer sayRemotely(const RemoteVoice& voice, const std::string& line, int sampleRate, const JobControl& control)
{
    const std::string name = serverName(voice.server);
    HttpReply reply;
    try {
        reply = sendHttp(requestFor(voice, line), control);
    } catch (const Error& error) {
        if (error.kind() == ErrorKind::Cancelled)
            throw;
        throw Error(error.kind(), name + ": " + error.what() + " Start the server (see README, \"Sung lyrics\") or choose --singing_backend builtin.");
    }
    if (reply.status != 200)
        throw Error(ErrorKind::Io, name + " at " + voice.url + " refused the line \"" + line + "\" (HTTP " + std::to_string(reply.status) +
                                       "): " + refusalOf(reply));
    try {
        AudioBuffer audio = decodeReply(reply.body, sampleRate);
        if (audio.samples.empty())
            throw Error(ErrorKind::Corrupt, "no samples");
        return audio;
    } catch (const Error&) {
        throw Error(ErrorKind::Corrupt, name + " at " + voice.url + " answered the line \"" + line + "\" with " +
                                            std::to_string(reply.body.size()) + " bytes that are not audio (" +
                                            (reply.contentType.empty() ? "no content type" : reply.contentType) +
                                            "): is that address the server's API?");
    }
}

}  // namespace muze
