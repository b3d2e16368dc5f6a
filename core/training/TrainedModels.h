#pragma once

#include "core/models/AudioVae.h"
#include "core/models/CompositionPlanner.h"
#include "core/models/LatentDiffusion.h"
#include "core/models/Vocoder.h"

#include <filesystem>

namespace muze {

// A trained model from its checkpoint, built from the config the file records, in eval mode. Throws
// Error naming the file when it is not a checkpoint of that model or is damaged.
AudioVae loadVae(const std::filesystem::path& checkpoint);
Vocoder loadVocoder(const std::filesystem::path& checkpoint);
CompositionPlanner loadPlanner(const std::filesystem::path& checkpoint);
// Phase 3's model with its EMA weights: what training previews and keeps as its best.
LatentDiffusion loadLatentDiffusion(const std::filesystem::path& checkpoint);

}  // namespace muze
