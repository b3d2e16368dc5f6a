#pragma once

#include "core/training/Training.h"

// Reading a training run from its folder while it runs, or after: its metrics log, its checkpoints
// and its previews. No LibTorch: the studio's pages list and plot runs through this.

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace muze {

struct MetricPoint {
    std::int64_t step = 0;
    double time = 0.0;  // seconds since 1970; NaN for a line written without one
    double value = 0.0;
};

struct MetricsRead {
    std::map<std::string, std::vector<MetricPoint>> measures;  // "loss", "validation_loss", "lr", "grad_norm", ...
    std::uint64_t nextOffset = 0;                              // after the last complete line read
    int unreadable = 0;                                        // complete lines that were not a JSON object
};

// The numeric measures of a metrics.jsonl's complete lines from byte `offset` on; a last line still
// being written is left for the next read. A log that is missing reads as empty.
MetricsRead readMetrics(const std::filesystem::path& log, std::uint64_t offset = 0);

// One part of a model (vae, vocoder, planner or ldm), trained or training in its own folder.
struct RunSummary {
    std::filesystem::path folder;
    std::string part;  // the folder's name
    int phase = 0;     // 1 for vae and vocoder, 2 for planner, 3 for ldm
    std::string preset;  // as its latest checkpoint says; empty before the first
    std::int64_t steps = 0;
    std::optional<double> bestValidationLoss;
    std::vector<std::filesystem::path> checkpoints;  // newest first
    std::filesystem::file_time_type lastWritten;     // of its metrics log
};

// The runs in `folder` and in its subfolders one level down (a folder of models), newest first.
// A run is a folder named as a part, with a metrics.jsonl.
std::vector<RunSummary> findRuns(const std::filesystem::path& folder);

// The run's step checkpoints, newest first.
std::vector<std::filesystem::path> runCheckpoints(const std::filesystem::path& runFolder);

// The options that resume the run in `runFolder` as it was started (its part, phase, preset and every
// training option its latest checkpoint records), on `base`'s dataset and device. Throws Error(NotFound)
// when the run has no checkpoint yet, Error(Corrupt) when the checkpoint cannot be read.
TrainOptions optionsToResume(const std::filesystem::path& runFolder, TrainOptions base);

// A preview a run wrote at a step: previews/step-NNNNNNNN-WHAT.wav.
struct RunPreview {
    std::filesystem::path file;
    std::int64_t step = 0;
    std::string what;  // "ddim-griffinlim", "reconstruction-vocoder", ...
};

// A run's previews, in order of step and name; previews of no step ("original-...") come first.
std::vector<RunPreview> findPreviews(const std::filesystem::path& runFolder);

}  // namespace muze
