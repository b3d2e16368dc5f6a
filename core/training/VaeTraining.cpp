// Phase 1, the autoencoder: crops of the cached log-mels, reconstructed through the latent.

#include "core/training/PhaseTraining.h"

#include "core/common/Error.h"
#include "core/models/ModelPresets.h"
#include "core/training/TrainedModels.h"
#include "core/training/TrainingLoop.h"

#include <torch/torch.h>

namespace muze {
namespace {

using Json = nlohmann::ordered_json;

constexpr int kValidationCropsPerSong = 4;

class VaeTask : public TrainingTask {
public:
    VaeTask(AudioVae model, const CropSchedule& schedule, std::vector<Crop> heldOut, const TrainOptions& options, int cropFrames,
            const torch::Device& device)
        : m_model(std::move(model)), m_schedule(schedule), m_options(options), m_cropFrames(cropFrames), m_device(device),
          m_heldOut(batchesOf(heldOut, options.batchSize)), m_previewCrop(heldOut.front().mel.to(device))
    {
        TrainOptions vocoderRun = options;
        vocoderRun.model = PhaseOneModel::Vocoder;
        const std::filesystem::path vocoder = runFolder(vocoderRun) / "checkpoints/best.safetensors";
        if (std::filesystem::exists(vocoder))
            m_vocoder = loadVocoder(vocoder);
    }

    LossTerms loss(std::int64_t step) override
    {
        const BatchShare share = m_options.distributed.share();
        const torch::Tensor mel = batchesOf(m_schedule.crops(m_options, m_cropFrames, step, share), m_options.batchSize).front().first.to(m_device);
        at::Generator generator = at::detail::createCPUGenerator(stepSeed(m_options.seed + 1, step));
        std::vector<std::int64_t> noiseShape = m_model->latentShapeOf(mel);
        noiseShape[0] = share.whole(m_options.batchSize);
        const torch::Tensor noise = shareOf(torch::randn(noiseShape, generator), share, m_options.batchSize).to(m_device);
        const VaeLoss loss = m_model->loss(m_model->forward(mel, noise), mel);
        LossTerms terms{loss.total, {{"reconstruction", loss.reconstruction}, {"kl", loss.kl}}};
        if (loss.spectral.defined())
            terms.parts.emplace_back("spectral", loss.spectral);
        return terms;
    }

    // The reconstruction MSE of the normalised log-mel from the latent's mean, and its error in dB.
    Json validate() override
    {
        double squared = 0.0;
        double absolute = 0.0;
        std::int64_t count = 0;
        for (const auto& batch : m_heldOut) {
            const torch::Tensor mel = batch.first.to(m_device);
            const torch::Tensor decoded = m_model->decodeToDb(m_model->encodeMean(mel));
            squared += m_model->normalise(decoded).sub(m_model->normalise(mel)).pow(2).sum().item<double>();
            absolute += (decoded - mel).abs().sum().item<double>();
            count += mel.numel();
        }
        const double n = static_cast<double>(std::max<std::int64_t>(1, count));
        return {{"validation_loss", squared / n}, {"validation_mel_error_db", absolute / n}};
    }

    void writePreviews(std::int64_t step) override
    {
        const std::filesystem::path folder = runFolder(m_options) / "previews";
        if (!std::filesystem::exists(folder / "original-griffinlim.wav"))
            writeGriffinLimPreview(folder / "original-griffinlim.wav", m_previewCrop);
        const torch::Tensor decoded = m_model->decodeToDb(m_model->encodeMean(m_previewCrop.unsqueeze(0)));
        writeGriffinLimPreview(folder / (stepName(step) + "-vae-griffinlim.wav"), decoded[0]);
        if (m_vocoder)
            writePreview(folder / (stepName(step) + "-vae-vocoder.wav"), m_vocoder->forward(decoded.to(torch::kCPU))[0]);
    }

private:
    AudioVae m_model;
    const CropSchedule& m_schedule;
    TrainOptions m_options;
    int m_cropFrames;
    torch::Device m_device;
    std::vector<std::pair<torch::Tensor, torch::Tensor>> m_heldOut;
    torch::Tensor m_previewCrop;
    Vocoder m_vocoder{nullptr};
};

}  // namespace

TrainSummary trainVae(const TrainOptions& options, const JobControl& control)
{
    const torch::Device device = deviceNamed(options.device);
    const VaeConfig config = presetPart(options.preset, &ModelPreset::vae, "VAE");
    const int cropFrames = options.cropFrames / config.timeReduction() * config.timeReduction();

    const TrainingSongs songs(options, SongNeeds::Features);
    const std::vector<std::size_t> train = songs.train(cropFrames);
    const std::vector<std::size_t> held = songs.validation(cropFrames);
    if (train.empty() || held.empty())
        throw Error(ErrorKind::InvalidArgument, "Phase 1 needs at least two songs of " + std::to_string(cropFrames / 100.0) +
                                                    " s or longer, one to train on and one to check against; " + options.annotations.string() +
                                                    " has " + std::to_string(train.size() + held.size()) + ".");
    const CropSchedule schedule = scheduleCrops(songs, train, options, cropFrames);
    const double peakRate = options.learningRate > 0 ? options.learningRate : options.preset == "tiny" ? 1e-3 : 5e-4;

    torch::manual_seed(options.seed);  // the first weights
    AudioVae model(config);
    model->setGradientCheckpointing(options.gradientCheckpointing);
    model->to(device);
    torch::optim::AdamW optimizer(model->parameters(), torch::optim::AdamWOptions(peakRate).weight_decay(1e-2));
    VaeTask task(model, schedule, heldOutCrops(songs, held, kValidationCropsPerSong, cropFrames), options, cropFrames, device);

    const TrainingRun run = describeRun(*model, optimizer, config.toJson(), options, songs, {schedule.totalSteps, schedule.stepsPerEpoch}, peakRate);
    return runTraining(task, run, options, control);
}

}  // namespace muze
