#pragma once

#include "core/training/Training.h"

#include <filesystem>

namespace muze {

// What a phase needs of its dataset, and how much of it the dataset has, found before a run starts
// (the run checks again, and refuses with the same facts). Reads the dataset: run it off the GUI thread.
struct PhaseReadiness {
    int songs = 0;            // to train and validate on (include_in_training, within max_tracks)
    int withoutFeatures = 0;  // songs whose cached features are missing or stale (phases 1 and 3 need them)
    int withoutSections = 0;  // songs with no sections (phase 2 learns forms from them)
    bool needsFeatures = false;
    bool needsSections = false;
    bool needsVae = false;               // phase 3 learns the latents of a trained VAE
    std::filesystem::path vaeCheckpoint;  // where phase 3 will look for it
    bool vaeFound = false;

    bool ready() const
    {
        return songs >= 2 && (!needsFeatures || withoutFeatures == 0) && (!needsSections || withoutSections < songs) && (!needsVae || vaeFound);
    }
};

// Throws Error (NotFound, Corrupt) when the dataset cannot be read.
PhaseReadiness checkReadiness(const TrainOptions& options);

// Phase 3's VAE: --vae_checkpoint, or the best one phase 1 trained in the same --out_dir.
std::filesystem::path vaeCheckpointPath(const TrainOptions& options);

}  // namespace muze
