// Decoding throughput: seconds of audio decoded (to 32 kHz mono float, the model's input) per
// second of wall-clock time, best of several runs, for each file given.
// usage: bench_decode [--runs N] FILE...

#include "core/audio/AudioDecoder.h"
#include "core/common/Error.h"
#include "core/common/Parallel.h"

#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

int main(int argc, char** argv)
{
    int runs = 3;
    std::vector<std::string> files;
    for (int i = 1; i < argc; ++i) {
        const std::string argument = argv[i];
        if (argument == "--runs" && i + 1 < argc)
            runs = std::stoi(argv[++i]);
        else
            files.push_back(argument);
    }
    muze::configureComputeThreads(0);
    std::printf("%-28s %10s %10s %12s\n", "file", "audio s", "best s", "x real time");
    try {
        for (const std::string& file : files) {
            double best = 1e30;
            double seconds = 0.0;
            for (int run = 0; run < runs; ++run) {
                const auto start = std::chrono::steady_clock::now();
                const muze::DecodedAudio decoded = muze::decodeAudioFile(file, muze::DecodeOptions{});
                best = std::min(best, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
                seconds = decoded.audio.durationSeconds();
            }
            const std::string name = file.substr(file.find_last_of('/') + 1);
            std::printf("%-28s %10.1f %10.3f %12.0f\n", name.c_str(), seconds, best, seconds / best);
        }
    } catch (const muze::Error& error) {
        std::fprintf(stderr, "bench_decode: %s\n", error.what());
        return 1;
    }
    return 0;
}
