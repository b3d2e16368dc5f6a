// Training speed of phases 1 and 3 at tiny and small: steps/s of the AudioVAE and of UNetV2 on
// random data of the training shapes (batch 16; 2.56 s crops for the VAE, 10.24 s of latent for
// the UNet), their achieved GFLOP/s against this machine's sgemm peak measured in the same run, and
// the same steps in Python with Debian's python3-torch (bench/torch_training_speed.py).
//
// Threads, on purpose, on both sides: intra-op threads = the cores, inter-op 1, and OpenBLAS on one
// thread, because its own pool beside LibTorch's OpenMP threads oversubscribes the cores (phase 1
// ran 2.7 steps/s that way, 3.8 without; see core/common/ComputeThreads.cpp).
//
// usage: bench_training_speed PATH/TO/torch_training_speed.py [--steps N]

#include <torch/torch.h>

#include "core/common/Parallel.h"
#include "core/models/ModelPresets.h"
#include "core/training/StepCost.h"

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>

using namespace muze;
using Json = nlohmann::ordered_json;
using Clock = std::chrono::steady_clock;

namespace {

constexpr int kBatch = 16;
constexpr int kWarmup = 2;

double seconds(Clock::time_point since)
{
    return std::chrono::duration<double>(Clock::now() - since).count();
}

// The best of several 1024² float matrix products, in GFLOP/s.
double sgemmPeak()
{
    const torch::Tensor a = torch::randn({1024, 1024});
    const torch::Tensor b = torch::randn({1024, 1024});
    double best = 1e9;
    for (int i = 0; i < 20; ++i) {
        const auto start = Clock::now();
        torch::mm(a, b);
        best = std::min(best, seconds(start));
    }
    return 2.0 * 1024 * 1024 * 1024 / best / 1e9;
}

struct Case {
    std::string name;
    std::string kind;
    Json config;
    int frames;
    StepLoss loss;
    torch::nn::Module* model;
};

std::int64_t parameters(torch::nn::Module& module)
{
    std::int64_t count = 0;
    for (const auto& p : module.parameters())
        count += p.numel();
    return count;
}

}  // namespace

int main(int argc, char** argv)
{
    if (argc < 2) {
        std::cerr << "usage: bench_training_speed PATH/TO/torch_training_speed.py [--steps N]\n";
        return 2;
    }
    const int steps = argc >= 4 && std::string(argv[2]) == "--steps" ? std::stoi(argv[3]) : 10;
    configureComputeThreads(0);
    const double peak = sgemmPeak();

    torch::manual_seed(0);
    AudioVae vaeTiny(*modelPreset("tiny").vae);
    AudioVae vaeSmall(*modelPreset("small").vae);
    UNetV2 unetTiny(*modelPreset("tiny").unet);
    UNetV2 unetSmall(*modelPreset("small").unet);
    const std::vector<Case> cases = {
        {"phase 1 VAE tiny", "vae", vaeTiny->config().toJson(), 256, randomVaeLoss(vaeTiny, kBatch, 256), vaeTiny.ptr().get()},
        {"phase 1 VAE small", "vae", vaeSmall->config().toJson(), 256, randomVaeLoss(vaeSmall, kBatch, 256), vaeSmall.ptr().get()},
        {"phase 3 UNet tiny", "unet", unetTiny->config().toJson(), 256, randomUNetLoss(unetTiny, kBatch, 256), unetTiny.ptr().get()},
        {"phase 3 UNet small", "unet", unetSmall->config().toJson(), 256, randomUNetLoss(unetSmall, kBatch, 256), unetSmall.ptr().get()},
    };

    Json spec{{"threads", computeThreads()}, {"steps", steps}, {"warmup", kWarmup}, {"cases", Json::array()}};
    std::vector<double> cppRates;
    for (const Case& c : cases) {
        cppRates.push_back(1.0 / secondsPerStep(*c.model, c.loss, steps, kWarmup));
        spec["cases"].push_back({{"name", c.name}, {"kind", c.kind}, {"config", c.config}, {"batch", kBatch}, {"frames", c.frames},
                                 {"parameters", parameters(*c.model)}});
    }
    const std::string specPath = "/tmp/muze-training-speed-" + std::to_string(::getpid()) + ".json";
    std::ofstream(specPath) << spec.dump();
    const std::string command = "OPENBLAS_NUM_THREADS=1 /usr/bin/python3 " + std::string(argv[1]) + " " + specPath;
    FILE* pipe = ::popen(command.c_str(), "r");
    std::string output;
    char buffer[4096];
    while (pipe && std::fgets(buffer, sizeof buffer, pipe))
        output += buffer;
    const int status = pipe ? ::pclose(pipe) : -1;
    std::remove(specPath.c_str());
    if (status != 0) {
        std::cerr << "the Python side failed: " << output << "\n";
        return 1;
    }
    const Json python = Json::parse(output);

    std::printf("sgemm peak (1024², best of 20): %.1f GFLOP/s on %d threads\n", peak, computeThreads());
    std::printf("%-20s %10s %10s %12s %12s %8s %10s\n", "batch 16", "params", "GFLOP/step", "C++ steps/s", "Py steps/s", "C++/Py", "C++ GFLOP/s");
    for (std::size_t i = 0; i < cases.size(); ++i) {
        const double flops = python[i]["flops_per_step"].get<double>();
        const double pythonRate = python[i]["steps_per_s"].get<double>();
        std::printf("%-20s %9.2fM %10.1f %12.2f %12.2f %8.2f %5.1f (%2.0f%%)\n", cases[i].name.c_str(),
                    spec["cases"][i]["parameters"].get<double>() / 1e6, flops / 1e9, cppRates[i], pythonRate, cppRates[i] / pythonRate,
                    flops * cppRates[i] / 1e9, 100.0 * flops * cppRates[i] / 1e9 / peak);
    }
    return 0;
}
