#pragma once

// What every phase's training shares: the songs it reads, and the loop around its steps (learning
// rate, clipping, the guard against non-finite losses, metrics, validation, checkpoints, resume,
// time limit and cancel). A phase says only how a step's loss, a validation and a preview are made.

#include "core/dataset/TrackRecord.h"
#include "core/dsp/FloatMatrix.h"
#include "core/training/Checkpoint.h"
#include "core/training/SongPool.h"
#include "core/training/Training.h"
#include "core/training/TrainingParts.h"

#include <torch/nn/module.h>
#include <torch/optim/adamw.h>
#include <torch/types.h>

#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace muze {

// What a phase reads of each song besides its record.
enum class SongNeeds { RecordOnly, Features, FeaturesAndAudio };

// The records a run uses, split by song, with what the phase needs checked before anything trains.
class TrainingSongs {
public:
    // Throws Error(NotFound) saying what to run when a song's features are not cached, or its audio
    // file cannot be found, and the phase needs them.
    TrainingSongs(const TrainOptions& options, SongNeeds needs);

    // Record indices of songs at least `minFrames` long.
    std::vector<std::size_t> train(int minFrames) const { return longEnough(m_split.train, minFrames); }
    std::vector<std::size_t> validation(int minFrames) const { return longEnough(m_split.validation, minFrames); }
    const DataSplit& split() const { return m_split; }

    SongData load(std::size_t record) const;
    std::int64_t bytesOf(std::size_t record) const;   // in memory, once loaded
    std::int64_t framesOf(std::size_t record) const;  // 10 ms log-mel frames
    const Record& record(std::size_t index) const { return m_records[index]; }
    std::string datasetHash() const { return m_datasetHash; }

private:
    std::vector<std::size_t> longEnough(const std::vector<std::size_t>& records, int minFrames) const;

    TrainOptions m_options;
    SongNeeds m_needs;
    std::filesystem::path m_audioDir;
    std::vector<Record> m_records;
    DataSplit m_split;
    std::string m_datasetHash;
};

// Random crops of random songs of one chunk, drawn from (seed, step) alone so that a resumed run
// sees the batches the uninterrupted one would have. Each is [frames] of log-mel, and the audio
// under them when the songs carry it.
struct Crop {
    torch::Tensor mel;    // [melBins, frames]
    torch::Tensor audio;  // [frames · hop], or undefined
};
std::vector<Crop> trainingCrops(const std::vector<SongData>& songs, int count, int frames, std::uint64_t seed, std::int64_t step);
// Evenly spaced crops of each song, the same every time.
std::vector<Crop> validationCrops(const std::vector<SongData>& songs, int perSong, int frames);
// Stacks crops [i, i + size) into batches: mel [B, melBins, frames], audio [B, samples].
std::vector<std::pair<torch::Tensor, torch::Tensor>> batchesOf(const std::vector<Crop>& crops, int size);

// The training songs in a pool within the options' memory budget, and how many steps each chunk trains.
struct CropSchedule {
    std::unique_ptr<SongPool> pool;
    std::int64_t stepsPerChunk = 1;
    std::int64_t stepsPerEpoch = 1;  // a pass over the songs' frames
    std::int64_t totalSteps = 1;     // --max_steps, or the epochs'
    // The crops of `step`'s batch: of one rank's share of it, when a share is given.
    std::vector<Crop> crops(const TrainOptions& options, int frames, std::int64_t step, BatchShare share = {}) const;
};
CropSchedule scheduleCrops(const TrainingSongs& songs, const std::vector<std::size_t>& train, const TrainOptions& options, int frames);
// Evenly spaced crops of each held-out song, read one song at a time.
std::vector<Crop> heldOutCrops(const TrainingSongs& songs, const std::vector<std::size_t>& validation, int perSong, int frames);

// Audible previews, at the model's rate as 16-bit WAV: a waveform, or a log-mel through Griffin-Lim.
void writePreview(const std::filesystem::path& path, const torch::Tensor& waveform);
void writeGriffinLimPreview(const std::filesystem::path& path, const torch::Tensor& melDb);

std::uint64_t stepSeed(std::uint64_t seed, std::int64_t step);
torch::Device deviceNamed(const std::string& name);
FloatMatrix toMatrix(const torch::Tensor& mel);  // [rows, cols] on any device
std::string stepName(std::int64_t step);          // "step-00000120"

struct LossTerms {
    torch::Tensor total;
    std::vector<std::pair<std::string, torch::Tensor>> parts;  // logged by name beside "loss"
};

class TrainingTask {
public:
    virtual ~TrainingTask() = default;
    virtual LossTerms loss(std::int64_t step) = 0;  // step's batch, forward, in training mode
    // {"validation_loss": ..., and any other measures}; called in eval mode without gradients.
    virtual nlohmann::ordered_json validate() = 0;
    virtual void writePreviews(std::int64_t step) = 0;  // called in eval mode without gradients
    virtual void afterOptimizerStep(std::int64_t /*step*/) {}  // the step counted from 0
};

// What a run is, apart from its task: the model and optimizer, the checkpoint's description and the plan.
struct TrainingRun {
    torch::nn::Module* model = nullptr;
    torch::nn::Module* ema = nullptr;  // saved and restored with the model, when the phase keeps one
    torch::optim::AdamW* optimizer = nullptr;
    CheckpointInfo info;  // config, preset, phase, training, datasetHash
    std::filesystem::path folder;  // checkpoints/, metrics.jsonl, previews/
    std::int64_t totalSteps = 0;
    std::int64_t stepsPerEpoch = 1;
    double peakRate = 1e-3;
};

// A run of `options` on `songs`, as its checkpoints describe it.
struct RunLength {
    std::int64_t totalSteps = 1;
    std::int64_t stepsPerEpoch = 1;
};
TrainingRun describeRun(torch::nn::Module& model, torch::optim::AdamW& optimizer, const nlohmann::ordered_json& config,
                        const TrainOptions& options, const TrainingSongs& songs, RunLength length, double peakRate);

// The loop; in a distributed run (options.distributed) every rank runs it in step with the others,
// averaging gradients, and only the first writes metrics, previews and checkpoints.
TrainSummary runTraining(TrainingTask& task, TrainingRun run, const TrainOptions& options, const JobControl& control);

// Rows [share.first(perRank), +perRank) of a tensor drawn for the whole batch.
torch::Tensor shareOf(const torch::Tensor& whole, BatchShare share, std::int64_t perRank);

// The training json a checkpoint records, which a resumed run must match.
nlohmann::ordered_json trainingJson(const TrainOptions& options, double learningRate, std::int64_t totalSteps);

}  // namespace muze
