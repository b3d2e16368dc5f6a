#include "core/audio/Resampler.h"

#include "core/audio/FfmpegSupport.h"
#include "core/common/Error.h"

extern "C" {
#include <libavutil/channel_layout.h>
#include <libavutil/opt.h>
#include <libswresample/swresample.h>
}

#include <algorithm>
#include <memory>

namespace muze {
namespace {

struct ResamplerFreer {
    void operator()(SwrContext* context) const { swr_free(&context); }
};

std::unique_ptr<SwrContext, ResamplerFreer> makeResampler(int channels, int fromRate, int toRate)
{
    AVChannelLayout layout{};
    av_channel_layout_default(&layout, channels);
    SwrContext* raw = nullptr;
    int status = swr_alloc_set_opts2(&raw, &layout, AV_SAMPLE_FMT_FLT, toRate, &layout, AV_SAMPLE_FMT_FLT, fromRate, 0, nullptr);
    av_channel_layout_uninit(&layout);
    std::unique_ptr<SwrContext, ResamplerFreer> resampler(raw);
    if (status >= 0)
        status = av_opt_set_int(raw, "resampler", SWR_ENGINE_SOXR, 0);
    if (status >= 0)
        status = swr_init(raw);
    if (status < 0)
        throw Error(ErrorKind::Unsupported, "Cannot resample from " + std::to_string(fromRate) + " Hz to " +
                                                std::to_string(toRate) + " Hz: " + ffmpegErrorText(status) + ".");
    return resampler;
}

}  // namespace

AudioBuffer mixToMono(const AudioBuffer& audio)
{
    if (audio.channels == 1)
        return audio;
    AudioBuffer mono;
    mono.sampleRate = audio.sampleRate;
    mono.channels = 1;
    mono.samples.resize(static_cast<std::size_t>(audio.frames()));
    mixToMono(audio.samples.data(), audio.frames(), audio.channels, mono.samples.data());
    return mono;
}

void mixToMono(const float* interleaved, std::int64_t frames, int channels, float* out)
{
    const float scale = 1.0f / static_cast<float>(channels);
    for (std::int64_t f = 0; f < frames; ++f) {
        const float* frame = interleaved + f * channels;
        float sum = 0.0f;
        for (int c = 0; c < channels; ++c)
            sum += frame[c];
        out[f] = sum * scale;
    }
}

struct StreamResampler::State {
    int channels;
    std::unique_ptr<SwrContext, ResamplerFreer> resampler;  // none at equal rates
    std::vector<float> scratch;

    // One call of swr_convert; no input drains the delay line.
    void convert(const float* input, int inputFrames, std::vector<float>& out)
    {
        const auto* source = reinterpret_cast<const uint8_t*>(input);
        const int capacity = swr_get_out_samples(resampler.get(), inputFrames) + 16;
        scratch.resize(static_cast<std::size_t>(capacity) * channels);
        auto* output = reinterpret_cast<uint8_t*>(scratch.data());
        const int produced = swr_convert(resampler.get(), &output, capacity, input != nullptr ? &source : nullptr, inputFrames);
        if (produced < 0)
            throw Error(ErrorKind::Io, "Resampling failed: " + ffmpegErrorText(produced) + ".");
        out.insert(out.end(), scratch.begin(), scratch.begin() + static_cast<long>(produced) * channels);
    }
};

StreamResampler::StreamResampler(int channels, int fromRate, int toRate) : m_state(std::make_unique<State>())
{
    if (toRate <= 0 || fromRate <= 0 || channels <= 0)
        throw Error(ErrorKind::InvalidArgument, "Cannot resample audio without a valid sample rate and channel count.");
    m_state->channels = channels;
    if (fromRate != toRate)
        m_state->resampler = makeResampler(channels, fromRate, toRate);
}

StreamResampler::~StreamResampler() = default;

void StreamResampler::push(const float* interleaved, std::int64_t frames, std::vector<float>& out)
{
    State& s = *m_state;
    if (!s.resampler) {
        out.insert(out.end(), interleaved, interleaved + frames * s.channels);
        return;
    }
    constexpr std::int64_t kChunkFrames = 1 << 16;
    for (std::int64_t start = 0; start < frames; start += kChunkFrames)
        s.convert(interleaved + start * s.channels, static_cast<int>(std::min(kChunkFrames, frames - start)), out);
}

void StreamResampler::drain(std::vector<float>& out)
{
    if (m_state->resampler)
        m_state->convert(nullptr, 0, out);
}

namespace {

// Resamples `frames` interleaved frames of `channels` samples at `sampleRate` Hz.
AudioBuffer resampleInterleaved(const float* samples, std::int64_t frames, int channels, int sampleRate, int targetRate,
                                const JobControl& control)
{
    StreamResampler resampler(channels, sampleRate, targetRate);
    AudioBuffer out;
    out.sampleRate = targetRate;
    out.channels = channels;
    const double ratio = static_cast<double>(targetRate) / sampleRate;
    out.samples.reserve(static_cast<std::size_t>(static_cast<double>(frames) * ratio + 1024) * channels);
    constexpr std::int64_t kChunkFrames = 1 << 16;
    for (std::int64_t start = 0; start < frames; start += kChunkFrames) {
        control.throwIfCancelled();
        const std::int64_t count = std::min(kChunkFrames, frames - start);
        resampler.push(samples + start * channels, count, out.samples);
        control.report("resampling", static_cast<double>(start + count) / static_cast<double>(frames));
    }
    resampler.drain(out.samples);
    return out;
}

}  // namespace

AudioBuffer resampleAudio(const AudioBuffer& audio, int targetRate, const JobControl& control)
{
    if (targetRate == audio.sampleRate && targetRate > 0 && audio.channels > 0)
        return audio;
    return resampleInterleaved(audio.samples.data(), audio.frames(), audio.channels, audio.sampleRate, targetRate, control);
}

AudioBuffer resampleMono(const float* samples, std::int64_t frames, int sampleRate, int targetRate, const JobControl& control)
{
    return resampleInterleaved(samples, frames, 1, sampleRate, targetRate, control);
}

}  // namespace muze
