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

std::optional<double> integratedLoudness(const AudioBuffer& audio, std::int64_t first, std::int64_t end)
{
    if (end < 0 || end > audio.frames())
        end = audio.frames();
    first = std::clamp<std::int64_t>(first, 0, end);
    if (audio.channels <= 0 || audio.sampleRate <= 0)
        return std::nullopt;
    std::unique_ptr<ebur128_state, Ebur128Destroyer> state(
        ebur128_init(static_cast<unsigned>(audio.channels), static_cast<unsigned long>(audio.sampleRate), EBUR128_MODE_I));
    if (!state)
        throw Error(ErrorKind::Io, "libebur128 could not start a loudness measurement.");
    if (audio.channels == 1)  // a mono signal is heard on both speakers
        ebur128_set_channel(state.get(), 0, EBUR128_DUAL_MONO);
    if (end > first && ebur128_add_frames_float(state.get(), audio.samples.data() + first * audio.channels, static_cast<std::size_t>(end - first)) != EBUR128_SUCCESS)
        throw Error(ErrorKind::Io, "libebur128 could not measure the loudness.");
    double lufs = 0.0;
    if (ebur128_loudness_global(state.get(), &lufs) != EBUR128_SUCCESS || !std::isfinite(lufs))
        return std::nullopt;
    return lufs;
}

double energyFromLoudness(std::optional<double> lufs)
{
    if (!lufs)
        return 0.0;
    return std::clamp((*lufs + 40.0) / 35.0, 0.0, 1.0);
}

}  // namespace muze
