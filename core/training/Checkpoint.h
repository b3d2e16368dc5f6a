#pragma once

#include <ATen/core/Generator.h>
#include <nlohmann/json.hpp>
#include <torch/nn/module.h>
#include <torch/optim/adamw.h>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace muze {

// What a checkpoint says about itself, in the safetensors header's metadata, so that a file is
// understood (and refused) before any tensor is read, and loads in Python with `safetensors`.
struct CheckpointInfo {
    nlohmann::ordered_json config = nlohmann::ordered_json::object();  // the model's config
    std::string preset;
    int phase = 0;
    std::int64_t step = 0;
    std::int64_t epoch = 0;
    std::string datasetHash;
    std::string rngState;  // the CPU generator's state, hex; empty: not saved
    nlohmann::ordered_json training = nlohmann::ordered_json::object();  // the run's options (seed, batch, ...)
    std::optional<double> validationLoss;
    // The weights alone, for generation: "model.NAME" tensors in half precision, no EMA or
    // optimizer state. For phase 3 they are the EMA's. A run cannot resume from such a file.
    bool weightsOnly = false;
};

// The parts of a training run a checkpoint holds. Only `model` is required; tensors are named
// "model.NAME", "ema.NAME" and "optimizer.NAME.{exp_avg,exp_avg_sq,step}" after the model's
// parameter and buffer names.
struct CheckpointParts {
    torch::nn::Module* model = nullptr;
    torch::nn::Module* ema = nullptr;        // exponential moving average of the weights (phase 3)
    torch::optim::AdamW* optimizer = nullptr;  // built over model->parameters()
};

// Written atomically (see AtomicFile). Tensors are copied to the CPU; every value must be finite,
// or nothing is written and Error(InvalidArgument) says which tensor is not.
void saveCheckpoint(const std::filesystem::path& path, const CheckpointParts& parts, const CheckpointInfo& info);

// What generation needs of a trained model: `model`'s weights in half precision (a quarter of a
// training checkpoint's size) and `info` (its config), marked weightsOnly. Written atomically.
void saveWeights(const std::filesystem::path& path, const torch::nn::Module& model, CheckpointInfo info);

// Reads the metadata only.
CheckpointInfo readCheckpointInfo(const std::filesystem::path& path);

// Loads a checkpoint into `parts`, all or nothing: the file's config must equal `config`, and every
// tensor `parts` needs must be there with its dtype (or, for float32, half precision) and shape, and
// no other. Otherwise Error
// (Corrupt or InvalidArgument) names the file and what is wrong, and `parts` are unchanged.
CheckpointInfo loadCheckpoint(const std::filesystem::path& path, const CheckpointParts& parts, const nlohmann::ordered_json& config);

// A random generator's state as text for CheckpointInfo::rngState, and back (Error(Corrupt) when the
// text is not one).
std::string generatorState(const at::Generator& generator);
void restoreGeneratorState(at::Generator& generator, const std::string& state);

// A run's checkpoints in one folder: "step-NNNNNNNN.safetensors" for the last `keep`, and
// "best.safetensors" for the lowest validation loss so far.
class CheckpointFolder {
public:
    CheckpointFolder(std::filesystem::path folder, int keep);

    // Writes the step's checkpoint, removes the oldest beyond `keep`, and writes best.safetensors
    // too when info.validationLoss is the lowest seen (in this folder, across runs).
    std::filesystem::path save(const CheckpointParts& parts, const CheckpointInfo& info);
    std::optional<std::filesystem::path> latest() const;
    std::filesystem::path best() const { return m_folder / "best.safetensors"; }

private:
    std::filesystem::path m_folder;
    int m_keep;
};

}  // namespace muze
