// Log-mel throughput at the reference's settings on one song, best of several runs. Writes the
// decoded 32 kHz mono samples to --dump so torchaudio can be timed on exactly the same input.
// usage: bench_logmel FILE [--runs N] [--dump SAMPLES.f32]

#include "core/audio/AudioDecoder.h"
#include "core/common/Error.h"
#include "core/common/Parallel.h"
#include "core/dsp/LogMel.h"

#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>

int main(int argc, char** argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_logmel FILE [--runs N] [--dump SAMPLES.f32]\n");
        return 2;
    }
    int runs = 5;
    std::string dump;
    for (int i = 2; i + 1 < argc; i += 2) {
        const std::string option = argv[i];
        if (option == "--runs")
            runs = std::stoi(argv[i + 1]);
        else if (option == "--dump")
            dump = argv[i + 1];
    }
    muze::configureComputeThreads(0);
    try {
        const muze::DecodedAudio decoded = muze::decodeAudioFile(argv[1], muze::DecodeOptions{});
        const auto& samples = decoded.audio.samples;
        if (!dump.empty())
            std::ofstream(dump, std::ios::binary).write(reinterpret_cast<const char*>(samples.data()),
                                                        static_cast<std::streamsize>(samples.size() * sizeof(float)));
        const muze::LogMelParams params;
        muze::logMelSpectrogram(samples.data(), decoded.audio.frames(), params);  // warm-up: FFTW plans, caches
        double best = 1e30;
        int frames = 0;
        for (int run = 0; run < runs; ++run) {
            const auto start = std::chrono::steady_clock::now();
            frames = muze::logMelSpectrogram(samples.data(), decoded.audio.frames(), params).cols;
            best = std::min(best, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
        }
        std::printf("{\"audio_seconds\": %.2f, \"frames\": %d, \"threads\": %d, \"best_seconds\": %.5f}\n",
                    decoded.audio.durationSeconds(), frames, muze::computeThreads(), best);
    } catch (const muze::Error& error) {
        std::fprintf(stderr, "bench_logmel: %s\n", error.what());
        return 1;
    }
    return 0;
}
