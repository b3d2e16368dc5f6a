#pragma once

#include "core/audio/AudioBuffer.h"
#include "core/common/JobControl.h"

namespace muze {

// The mean of all channels, as librosa's to_mono.
AudioBuffer mixToMono(const AudioBuffer& audio);

// The same audio at `targetRate` Hz, through FFmpeg's SoX resampler (high quality). Channels are kept.
// Thread-safe: each call has its own resampler.
AudioBuffer resampleAudio(const AudioBuffer& audio, int targetRate, const JobControl& control = {});

}  // namespace muze
