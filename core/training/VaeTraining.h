#pragma once

#include "core/common/JobControl.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace muze {

// One training run's options, as `muze train` takes them (the reference's flags first).
struct TrainOptions {
    int phase = 1;                        // --phase
    std::filesystem::path annotations;    // --annotations: the dataset JSON (its feature cache beside it)
    std::filesystem::path outDir;         // --out_dir: checkpoints/, metrics.jsonl
    std::string preset = "tiny";          // --preset
    int epochs = 50;                      // --epochs
    std::int64_t maxSteps = 0;            // --max_steps: stop here (0: the epochs decide)
    int batchSize = 4;                    // --batch_size
    double learningRate = 0.0;            // --lr (0: the preset's)
    std::uint64_t seed = 0;               // --seed
    std::optional<int> maxTracks;         // --max_tracks: the first N records only
    double maxMinutes = 0.0;              // --max_minutes: stop (with a checkpoint) after this long; 0: no limit
    bool resume = false;                  // --resume: carry on from out_dir's latest checkpoint
    std::string device = "cpu";           // --device cpu|cuda
    int cropFrames = 256;                 // training crops, in 10 ms log-mel frames (2.56 s)
    int warmupSteps = 100;
    double gradientClip = 1.0;            // by global norm
    int logEvery = 10;                    // steps between metrics lines
    int validateEvery = 100;              // steps between validations (and checkpoints)
    int keepCheckpoints = 3;
    double validationShare = 0.1;         // of the songs
    int nonFiniteLimit = 20;              // non-finite losses in a row that stop the run
};

struct TrainSummary {
    std::int64_t steps = 0;               // the step reached (counting resumed ones)
    double firstValidationLoss = 0.0;     // of this run
    double lastValidationLoss = 0.0;
    double melErrorDb = 0.0;              // held-out log-mel mean absolute error at the end
    std::filesystem::path checkpoint;     // the last one written
};

// Phase 1: the AudioVAE on crops of the dataset's cached log-mels (see README, "Training"). At each
// validation a held-out crop's reconstruction is written to OUT_DIR/previews as WAV, made audible
// by Griffin-Lim until a vocoder is trained (the file names say so). Checks
// before it starts that the dataset has what the phase needs, and says what to run when not.
// Reports progress per step and stops on cancel after writing a checkpoint (Error Cancelled).
TrainSummary trainVae(const TrainOptions& options, const JobControl& control = {});

}  // namespace muze
