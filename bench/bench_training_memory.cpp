// The memory a training step keeps for its backward pass, measured, beside the estimate `muze
// models` prints (activationCount), at batch 1 and the crops the estimates assume: the bytes the
// allocator holds once the forward pass has run, less those it held before. With and without the
// VAE's gradient checkpointing, with the time a step takes each way.
//
// usage: bench_training_memory

#include <torch/torch.h>

#include "core/common/Parallel.h"
#include "core/models/ModelPresets.h"

#include <malloc.h>

#include <chrono>
#include <cstdio>
#include <functional>
#include <string>

using namespace muze;
using Clock = std::chrono::steady_clock;

namespace {

std::int64_t allocatedBytes()
{
    const struct mallinfo2 info = ::mallinfo2();
    return static_cast<std::int64_t>(info.uordblks + info.hblkhd);
}

struct Measured {
    std::int64_t keptBytes = 0;
    double stepSeconds = 0.0;
};

// `forward` builds the graph and returns the loss; the bytes it leaves allocated are what the
// backward pass will read.
Measured measure(const std::function<torch::Tensor()>& forward)
{
    forward().backward();  // once first, so that lazily made buffers do not count
    const std::int64_t before = allocatedBytes();
    const auto start = Clock::now();
    torch::Tensor loss = forward();
    const std::int64_t kept = allocatedBytes() - before;
    loss.backward();
    return {kept, std::chrono::duration<double>(Clock::now() - start).count()};
}

void report(const std::string& name, const Measured& measured, std::int64_t estimatedBytes)
{
    std::printf("%-28s %10.1f %10.1f %8.2f %10.3f\n", name.c_str(), measured.keptBytes / 1048576.0, estimatedBytes / 1048576.0,
                static_cast<double>(measured.keptBytes) / static_cast<double>(estimatedBytes), measured.stepSeconds);
}

void vae(const std::string& preset, bool checkpointing)
{
    const VaeConfig config = *modelPreset(preset).vae;
    torch::manual_seed(0);
    AudioVae model(config);
    model->setGradientCheckpointing(checkpointing);
    const torch::Tensor mel = torch::randn({1, 128, 256}) * 20 - 40;
    const Measured measured = measure([&] { return model->loss(model->forward(mel, at::detail::getDefaultCPUGenerator()), mel).total; });
    report("VAE " + preset + (checkpointing ? ", checkpointed" : ""), measured, 4 * activationCount(config, 256, checkpointing));
}

void unet(const std::string& preset)
{
    const UNetConfig c = *modelPreset(preset).unet;
    torch::manual_seed(0);
    UNetV2 model(c);
    const int frames = 1000 / 4 / c.timeReduction() * c.timeReduction();  // 10 s at 25 latent frames a second
    const torch::Tensor latent = torch::randn({1, c.latentChannels, frames});
    const UNetConditions conditions{torch::rand({1, c.controlChannels, frames}), torch::randn({1, c.conditioningDim}),
                                    {torch::randn({1, 64, c.contextDim}), torch::ones({1, 64}, torch::kBool), torch::randn({1, c.voiceDim}),
                                     torch::ones({1}, torch::kBool)}};
    const torch::Tensor time = torch::rand({1});
    const Measured measured = measure([&] { return torch::mse_loss(model(latent, time, conditions), latent); });
    report("UNet " + preset, measured, 4 * activationCount(c, frames, 64));
}

}  // namespace

int main()
{
    configureComputeThreads(0);
    std::printf("%-28s %10s %10s %8s %10s\n", "batch 1", "kept MiB", "est. MiB", "kept/est", "step s");
    for (const char* preset : {"tiny", "small", "vae-light"}) {
        vae(preset, false);
        vae(preset, true);
    }
    for (const char* preset : {"tiny", "small"})
        unet(preset);
    return 0;
}
