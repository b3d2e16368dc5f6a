#include "tests/support/RandomModels.h"

#include "core/models/CompositionPlanner.h"
#include "core/models/LatentDiffusion.h"
#include "core/models/ModelPresets.h"
#include "core/models/Vocoder.h"
#include "core/training/Checkpoint.h"
#include "tests/support/TestSupport.h"

#include <torch/torch.h>

namespace muze::test {

RandomModels saveRandomModels(const std::string& name, int latentDim, std::uint64_t seed, bool listening)
{
    const std::filesystem::path folder = test::scratchFolder(name);
    std::filesystem::create_directories(folder / "vae/checkpoints");
    std::filesystem::create_directories(folder / "ldm/checkpoints");
    torch::manual_seed(seed);
    VaeConfig vaeConfig = presetPart("tiny", &ModelPreset::vae, "VAE");
    vaeConfig.latentDim = latentDim;
    AudioVae vae(vaeConfig);
    CheckpointInfo vaeInfo;
    vaeInfo.config = vaeConfig.toJson();
    vaeInfo.phase = 1;
    saveCheckpoint(folder / "vae/checkpoints/best.safetensors", {vae.ptr().get(), nullptr, nullptr}, vaeInfo);

    LdmConfig ldmConfig;
    ldmConfig.unet = presetPart("tiny", &ModelPreset::unet, "UNet");
    ldmConfig.text = presetPart("tiny", &ModelPreset::textEncoder, "text encoder");
    LatentDiffusion ldm(ldmConfig);
    if (listening) {
        torch::NoGradGuard noGrad;
        for (torch::Tensor& parameter : ldm->parameters())
            if (parameter.count_nonzero().item<std::int64_t>() == 0)
                parameter.normal_(0.0, 0.02);
    }
    CheckpointInfo ldmInfo;
    ldmInfo.config = ldmConfig.toJson();
    ldmInfo.phase = 3;
    saveCheckpoint(folder / "ldm/checkpoints/best.safetensors", {ldm.ptr().get(), ldm.ptr().get(), nullptr}, ldmInfo);
    return {folder, {folder / "vae/checkpoints/best.safetensors", folder / "ldm/checkpoints/best.safetensors", {}}};
}

void saveRandomPlanner(const std::filesystem::path& path, std::uint64_t seed)
{
    std::filesystem::create_directories(path.parent_path());
    torch::manual_seed(seed);
    CompositionPlanner planner(PlannerConfig{});
    CheckpointInfo info;
    info.config = planner->config().toJson();
    info.phase = 2;
    saveCheckpoint(path, {planner.ptr().get(), nullptr, nullptr}, info);
}

void saveRandomVocoder(const std::filesystem::path& path, std::uint64_t seed, bool oneKey)
{
    std::filesystem::create_directories(path.parent_path());
    torch::manual_seed(seed);
    Vocoder vocoder(presetPart("tiny", &ModelPreset::vocoder, "vocoder"));
    CheckpointInfo info;
    info.config = vocoder->config().toJson();
    info.phase = 1;
    info.training["one_key"] = oneKey;
    saveCheckpoint(path, {vocoder.ptr().get(), nullptr, nullptr}, info);
}

}  // namespace muze::test
