#include "core/audio/WaveformSummary.h"

#include "core/common/Error.h"

#include <algorithm>
#include <limits>

namespace muze {
namespace {

WaveformSummary::Range merge(WaveformSummary::Range a, WaveformSummary::Range b)
{
    return {std::min(a.min, b.min), std::max(a.max, b.max)};
}

constexpr WaveformSummary::Range kEmpty{std::numeric_limits<float>::infinity(), -std::numeric_limits<float>::infinity()};

}  // namespace

WaveformSummary::WaveformSummary(std::shared_ptr<const AudioBuffer> audio, const JobControl& control) : m_audio(std::move(audio))
{
    if (!m_audio || m_audio->channels < 1)
        throw Error(ErrorKind::InvalidArgument, "A waveform needs audio with at least one channel.");
    const int channels = m_audio->channels;
    const std::int64_t frames = m_audio->frames();

    Level finest(static_cast<std::size_t>((frames + kBaseBucketFrames - 1) / kBaseBucketFrames) * channels, kEmpty);
    constexpr std::int64_t kFramesPerCheck = 1 << 20;
    for (std::int64_t f = 0; f < frames; ++f) {
        const float* frame = m_audio->samples.data() + f * channels;
        Range* bucket = finest.data() + (f / kBaseBucketFrames) * channels;
        for (int c = 0; c < channels; ++c)
            bucket[c] = merge(bucket[c], {frame[c], frame[c]});
        if (f % kFramesPerCheck == kFramesPerCheck - 1) {
            control.throwIfCancelled();
            control.report("waveform", static_cast<double>(f) / static_cast<double>(frames));
        }
    }
    m_levels.push_back(std::move(finest));
    while (m_levels.back().size() > static_cast<std::size_t>(channels)) {
        const Level& finer = m_levels.back();
        const std::size_t finerBuckets = finer.size() / channels;
        Level coarser(((finerBuckets + kLevelFactor - 1) / kLevelFactor) * channels, kEmpty);
        for (std::size_t b = 0; b < finerBuckets; ++b)
            for (int c = 0; c < channels; ++c)
                coarser[(b / kLevelFactor) * channels + c] = merge(coarser[(b / kLevelFactor) * channels + c], finer[b * channels + c]);
        m_levels.push_back(std::move(coarser));
    }
    control.report("waveform", 1.0);
}

WaveformSummary::Range WaveformSummary::range(int channel, std::int64_t begin, std::int64_t end) const
{
    begin = std::clamp<std::int64_t>(begin, 0, frames());
    end = std::clamp<std::int64_t>(end, begin, frames());
    if (end <= begin || channel < 0 || channel >= channels())
        return {};
    const int count = channels();
    const std::int64_t span = end - begin;
    if (span < kBaseBucketFrames * 4) {
        Range result = kEmpty;
        for (std::int64_t f = begin; f < end; ++f) {
            const float sample = m_audio->samples[static_cast<std::size_t>(f * count + channel)];
            result = merge(result, {sample, sample});
        }
        return result;
    }
    std::size_t level = 0;
    std::int64_t bucketFrames = kBaseBucketFrames;
    while (level + 1 < m_levels.size() && bucketFrames * kLevelFactor * 4 <= span) {
        ++level;
        bucketFrames *= kLevelFactor;
    }
    const Level& buckets = m_levels[level];
    Range result = kEmpty;
    for (std::int64_t b = begin / bucketFrames; b <= (end - 1) / bucketFrames; ++b)
        result = merge(result, buckets[static_cast<std::size_t>(b * count + channel)]);
    return result;
}

}  // namespace muze
