#include "app/cli/ArgumentParser.h"
#include "app/cli/Commands.h"
#include "core/audio/AudioDecoder.h"
#include "core/common/PathText.h"

#include <nlohmann/json.hpp>

#include <iostream>

namespace muze::cli {
namespace {

nlohmann::json textOrNull(const std::string& text)
{
    return text.empty() ? nlohmann::json(nullptr) : nlohmann::json(text);
}

template <class T>
nlohmann::json valueOrNull(const std::optional<T>& value)
{
    return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

nlohmann::json describe(const AudioFileInfo& info)
{
    return {
        {"path", pathText(info.path)},
        {"container", info.container},
        {"codec", info.codec},
        {"sample_rate", info.sampleRate},
        {"channels", info.channels},
        {"duration", info.durationSeconds},
        {"bit_rate", info.bitRate > 0 ? nlohmann::json(info.bitRate) : nlohmann::json(nullptr)},
        {"tags",
         {{"title", textOrNull(info.tags.title)},
          {"artist", textOrNull(info.tags.artist)},
          {"album", textOrNull(info.tags.album)},
          {"genre", textOrNull(info.tags.genre)},
          {"date", textOrNull(info.tags.date)},
          {"year", valueOrNull(info.tags.year)},
          {"track", valueOrNull(info.tags.trackNumber)},
          {"lyrics", textOrNull(info.tags.lyrics)}}},
    };
}

}  // namespace

int runInfo(const std::vector<std::string>& arguments)
{
    ArgumentParser parser("muze info FILE", "Print an audio file's format, duration and tags as JSON, without decoding it.");
    parser.positional("FILE", "the audio file");
    const auto args = parser.parse(arguments);
    if (args.helpRequested) {
        std::cout << parser.help();
        return 0;
    }
    DecodeLimits limits;
    limits.maxDurationSeconds = 1e9;  // describing a long file is harmless; only decoding is limited
    std::cout << describe(probeAudioFile(args.positionals[0], limits)).dump(2) << "\n";
    return 0;
}

}  // namespace muze::cli
