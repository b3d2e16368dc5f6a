#pragma once

#include "core/common/JobControl.h"
#include "core/training/DistributedOptions.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace muze {

// What phase 1 trains: the autoencoder of log-mels, or the vocoder that turns log-mels into sound.
// The two learn from the same crops but not from each other, so they train one after the other.
enum class PhaseOneModel { Vae, Vocoder };

// One training run's options, as `muze train` takes them (the reference's flags first).
struct TrainOptions {
    int phase = 1;                        // --phase
    PhaseOneModel model = PhaseOneModel::Vae;  // --model (phase 1)
    std::filesystem::path annotations;    // --annotations: the dataset JSON (its feature cache beside it)
    std::filesystem::path audioDir;       // --audio_dir: where the songs are (default: the dataset's settings say)
    std::filesystem::path outDir;         // --out_dir: the model's folder, a subfolder for each part (see runFolder)
    std::string preset = "tiny";          // --preset
    int epochs = 50;                      // --epochs
    std::int64_t maxSteps = 0;            // --max_steps: stop here (0: the epochs decide)
    int batchSize = 4;                    // --batch_size
    double learningRate = 0.0;            // --lr (0: the preset's)
    std::uint64_t seed = 0;               // --seed
    std::optional<int> maxTracks;         // --max_tracks: the first N records only
    double maxMinutes = 0.0;              // --max_minutes: stop (with a checkpoint) after this long; 0: no limit
    bool resume = false;                  // --resume: carry on from the latest checkpoint
    std::string device = "cpu";           // --device cpu|cuda
    int cropFrames = 256;                 // training crops, in 10 ms log-mel frames (2.56 s)
    int warmupSteps = 100;
    double gradientClip = 1.0;            // by global norm
    int logEvery = 10;                    // steps between metrics lines
    int validateEvery = 100;              // steps between validations (and checkpoints)
    int keepCheckpoints = 3;
    double validationShare = 0.1;         // of the songs
    int nonFiniteLimit = 20;              // non-finite losses in a row that stop the run
    std::int64_t memoryBudgetBytes = std::int64_t(2) << 30;  // the training songs held in memory at once
    bool gradientCheckpointing = false;   // --gradient_checkpointing: the VAE recomputes its blocks' insides in the backward pass
    // Phase 3.
    std::filesystem::path vaeCheckpoint;  // --vae_checkpoint (default: OUT_DIR/vae/checkpoints/best.safetensors)
    std::filesystem::path ldmCheckpoint;  // --ldm_checkpoint: start from these weights (fine-tuning)
    std::filesystem::path textEncoder;    // --text_encoder: a TorchScript file in place of the built-in text encoder
    double cfgDropout = 0.1;              // --cfg_dropout: examples trained with no conditioning at all
    double voiceDropout = 0.1;            // --voice_dropout: examples trained without their voice
    // --transpose N: each song is heard moved by up to ±N semitones (its log-mel, key, chords and pitch
    // together), drawn anew every few hundred steps; 0 hears each in its own key.
    int transposeRange = 0;
    // --one_key: each song is heard with its tonic moved to C (C major, C minor), so that the model
    // learns one key well; generation moves each section from C to the key it asks for (SongGenerator).
    // Phase 3 moves the log-mel; the vocoder hears the song's sound moved by Rubber Band, as generation
    // moves it, and voices only a model that makes its songs in C.
    bool oneKey = false;
    double emaDecay = 0.999;
    int latentCropFrames = 256;           // 10.24 s at 25 latent frames a second
    DistributedOptions distributed;       // --world_size, --rank, --master_addr, --master_port
};

struct TrainSummary {
    std::int64_t steps = 0;               // the step reached (counting resumed ones)
    double firstValidationLoss = 0.0;     // of this run
    double lastValidationLoss = 0.0;
    nlohmann::ordered_json lastValidation;  // every measure of the last validation, as metrics.jsonl has it
    std::filesystem::path checkpoint;     // the last one written (by the first rank of a distributed run)
    std::uint64_t weightsFingerprint = 0; // a hash of the final weights: the same on every rank of a distributed run
};

// Where a run's checkpoints/, metrics.jsonl and previews/ go: OUT_DIR/vae, vocoder, planner or ldm.
std::filesystem::path runFolder(const TrainOptions& options);

// Trains the phase (and, in phase 1, the model) the options name; see README, "Training". Checks
// before it starts that the dataset has what the phase needs, and says what to run when not.
// Reports progress per step and stops on cancel after writing a checkpoint (Error Cancelled).
//   Phase 1, VAE: crops of the cached log-mels; at each validation a held-out crop's reconstruction
//     is written to previews/ as WAV, through the latest vocoder when one is trained and through
//     Griffin-Lim (the file names say which).
//   Phase 1, vocoder: crops of the cached log-mels and the songs' audio.
//   Phase 2, planner: each song's features and its sections (no cache needed); previews/ gets the
//     plans it proposes for the held-out songs beside their real forms.
//   Phase 3, latent diffusion: crops of the songs' sections through the phase-1 VAE, with their
//     conditioning; previews/ gets DDIM samples of held-out sections' conditions, through the vocoder
//     when one is trained and Griffin-Lim otherwise.
TrainSummary train(const TrainOptions& options, const JobControl& control = {});

}  // namespace muze
