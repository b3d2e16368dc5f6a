#include "core/training/TrainedModels.h"

#include "core/common/Error.h"
#include "core/training/Checkpoint.h"

#include <torch/torch.h>

namespace muze {
namespace {

template <typename Model, typename Config>
Model loadModel(const std::filesystem::path& checkpoint)
{
    const CheckpointInfo info = readCheckpointInfo(checkpoint);
    Config config;
    try {
        config = Config::fromJson(info.config);
    } catch (const Error& error) {
        throw Error(ErrorKind::InvalidArgument, "\"" + checkpoint.string() + "\" is not the checkpoint asked for. " + error.what());
    }
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

}  // namespace muze
