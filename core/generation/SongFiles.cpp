#include "core/generation/SongFiles.h"

#include "core/audio/AudioDecoder.h"
#include "core/audio/AudioWriter.h"
#include "core/common/AtomicFile.h"
#include "core/common/Error.h"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace muze {
namespace {

using Json = nlohmann::ordered_json;

const std::pair<SamplerKind, const char*> kSamplerNames[] = {{SamplerKind::Ddpm, "ddpm"}, {SamplerKind::Ddim, "ddim"}, {SamplerKind::DpmSolver2M, "dpmpp"}};

}  // namespace

ModelFiles modelFilesIn(const std::filesystem::path& folder)
{
    const auto best = [&](const char* part) { return folder / part / "checkpoints" / "best.safetensors"; };
    std::error_code error;
    return {best("vae"), best("ldm"), std::filesystem::is_regular_file(best("vocoder"), error) ? best("vocoder") : std::filesystem::path()};
}

bool holdsTrainedModel(const std::filesystem::path& folder)
{
    const ModelFiles files = modelFilesIn(folder);
    std::error_code error;
    return std::filesystem::is_regular_file(files.vae, error) && std::filesystem::is_regular_file(files.ldm, error);
}

std::optional<SamplerKind> samplerNamed(const std::string& name)
{
    const auto found = std::find_if(std::begin(kSamplerNames), std::end(kSamplerNames), [&](const auto& n) { return name == n.second; });
    return found == std::end(kSamplerNames) ? std::nullopt : std::optional<SamplerKind>(found->first);
}

std::string samplerName(SamplerKind sampler)
{
    return std::find_if(std::begin(kSamplerNames), std::end(kSamplerNames), [&](const auto& n) { return n.first == sampler; })->second;
}

Json parametersJson(const GenerateOptions& options)
{
    Json sectionSeeds = Json::object();
    for (const auto& [section, seed] : options.sectionSeeds)
        sectionSeeds[std::to_string(section + 1)] = seed;
    return {{"cfg_scale", options.cfgScale}, {"cfg_rescale", options.guidanceRescale},
            {"beat_guidance", options.beatGuidance},
            {"num_steps", options.steps},    {"sampler", samplerName(options.sampler)},
            {"eta", options.eta},            {"seed", options.seed},
            {"section_seeds", sectionSeeds}, {"crossfade_seconds", options.crossfadeSeconds},
            {"style_of", options.style ? toJson(*options.style) : Json(nullptr)}};
}

namespace {

GenerateOptions readParameters(const Json& parameters)
{
    GenerateOptions options;
    options.cfgScale = parameters.at("cfg_scale").get<double>();
    options.guidanceRescale = parameters.at("cfg_rescale").get<double>();
    options.beatGuidance = parameters.value("beat_guidance", 0.0);  // songs made before it had none
    options.steps = parameters.at("num_steps").get<int>();
    const std::optional<SamplerKind> sampler = samplerNamed(parameters.at("sampler").get<std::string>());
    if (!sampler)
        throw Error(ErrorKind::Corrupt, "The song's parameters name a sampler this studio does not have: " + parameters.at("sampler").dump() + ".");
    options.sampler = *sampler;
    options.eta = parameters.at("eta").get<double>();
    options.seed = parameters.at("seed").get<std::uint64_t>();
    for (const auto& [section, seed] : parameters.at("section_seeds").items())
        options.sectionSeeds[std::stoul(section) - 1] = seed.get<std::uint64_t>();
    options.crossfadeSeconds = parameters.at("crossfade_seconds").get<double>();
    const Json style = parameters.value("style_of", Json());
    if (!style.is_null())
        options.style = voiceStyleFromJson(style);
    return options;
}

}  // namespace

GenerateOptions optionsFromParameters(const Json& parameters)
{
    try {
        return readParameters(parameters);
    } catch (const nlohmann::json::exception& error) {
        throw Error(ErrorKind::Corrupt, std::string("These are not the parameters of a generated song: ") + error.what());
    } catch (const std::logic_error& error) {  // a section number that is not one
        throw Error(ErrorKind::Corrupt, std::string("These are not the parameters of a generated song: ") + error.what());
    }
}

bool sameModels(const Json& earlier, const Json& now)
{
    const auto contentOf = [](const Json& models, const char* part) {
        const Json entry = models.is_object() ? models.value(part, Json()) : Json();
        return entry.is_object() ? entry.value("content", Json()) : entry;
    };
    for (const char* part : {"vae", "ldm", "vocoder"})
        if (contentOf(earlier, part) != contentOf(now, part))
            return false;
    return true;
}

std::filesystem::path descriptionPath(const std::filesystem::path& output)
{
    std::filesystem::path json = output;
    return json.replace_extension(".json");
}

std::filesystem::path besideSong(const std::filesystem::path& output, const std::string& suffix, const std::string& extension)
{
    return output.parent_path() / (output.stem().string() + suffix + extension);
}

std::vector<std::filesystem::path> exportSong(const std::filesystem::path& song, const SongOutput& target)
{
    std::vector<std::filesystem::path> written;
    const AudioWriteOptions format{audioFileTypeFor(target.path), SampleFormat::Pcm16};
    for (const std::string suffix : {"", "_vocals", "_instrumental"}) {
        const std::filesystem::path from = besideSong(song, suffix, song.extension().string());
        if (!suffix.empty() && !std::filesystem::exists(from))
            continue;
        const std::filesystem::path to = besideSong(target.path, suffix, target.path.extension().string());
        writeAudioFile(to, deliveredAs(decodeAudioFile(from, {}).audio, target.sampleRate, target.channels), format);
        written.push_back(to);
    }
    const std::filesystem::path lrc = besideSong(song, "", ".lrc");
    if (std::filesystem::exists(lrc)) {
        std::ostringstream text;
        text << std::ifstream(lrc).rdbuf();
        written.push_back(besideSong(target.path, "", ".lrc"));
        writeFileAtomically(written.back(), text.str());
    }
    Json description = Json::parse(std::ifstream(descriptionPath(song)), nullptr, false);
    if (description.is_discarded() || !description.is_object())
        throw Error(ErrorKind::Corrupt, descriptionPath(song).string() + " is not a song's description: the song cannot be exported with it.");
    description["audio"] = target.path.filename().string();
    description["sample_rate"] = target.sampleRate;
    description["channels"] = target.channels;
    written.push_back(descriptionPath(target.path));
    writeFileAtomically(written.back(), description.dump(2) + "\n");
    return written;
}

bool decodedByGriffinLim(const Json& description)
{
    // "models"."vocoder" rather than "decoder": songs of earlier versions say "griffin-lim (fallback: ...)" there.
    const auto models = description.find("models");
    return models != description.end() && models->is_object() && models->value("vocoder", Json()) == "griffin-lim";
}

Json writeSong(const SongOutput& output, const AudioBuffer& song, const SongPlan& plan, const GenerateOptions& options, const Json& models,
               bool griffinLim, const Json& extra)
{
    const AudioBuffer delivered = deliveredAs(song, output.sampleRate, output.channels);
    writeAudioFile(output.path, delivered, {audioFileTypeFor(output.path), SampleFormat::Pcm16});
    Json description{{"audio", output.path.filename().string()},
                     {"plan", toJson(plan)},
                     {"parameters", parametersJson(options)},
                     {"models", models},
                     {"decoder", griffinLim ? "griffin-lim" : "vocoder"},
                     {"sample_rate", delivered.sampleRate},
                     {"channels", delivered.channels},
                     {"duration", delivered.durationSeconds()}};
    description.update(extra);
    writeFileAtomically(descriptionPath(output.path), description.dump(2) + "\n");
    return description;
}

}  // namespace muze
