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
    const std::int64_t frames = audio.frames();
    mono.samples.resize(static_cast<std::size_t>(frames));
    const float scale = 1.0f / static_cast<float>(audio.channels);
    for (std::int64_t f = 0; f < frames; ++f) {
        const float* frame = audio.samples.data() + f * audio.channels;
        float sum = 0.0f;
        for (int c = 0; c < audio.channels; ++c)
            sum += frame[c];
        mono.samples[static_cast<std::size_t>(f)] = sum * scale;
    }
    return mono;
}

AudioBuffer resampleAudio(const AudioBuffer& audio, int targetRate, const JobControl& control)
{
    if (targetRate <= 0 || audio.sampleRate <= 0 || audio.channels <= 0)
        throw Error(ErrorKind::InvalidArgument, "Cannot resample audio without a valid sample rate and channel count.");
    if (targetRate == audio.sampleRate)
        return audio;
    auto resampler = makeResampler(audio.channels, audio.sampleRate, targetRate);
    AudioBuffer out;
    out.sampleRate = targetRate;
    out.channels = audio.channels;
    const double ratio = static_cast<double>(targetRate) / audio.sampleRate;
    out.samples.reserve(static_cast<std::size_t>(static_cast<double>(audio.frames()) * ratio + 1024) * audio.channels);

    constexpr std::int64_t kChunkFrames = 1 << 16;
    const std::int64_t totalFrames = audio.frames();
    std::vector<float> scratch;
    // Chunks of input, then one call with no input, which drains the resampler's delay line.
    for (std::int64_t start = 0;;) {
        control.throwIfCancelled();
        const int inputFrames = static_cast<int>(std::min(kChunkFrames, totalFrames - start));
        const bool drain = inputFrames == 0;
        const auto* input = reinterpret_cast<const uint8_t*>(audio.samples.data() + start * audio.channels);
        const int capacity = swr_get_out_samples(resampler.get(), inputFrames) + 16;
        scratch.resize(static_cast<std::size_t>(capacity) * audio.channels);
        auto* output = reinterpret_cast<uint8_t*>(scratch.data());
        const int produced = swr_convert(resampler.get(), &output, capacity, drain ? nullptr : &input, inputFrames);
        if (produced < 0)
            throw Error(ErrorKind::Io, "Resampling failed: " + ffmpegErrorText(produced) + ".");
        out.samples.insert(out.samples.end(), scratch.begin(), scratch.begin() + static_cast<long>(produced) * audio.channels);
        if (drain)
            break;
        start += inputFrames;
        control.report("resampling", static_cast<double>(start) / static_cast<double>(totalFrames));
    }
    return out;
}

}  // namespace muze
