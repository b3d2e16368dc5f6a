#pragma once

// The presets' sizes without LibTorch in the header: for `muze models` and the Train page.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace muze {

struct PresetPartSize {
    std::string part;             // vae, vae_checkpointed, vocoder, unet, text_encoder
    std::int64_t parameters = 0;  // counted from the config, without making the weights
    std::int64_t stepBytes = 0;   // one training step at batch 1 (see trainingStepBytes); 0: trains with the unet
};

struct PresetSize {
    std::string preset;
    std::string description;
    std::vector<PresetPartSize> parts;
    std::optional<std::int64_t> referenceParameters;  // the reference's table, where it gives one
};

std::vector<std::string> presetNames();

// Counting the UNets' conditioning makes its modules: about a second for every preset. Off the GUI thread.
std::vector<PresetSize> presetSizes();

}  // namespace muze
