// How fast a song is made: the real-time factor (seconds of audio per second of work) of a 30 s
// verse_chorus song at each CPU preset, with DDIM-50 and with DPM-Solver++ 20, both with
// classifier-free guidance, the VAE's decoder and the vocoder included. The models have the presets'
// shapes and untrained weights: the work per step does not depend on what the weights are. Then the
// vocal pipeline's share of the tiny DDIM-50 song's time: four lines sung by the built-in singer in
// its vocal sections, the instrumental stripped where they sing, and the mix.
// usage: bench_generation [--seconds S] [--beat_guidance SCALE]   (the default's; 0: two model calls a step)

#include "bench/UntrainedModels.h"
#include "core/common/Parallel.h"
#include "core/generation/SongGenerator.h"
#include "core/generation/SongVocals.h"
#include "core/generation/StructureTemplates.h"

#include <chrono>
#include <cstdio>
#include <iostream>
#include <string>

using namespace muze;
using muze::bench::untrainedModels;
using Clock = std::chrono::steady_clock;

namespace {

double secondsToSing(const SongPlan& plan, const AudioBuffer& instrumental)
{
    const auto start = Clock::now();
    const std::vector<VocalRegion> regions = vocalRegions(plan, "the river runs under the bridge tonight\nand every light is burning in the window\n"
                                                                "I will wait for you until the morning comes\nhold me closer tiny dancer");
    const SongVocals vocals = singSong(plan, regions, SingerOptions{});
    mixVocals(instrumental, vocals, VocalMixOptions{});
    return std::chrono::duration<double>(Clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv)
{
    double seconds = 30.0;
    double beatGuidance = GenerateOptions().beatGuidance;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string name = argv[i];
        if (name == "--seconds")
            seconds = std::stod(argv[i + 1]);
        else if (name == "--beat_guidance")
            beatGuidance = std::stod(argv[i + 1]);
    }
    configureComputeThreads(0);
    const std::filesystem::path folder = std::filesystem::temp_directory_path() / "muze-bench-generation";
    const SongPlan plan = planFromTemplate("verse_chorus", {"bright pop with a driving beat", seconds, 120.0, "C major", "4/4"});
    std::printf("%.0f s verse_chorus (%zu sections), 2-core CPU, CFG 7.5, beat guidance %.1f, VAE decoder and vocoder included\n", seconds,
                plan.sections.size(), beatGuidance);
    std::printf("| preset | sampler | seconds | real-time factor |\n|---|---|---|---|\n");
    std::pair<double, double> tookForVocals{0.0, 0.0};  // seconds: the tiny DDIM-50 instrumental, then its vocals
    for (const std::string preset : {"tiny", "small"}) {
        const std::filesystem::path models = folder / preset;
        const SongGenerator generator(untrainedModels(preset, {models / "vae.safetensors", models / "ldm.safetensors", models / "vocoder.safetensors"}));
        for (const auto& [sampler, steps, name] : {std::tuple{SamplerKind::Ddim, 50, "DDIM-50"}, std::tuple{SamplerKind::DpmSolver2M, 20, "DPM-Solver++ 20"}}) {
            GenerateOptions options;
            options.sampler = sampler;
            options.steps = steps;
            options.beatGuidance = beatGuidance;
            const auto start = Clock::now();
            const GeneratedSong song = generator.generate(plan, options);
            const double took = std::chrono::duration<double>(Clock::now() - start).count();
            std::printf("| %s | %s | %.2f | %.2f× |\n", preset.c_str(), name, took, song.audio.durationSeconds() / took);
            std::fflush(stdout);
            if (preset == "tiny" && sampler == SamplerKind::Ddim)
                tookForVocals = {took, secondsToSing(plan, song.audio)};
        }
    }
    const double whole = tookForVocals.first + tookForVocals.second;
    std::printf("\nThe vocal pipeline (4 lines, built-in singer, stripping and mix) after the tiny DDIM-50 song: %.2f s of %.2f s in all (%.0f%%)\n",
                tookForVocals.second, whole, 100.0 * tookForVocals.second / whole);
    std::filesystem::remove_all(folder);
    return 0;
}
