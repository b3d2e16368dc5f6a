#pragma once

#include "core/audio/AudioBuffer.h"

#include <cstdint>
#include <memory>
#include <optional>

namespace muze {

// EBU R128 integrated loudness (LUFS) of audio that arrives a block at a time, through libebur128:
// the same figure however the audio is split. A mono signal is measured as heard on two speakers.
//
// Not thread-safe: one meter belongs to one thread at a time.
class LoudnessMeter {
public:
    LoudnessMeter(int channels, int sampleRate);
    ~LoudnessMeter();
    LoudnessMeter(const LoudnessMeter&) = delete;
    LoudnessMeter& operator=(const LoudnessMeter&) = delete;

    // `frames` interleaved frames of the meter's channel count.
    void add(const float* interleaved, std::int64_t frames);
    // Nothing for silence (which has no loudness) or less than one 400 ms gating block.
    std::optional<double> integrated() const;

private:
    struct State;
    std::unique_ptr<State> m_state;
};

// EBU R128 integrated loudness (LUFS) of frames [first, end) through libebur128; nothing for
// silence (which has no loudness) or a stretch shorter than one 400 ms gating block.
std::optional<double> integratedLoudness(const AudioBuffer& audio, std::int64_t first = 0, std::int64_t end = -1);

// The record's `energy`, 0..1, from integrated loudness: (LUFS + 40) / 35, clamped. -40 LUFS (barely
// audible) is 0, -5 LUFS (a loud modern master) is 1, -23 LUFS (broadcast level) is about 0.5.
// Silence is 0.
double energyFromLoudness(std::optional<double> lufs);

}  // namespace muze
