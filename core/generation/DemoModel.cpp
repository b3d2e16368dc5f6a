#include "core/generation/DemoModel.h"

#include "core/generation/SongFiles.h"

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

std::string demoModelNotice()
{
    return "This is the demo model: every part at the tiny size, trained for about 90 minutes on 52 General MIDI songs that the "
           "studio composed and rendered itself. It shows how generation works; it does not know your music.";
}

}  // namespace muze
