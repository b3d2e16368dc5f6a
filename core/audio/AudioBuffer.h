#pragma once

#include <cstdint>
#include <vector>

namespace muze {

// Decoded audio in memory: float samples, nominally in [-1, 1], interleaved by frame
// (L R L R ... for stereo). A frame is one sample per channel.
struct AudioBuffer {
    int sampleRate = 0;  // Hz
    int channels = 0;
    std::vector<float> samples;

    std::int64_t frames() const { return channels > 0 ? static_cast<std::int64_t>(samples.size()) / channels : 0; }
    double durationSeconds() const { return sampleRate > 0 ? static_cast<double>(frames()) / sampleRate : 0.0; }
    bool empty() const { return samples.empty(); }
};

}  // namespace muze
