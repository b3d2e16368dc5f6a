#include "core/generation/DemoModel.h"

#include "core/common/Error.h"
#include "core/generation/SongFiles.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>

#include <cstdlib>
#include <system_error>

namespace muze {
namespace {

std::filesystem::path installedFolder()
{
    std::error_code error;
    const std::filesystem::path program = std::filesystem::read_symlink("/proc/self/exe", error);
    if (error)
        return {};
    return program.parent_path().parent_path() / "share" / "muze-studio" / "demo-model";
}

}  // namespace

std::filesystem::path demoModelFolder()
{
    if (const char* chosen = std::getenv("MUZE_DEMO_MODEL"); chosen && *chosen)
        return holdsTrainedModel(chosen) ? std::filesystem::path(chosen) : std::filesystem::path();
    for (const std::filesystem::path& folder : {installedFolder(), std::filesystem::path(MUZE_SOURCE_DEMO_MODEL)})
        if (!folder.empty() && holdsTrainedModel(folder))
            return folder;
    return {};
}

DemoModelFacts demoModelFacts(const std::filesystem::path& folder)
{
    const std::filesystem::path path = folder / "manifest.json";
    std::ifstream file(path);
    if (!file)
        throw Error(ErrorKind::NotFound, "The demo model has no manifest at " + path.string() + ".");
    try {
        const nlohmann::json manifest = nlohmann::json::parse(file);
        double seconds = 0.0;
        for (const auto& [name, part] : manifest.at("parts").items())
            seconds += part.at("training_seconds").get<double>();
        return {manifest.at("songs").get<int>(), static_cast<int>(std::lround(seconds / 60.0 / 5.0)) * 5};
    } catch (const nlohmann::json::exception& error) {
        throw Error(ErrorKind::Corrupt, "The demo model's manifest " + path.string() + " cannot be read: " + error.what());
    }
}

std::string demoModelNotice(const DemoModelFacts& facts)
{
    return "This is the demo model: every part at the tiny size, trained for about " + std::to_string(facts.trainingMinutes) + " minutes on " +
           std::to_string(facts.songs) + " General MIDI songs that the studio composed and rendered itself. It shows how generation works; "
           "it does not know your music.";
}

}  // namespace muze
