#include "core/analysis/Loudness.h"

#include "core/common/Error.h"

#include <ebur128.h>

#include <algorithm>
#include <cmath>
#include <memory>

namespace muze {
namespace {

struct Ebur128Destroyer {
    void operator()(ebur128_state* state) const { ebur128_destroy(&state); }
};

}  // namespace

struct LoudnessMeter::State {
    std::unique_ptr<ebur128_state, Ebur128Destroyer> meter;
    int channels;
};

LoudnessMeter::LoudnessMeter(int channels, int sampleRate) : m_state(std::make_unique<State>())
{
    if (channels <= 0 || sampleRate <= 0)
        throw Error(ErrorKind::InvalidArgument, "A loudness measurement needs a channel count and a sample rate.");
    m_state->channels = channels;
    m_state->meter.reset(ebur128_init(static_cast<unsigned>(channels), static_cast<unsigned long>(sampleRate), EBUR128_MODE_I));
    if (!m_state->meter)
        throw Error(ErrorKind::Io, "libebur128 could not start a loudness measurement.");
    if (channels == 1)  // a mono signal is heard on both speakers
        ebur128_set_channel(m_state->meter.get(), 0, EBUR128_DUAL_MONO);
}

LoudnessMeter::~LoudnessMeter() = default;

void LoudnessMeter::add(const float* interleaved, std::int64_t frames)
{
    if (frames > 0 && ebur128_add_frames_float(m_state->meter.get(), interleaved, static_cast<std::size_t>(frames)) != EBUR128_SUCCESS)
        throw Error(ErrorKind::Io, "libebur128 could not measure the loudness.");
}

std::optional<double> LoudnessMeter::integrated() const
{
    double lufs = 0.0;
    if (ebur128_loudness_global(m_state->meter.get(), &lufs) != EBUR128_SUCCESS || !std::isfinite(lufs))
        return std::nullopt;
    return lufs;
}

std::optional<double> integratedLoudness(const AudioBuffer& audio, std::int64_t first, std::int64_t end)
{
    if (end < 0 || end > audio.frames())
        end = audio.frames();
    first = std::clamp<std::int64_t>(first, 0, end);
    if (audio.channels <= 0 || audio.sampleRate <= 0)
        return std::nullopt;
    LoudnessMeter meter(audio.channels, audio.sampleRate);
    meter.add(audio.samples.data() + first * audio.channels, end - first);
    return meter.integrated();
}

double energyFromLoudness(std::optional<double> lufs)
{
    if (!lufs)
        return 0.0;
    return std::clamp((*lufs + 40.0) / 35.0, 0.0, 1.0);
}

}  // namespace muze
