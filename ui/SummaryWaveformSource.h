#pragma once

#include "core/audio/WaveformSummary.h"
#include "widgets/WaveformSource.h"

#include <memory>

namespace muze {

// Lets the waveform widgets draw a WaveformSummary computed by the loading job.
class SummaryWaveformSource : public WaveformSource {
public:
    explicit SummaryWaveformSource(std::shared_ptr<const WaveformSummary> summary) : m_summary(std::move(summary)) {}

    int channels() const override { return m_summary->channels(); }
    int sampleRate() const override { return m_summary->sampleRate(); }
    std::int64_t frames() const override { return m_summary->frames(); }
    Range range(int channel, std::int64_t begin, std::int64_t end) const override
    {
        const auto r = m_summary->range(channel, begin, end);
        return {r.min, r.max};
    }
    float sample(int channel, std::int64_t frame) const override
    {
        return m_summary->audio()->samples[static_cast<std::size_t>(frame * channels() + channel)];
    }

private:
    std::shared_ptr<const WaveformSummary> m_summary;
};

}  // namespace muze
