#include "core/training/VaeTraining.h"

#include "core/audio/AudioWriter.h"
#include "core/common/Error.h"
#include "core/dataset/DatasetBuilder.h"
#include "core/dataset/DatasetFile.h"
#include "core/dataset/FeatureCache.h"
#include "core/dataset/SourceFingerprint.h"
#include "core/dsp/GriffinLim.h"
#include "core/models/AudioVae.h"
#include "core/training/Checkpoint.h"
#include "core/training/TrainingParts.h"

#include <torch/torch.h>

#include <chrono>
#include <cmath>
#include <cstring>
#include <iomanip>
#include <sstream>

namespace muze {
namespace {

using Json = nlohmann::ordered_json;
using Clock = std::chrono::steady_clock;

constexpr int kValidationCropsPerSong = 4;

struct VaePreset {
    VaeConfig config;
    double learningRate;
};

VaePreset vaePreset(const std::string& name)
{
    VaePreset preset{VaeConfig{}, 1e-3};
    if (name == "tiny")
        return preset;  // the config's defaults: latent 32, channels 128/192/256, one block a level
    if (name == "small") {
        preset.config.latentDim = 64;
        preset.config.channels = {192, 256, 384};
        preset.config.resBlocksPerLevel = 2;
        preset.learningRate = 5e-4;
        return preset;
    }
    throw Error(ErrorKind::InvalidArgument, "There is no phase-1 preset \"" + name + "\"; choose tiny or small.");
}

// A song's cached log-mel, [melBins, frames] in dB.
struct SongMel {
    std::string audioPath;
    torch::Tensor mel;
};

// The log-mels of `indices`' records from the feature cache. Songs shorter than a crop are skipped;
// a song whose features are not cached stops the run before it starts.
std::vector<SongMel> loadMels(const std::vector<Record>& records, const std::vector<std::size_t>& indices, const FeatureCache& cache,
                              int cropFrames, const std::filesystem::path& annotations)
{
    std::vector<SongMel> songs;
    std::vector<std::string> missing;
    for (std::size_t index : indices) {
        const Record& record = records[index];
        const std::string path = valueOr(record, field::kAudioPath, std::string());
        const auto source = record.find(field::kSource);
        std::optional<CachedFeatures> features;
        if (source != record.end() && source->is_object() && record.contains(field::kTrackId) && record[field::kTrackId].is_number_integer())
            features = cache.load(std::to_string(record[field::kTrackId].get<std::int64_t>()), SourceFingerprint::fromJson(*source).contentKey());
        if (!features) {
            missing.push_back(path);
            continue;
        }
        if (features->logMel.cols < cropFrames)
            continue;
        const FloatMatrix& mel = features->logMel;
        songs.push_back({path, torch::from_blob(const_cast<float*>(mel.values.data()), {mel.rows, mel.cols}, torch::kFloat32).clone()});
    }
    if (!missing.empty())
        throw Error(ErrorKind::NotFound, std::to_string(missing.size()) + " songs of " + annotations.string() + " (\"" + missing.front() +
                                             "\" first) have no features in its cache; run `muze build-dataset` on the dataset again "
                                             "to compute them.");
    return songs;
}

std::uint64_t stepSeed(std::uint64_t seed, std::int64_t step)
{
    return stableHash(std::to_string(seed) + "/" + std::to_string(step));
}

// The batch of step `step`: random crops of random songs, drawn from (seed, step) alone, so that a
// resumed run sees exactly the batches the uninterrupted one would have.  [B, melBins, crop]
torch::Tensor trainingBatch(const std::vector<SongMel>& songs, int batchSize, int cropFrames, std::uint64_t seed, std::int64_t step)
{
    at::Generator generator = at::detail::createCPUGenerator(stepSeed(seed, step));
    std::vector<torch::Tensor> crops;
    for (int i = 0; i < batchSize; ++i) {
        const SongMel& song = songs[static_cast<std::size_t>(torch::randint(static_cast<std::int64_t>(songs.size()), {1}, generator).item<std::int64_t>())];
        const std::int64_t start = torch::randint(song.mel.size(1) - cropFrames + 1, {1}, generator).item<std::int64_t>();
        crops.push_back(song.mel.narrow(1, start, cropFrames));
    }
    return torch::stack(crops);
}

// Fixed crops of every validation song, evenly spaced, in batches.
std::vector<torch::Tensor> validationBatches(const std::vector<SongMel>& songs, int batchSize, int cropFrames)
{
    std::vector<torch::Tensor> crops;
    for (const SongMel& song : songs) {
        const std::int64_t room = song.mel.size(1) - cropFrames;
        for (int k = 0; k < kValidationCropsPerSong; ++k)
            crops.push_back(song.mel.narrow(1, room * k / std::max(1, kValidationCropsPerSong - 1), cropFrames));
    }
    std::vector<torch::Tensor> batches;
    for (std::size_t i = 0; i < crops.size(); i += static_cast<std::size_t>(batchSize))
        batches.push_back(torch::stack(std::vector<torch::Tensor>(crops.begin() + static_cast<std::ptrdiff_t>(i),
                                                                  crops.begin() + static_cast<std::ptrdiff_t>(std::min(crops.size(), i + batchSize)))));
    return batches;
}

struct Validation {
    double loss = 0.0;     // the reconstruction MSE of the normalised log-mel, from the latent's mean
    double melErrorDb = 0.0;
};

Validation validate(AudioVae& model, const std::vector<torch::Tensor>& batches, const torch::Device& device)
{
    torch::NoGradGuard noGrad;
    model->eval();
    double squared = 0.0;
    double absolute = 0.0;
    std::int64_t count = 0;
    for (const torch::Tensor& batch : batches) {
        const torch::Tensor mel = batch.to(device);
        const torch::Tensor decoded = model->decodeToDb(model->encodeMean(mel));
        squared += model->normalise(decoded).sub(model->normalise(mel)).pow(2).sum().item<double>();
        absolute += (decoded - mel).abs().sum().item<double>();
        count += mel.numel();
    }
    model->train();
    return {squared / static_cast<double>(std::max<std::int64_t>(1, count)), absolute / static_cast<double>(std::max<std::int64_t>(1, count))};
}

torch::Device deviceNamed(const std::string& name)
{
    if (name == "cpu")
        return torch::kCPU;
    if (name == "cuda" && torch::cuda::is_available())
        return torch::kCUDA;
    if (name == "cuda")
        throw Error(ErrorKind::Unsupported, "--device cuda needs a LibTorch built with CUDA and a GPU; this build runs on the CPU.");
    throw Error(ErrorKind::InvalidArgument, "--device takes cpu or cuda, not \"" + name + "\".");
}

FloatMatrix toMatrix(const torch::Tensor& mel)
{
    const torch::Tensor cpu = mel.detach().to(torch::kCPU).to(torch::kFloat32).contiguous();
    FloatMatrix matrix(static_cast<int>(cpu.size(0)), static_cast<int>(cpu.size(1)));
    std::memcpy(matrix.values.data(), cpu.data_ptr<float>(), matrix.values.size() * sizeof(float));
    return matrix;
}

// A crop made audible without a trained vocoder: Griffin-Lim, named so in the file name.
void writeGriffinLimPreview(const std::filesystem::path& path, const torch::Tensor& melDb)
{
    std::filesystem::create_directories(path.parent_path());
    writeAudioFile(path, invertLogMel(toMatrix(melDb), LogMelParams{}), {AudioFileType::Wav, SampleFormat::Pcm16});
}

// What the VAE makes of the first held-out crop, at `step`.
void writeReconstructionPreview(AudioVae& model, const torch::Tensor& crop, const std::filesystem::path& folder, std::int64_t step)
{
    torch::NoGradGuard noGrad;
    model->eval();
    const torch::Tensor decoded = model->decodeToDb(model->encodeMean(crop.unsqueeze(0)))[0];
    model->train();
    std::ostringstream name;
    name << "step-" << std::setw(8) << std::setfill('0') << step << "-vae-griffinlim.wav";
    writeGriffinLimPreview(folder / name.str(), decoded);
}

Json trainingJson(const TrainOptions& options, double learningRate, std::int64_t totalSteps)
{
    return {{"seed", std::to_string(options.seed)}, {"batch_size", options.batchSize}, {"lr", learningRate},
            {"crop_frames", options.cropFrames},    {"warmup_steps", options.warmupSteps}, {"total_steps", totalSteps},
            {"gradient_clip", options.gradientClip}, {"validation_share", options.validationShare}};
}

}  // namespace

TrainSummary trainVae(const TrainOptions& options, const JobControl& control)
{
    if (options.phase != 1)
        throw Error(ErrorKind::Unsupported, "Only phase 1 (the VAE) can be trained so far; phases 2 and 3 come with the planner and the UNet.");
    if (options.batchSize < 1 || options.cropFrames < 16)
        throw Error(ErrorKind::InvalidArgument, "The batch size must be at least 1 and a crop at least 16 frames.");
    const torch::Device device = deviceNamed(options.device);
    const VaePreset preset = vaePreset(options.preset);
    const int cropFrames = options.cropFrames / preset.config.timeReduction() * preset.config.timeReduction();

    // The data: a split by song, the log-mels from the cache, checked before anything trains.
    std::vector<Record> records = readDataset(options.annotations);
    if (options.maxTracks && static_cast<std::size_t>(*options.maxTracks) < records.size())
        records.resize(static_cast<std::size_t>(std::max(0, *options.maxTracks)));
    const DataSplit split = splitBySong(records, options.validationShare, options.seed);
    const FeatureCache cache(DatasetPaths::forDataset(options.annotations).cache);
    const std::vector<SongMel> train = loadMels(records, split.train, cache, cropFrames, options.annotations);
    const std::vector<SongMel> held = loadMels(records, split.validation, cache, cropFrames, options.annotations);
    if (train.empty() || held.empty())
        throw Error(ErrorKind::InvalidArgument, "Phase 1 needs at least two songs of " + std::to_string(cropFrames / 100.0) +
                                                    " s or longer, one to train on and one to check against; " + options.annotations.string() +
                                                    " has " + std::to_string(train.size() + held.size()) + ".");
    std::int64_t trainFrames = 0;
    for (const SongMel& song : train)
        trainFrames += song.mel.size(1);
    const std::int64_t stepsPerEpoch = std::max<std::int64_t>(1, trainFrames / (static_cast<std::int64_t>(cropFrames) * options.batchSize));
    const std::int64_t totalSteps = options.maxSteps > 0 ? options.maxSteps : stepsPerEpoch * options.epochs;
    const double peakRate = options.learningRate > 0 ? options.learningRate : preset.learningRate;
    const std::vector<torch::Tensor> heldBatches = validationBatches(held, options.batchSize, cropFrames);

    // The model (its first weights drawn from the seed), its optimizer, and where the run left off.
    torch::manual_seed(options.seed);
    AudioVae model(preset.config);
    model->to(device);
    torch::optim::AdamW optimizer(model->parameters(), torch::optim::AdamWOptions(peakRate).weight_decay(1e-2));
    CheckpointFolder checkpoints(options.outDir / "checkpoints", options.keepCheckpoints);
    CheckpointInfo info;
    info.config = preset.config.toJson();
    info.preset = options.preset;
    info.phase = 1;
    info.training = trainingJson(options, peakRate, totalSteps);
    const CheckpointParts parts{model.ptr().get(), nullptr, &optimizer};
    std::int64_t step = 0;
    if (options.resume) {
        const auto latest = checkpoints.latest();
        if (!latest)
            throw Error(ErrorKind::NotFound, "There is no checkpoint to resume in " + (options.outDir / "checkpoints").string() + ".");
        const CheckpointInfo resumed = loadCheckpoint(*latest, parts, info.config);
        if (resumed.training != info.training)
            throw Error(ErrorKind::InvalidArgument, "The run in " + options.outDir.string() + " was started with other options (" +
                                                        resumed.training.dump() + "); resume it with the same ones.");
        step = resumed.step;
    }

    MetricsLog log(options.outDir / "metrics.jsonl");
    NonFiniteGuard guard(options.nonFiniteLimit);
    TrainSummary summary;
    const auto started = Clock::now();
    auto lastLog = started;
    std::int64_t stepsSinceLog = 0;
    const auto writeCheckpoint = [&](std::optional<double> validationLoss) {
        info.step = step;
        info.epoch = step / stepsPerEpoch;
        info.validationLoss = validationLoss;
        summary.checkpoint = checkpoints.save(parts, info);
    };
    const std::filesystem::path previews = options.outDir / "previews";
    const torch::Tensor previewCrop = heldBatches.front()[0].to(device);
    if (!std::filesystem::exists(previews / "original-griffinlim.wav"))
        writeGriffinLimPreview(previews / "original-griffinlim.wav", previewCrop);
    const auto validateAndSave = [&] {
        const Validation v = validate(model, heldBatches, device);
        writeReconstructionPreview(model, previewCrop, previews, step);
        if (summary.steps == 0 && summary.firstValidationLoss == 0.0)
            summary.firstValidationLoss = v.loss;
        summary.lastValidationLoss = v.loss;
        summary.melErrorDb = v.melErrorDb;
        log.append({{"step", step}, {"epoch", step / stepsPerEpoch}, {"validation_loss", v.loss}, {"validation_mel_error_db", v.melErrorDb}});
        writeCheckpoint(v.loss);
    };
    validateAndSave();

    while (step < totalSteps) {
        if (control.isCancelled() ||
            (options.maxMinutes > 0 && std::chrono::duration<double>(Clock::now() - started).count() > options.maxMinutes * 60)) {
            validateAndSave();
            control.throwIfCancelled();
            break;
        }
        const double rate = warmupCosineLearningRate(step, options.warmupSteps, totalSteps, peakRate, peakRate * 0.01);
        for (auto& group : optimizer.param_groups())
            static_cast<torch::optim::AdamWOptions&>(group.options()).lr(rate);
        const torch::Tensor mel = trainingBatch(train, options.batchSize, cropFrames, options.seed, step).to(device);
        at::Generator noise = at::detail::createCPUGenerator(stepSeed(options.seed + 1, step));
        optimizer.zero_grad();
        const VaeLoss loss = model->loss(model->forward(mel, noise), mel);
        const double total = loss.total.item<double>();
        double gradientNorm = 0.0;
        if (guard.accept(total)) {
            loss.total.backward();
            gradientNorm = torch::nn::utils::clip_grad_norm_(model->parameters(), options.gradientClip);
            optimizer.step();
        }
        ++step;
        ++stepsSinceLog;
        summary.steps = step;
        if (step % options.logEvery == 0 || step == totalSteps) {
            const double seconds = std::chrono::duration<double>(Clock::now() - lastLog).count();
            log.append({{"step", step},
                        {"epoch", step / stepsPerEpoch},
                        {"loss", total},
                        {"reconstruction", loss.reconstruction.item<double>()},
                        {"kl", loss.kl.item<double>()},
                        {"lr", rate},
                        {"grad_norm", gradientNorm},
                        {"steps_per_s", stepsSinceLog / seconds},
                        {"examples_per_s", stepsSinceLog * options.batchSize / seconds},
                        {"skipped_steps", guard.skipped()}});
            lastLog = Clock::now();
            stepsSinceLog = 0;
        }
        if (step % options.validateEvery == 0 || step == totalSteps)
            validateAndSave();
        control.report("training", static_cast<double>(step) / static_cast<double>(totalSteps));
    }
    summary.steps = step;
    return summary;
}

}  // namespace muze
