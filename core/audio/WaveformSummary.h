#pragma once

#include "core/audio/AudioBuffer.h"
#include "core/common/JobControl.h"

#include <cstdint>
#include <memory>
#include <vector>

namespace muze {

// The minimum and maximum of each channel over buckets of frames, at zoom levels four times
// coarser each, so a waveform of any length draws at any zoom in time proportional to its width.
// Immutable after construction: safe to read from any number of threads.
class WaveformSummary {
public:
    static constexpr int kBaseBucketFrames = 64;  // frames per bucket at the finest level
    static constexpr int kLevelFactor = 4;

    struct Range {
        float min = 0.0f;
        float max = 0.0f;
    };

    // Keeps `audio` to answer finer zooms than the finest level from the samples themselves.
    explicit WaveformSummary(std::shared_ptr<const AudioBuffer> audio, const JobControl& control = {});

    int channels() const { return m_audio->channels; }
    int sampleRate() const { return m_audio->sampleRate; }
    std::int64_t frames() const { return m_audio->frames(); }
    const std::shared_ptr<const AudioBuffer>& audio() const { return m_audio; }

    // The extent of `channel` over frames [begin, end). Exact from the samples for short spans;
    // for long spans, from the coarsest level whose buckets are at most a quarter of the span, so
    // it may include up to one bucket beyond each end.
    Range range(int channel, std::int64_t begin, std::int64_t end) const;

private:
    using Level = std::vector<Range>;  // buckets, channel-interleaved

    std::shared_ptr<const AudioBuffer> m_audio;
    std::vector<Level> m_levels;
};

}  // namespace muze
