// Phase 1, the vocoder: from each crop's cached log-mel back to the audio under it.

#include "core/training/PhaseTraining.h"

#include "core/common/Error.h"
#include "core/models/ModelPresets.h"
#include "core/training/TrainingLoop.h"
#include "core/training/VocoderLoss.h"

#include <torch/torch.h>

namespace muze {
namespace {

using Json = nlohmann::ordered_json;

constexpr int kValidationCropsPerSong = 4;
class VocoderTask : public TrainingTask {
public:
    VocoderTask(Vocoder model, const CropSchedule& schedule, const std::vector<Crop>& heldOut, const TrainOptions& options,
                const torch::Device& device)
        : m_model(std::move(model)), m_schedule(schedule), m_options(options), m_device(device),
          m_heldOut(batchesOf(heldOut, options.batchSize)), m_preview(heldOut.front())
    {
    }

    LossTerms loss(std::int64_t step) override
    {
        const auto batch = batchesOf(m_schedule.crops(m_options, m_options.cropFrames, step, m_options.distributed.share()), m_options.batchSize).front();
        const VocoderLoss loss = lossOf(batch.first.to(m_device), batch.second.to(m_device));
        return {loss.total(), {{"stft", loss.stft}, {"mel_error_db", loss.melDb}, {"phase", loss.phase}}};
    }

    Json validate() override
    {
        double total = 0.0;
        double stft = 0.0;
        double melDb = 0.0;
        double phase = 0.0;
        for (const auto& batch : m_heldOut) {
            const VocoderLoss loss = lossOf(batch.first.to(m_device), batch.second.to(m_device));
            total += loss.total().item<double>();
            stft += loss.stft.item<double>();
            melDb += loss.melDb.item<double>();
            phase += loss.phase.item<double>();
        }
        const double n = static_cast<double>(m_heldOut.size());
        return {{"validation_loss", total / n},
                {"validation_stft_distance", stft / n},
                {"validation_vocoder_mel_error_db", melDb / n},
                {"validation_phase_distance", phase / n}};
    }

    void writePreviews(std::int64_t step) override
    {
        const std::filesystem::path folder = runFolder(m_options) / "previews";
        if (!std::filesystem::exists(folder / "original.wav")) {
            writePreview(folder / "original.wav", m_preview.audio);
            writeGriffinLimPreview(folder / "original-griffinlim.wav", m_preview.mel);
        }
        writePreview(folder / (stepName(step) + "-vocoder.wav"), m_model->forward(m_preview.mel.unsqueeze(0).to(m_device))[0]);
    }

private:
    VocoderLoss lossOf(const torch::Tensor& mel, const torch::Tensor& audio) { return vocoderLoss(m_model, m_logMel, mel, audio); }

    Vocoder m_model;
    const CropSchedule& m_schedule;
    TrainOptions m_options;
    torch::Device m_device;
    std::vector<std::pair<torch::Tensor, torch::Tensor>> m_heldOut;
    Crop m_preview;
    TorchLogMel m_logMel;
};

}  // namespace

TrainSummary trainVocoder(const TrainOptions& given, const JobControl& control)
{
    TrainOptions options = given;
    options.cropFrames = std::min(options.cropFrames, kVocoderCropFrames);
    const torch::Device device = deviceNamed(options.device);
    const VocoderConfig config = presetPart(options.preset, &ModelPreset::vocoder, "vocoder");

    const TrainingSongs songs(options, SongNeeds::FeaturesAndAudio);
    const std::vector<std::size_t> train = songs.train(options.cropFrames);
    const std::vector<std::size_t> held = songs.validation(options.cropFrames);
    if (train.empty() || held.empty())
        throw Error(ErrorKind::InvalidArgument, "The vocoder needs at least two songs, one to train on and one to check against; " +
                                                    options.annotations.string() + " has " + std::to_string(train.size() + held.size()) + ".");
    const CropSchedule schedule = scheduleCrops(songs, train, options, options.cropFrames);
    const double peakRate = options.learningRate > 0 ? options.learningRate : options.preset == "tiny" ? 5e-4 : 3e-4;

    torch::manual_seed(options.seed);  // the first weights
    Vocoder model(config);
    model->to(device);
    torch::optim::AdamW optimizer(model->parameters(), torch::optim::AdamWOptions(peakRate).betas({0.8, 0.9}).weight_decay(1e-2));
    VocoderTask task(model, schedule, heldOutCrops(songs, held, kValidationCropsPerSong, options.cropFrames), options, device);

    const TrainingRun run = describeRun(*model, optimizer, config.toJson(), options, songs, {schedule.totalSteps, schedule.stepsPerEpoch}, peakRate);
    return runTraining(task, run, options, control);
}

}  // namespace muze
