// The trained vocoder against Griffin-Lim on held-out songs: how close each resynthesis is to the
// original audio (multi-resolution STFT distance at FFT sizes 512, 1024 and 2048) and how fast
// each is, from the same cached log-mels.
// usage: bench_vocoder DATASET.json VOCODER.safetensors OUT_DIR [--seconds S]

#include <torch/torch.h>

#include "core/dsp/GriffinLim.h"
#include "core/models/SpectralLoss.h"
#include "core/training/Checkpoint.h"
#include "core/training/TrainedModels.h"
#include "core/training/TrainingLoop.h"

#include <chrono>
#include <cstdio>
#include <iostream>
#include <string>

using namespace muze;
using Clock = std::chrono::steady_clock;

namespace {

constexpr int kHop = 320;

struct Resynthesis {
    torch::Tensor audio;
    double seconds = 0.0;  // to make it
};

template <typename Make>
Resynthesis timed(Make make)
{
    const auto start = Clock::now();
    torch::Tensor audio = make();
    return {audio, std::chrono::duration<double>(Clock::now() - start).count()};
}

torch::Tensor griffinLim(const torch::Tensor& melDb)
{
    const AudioBuffer audio = invertLogMel(toMatrix(melDb), LogMelParams{}, GriffinLimParams{32, 0.99, 0});
    return torch::from_blob(const_cast<float*>(audio.samples.data()), {static_cast<std::int64_t>(audio.samples.size())}, torch::kFloat32).clone();
}

// Both signals cut to the shorter, as [1, N].
double distance(const torch::Tensor& made, const torch::Tensor& original, std::vector<int> sizes)
{
    const std::int64_t n = std::min(made.size(0), original.size(0));
    return multiResolutionStftDistance(made.narrow(0, 0, n).unsqueeze(0), original.narrow(0, 0, n).unsqueeze(0), sizes).item<double>();
}

}  // namespace

int main(int argc, char** argv)
{
    if (argc < 4) {
        std::cerr << "usage: bench_vocoder DATASET.json VOCODER.safetensors OUT_DIR [--seconds S]\n";
        return 2;
    }
    const std::filesystem::path checkpoint = argv[2];
    const std::filesystem::path out = argv[3];
    const double seconds = argc >= 6 && std::string(argv[4]) == "--seconds" ? std::stod(argv[5]) : 20.0;
    torch::set_num_threads(static_cast<int>(std::thread::hardware_concurrency()));
    torch::InferenceMode inference;

    // The songs the vocoder was checked against while training: its run's split.
    const CheckpointInfo info = readCheckpointInfo(checkpoint);
    TrainOptions options;
    options.annotations = argv[1];
    options.seed = std::stoull(info.training.at("seed").get<std::string>());
    options.validationShare = info.training.at("validation_share").get<double>();
    const TrainingSongs songs(options, SongNeeds::FeaturesAndAudio);
    const int frames = static_cast<int>(seconds * 100);
    Vocoder vocoder = loadVocoder(checkpoint);

    const std::vector<std::vector<int>> sizes = {{512, 1024, 2048}, {512}, {1024}, {2048}};
    std::vector<double> vocoderDistance(sizes.size());
    std::vector<double> griffinDistance(sizes.size());
    double vocoderSeconds = 0.0;
    double griffinSeconds = 0.0;
    const std::vector<std::size_t> held = songs.validation(frames);
    for (std::size_t i = 0; i < held.size(); ++i) {
        const SongData song = songs.load(held[i]);
        const std::int64_t start = (song.mel.size(1) - frames) / 2;  // the middle of the song
        const torch::Tensor mel = song.mel.narrow(1, start, frames);
        const torch::Tensor original = song.audio.narrow(0, start * kHop, static_cast<std::int64_t>(frames) * kHop);
        const Resynthesis neural = timed([&] { return vocoder->forward(mel.unsqueeze(0))[0]; });
        const Resynthesis griffin = timed([&] { return griffinLim(mel); });
        vocoderSeconds += neural.seconds;
        griffinSeconds += griffin.seconds;
        for (std::size_t s = 0; s < sizes.size(); ++s) {
            vocoderDistance[s] += distance(neural.audio, original, sizes[s]) / static_cast<double>(held.size());
            griffinDistance[s] += distance(griffin.audio, original, sizes[s]) / static_cast<double>(held.size());
        }
        if (i == 0) {
            writePreview(out / "original.wav", original);
            writePreview(out / "vocoder.wav", neural.audio);
            writePreview(out / "griffinlim.wav", griffin.audio);
        }
    }
    const double audioSeconds = seconds * static_cast<double>(held.size());
    std::printf("held-out songs: %zu, %.0f s from the middle of each; vocoder %s (step %lld)\n", held.size(), seconds,
                info.preset.c_str(), static_cast<long long>(info.step));
    std::printf("multi-resolution STFT distance to the original (lower is closer):\n");
    const char* names[] = {"512+1024+2048", "512", "1024", "2048"};
    for (std::size_t s = 0; s < sizes.size(); ++s)
        std::printf("  %-14s vocoder %.3f   Griffin-Lim (32 it) %.3f   ratio GL/vocoder %.2f\n", names[s], vocoderDistance[s],
                    griffinDistance[s], griffinDistance[s] / vocoderDistance[s]);
    std::printf("time per second of audio: vocoder %.1f ms, Griffin-Lim %.1f ms; ratio GL/vocoder %.1f\n",
                1000 * vocoderSeconds / audioSeconds, 1000 * griffinSeconds / audioSeconds, griffinSeconds / vocoderSeconds);
    std::printf("listen: %s/{original,vocoder,griffinlim}.wav\n", out.string().c_str());
    return 0;
}
