#include "core/training/TrainingLoop.h"

#include "core/audio/AudioDecoder.h"
#include "core/audio/AudioWriter.h"
#include "core/audio/Resampler.h"
#include "core/audio/TimePitch.h"
#include "core/common/Error.h"
#include "core/common/PathText.h"
#include "core/dataset/DatasetBuilder.h"
#include "core/dataset/DatasetFile.h"
#include "core/dataset/FeatureCache.h"
#include "core/dataset/SourceFingerprint.h"
#include "core/dsp/GriffinLim.h"
#include "core/dsp/LogMel.h"
#include "core/training/Distributed.h"
#include "core/training/Transposition.h"

#include <torch/torch.h>

#include <sys/stat.h>

#include <chrono>
#include <cmath>
#include <cstring>
#include <iomanip>
#include <optional>
#include <sstream>

namespace muze {
namespace {

using Json = nlohmann::ordered_json;
using Clock = std::chrono::steady_clock;

constexpr int kHop = 320;  // audio samples per log-mel frame

std::filesystem::path audioFolder(const TrainOptions& options)
{
    if (!options.audioDir.empty())
        return options.audioDir;
    if (const auto settings = readBuildSettings(options.annotations))
        return settings->audioDir;
    throw Error(ErrorKind::NotFound, "Which folder holds the songs of " + options.annotations.string() +
                                         " is not recorded beside it; give it with --audio_dir.");
}

torch::Tensor floatTensor(const FloatMatrix& matrix)
{
    return torch::from_blob(const_cast<float*>(matrix.values.data()), {matrix.rows, matrix.cols}, torch::kFloat32).clone();
}

}  // namespace

TrainingSongs::TrainingSongs(const TrainOptions& options, SongNeeds needs) : m_options(options), m_needs(needs)
{
    m_records = readDataset(options.annotations);
    if (options.maxTracks && static_cast<std::size_t>(*options.maxTracks) < m_records.size())
        m_records.resize(static_cast<std::size_t>(std::max(0, *options.maxTracks)));
    m_split = splitBySong(m_records, options.validationShare, options.seed);
    const bool withAudio = needs == SongNeeds::FeaturesAndAudio;
    if (withAudio)
        m_audioDir = audioFolder(options);

    const FeatureCache cache(DatasetPaths::forDataset(options.annotations).cache);
    std::vector<std::string> uncached;
    std::vector<std::string> unfound;
    std::string identity;
    for (const auto* side : {&m_split.train, &m_split.validation}) {
        for (std::size_t index : *side) {
            const Record& record = m_records[index];
            const std::string path = valueOr(record, field::kAudioPath, std::string());
            if (needs != SongNeeds::RecordOnly && !cache.isCurrent(trackIdOf(record), contentKeyOf(record)))
                uncached.push_back(path);
            struct stat status {};
            if (withAudio && ::stat(pathFromText(m_audioDir, path).c_str(), &status) != 0)
                unfound.push_back(path);
            identity += path + "\n" + contentKeyOf(record) + "\n";
        }
    }
    if (!uncached.empty())
        throw Error(ErrorKind::NotFound, std::to_string(uncached.size()) + " songs of " + options.annotations.string() + " (\"" +
                                             uncached.front() + "\" first) have no features in its cache; run `muze build-dataset` on "
                                             "the dataset again to compute them.");
    if (!unfound.empty())
        throw Error(ErrorKind::NotFound, std::to_string(unfound.size()) + " songs of " + options.annotations.string() + " (\"" +
                                             unfound.front() + "\" first) are not in " + m_audioDir.string() +
                                             "; give the folder that holds them with --audio_dir.");
    m_datasetHash = std::to_string(stableHash(identity));
}

std::vector<std::size_t> TrainingSongs::longEnough(const std::vector<std::size_t>& records, int minFrames) const
{
    std::vector<std::size_t> kept;
    for (std::size_t index : records)
        if (framesOf(index) >= minFrames)
            kept.push_back(index);
    return kept;
}

std::int64_t TrainingSongs::framesOf(std::size_t record) const
{
    return static_cast<std::int64_t>(valueOr(m_records[record], "duration", 0.0) * 100.0);
}

std::int64_t TrainingSongs::bytesOf(std::size_t record) const
{
    const std::int64_t frames = framesOf(record) + 1;
    return frames * 128 * 4 + (m_needs == SongNeeds::FeaturesAndAudio ? frames * kHop * 4 : 0);
}

SongData TrainingSongs::load(std::size_t index) const
{
    const Record& record = m_records[index];
    SongData song;
    song.record = index;
    song.audioPath = valueOr(record, field::kAudioPath, std::string());
    const auto features = FeatureCache(DatasetPaths::forDataset(m_options.annotations).cache).load(trackIdOf(record), contentKeyOf(record));
    if (!features)
        throw Error(ErrorKind::NotFound, "The cached features of \"" + song.audioPath + "\" went missing during training; run `muze "
                                         "build-dataset` on " + m_options.annotations.string() + " again.");
    song.mel = floatTensor(features->logMel);
    if (m_needs == SongNeeds::FeaturesAndAudio) {
        // Decoded as the analysis decoded it, so that each mel frame lies over its own samples.
        DecodeOptions decode;
        decode.channels = ChannelMode::UpToStereo;
        AudioBuffer mono = mixToMono(decodeAudioFile(pathFromText(m_audioDir, song.audioPath), decode).audio);
        // --one_key: the song as a one-key model's songs are made, in C and moved by Rubber Band.
        if (const int move = m_options.oneKey ? semitonesToC(valueOr<std::string>(record, "key", "")) : 0; move != 0) {
            mono.samples = stretchAndShift(mono.samples, mono.sampleRate, mono.samples.size(), std::pow(2.0, move / 12.0));
            song.mel = floatTensor(logMelSpectrogram(mono.samples.data(), static_cast<std::int64_t>(mono.samples.size()), LogMelParams{}));
        }
        song.audio = torch::zeros({song.mel.size(1) * kHop});
        const std::int64_t length = std::min<std::int64_t>(song.audio.size(0), mono.frames());
        std::memcpy(song.audio.data_ptr<float>(), mono.samples.data(), static_cast<std::size_t>(length) * sizeof(float));
    }
    return song;
}

std::vector<Crop> trainingCrops(const std::vector<SongData>& songs, int count, int frames, std::uint64_t seed, std::int64_t step)
{
    at::Generator generator = at::detail::createCPUGenerator(stepSeed(seed, step));
    std::vector<Crop> crops;
    for (int i = 0; i < count; ++i) {
        const SongData& song = songs[static_cast<std::size_t>(torch::randint(static_cast<std::int64_t>(songs.size()), {1}, generator).item<std::int64_t>())];
        const std::int64_t start = torch::randint(song.mel.size(1) - frames + 1, {1}, generator).item<std::int64_t>();
        Crop crop{song.mel.narrow(1, start, frames), {}};
        if (song.audio.defined())
            crop.audio = song.audio.narrow(0, start * kHop, static_cast<std::int64_t>(frames) * kHop);
        crops.push_back(crop);
    }
    return crops;
}

std::vector<Crop> validationCrops(const std::vector<SongData>& songs, int perSong, int frames)
{
    std::vector<Crop> crops;
    for (const SongData& song : songs) {
        const std::int64_t room = song.mel.size(1) - frames;
        for (int k = 0; k < perSong; ++k) {
            const std::int64_t start = room * k / std::max(1, perSong - 1);
            Crop crop{song.mel.narrow(1, start, frames).clone(), {}};
            if (song.audio.defined())
                crop.audio = song.audio.narrow(0, start * kHop, static_cast<std::int64_t>(frames) * kHop).clone();
            crops.push_back(crop);
        }
    }
    return crops;
}

std::vector<std::pair<torch::Tensor, torch::Tensor>> batchesOf(const std::vector<Crop>& crops, int size)
{
    std::vector<std::pair<torch::Tensor, torch::Tensor>> batches;
    for (std::size_t i = 0; i < crops.size(); i += static_cast<std::size_t>(size)) {
        std::vector<torch::Tensor> mels;
        std::vector<torch::Tensor> audio;
        for (std::size_t k = i; k < std::min(crops.size(), i + static_cast<std::size_t>(size)); ++k) {
            mels.push_back(crops[k].mel);
            if (crops[k].audio.defined())
                audio.push_back(crops[k].audio);
        }
        batches.emplace_back(torch::stack(mels), audio.empty() ? torch::Tensor() : torch::stack(audio));
    }
    return batches;
}

std::uint64_t stepSeed(std::uint64_t seed, std::int64_t step)
{
    return stableHash(std::to_string(seed) + "/" + std::to_string(step));
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

std::string stepName(std::int64_t step)
{
    std::ostringstream name;
    name << "step-" << std::setw(8) << std::setfill('0') << step;
    return name.str();
}

Json trainingJson(const TrainOptions& options, double learningRate, std::int64_t totalSteps)
{
    return {{"seed", std::to_string(options.seed)}, {"batch_size", options.batchSize}, {"lr", learningRate},
            {"crop_frames", options.cropFrames},    {"warmup_steps", options.warmupSteps}, {"total_steps", totalSteps},
            {"gradient_clip", options.gradientClip}, {"validation_share", options.validationShare}, {"cfg_dropout", options.cfgDropout},
            {"voice_dropout", options.voiceDropout}, {"ema_decay", options.emaDecay}, {"latent_crop_frames", options.latentCropFrames},
            {"transpose", options.transposeRange}, {"one_key", options.oneKey}};
}

TrainingRun describeRun(torch::nn::Module& model, torch::optim::AdamW& optimizer, const Json& config, const TrainOptions& options,
                        const TrainingSongs& songs, RunLength length, double peakRate)
{
    TrainingRun run;
    run.model = &model;
    run.optimizer = &optimizer;
    run.info.config = config;
    run.info.preset = options.preset;
    run.info.phase = options.phase;
    run.info.datasetHash = songs.datasetHash();
    run.info.training = trainingJson(options, peakRate, length.totalSteps);
    run.folder = runFolder(options);
    run.totalSteps = length.totalSteps;
    run.stepsPerEpoch = length.stepsPerEpoch;
    run.peakRate = peakRate;
    return run;
}

namespace {

// The step's loss, backward, clipping and the optimizer's step: the gradient norm, or nothing when
// the guard skips a non-finite loss.
struct StepOutcome {
    double loss = 0.0;
    double gradientNorm = 0.0;
    Json parts = Json::object();
};

// In a distributed run the losses are the ranks' means, so that every rank makes the same choice
// of guard, and the gradients are averaged before clipping.
StepOutcome takeStep(TrainingTask& task, TrainingRun& run, NonFiniteGuard& guard, double clip, std::int64_t step, ProcessGroup* group)
{
    run.optimizer->zero_grad();
    const LossTerms loss = task.loss(step);
    std::vector<double> values{loss.total.item<double>()};
    for (const auto& part : loss.parts)
        values.push_back(part.second.item<double>());
    if (group)
        values = group->average(values);
    StepOutcome outcome;
    outcome.loss = values[0];
    for (std::size_t i = 0; i < loss.parts.size(); ++i)
        outcome.parts[loss.parts[i].first] = values[i + 1];
    if (guard.accept(outcome.loss)) {
        loss.total.backward();
        if (group)
            group->averageGradients(*run.model);
        outcome.gradientNorm = torch::nn::utils::clip_grad_norm_(run.model->parameters(), clip);
        run.optimizer->step();
        task.afterOptimizerStep(step);
    }
    return outcome;
}

// With --max_minutes and no --max_steps, a run's length comes from its speed: once the first steps
// are timed, the learning rate's cosine is fitted to the steps the time allows, and the checkpoints
// record that length so that a resumed run keeps it.
class LengthByTime {
public:
    explicit LengthByTime(const TrainOptions& options)
        : m_active(options.maxMinutes > 0 && options.maxSteps == 0), m_seconds(options.maxMinutes * 60)
    {
    }

    // The options a resumed run must share with its checkpoint: all but a length planned by time.
    static Json comparable(Json training)
    {
        training.emplace("transpose", 0);  // checkpoints from before --transpose heard each song in its own key
        training.emplace("one_key", false);
        if (training.value(kFromTime, false)) {
            training.erase("total_steps");
            training.erase(kFromTime);
        }
        return training;
    }

    void adopt(const Json& resumedTraining, TrainingRun& run)
    {
        if (!m_active || !resumedTraining.value(kFromTime, false))
            return;
        run.totalSteps = resumedTraining.at("total_steps").get<std::int64_t>();
        run.info.training = resumedTraining;
        m_planned = true;
    }

    void afterStep(std::int64_t step, double elapsedSeconds, TrainingRun& run)
    {
        if (!m_active || m_planned)
            return;
        if (m_timedFrom < 0) {  // the first step pays for warming up: time from the second
            m_timedFrom = step;
            m_timedSince = elapsedSeconds;
            return;
        }
        if (step - m_timedFrom < kTimedSteps)
            return;
        const double rate = static_cast<double>(step - m_timedFrom) / std::max(1e-6, elapsedSeconds - m_timedSince);
        // A tenth of the time is left for validations, previews and checkpoints.
        const auto affordable = step + static_cast<std::int64_t>(0.9 * rate * std::max(0.0, m_seconds - elapsedSeconds));
        run.totalSteps = std::clamp(affordable, step + 1, run.totalSteps);
        run.info.training["total_steps"] = run.totalSteps;
        run.info.training[kFromTime] = true;
        m_planned = true;
    }

private:
    static constexpr const char* kFromTime = "total_steps_from_time";
    static constexpr std::int64_t kTimedSteps = 20;
    bool m_active;
    double m_seconds;
    bool m_planned = false;
    std::int64_t m_timedFrom = -1;
    double m_timedSince = 0.0;
};

// The options a run was started with that differ from those asked of it now, as "batch_size 4, not 2".
std::string optionsChanged(const Json& started, const Json& asked)
{
    std::string changes;
    const auto describe = [](const Json& value) { return value.is_null() ? std::string("none") : value.dump(); };
    for (const auto& [name, value] : started.items())
        if (asked.value(name, Json()) != value)
            changes += (changes.empty() ? "" : ", ") + name + " " + describe(value) + ", not " + describe(asked.value(name, Json()));
    for (const auto& [name, value] : asked.items())
        if (!started.contains(name))
            changes += (changes.empty() ? "" : ", ") + name + " none, not " + describe(value);
    return changes;
}

// A hash of every parameter's bytes: equal on ranks that hold the same weights.
std::uint64_t fingerprintOf(torch::nn::Module& model)
{
    std::string bytes;
    for (const torch::Tensor& parameter : model.parameters()) {
        const torch::Tensor values = parameter.detach().to(torch::kCPU).contiguous();
        bytes.append(static_cast<const char*>(values.data_ptr()), static_cast<std::size_t>(values.numel()) * values.element_size());
    }
    return stableHash(bytes);
}

void setLearningRate(torch::optim::AdamW& optimizer, double rate)
{
    for (auto& group : optimizer.param_groups())
        static_cast<torch::optim::AdamWOptions&>(group.options()).lr(rate);
}

}  // namespace

TrainSummary runTraining(TrainingTask& task, TrainingRun run, const TrainOptions& options, const JobControl& control)
{
    std::unique_ptr<ProcessGroup> group;
    if (options.distributed.distributed())
        group = std::make_unique<ProcessGroup>(options.distributed);
    const bool writes = options.distributed.writes();
    CheckpointFolder checkpoints(run.folder / "checkpoints", options.keepCheckpoints);
    const CheckpointParts parts{run.model, run.ema, run.optimizer};
    std::int64_t step = 0;
    LengthByTime length(options);
    if (options.resume) {
        const auto latest = checkpoints.latest();
        if (!latest)
            throw Error(ErrorKind::NotFound, "There is no checkpoint to resume in " + (run.folder / "checkpoints").string() + ".");
        const CheckpointInfo resumed = loadCheckpoint(*latest, parts, run.info.config);
        const std::string changed = optionsChanged(LengthByTime::comparable(resumed.training), LengthByTime::comparable(run.info.training));
        if (!changed.empty())
            throw Error(ErrorKind::InvalidArgument, "The run in " + run.folder.string() + " was started with other options (" + changed +
                                                        "): resume it with the same ones, or delete the folder to start it again.");
        step = resumed.step;
        length.adopt(resumed.training, run);
    }
    if (group) {
        group->broadcastFromFirst(*run.model);
        if (run.ema)
            group->broadcastFromFirst(*run.ema);
    }

    std::optional<MetricsLog> log;
    if (writes) {
        std::filesystem::create_directories(run.folder);
        log.emplace(run.folder / "metrics.jsonl");
    }
    NonFiniteGuard guard(options.nonFiniteLimit);
    TrainSummary summary;
    bool validatedOnce = false;
    const auto validateAndSave = [&] {
        if (!writes)
            return;
        Json entry{{"step", step}, {"epoch", step / run.stepsPerEpoch}};
        {
            torch::NoGradGuard noGrad;
            run.model->eval();
            entry.update(task.validate());
            task.writePreviews(step);
            run.model->train();
        }
        const double loss = entry.at("validation_loss").get<double>();
        if (!validatedOnce)
            summary.firstValidationLoss = loss;
        validatedOnce = true;
        summary.lastValidationLoss = loss;
        summary.lastValidation = entry;
        log->append(entry);
        run.info.step = step;
        run.info.epoch = step / run.stepsPerEpoch;
        run.info.validationLoss = loss;
        summary.checkpoint = checkpoints.save(parts, run.info);
    };
    validateAndSave();

    const auto started = Clock::now();
    auto lastLog = started;
    std::int64_t stepsSinceLog = 0;
    Clock::duration paused{};
    const auto elapsed = [&] { return std::chrono::duration<double>(Clock::now() - started - paused).count(); };
    // The ranks of a distributed run stop at the same step and run to the same length (the shortest
    // any of them planned): they agree on both before each step.
    const auto agreeToStop = [&](bool stop) {
        if (!group)
            return stop;
        const std::vector<double> agreed = group->maximum({stop ? 1.0 : 0.0, -static_cast<double>(run.totalSteps)});
        if (const auto total = static_cast<std::int64_t>(-agreed[1]); total != run.totalSteps) {
            run.totalSteps = total;
            run.info.training["total_steps"] = total;
        }
        return agreed[0] > 0;
    };
    while (step < run.totalSteps) {
        if (control.isPaused()) {
            const auto since = Clock::now();
            control.report("paused", static_cast<double>(step) / static_cast<double>(run.totalSteps));
            control.waitWhilePaused();
            const auto held = Clock::now() - since;
            paused += held;
            lastLog += held;
        }
        if (agreeToStop(control.isCancelled() || (options.maxMinutes > 0 && elapsed() > options.maxMinutes * 60))) {
            validateAndSave();
            control.throwIfCancelled();
            break;
        }
        const double rate = warmupCosineLearningRate(step, options.warmupSteps, run.totalSteps, run.peakRate, run.peakRate * 0.01);
        setLearningRate(*run.optimizer, rate);
        const StepOutcome outcome = takeStep(task, run, guard, options.gradientClip, step, group.get());
        ++step;
        ++stepsSinceLog;
        summary.steps = step;
        length.afterStep(step, elapsed(), run);
        if (step % options.logEvery == 0 || step == run.totalSteps) {
            const double seconds = std::chrono::duration<double>(Clock::now() - lastLog).count();
            Json entry{{"step", step}, {"epoch", step / run.stepsPerEpoch}, {"loss", outcome.loss}};
            entry.update(outcome.parts);
            entry.update(Json{{"lr", rate},
                              {"grad_norm", outcome.gradientNorm},
                              {"steps_per_s", stepsSinceLog / seconds},
                              {"examples_per_s", stepsSinceLog * options.batchSize * options.distributed.worldSize / seconds},
                              {"skipped_steps", guard.skipped()}});
            if (log)
                log->append(entry);
            lastLog = Clock::now();
            stepsSinceLog = 0;
        }
        if (step % options.validateEvery == 0 || step == run.totalSteps)
            validateAndSave();
        control.report("training", static_cast<double>(step) / static_cast<double>(run.totalSteps));
    }
    summary.steps = step;
    summary.weightsFingerprint = fingerprintOf(*run.model);
    return summary;
}

}  // namespace muze

namespace muze {

std::vector<Crop> CropSchedule::crops(const TrainOptions& options, int frames, std::int64_t step, BatchShare share) const
{
    std::vector<Crop> whole = trainingCrops(pool->chunk(step / stepsPerChunk), static_cast<int>(share.whole(options.batchSize)), frames, options.seed, step);
    const auto first = whole.begin() + share.first(options.batchSize);
    return {first, first + options.batchSize};
}

torch::Tensor shareOf(const torch::Tensor& whole, BatchShare share, std::int64_t perRank)
{
    return whole.narrow(0, share.first(perRank), perRank);
}

CropSchedule scheduleCrops(const TrainingSongs& songs, const std::vector<std::size_t>& train, const TrainOptions& options, int frames)
{
    std::vector<std::int64_t> bytes;
    std::int64_t trainFrames = 0;
    for (std::size_t record : train) {
        bytes.push_back(songs.bytesOf(record));
        trainFrames += songs.framesOf(record);
    }
    CropSchedule schedule;
    schedule.pool = std::make_unique<SongPool>(
        bytes, [&songs, train](std::size_t song) { return songs.load(train[song]); }, options.memoryBudgetBytes, options.seed);
    const std::int64_t cropsPerStep = static_cast<std::int64_t>(frames) * options.distributed.share().whole(options.batchSize);
    schedule.stepsPerEpoch = std::max<std::int64_t>(1, trainFrames / cropsPerStep);
    schedule.stepsPerChunk = std::max<std::int64_t>(1, schedule.stepsPerEpoch / schedule.pool->chunksPerPass());
    schedule.totalSteps = options.maxSteps > 0 ? options.maxSteps : schedule.stepsPerEpoch * options.epochs;
    return schedule;
}

std::vector<Crop> heldOutCrops(const TrainingSongs& songs, const std::vector<std::size_t>& validation, int perSong, int frames)
{
    std::vector<Crop> crops;
    for (std::size_t record : validation) {
        const std::vector<Crop> some = validationCrops({songs.load(record)}, perSong, frames);
        crops.insert(crops.end(), some.begin(), some.end());
    }
    return crops;
}

void writePreview(const std::filesystem::path& path, const torch::Tensor& waveform)
{
    const torch::Tensor samples = waveform.detach().to(torch::kCPU).to(torch::kFloat32).contiguous();
    AudioBuffer audio;
    audio.sampleRate = kModelSampleRate;
    audio.channels = 1;
    audio.samples.assign(samples.data_ptr<float>(), samples.data_ptr<float>() + samples.numel());
    std::filesystem::create_directories(path.parent_path());
    writeAudioFile(path, audio, {AudioFileType::Wav, SampleFormat::Pcm16});
}

void writeGriffinLimPreview(const std::filesystem::path& path, const torch::Tensor& melDb)
{
    std::filesystem::create_directories(path.parent_path());
    writeAudioFile(path, invertLogMel(toMatrix(melDb), LogMelParams{}), {AudioFileType::Wav, SampleFormat::Pcm16});
}

}  // namespace muze
