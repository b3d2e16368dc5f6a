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
    LatentDiffusion model(config);
    LatentDiffusion ema(config);
    loadCheckpoint(checkpoint, {model.ptr().get(), ema.ptr().get(), nullptr}, info.config);
    ema->eval();
    return ema;
}

}  // namespace muze
