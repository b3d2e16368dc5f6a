#pragma once

// Lyrics sung into a generated instrumental, as `muze generate --sing_lyrics` and the Compose page
// do it: the regions found (from the plan, or heard in the instrumental), the lines sung by the
// built-in singer or said by a voice server, mixed in, and written as the song's vocal files.

#include "core/audio/AudioWriter.h"
#include "core/generation/SongVocals.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace muze {

// Shown wherever a voice is cloned, and agreed to before it is.
inline constexpr const char* kVoiceConsentNotice =
    "Voice cloning may violate a singer's rights over their voice: use only your own voice, or one whose owner agreed.";

// What will be sung where, by which voice, and how it is mixed: checked before the instrumental is
// made.
struct SingingRequest {
    std::vector<VocalRegion> regions;   // none: found in the instrumental, as the plan marks no section sung
    std::string lyrics;                 // for regions found in the instrumental
    std::string backend = "builtin";    // builtin, rvc (the built-in singer, converted) or a voice server's backendName
    SingerOptions singer;
    std::optional<RemoteVoice> server;  // none: the built-in singer
    std::optional<VoiceConversion> conversion;  // the vocals turned into another voice afterwards
    std::string cloned;                 // whose voice the server's reference is, when named
    VocalMixOptions mix;
};

struct SungSong {
    bool regionsHeard = false;  // found in the instrumental, not given by the plan
    SongVocals vocals;
    MixedSong mixed;
};

// Where the request sings, from the plan's sections with vocals and `lyrics` for the rest; throws
// Error(InvalidArgument) when there are no words to sing.
SingingRequest singingRequestFor(const SongPlan& plan, const std::string& lyrics);

// Checks the lyrics' language and hears what the voice reference says, before the instrumental is
// made, so that a mistake costs nothing. Throws Error(InvalidArgument) for an unknown language.
void prepareSinging(SingingRequest& request);

// What is said in a recording of a voice, as the project's speech recogniser hears it: the text a
// voice server is given beside the recording.
std::string heardText(const std::filesystem::path& recording);

// The lyrics sung into `instrumental` (mono at its rate) and mixed in; the singer's seed is `seed`.
// Throws Error(InvalidArgument) when the plan marks no region and the instrumental has none to sing
// over, and the backend's errors.
SungSong singInto(const SongPlan& plan, SingingRequest request, const AudioBuffer& instrumental, std::uint64_t seed,
                  const JobControl& control = {});

// The "vocals" object of OUTPUT.json: backend, voice, conversion, mix and regions (never an API key).
nlohmann::ordered_json describeVocals(const SungSong& sung, const SingingRequest& request);

// OUTPUT_vocals and OUTPUT_instrumental (as OUTPUT's extension says) and OUTPUT.lrc beside OUTPUT.
void writeVocalFiles(const std::filesystem::path& output, const SungSong& sung, int sampleRate, int channels, const AudioWriteOptions& options);

}  // namespace muze
