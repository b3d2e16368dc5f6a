#include "core/generation/SongSinging.h"

#include "core/audio/AudioDecoder.h"
#include "core/common/AtomicFile.h"
#include "core/common/Error.h"
#include "core/generation/SongFiles.h"
#include "core/generation/SongGenerator.h"
#include "core/text/Phonemes.h"
#include "core/text/SpeechRecognizer.h"

namespace muze {

SingingRequest singingRequestFor(const SongPlan& plan, const std::string& lyrics)
{
    SingingRequest request;
    request.lyrics = lyrics;
    request.regions = vocalRegions(plan, lyrics);
    const bool wordless = request.regions.empty() ? lyrics.find_first_not_of(" \t\r\n") == std::string::npos : lineCount(request.regions) == 0;
    if (wordless)
        throw Error(ErrorKind::InvalidArgument, "There are no words to sing: give the lyrics (one line a line), or write them into the sections to be sung.");
    return request;
}

void prepareSinging(SingingRequest& request)
{
    toPhonemes("", request.singer.language);
    if (request.server && !request.server->reference.empty() && request.server->referenceText.empty())
        request.server->referenceText = heardText(request.server->reference);
}

std::string heardText(const std::filesystem::path& recording)
{
    const AudioBuffer audio = decodeAudioFile(recording, {}).audio;
    return recognizeSpeech(audio, {{0.0, audio.durationSeconds()}}).text();
}

SungSong singInto(const SongPlan& plan, SingingRequest request, const AudioBuffer& instrumental, std::uint64_t seed, const JobControl& control)
{
    request.singer.seed = seed;
    request.singer.sampleRate = instrumental.sampleRate;
    SungSong sung;
    sung.regionsHeard = request.regions.empty();
    if (sung.regionsHeard) {
        request.regions = heardVocalRegions(instrumental, plan, request.lyrics, control.slice(0.0, 0.2));
        if (request.regions.empty())
            throw Error(ErrorKind::InvalidArgument, "The instrumental has no stretch of two bars or more at a moderate level to sing over. "
                                                    "Set has_vocals on the sections to sing in the plan, or choose a template with verses.");
    }
    const double singingEnd = request.conversion ? 0.8 : 1.0;
    const JobControl singing = control.slice(sung.regionsHeard ? 0.2 : 0.0, singingEnd);
    sung.vocals = request.server ? saySong(plan, request.regions, *request.server, instrumental.sampleRate, singing)
                                 : singSong(plan, request.regions, request.singer, singing);
    if (request.conversion) {
        const JobControl converting = control.slice(singingEnd, 1.0);
        converting.report("converting the voice with RVC", 0.0);
        sung.vocals.audio = convertVoice(*request.conversion, sung.vocals.audio, converting);
    }
    sung.mixed = mixVocals(instrumental, sung.vocals, request.mix);
    return sung;
}

nlohmann::ordered_json describeVocals(const SungSong& sung, const SingingRequest& request)
{
    using Json = nlohmann::ordered_json;
    Json regions = Json::array();
    for (const VocalRegion& region : sung.vocals.regions)
        regions.push_back({{"start", region.start}, {"end", region.end}, {"section", region.section + 1}, {"lines", region.lines}});
    Json description{{"backend", request.backend}, {"language", request.singer.language}};
    if (request.server) {
        description["url"] = request.server->url;  // never the API key
        description["voice_reference"] = request.server->reference.empty() ? Json(nullptr) : Json(request.server->reference.string());
        description["voice_reference_text"] = request.server->referenceText;
        description["voice_clone"] = request.cloned.empty() ? Json(nullptr) : Json(request.cloned);
        if (request.server->server == VoiceServer::ElevenLabs)
            description["voice_id"] = request.server->voiceId;
    }
    if (request.conversion)
        description["voice_conversion"] = {{"server", "rvc"}, {"url", request.conversion->url}, {"model", request.conversion->model},
                                           {"pitch_shift", request.conversion->pitchShift}};
    description["mix_vocals"] = request.mix.level;
    description["strip_ldm_vocals"] = request.mix.stripLdmVocals;
    description["loudness_lufs"] = sung.mixed.loudness ? Json(*sung.mixed.loudness) : Json(nullptr);
    description["regions_from"] = sung.regionsHeard ? "instrumental" : "plan";
    description["regions"] = regions;
    return description;
}

void writeVocalFiles(const std::filesystem::path& output, const SungSong& sung, int sampleRate, int channels, const AudioWriteOptions& options)
{
    const std::string extension = output.extension().string();
    writeAudioFile(besideSong(output, "_vocals", extension), deliveredAs(sung.vocals.audio, sampleRate, channels), options);
    writeAudioFile(besideSong(output, "_instrumental", extension), deliveredAs(sung.mixed.instrumental, sampleRate, channels), options);
    writeFileAtomically(besideSong(output, "", ".lrc"), lrcOf(sung.vocals.lines));
}

}  // namespace muze
