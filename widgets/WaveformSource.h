#pragma once

#include <cstdint>

namespace muze {

// What WaveformView and WaveformOverview draw from; the application adapts its audio to it.
// Implementations must be safe to read from the GUI thread while they exist.
class WaveformSource {
public:
    struct Range {
        float min = 0.0f;
        float max = 0.0f;
    };

    virtual ~WaveformSource() = default;
    virtual int channels() const = 0;
    virtual int sampleRate() const = 0;  // Hz
    virtual std::int64_t frames() const = 0;
    // The extent of `channel` over frames [begin, end).
    virtual Range range(int channel, std::int64_t begin, std::int64_t end) const = 0;
    virtual float sample(int channel, std::int64_t frame) const = 0;
};

}  // namespace muze
