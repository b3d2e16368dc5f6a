#include "core/common/ApiKeys.h"

#include "core/common/AtomicFile.h"
#include "core/common/Error.h"

#include <nlohmann/json.hpp>

#include <sys/stat.h>

#include <cstdlib>
#include <fstream>

namespace muze {
namespace {

using Json = nlohmann::json;

const char* keyName(ApiService service)
{
    switch (service) {
    case ApiService::OpenAi: return "openai";
    case ApiService::FishAudio: return "fish_audio";
    case ApiService::ElevenLabs: return "elevenlabs";
    }
    return "";
}

// The saved keys, after checking that no one else could have read them.
Json savedKeys()
{
    const std::filesystem::path file = apiKeysFile();
    struct stat status {};
    if (::stat(file.c_str(), &status) != 0)
        return Json::object();
    if ((status.st_mode & 077) != 0)
        throw Error(ErrorKind::PermissionDenied, "Other users may read the API keys in " + file.string() + ": make it yours alone with `chmod 600 " +
                                                     file.string() + "`, and change the keys if they could have been seen.");
    Json keys = Json::parse(std::ifstream(file), nullptr, false);
    if (!keys.is_object())
        throw Error(ErrorKind::Corrupt, "The API keys file " + file.string() + " is not a JSON object: delete it and save the keys again in Preferences.");
    return keys;
}

}  // namespace

const char* apiServiceName(ApiService service)
{
    switch (service) {
    case ApiService::OpenAi: return "OpenAI";
    case ApiService::FishAudio: return "Fish Audio";
    case ApiService::ElevenLabs: return "ElevenLabs";
    }
    return "";
}

const char* apiKeyVariable(ApiService service)
{
    switch (service) {
    case ApiService::OpenAi: return "OPENAI_API_KEY";
    case ApiService::FishAudio: return "FISH_AUDIO_API_KEY";
    case ApiService::ElevenLabs: return "ELEVENLABS_API_KEY";
    }
    return "";
}

std::filesystem::path apiKeysFile()
{
    const char* config = std::getenv("XDG_CONFIG_HOME");
    const char* home = std::getenv("HOME");
    const std::filesystem::path folder = config != nullptr && *config != '\0' ? std::filesystem::path(config)
                                         : home != nullptr                   ? std::filesystem::path(home) / ".config"
                                                                             : std::filesystem::temp_directory_path();
    return folder / "muze" / "api-keys.json";
}

std::string apiKeyFor(ApiService service)
{
    const char* variable = std::getenv(apiKeyVariable(service));
    if (variable != nullptr && *variable != '\0')
        return variable;
    return savedApiKey(service);
}

std::string savedApiKey(ApiService service)
{
    const Json keys = savedKeys();
    const auto key = keys.find(keyName(service));
    return key != keys.end() && key->is_string() ? key->get<std::string>() : std::string();
}

void saveApiKey(ApiService service, const std::string& key)
{
    Json keys = savedKeys();
    if (key.empty())
        keys.erase(keyName(service));
    else
        keys[keyName(service)] = key;
    const std::filesystem::path file = apiKeysFile();
    std::filesystem::create_directories(file.parent_path());
    writeFileAtomically(file, keys.dump(2) + "\n", FileAccess::OwnerOnly);
}

}  // namespace muze
