#pragma once

#include <filesystem>
#include <string>

namespace muze {

// The services whose API keys the studio holds for the user.
enum class ApiService { OpenAi, FishAudio, ElevenLabs };

inline constexpr ApiService kApiServices[] = {ApiService::OpenAi, ApiService::FishAudio, ApiService::ElevenLabs};

const char* apiServiceName(ApiService service);  // "OpenAI", "Fish Audio", "ElevenLabs"
// The environment variable that gives a key: OPENAI_API_KEY, FISH_AUDIO_API_KEY, ELEVENLABS_API_KEY.
const char* apiKeyVariable(ApiService service);

// Where keys saved from the studio's Preferences live, readable by their owner alone, as SSH and
// netrc keep theirs: $XDG_CONFIG_HOME/muze/api-keys.json (~/.config/muze/api-keys.json). Keys are
// never written anywhere else: not into settings, datasets, plans, song files or logs.
std::filesystem::path apiKeysFile();

// The service's key: the environment's variable when it is set, else the saved one, else empty.
// Throws Error(PermissionDenied) when others may read the keys file (it says how to fix that) and
// Error(Corrupt) when the file is not what the studio wrote.
std::string apiKeyFor(ApiService service);
// The saved key alone, as Preferences shows it.
std::string savedApiKey(ApiService service);

// Saves the key for the service, or forgets it when `key` is empty; the file stays owner-only.
void saveApiKey(ApiService service, const std::string& key);

}  // namespace muze
