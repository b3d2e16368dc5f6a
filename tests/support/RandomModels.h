#pragma once

#include "core/generation/SongGenerator.h"

#include <cstdint>
#include <filesystem>
#include <string>

namespace muze::test {

// A model folder of untrained tiny models (vae/ and ldm/ best checkpoints, no vocoder), made in a
// fresh scratch folder of that name: enough to generate with, in seconds, anything but music.
struct RandomModels {
    std::filesystem::path folder;
    ModelFiles files;
};

// A new diffusion model's output layer is zero, so what it predicts does not depend on what it is
// given; `listening`: that layer is random too, and the conditions change what it makes.
RandomModels saveRandomModels(const std::string& name, int latentDim = 32, std::uint64_t seed = 7, bool listening = false);

// An untrained phase-2 planner, saved at `path` as training saves it.
void saveRandomPlanner(const std::filesystem::path& path, std::uint64_t seed = 3);

// An untrained tiny vocoder, saved at `path` as training saves it (as trained with --one_key, when `oneKey`).
void saveRandomVocoder(const std::filesystem::path& path, std::uint64_t seed = 5, bool oneKey = false);

}  // namespace muze::test
