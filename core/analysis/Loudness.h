#pragma once

#include "core/audio/AudioBuffer.h"

#include <optional>

namespace muze {

// EBU R128 integrated loudness (LUFS) of frames [first, end) through libebur128; nothing for
// silence (which has no loudness) or a stretch shorter than one 400 ms gating block.
std::optional<double> integratedLoudness(const AudioBuffer& audio, std::int64_t first = 0, std::int64_t end = -1);

// The record's `energy`, 0..1, from integrated loudness: (LUFS + 40) / 35, clamped. -40 LUFS (barely
// audible) is 0, -5 LUFS (a loud modern master) is 1, -23 LUFS (broadcast level) is about 0.5.
// Silence is 0.
double energyFromLoudness(std::optional<double> lufs);

}  // namespace muze
