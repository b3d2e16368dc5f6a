#pragma once

#include "core/models/AudioVae.h"
#include "core/models/CompositionPlanner.h"
#include "core/models/LatentDiffusion.h"
#include "core/models/Vocoder.h"

#include <filesystem>
#include <string>
#include <vector>

namespace muze {

// A trained model from its checkpoint, built from the config the file records, in eval mode. Throws
// Error naming the file when it is not a checkpoint of that model or is damaged.
AudioVae loadVae(const std::filesystem::path& checkpoint);
Vocoder loadVocoder(const std::filesystem::path& checkpoint);
CompositionPlanner loadPlanner(const std::filesystem::path& checkpoint);
// Phase 3's model with its EMA weights: what training previews and keeps as its best.
LatentDiffusion loadLatentDiffusion(const std::filesystem::path& checkpoint);

// What generation needs of a model folder (`muze train --out_dir`): each part it has a best
// checkpoint of (vae, vocoder, planner, ldm) as weights alone in half precision (saveWeights), at
// the same place under `to`, so that `to` is a model folder too. Phase 3's are its EMA weights.
// Returns the parts written; Error when `from` has no VAE or no latent diffusion model.
std::vector<std::string> exportModelFolder(const std::filesystem::path& from, const std::filesystem::path& to);

}  // namespace muze
