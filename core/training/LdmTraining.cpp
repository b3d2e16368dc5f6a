// Phase 3, the conditioned latent diffusion model: crops of the songs' sections, encoded by the
// phase-1 VAE, noised and denoised under their conditioning.

#include "core/training/PhaseTraining.h"

#include "core/common/Error.h"
#include "core/diffusion/Samplers.h"
#include "core/models/ModelPresets.h"
#include "core/training/Ema.h"
#include "core/training/LdmData.h"
#include "core/training/PhaseReadiness.h"
#include "core/training/TrainedModels.h"
#include "core/training/TrainingLoop.h"
#include "core/training/Transposition.h"

#include <torch/torch.h>

#include <cmath>
#include <map>

namespace muze {
namespace {

using Json = nlohmann::ordered_json;

constexpr int kValidationCropsPerSong = 4;
constexpr int kValidationTimesteps[] = {100, 300, 500, 700, 900};  // of 1000, the same for every validation
constexpr int kPreviewSteps = 20;
constexpr double kPreviewGuidance = 3.0;
constexpr std::int64_t kEnergyFitSteps = 8;  // batches of crops the energy curve's line is fitted on
constexpr std::int64_t kStepsPerTransposition = 250;  // --transpose: steps between fresh draws of each song's key

LdmConfig ldmConfigOf(const TrainOptions& options, const VaeConfig& vae)
{
    LdmConfig config;
    config.unet = presetPart(options.preset, &ModelPreset::unet, "UNet");
    config.unet.latentChannels = vae.latentDim;  // the VAE decides the latent
    config.text = presetPart(options.preset, &ModelPreset::textEncoder, "text encoder");
    if (!options.textEncoder.empty())
        config.text.script = TextEncoderConfig::scriptOf(options.textEncoder.string());
    return config;
}

std::filesystem::path vaeCheckpointOf(const TrainOptions& options)
{
    const std::filesystem::path path = vaeCheckpointPath(options);
    if (!std::filesystem::exists(path))
        throw Error(ErrorKind::NotFound, "Phase 3 works in the latent space of a trained VAE, and " + path.string() +
                                             " does not exist: train phase 1 into the same --out_dir first, or give --vae_checkpoint.");
    return path;
}

// A crop of a random section of a random song of the chunk: from the section's start, or later when
// the section is longer than the crop. Drawn from (seed, step) alone.
struct SectionCrop {
    std::size_t song;  // in the chunk
    std::int64_t startFrame;  // of the log-mel
};

std::vector<SectionCrop> sectionCrops(const std::vector<SongData>& songs, const TrainingSongs& records, int count, int melFrames,
                                      std::uint64_t seed, std::int64_t step)
{
    at::Generator generator = at::detail::createCPUGenerator(stepSeed(seed, step));
    const auto draw = [&](std::int64_t n) { return torch::randint(std::max<std::int64_t>(1, n), {1}, generator).item<std::int64_t>(); };
    std::vector<SectionCrop> crops;
    for (int i = 0; i < count; ++i) {
        const auto song = static_cast<std::size_t>(draw(static_cast<std::int64_t>(songs.size())));
        const std::int64_t room = songs[song].mel.size(1) - melFrames;
        const Record& record = records.record(songs[song].record);
        const auto segments = record.find(field::kSegments);
        std::int64_t start = draw(room + 1);
        if (segments != record.end() && segments->is_array() && !segments->empty()) {
            const Json& segment = (*segments)[static_cast<std::size_t>(draw(static_cast<std::int64_t>(segments->size())))];
            const auto first = static_cast<std::int64_t>(valueOr(segment, "start", 0.0) * 100);
            const auto length = static_cast<std::int64_t>((valueOr(segment, "end", 0.0) - valueOr(segment, "start", 0.0)) * 100);
            start = first + draw(std::max<std::int64_t>(1, length - melFrames + 1));
        }
        crops.push_back({song, std::clamp<std::int64_t>(start, 0, room)});
    }
    return crops;
}

class LdmTask : public TrainingTask {
public:
    LdmTask(LatentDiffusion model, LatentDiffusion ema, AudioVae vae, Vocoder vocoder, const CropSchedule& schedule, const TrainingSongs& songs,
            const std::vector<std::size_t>& held, const TrainOptions& options, const torch::Device& device)
        : m_model(std::move(model)), m_ema(std::move(ema)), m_vae(std::move(vae)), m_vocoder(std::move(vocoder)), m_schedule(schedule),
          m_songs(songs), m_options(options), m_device(device), m_noise(m_model->config().schedule)
    {
        for (std::size_t record : held) {
            const SongData song = songs.load(record);
            const int move = fixedMove(songs.record(record));
            const Record heard = transposedRecord(songs.record(record), move);
            const torch::Tensor latent = songLatent(song, move);
            const std::int64_t room = song.mel.size(1) - melFrames();
            for (int k = 0; k < kValidationCropsPerSong; ++k) {
                const std::int64_t start = aligned(room * k / std::max(1, kValidationCropsPerSong - 1));
                const torch::Tensor mel = song.mel.narrow(1, start, melFrames()).clone();
                m_held.push_back({transposeMel(mel, move), latentCrop(latent, start), conditionsAt(heard, place(start), energyCurveOf(mel, latentFrames()))});
            }
        }
    }

    LossTerms loss(std::int64_t step) override
    {
        const std::int64_t chunkIndex = step / m_schedule.stepsPerChunk;
        const std::vector<SongData>& chunk = m_schedule.pool->chunk(chunkIndex);
        const HeardSongs& heard = heardSongs(chunkIndex, chunk, step);
        at::Generator generator = at::detail::createCPUGenerator(stepSeed(m_options.seed + 2, step));
        const BatchShare share = m_options.distributed.share();
        const std::vector<SectionCrop> crops = sectionCrops(chunk, m_songs, static_cast<int>(share.whole(m_options.batchSize)), melFrames(), m_options.seed, step);
        const torch::Tensor allRolls = torch::rand({share.whole(m_options.batchSize), 2}, generator);
        std::vector<torch::Tensor> latents;
        std::vector<ExampleConditions> conditions;
        for (std::int64_t i = share.first(m_options.batchSize); i < share.first(m_options.batchSize) + m_options.batchSize; ++i) {
            const SectionCrop& crop = crops[static_cast<std::size_t>(i)];
            const SongData& song = chunk[crop.song];
            const std::int64_t start = aligned(crop.startFrame);
            latents.push_back(latentCrop(heard.latents[crop.song], start));
            const torch::Tensor rolls = allRolls[i];
            ExampleConditions c = rolls[0].item<double>() < m_options.cfgDropout
                                      ? unconditional(latentFrames())
                                      : conditionsAt(heard.records[crop.song], place(start), energyCurveOf(song.mel.narrow(1, start, melFrames()), latentFrames()));
            if (rolls[1].item<double>() < m_options.voiceDropout) {
                c.voice.reset();
                c.ecapa.reset();
            }
            conditions.push_back(std::move(c));
        }
        const torch::Tensor x0 = torch::stack(latents);
        std::vector<std::int64_t> wholeShape = x0.sizes().vec();
        wholeShape[0] = share.whole(m_options.batchSize);
        const torch::Tensor timesteps = shareOf(torch::randint(m_noise.trainSteps(), {wholeShape[0]}, generator), share, m_options.batchSize).to(m_device);
        const torch::Tensor noise = shareOf(torch::randn(wholeShape, generator), share, m_options.batchSize).to(m_device);
        return {diffusionLoss(*m_model, x0, noise, timesteps, batchConditions(conditions, m_device)), {}};
    }

    void afterOptimizerStep(std::int64_t step) override
    {
        // The average warms up: early weights are soon forgotten.
        updateEma(*m_ema, *m_model, std::min(m_options.emaDecay, (1.0 + static_cast<double>(step)) / (10.0 + static_cast<double>(step))));
    }

    Json validate() override
    {
        double total = 0.0;
        double totalEma = 0.0;
        std::map<int, double> byTimestep;
        int count = 0;
        at::Generator generator = at::detail::createCPUGenerator(stepSeed(m_options.seed, -1));
        for (std::size_t i = 0; i < m_held.size(); i += static_cast<std::size_t>(m_options.batchSize)) {
            std::vector<torch::Tensor> latents;
            std::vector<ExampleConditions> conditions;
            for (std::size_t k = i; k < std::min(m_held.size(), i + static_cast<std::size_t>(m_options.batchSize)); ++k) {
                latents.push_back(m_held[k].latent);
                conditions.push_back(m_held[k].conditions);
            }
            const torch::Tensor x0 = torch::stack(latents);
            const LdmConditions batch = batchConditions(conditions, m_device);
            for (int t : kValidationTimesteps) {
                const torch::Tensor timesteps = torch::full({x0.size(0)}, t, torch::kInt64).to(m_device);
                const torch::Tensor noise = torch::randn(x0.sizes(), generator).to(m_device);
                const double loss = diffusionLoss(*m_model, x0, noise, timesteps, batch).item<double>();
                total += loss;
                byTimestep[t] += loss;
                totalEma += diffusionLoss(*m_ema, x0, noise, timesteps, batch).item<double>();
                ++count;
            }
        }
        Json terms = {{"validation_loss", total / count}, {"validation_loss_ema", totalEma / count}};
        const double batches = static_cast<double>(count) / static_cast<double>(byTimestep.size());
        for (const auto& [t, sum] : byTimestep)
            terms["validation_loss_t" + std::to_string(t)] = sum / batches;
        return terms;
    }

    // A DDIM sample of the first held-out crop's conditions, with the averaged weights and guidance,
    // and that crop itself, both made audible the same way.
    void writePreviews(std::int64_t step) override
    {
        const std::filesystem::path folder = runFolder(m_options) / "previews";
        const HeldOutCrop& crop = m_held.front();
        const std::string voice = m_vocoder ? "vocoder" : "griffinlim";
        if (!std::filesystem::exists(folder / ("original-" + voice + ".wav")))
            writeAudible(folder / ("original-" + voice + ".wav"), crop.mel);
        m_ema->eval();
        const UNetConditions conditioned = m_ema->encode(batchConditions({crop.conditions}, m_device));
        const UNetConditions unconditioned = m_ema->encode(batchConditions({unconditional(latentFrames())}, m_device));
        const double trainSteps = m_noise.trainSteps();
        const Denoiser guided = [&](const torch::Tensor& xt, const torch::Tensor& timesteps) {
            const torch::Tensor time = timesteps.to(torch::kFloat32) / trainSteps;
            const torch::Tensor withConditions = m_ema->denoise(xt, time, conditioned);
            const torch::Tensor without = m_ema->denoise(xt, time, unconditioned);
            return without + kPreviewGuidance * (withConditions - without);
        };
        at::Generator generator = at::detail::createCPUGenerator(m_options.seed);
        const torch::Tensor noise = torch::randn({1, m_model->config().unet.latentChannels, latentFrames()}, generator).to(m_device);
        const torch::Tensor x0 = sampleDdim(guided, m_noise, m_model->config().prediction, noise, {kPreviewSteps, 0.0}, generator);
        const torch::Tensor melDb = m_vae->decodeToDb(x0 / m_model->config().latentScale)[0];
        writeAudible(folder / (stepName(step) + "-ddim-" + voice + ".wav"), melDb);
    }

private:
    struct HeldOutCrop {
        torch::Tensor mel;     // as the model hears it (in C, with --one_key)
        torch::Tensor latent;  // scaled
        ExampleConditions conditions;
    };

    int latentFrames() const { return m_model->config().unet.timeReduction() * (m_options.latentCropFrames / m_model->config().unet.timeReduction()); }
    int melFrames() const { return latentFrames() * m_vae->config().timeReduction(); }
    CropPlace place(std::int64_t startFrame) const
    {
        return {static_cast<double>(startFrame) / 100.0, latentFrames(), 0.01 * m_vae->config().timeReduction()};
    }

    // Crops start on latent frames.
    std::int64_t aligned(std::int64_t melFrame) const { return melFrame / m_vae->config().timeReduction() * m_vae->config().timeReduction(); }

    // The VAE is frozen, so each song is encoded once, whole, when its chunk comes up (and with
    // --transpose, again in each song's new key every kStepsPerTransposition steps): a step then only
    // cuts its crops out.
    torch::Tensor songLatent(const SongData& song, int semitones = 0)
    {
        return m_vae->encodeSong(transposeMel(song.mel, semitones).to(m_device)) * m_model->config().latentScale;
    }

    // How far a song is always heard moved: to C with --one_key, else not at all.
    int fixedMove(const Record& record) const { return m_options.oneKey ? semitonesToC(valueOr<std::string>(record, "key", "")) : 0; }

    // The chunk's songs as step `step` hears them: each in the key drawn for it, from the seed, the
    // chunk and the round of kStepsPerTransposition steps alone (or in C, with --one_key).
    struct HeardSongs {
        std::int64_t chunk = -1;
        std::int64_t round = -1;
        std::vector<torch::Tensor> latents;
        std::vector<Record> records;
    };

    const HeardSongs& heardSongs(std::int64_t index, const std::vector<SongData>& chunk, std::int64_t step)
    {
        if (m_schedule.pool->chunksPerPass() == 1)
            index = 0;  // every pass is the same chunk, read once
        const int range = m_options.transposeRange;
        const std::int64_t round = range > 0 ? step / kStepsPerTransposition : 0;
        if (index == m_heard.chunk && round == m_heard.round)
            return m_heard;
        m_heard = {index, round, {}, {}};
        at::Generator generator = at::detail::createCPUGenerator(stepSeed(stepSeed(m_options.seed + 3, round), index));
        for (const SongData& song : chunk) {
            const Record& record = m_songs.record(song.record);
            const int semitones = range > 0 ? static_cast<int>(torch::randint(-range, range + 1, {1}, generator).item<std::int64_t>()) : fixedMove(record);
            m_heard.latents.push_back(songLatent(song, semitones));
            m_heard.records.push_back(transposedRecord(record, semitones));
        }
        return m_heard;
    }

    torch::Tensor latentCrop(const torch::Tensor& songLatent, std::int64_t melStart) const
    {
        return songLatent.narrow(1, melStart / m_vae->config().timeReduction(), latentFrames());
    }

    torch::Tensor diffusionLoss(LatentDiffusionImpl& model, const torch::Tensor& x0, const torch::Tensor& noise, const torch::Tensor& timesteps,
                                const LdmConditions& conditions)
    {
        const torch::Tensor alphaBar = m_noise.alphaBars(timesteps);
        const torch::Tensor xt = addNoise(x0, noise, alphaBar);
        const torch::Tensor output = model.forward(xt, timesteps.to(torch::kFloat32) / m_noise.trainSteps(), conditions);
        return torch::mse_loss(output, trainingTarget(model.config().prediction, x0, noise, alphaBar));
    }

    void writeAudible(const std::filesystem::path& path, const torch::Tensor& melDb)
    {
        if (m_vocoder)
            writePreview(path, m_vocoder->forward(melDb.unsqueeze(0).to(torch::kCPU))[0]);
        else
            writeGriffinLimPreview(path, melDb);
    }

    LatentDiffusion m_model;
    LatentDiffusion m_ema;
    AudioVae m_vae;
    Vocoder m_vocoder;
    const CropSchedule& m_schedule;
    const TrainingSongs& m_songs;
    TrainOptions m_options;
    torch::Device m_device;
    NoiseSchedule m_noise;
    std::vector<HeldOutCrop> m_held;
    HeardSongs m_heard;
};

// The factor that brings the VAE's latents to unit variance, measured on the first training crops.
double latentScaleOf(AudioVae& vae, const CropSchedule& schedule, const TrainOptions& options, int melFrames, const torch::Device& device)
{
    torch::NoGradGuard noGrad;
    std::vector<torch::Tensor> latents;
    for (std::int64_t step = 0; step < 4; ++step)
        latents.push_back(vae->encodeMean(batchesOf(schedule.crops(options, melFrames, step), options.batchSize).front().first.to(device)));
    const double deviation = torch::cat(latents).std().item<double>();
    return deviation > 1e-6 ? 1.0 / deviation : 1.0;
}

// The line from a section's energy to the level of the energy curve under it, fitted on the first
// training crops.
EnergyCurveLine energyCurveLineOf(const CropSchedule& schedule, const TrainingSongs& songs, const TrainOptions& options, int melFrames)
{
    std::vector<double> energies;
    std::vector<double> levels;
    double levelSum = 0.0;
    int crops = 0;
    for (std::int64_t step = 0; step < kEnergyFitSteps; ++step) {
        const std::vector<SongData>& chunk = schedule.pool->chunk(step / schedule.stepsPerChunk);
        for (const SectionCrop& crop : sectionCrops(chunk, songs, options.batchSize, melFrames, options.seed, step)) {
            const SongData& song = chunk[crop.song];
            const double level = energyCurveOf(song.mel.narrow(1, crop.startFrame, melFrames), 1).item<double>();
            levelSum += level;
            ++crops;
            const Record& record = songs.record(song.record);
            const std::optional<std::size_t> section = sectionAt(record, static_cast<double>(crop.startFrame) / 100.0);
            if (section && record[field::kSegments][*section].value("energy", Json()).is_number()) {
                energies.push_back(record[field::kSegments][*section]["energy"].get<double>());
                levels.push_back(level);
            }
        }
    }
    return fitEnergyCurveLine(energies, levels, levelSum / std::max(1, crops));
}

}  // namespace

TrainSummary trainLatentDiffusion(const TrainOptions& options, const JobControl& control)
{
    const torch::Device device = deviceNamed(options.device);
    AudioVae vae = loadVae(vaeCheckpointOf(options));
    vae->to(device);
    LdmConfig config = ldmConfigOf(options, vae->config());
    const int latentFrames = config.unet.timeReduction() * (options.latentCropFrames / config.unet.timeReduction());
    const int melFrames = latentFrames * vae->config().timeReduction();
    TrainOptions vocoderRun = options;
    vocoderRun.phase = 1;
    vocoderRun.model = PhaseOneModel::Vocoder;
    const std::filesystem::path vocoderPath = runFolder(vocoderRun) / "checkpoints/best.safetensors";
    Vocoder vocoder = std::filesystem::exists(vocoderPath) ? loadVocoder(vocoderPath) : Vocoder(nullptr);

    const TrainingSongs songs(options, SongNeeds::Features);
    const std::vector<std::size_t> train = songs.train(melFrames);
    const std::vector<std::size_t> held = songs.validation(melFrames);
    if (train.empty() || held.empty())
        throw Error(ErrorKind::InvalidArgument, "Phase 3 needs at least two songs of " + std::to_string(melFrames / 100.0) +
                                                    " s or longer, one to train on and one to check against; " + options.annotations.string() +
                                                    " has " + std::to_string(train.size() + held.size()) + ".");
    const CropSchedule schedule = scheduleCrops(songs, train, options, melFrames);
    if (options.ldmCheckpoint.empty()) {
        config.latentScale = latentScaleOf(vae, schedule, options, melFrames, device);
        config.energyCurve = energyCurveLineOf(schedule, songs, options, melFrames);
    } else {  // a model fine-tuned keeps the scale and the energy line it was trained with
        const LdmConfig tuned = LdmConfig::fromJson(readCheckpointInfo(options.ldmCheckpoint).config);
        config.latentScale = tuned.latentScale;
        config.energyCurve = tuned.energyCurve;
    }
    const double peakRate = options.learningRate > 0 ? options.learningRate : options.preset == "tiny" ? 2e-3 : 2e-4;

    torch::manual_seed(options.seed);
    LatentDiffusion model(config);
    if (!options.ldmCheckpoint.empty())
        loadCheckpoint(options.ldmCheckpoint, {model.ptr().get(), nullptr, nullptr}, config.toJson());
    LatentDiffusion ema(config);
    updateEma(*ema, *model, 0.0);  // a copy to start from
    model->to(device);
    ema->to(device);
    torch::optim::AdamW optimizer(model->parameters(), torch::optim::AdamWOptions(peakRate).weight_decay(1e-2));
    LdmTask task(model, ema, vae, vocoder, schedule, songs, held, options, device);
    TrainingRun run = describeRun(*model, optimizer, config.toJson(), options, songs, {schedule.totalSteps, schedule.stepsPerEpoch}, peakRate);
    run.ema = ema.ptr().get();
    return runTraining(task, run, options, control);
}

}  // namespace muze
