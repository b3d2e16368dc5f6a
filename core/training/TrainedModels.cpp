#include "core/training/TrainedModels.h"

#include "core/common/Error.h"
#include "core/training/Checkpoint.h"

#include <torch/torch.h>

namespace muze {
namespace {

template <typename Config>
std::pair<Config, CheckpointInfo> configOf(const std::filesystem::path& checkpoint)
{
    const CheckpointInfo info = readCheckpointInfo(checkpoint);
    try {
        return {Config::fromJson(info.config), info};
    } catch (const Error& error) {
        throw Error(ErrorKind::InvalidArgument, "\"" + checkpoint.string() + "\" is not the checkpoint asked for. " + error.what());
    }
}

template <typename Model, typename Config>
Model loadModel(const std::filesystem::path& checkpoint)
{
    const auto [config, info] = configOf<Config>(checkpoint);
    Model model(config);
    loadCheckpoint(checkpoint, {model.ptr().get(), nullptr, nullptr}, info.config);
    model->eval();
    return model;
}

}  // namespace

AudioVae loadVae(const std::filesystem::path& checkpoint)
{
    return loadModel<AudioVae, VaeConfig>(checkpoint);
}

Vocoder loadVocoder(const std::filesystem::path& checkpoint)
{
    return loadModel<Vocoder, VocoderConfig>(checkpoint);
}

CompositionPlanner loadPlanner(const std::filesystem::path& checkpoint)
{
    return loadModel<CompositionPlanner, PlannerConfig>(checkpoint);
}

LatentDiffusion loadLatentDiffusion(const std::filesystem::path& checkpoint)
{
    const auto [config, info] = configOf<LdmConfig>(checkpoint);
    LatentDiffusion ema(config);
    if (info.weightsOnly) {
        loadCheckpoint(checkpoint, {ema.ptr().get(), nullptr, nullptr}, info.config);
    } else {
        LatentDiffusion model(config);
        loadCheckpoint(checkpoint, {model.ptr().get(), ema.ptr().get(), nullptr}, info.config);
    }
    ema->eval();
    return ema;
}

namespace {

std::filesystem::path bestOf(const std::filesystem::path& folder, const std::string& part)
{
    return folder / part / "checkpoints" / "best.safetensors";
}

template <typename Model>
void exportPart(const Model& model, const std::filesystem::path& checkpoint, const std::filesystem::path& out)
{
    std::filesystem::create_directories(out.parent_path());
    saveWeights(out, *model.ptr(), readCheckpointInfo(checkpoint));
}

}  // namespace

std::vector<std::string> exportModelFolder(const std::filesystem::path& from, const std::filesystem::path& to)
{
    for (const char* needed : {"vae", "ldm"})
        if (!std::filesystem::is_regular_file(bestOf(from, needed)))
            throw Error(ErrorKind::NotFound, "There is no " + std::string(needed) + " model to export in " + from.string() + ": " +
                                                 bestOf(from, needed).string() + " is missing.");
    std::vector<std::string> written;
    const auto exportIfTrained = [&](const std::string& part, const auto& load) {
        const std::filesystem::path checkpoint = bestOf(from, part);
        if (!std::filesystem::is_regular_file(checkpoint))
            return;
        exportPart(load(checkpoint), checkpoint, bestOf(to, part));
        written.push_back(part);
    };
    exportIfTrained("vae", loadVae);
    exportIfTrained("vocoder", loadVocoder);
    exportIfTrained("planner", loadPlanner);
    exportIfTrained("ldm", loadLatentDiffusion);
    return written;
}

}  // namespace muze
