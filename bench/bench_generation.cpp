// How fast a song is made: the real-time factor (seconds of audio per second of work) of a 30 s
// verse_chorus song at each CPU preset, with DDIM-50 and with DPM-Solver++ 20, both with
// classifier-free guidance, the VAE's decoder and the vocoder included. The models have the presets'
// shapes and untrained weights: the work per step does not depend on what the weights are.
// usage: bench_generation [--seconds S]

#include <torch/torch.h>

#include "core/common/Parallel.h"
#include "core/generation/SongGenerator.h"
#include "core/generation/StructureTemplates.h"
#include "core/models/LatentDiffusion.h"
#include "core/models/ModelPresets.h"
#include "core/training/Checkpoint.h"

#include <chrono>
#include <cstdio>
#include <iostream>
#include <string>

using namespace muze;
using Clock = std::chrono::steady_clock;

namespace {

template <typename Model>
void saveUntrained(const std::filesystem::path& path, Model& model, const nlohmann::ordered_json& config, int phase, bool withEma)
{
    std::filesystem::create_directories(path.parent_path());
    CheckpointInfo info;
    info.config = config;
    info.phase = phase;
    saveCheckpoint(path, {model.ptr().get(), withEma ? model.ptr().get() : nullptr, nullptr}, info);
}

ModelFiles untrainedModels(const std::string& preset, const std::filesystem::path& folder)
{
    torch::manual_seed(1);
    const VaeConfig vaeConfig = presetPart(preset, &ModelPreset::vae, "VAE");
    AudioVae vae(vaeConfig);
    const VocoderConfig vocoderConfig = presetPart(preset, &ModelPreset::vocoder, "vocoder");
    Vocoder vocoder(vocoderConfig);
    LdmConfig ldmConfig;
    ldmConfig.unet = presetPart(preset, &ModelPreset::unet, "UNet");
    ldmConfig.unet.latentChannels = vaeConfig.latentDim;
    ldmConfig.text = presetPart(preset, &ModelPreset::textEncoder, "text encoder");
    ldmConfig.energyCurve = {0.5, 0.3};
    LatentDiffusion ldm(ldmConfig);
    const ModelFiles files{folder / "vae.safetensors", folder / "ldm.safetensors", folder / "vocoder.safetensors"};
    saveUntrained(files.vae, vae, vaeConfig.toJson(), 1, false);
    saveUntrained(files.vocoder, vocoder, vocoderConfig.toJson(), 1, false);
    saveUntrained(files.ldm, ldm, ldmConfig.toJson(), 3, true);
    return files;
}

}  // namespace

int main(int argc, char** argv)
{
    double seconds = 30.0;
    if (argc == 3 && std::string(argv[1]) == "--seconds")
        seconds = std::stod(argv[2]);
    configureComputeThreads(0);
    const std::filesystem::path folder = std::filesystem::temp_directory_path() / "muze-bench-generation";
    const SongPlan plan = planFromTemplate("verse_chorus", {"bright pop with a driving beat", seconds, 120.0, "C major", "4/4"});
    std::printf("%.0f s verse_chorus (%zu sections), 2-core CPU, CFG 7.5, VAE decoder and vocoder included\n", seconds, plan.sections.size());
    std::printf("| preset | sampler | seconds | real-time factor |\n|---|---|---|---|\n");
    for (const std::string preset : {"tiny", "small"}) {
        const SongGenerator generator(untrainedModels(preset, folder / preset));
        for (const auto& [sampler, steps, name] : {std::tuple{SamplerKind::Ddim, 50, "DDIM-50"}, std::tuple{SamplerKind::DpmSolver2M, 20, "DPM-Solver++ 20"}}) {
            GenerateOptions options;
            options.sampler = sampler;
            options.steps = steps;
            const auto start = Clock::now();
            const GeneratedSong song = generator.generate(plan, options);
            const double took = std::chrono::duration<double>(Clock::now() - start).count();
            std::printf("| %s | %s | %.2f | %.2f× |\n", preset.c_str(), name, took, song.audio.durationSeconds() / took);
            std::fflush(stdout);
        }
    }
    std::filesystem::remove_all(folder);
    return 0;
}
