#pragma once

#include "core/audio/AudioBuffer.h"
#include "core/common/JobControl.h"

#include <cstdint>
#include <memory>
#include <vector>

namespace muze {

// The mean of all channels, as librosa's to_mono.
AudioBuffer mixToMono(const AudioBuffer& audio);
// The same for `frames` interleaved frames of `channels` samples, written to `out`.
void mixToMono(const float* interleaved, std::int64_t frames, int channels, float* out);

// FFmpeg's SoX resampler (high quality) over audio that arrives a block at a time; at equal rates
// the input passes unchanged.
//
// Not thread-safe: one resampler belongs to one thread at a time.
class StreamResampler {
public:
    StreamResampler(int channels, int fromRate, int toRate);
    ~StreamResampler();
    StreamResampler(const StreamResampler&) = delete;
    StreamResampler& operator=(const StreamResampler&) = delete;

    // Appends to `out` the output for `frames` more interleaved input frames.
    void push(const float* interleaved, std::int64_t frames, std::vector<float>& out);
    // Appends what the resampler still holds once the input has ended.
    void drain(std::vector<float>& out);

private:
    struct State;
    std::unique_ptr<State> m_state;
};

// The same audio at `targetRate` Hz, through FFmpeg's SoX resampler (high quality). Channels are kept.
// Thread-safe: each call has its own resampler.
AudioBuffer resampleAudio(const AudioBuffer& audio, int targetRate, const JobControl& control = {});

// The same for `frames` mono samples at `sampleRate` Hz, read in place (no copy is made first).
AudioBuffer resampleMono(const float* samples, std::int64_t frames, int sampleRate, int targetRate, const JobControl& control = {});

}  // namespace muze
