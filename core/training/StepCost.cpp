#include "core/training/StepCost.h"

#include <torch/torch.h>

#include "core/models/SpectralLoss.h"
#include "core/training/LdmData.h"
#include "core/training/VocoderLoss.h"

#include <chrono>
#include <memory>

namespace muze {

StepLoss randomVaeLoss(AudioVae vae, int batch, int frames)
{
    const torch::Tensor mel = torch::randn({batch, vae->config().melBins, frames}) * 20 - 40;
    return [vae, mel]() mutable { return vae->loss(vae->forward(mel, at::detail::getDefaultCPUGenerator()), mel).total; };
}

StepLoss randomVocoderLoss(Vocoder vocoder, int batch, int frames)
{
    const torch::Tensor mel = torch::randn({batch, vocoder->config().melBins, frames}) * 20 - 40;
    const torch::Tensor audio = torch::randn({batch, static_cast<std::int64_t>(frames) * vocoder->config().hop}) * 0.1;
    auto logMel = std::make_shared<TorchLogMel>();
    return [vocoder, mel, audio, logMel]() mutable { return vocoderLoss(vocoder, *logMel, mel, audio).total(); };
}

StepLoss randomPlannerLoss(CompositionPlanner planner, int batch)
{
    SongDescription song;
    song.prompt = "an upbeat pop song with bright synths and a driving beat";
    song.durationSeconds = 180.0;
    const std::vector<PlannerFeatures> songs(static_cast<std::size_t>(batch), plannerFeatures(song, planner->config()));
    return [planner, songs]() mutable {
        const PlannerOutput out = planner->forward(songs);
        const auto targets = [](const torch::Tensor& logits) { return torch::randint(logits.size(-1), {logits.size(0) * logits.size(1)}); };
        return torch::nn::functional::cross_entropy(out.typeLogits.flatten(0, 1), targets(out.typeLogits)) +
               torch::nn::functional::cross_entropy(out.barLogits.flatten(0, 1), targets(out.barLogits));
    };
}

StepLoss randomUNetLoss(UNetV2 unet, int batch, int frames)
{
    const UNetConfig& c = unet->config();
    const torch::Tensor latent = torch::randn({batch, c.latentChannels, frames});
    UNetConditions conditions{torch::rand({batch, c.controlChannels, frames}), torch::randn({batch, c.conditioningDim}),
                              {torch::randn({batch, 16, c.contextDim}), torch::ones({batch, 16}, torch::kBool),
                               torch::randn({batch, c.voiceDim}), torch::ones({batch}, torch::kBool)}};
    const torch::Tensor time = torch::rand({batch});
    return [unet, latent, conditions, time]() mutable { return torch::mse_loss(unet(latent, time, conditions), latent); };
}

StepLoss randomLdmLoss(LatentDiffusion ldm, int batch, int frames)
{
    ExampleConditions example;
    example.prompt = "an upbeat pop song with bright synths and a driving beat";
    example.position = 0.25f;
    example.sectionType = 3;
    example.key = 7;
    example.tempo = 120.0f;
    example.energy = 0.7f;
    example.controls = torch::rand({kControlChannels, frames});
    const std::vector<ExampleConditions> examples(static_cast<std::size_t>(batch), example);
    const torch::Tensor latent = torch::randn({batch, ldm->config().unet.latentChannels, frames});
    const torch::Tensor time = torch::rand({batch});
    return [ldm, latent, examples, time]() mutable {
        return torch::mse_loss(ldm(latent, time, batchConditions(examples, torch::kCPU)), latent);
    };
}

double secondsPerStep(torch::nn::Module& model, const StepLoss& loss, int steps, int warmup)
{
    torch::optim::AdamW optimizer(model.parameters(), torch::optim::AdamWOptions(1e-4).weight_decay(1e-2));
    const auto step = [&] {
        optimizer.zero_grad();
        loss().backward();
        torch::nn::utils::clip_grad_norm_(model.parameters(), 1.0);
        optimizer.step();
    };
    for (int i = 0; i < warmup; ++i)
        step();
    const auto start = std::chrono::steady_clock::now();
    for (int i = 0; i < steps; ++i)
        step();
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() / std::max(1, steps);
}

}  // namespace muze
