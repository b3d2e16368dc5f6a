#include "core/analysis/Chroma.h"

#include "core/audio/Resampler.h"

#include <dsp/chromagram/Chromagram.h>

#include <algorithm>
#include <cmath>

namespace muze {
namespace {

// The chromagram runs at 8 kHz: C7 (2093 Hz) is well below its Nyquist frequency, and the
// constant-Q frames are four times shorter than at 32 kHz.
constexpr int kChromaRate = 8000;
constexpr double kC1 = 32.703;
constexpr double kC3 = 130.81;
constexpr double kC7 = 2093.0;
constexpr int kBinsPerOctave = 36;
constexpr int kHop = 512;              // 64 ms at 8 kHz

using Bins = std::vector<double>;

std::vector<Bins> constantQChroma(const AudioBuffer& audio, double lowestHz, double highestHz, const JobControl& control)
{
    ChromaConfig config{};
    config.FS = kChromaRate;
    config.min = lowestHz;
    config.max = highestHz;
    config.BPO = kBinsPerOctave;
    config.CQThresh = 0.0054;
    config.normalise = MathUtilities::NormaliseNone;
    ::Chromagram chromagram(config);
    const auto frameSize = static_cast<std::int64_t>(chromagram.getFrameSize());
    const std::int64_t length = audio.frames();
    std::vector<double> frame(static_cast<std::size_t>(frameSize));
    std::vector<Bins> out;
    // Frames are centred on t * hop, as the other analyses' frames are.
    for (std::int64_t centre = 0; centre < length; centre += kHop) {
        const std::int64_t start = centre - frameSize / 2;
        for (std::int64_t i = 0; i < frameSize; ++i) {
            const std::int64_t at = start + i;
            frame[static_cast<std::size_t>(i)] = at >= 0 && at < length ? audio.samples[static_cast<std::size_t>(at)] : 0.0;
        }
        const double* bins = chromagram.process(frame.data());
        out.emplace_back(bins, bins + kBinsPerOctave);
        if (out.size() % 256 == 0) {
            control.throwIfCancelled();
            control.report("chroma", static_cast<double>(centre) / static_cast<double>(length));
        }
    }
    return out;
}

// Bin 3k is pitch class k in tune; 3k - 1 and 3k + 1 are a third of a semitone flat and sharp.
// The offset where the most energy sits is the song's tuning.
int tuningOffset(const std::vector<Bins>& frames)
{
    double energy[3] = {0, 0, 0};
    for (const Bins& bins : frames)
        for (int b = 0; b < kBinsPerOctave; ++b)
            energy[(b + 1) % 3] += bins[static_cast<std::size_t>(b)];  // [0]: flat, [1]: in tune, [2]: sharp
    return static_cast<int>(std::max_element(energy, energy + 3) - energy) - 1;
}

PitchClassProfile fold(const Bins& bins, int offset)
{
    PitchClassProfile profile{};
    for (int pitchClass = 0; pitchClass < 12; ++pitchClass) {
        const int centre = 3 * pitchClass + offset;
        const auto at = [&](int b) { return bins[static_cast<std::size_t>((b + kBinsPerOctave) % kBinsPerOctave)]; };
        profile[static_cast<std::size_t>(pitchClass)] = static_cast<float>(at(centre) + 0.5 * (at(centre - 1) + at(centre + 1)));
    }
    return profile;
}

void scaleToUnitMax(PitchClassProfile& profile)
{
    const float peak = *std::max_element(profile.begin(), profile.end());
    if (peak > 0)
        for (float& value : profile)
            value /= peak;
}

Chromagram folded(const std::vector<Bins>& bins, int offset)
{
    Chromagram chroma;
    chroma.hopSeconds = static_cast<double>(kHop) / kChromaRate;
    chroma.tuningOffset = offset;
    chroma.frames.reserve(bins.size());
    for (const Bins& frame : bins)
        chroma.frames.push_back(fold(frame, offset));
    return chroma;
}

}  // namespace

ChromaFeatures computeChroma(const float* mono, std::int64_t frames, int sampleRate, const JobControl& control)
{
    const AudioBuffer low = resampleMono(mono, frames, sampleRate, kChromaRate);
    const std::vector<Bins> treble = constantQChroma(low, kC3, kC7, control.slice(0.0, 0.6));
    const std::vector<Bins> bass = constantQChroma(low, kC1, kC3, control.slice(0.6, 1.0));
    const int offset = tuningOffset(treble);
    return {folded(bass, offset), folded(treble, offset)};
}

std::vector<PitchClassProfile> beatSynchronousChroma(const Chromagram& chroma, const std::vector<double>& beats, double endSeconds)
{
    std::vector<PitchClassProfile> out;
    const auto frameAt = [&](double seconds) {
        return std::clamp<long>(std::lround(seconds / chroma.hopSeconds), 0, static_cast<long>(chroma.frames.size()));
    };
    for (std::size_t i = 0; i < beats.size(); ++i) {
        const long first = frameAt(beats[i]);
        const long last = std::max(first + 1, frameAt(i + 1 < beats.size() ? beats[i + 1] : endSeconds));
        PitchClassProfile sum{};
        for (long f = first; f < last && f < static_cast<long>(chroma.frames.size()); ++f)
            for (int k = 0; k < 12; ++k)
                sum[static_cast<std::size_t>(k)] += chroma.frames[static_cast<std::size_t>(f)][static_cast<std::size_t>(k)];
        scaleToUnitMax(sum);
        out.push_back(sum);
    }
    return out;
}

PitchClassProfile meanProfile(const std::vector<PitchClassProfile>& profiles)
{
    PitchClassProfile sum{};
    for (const PitchClassProfile& frame : profiles)
        for (int k = 0; k < 12; ++k)
            sum[static_cast<std::size_t>(k)] += frame[static_cast<std::size_t>(k)];
    scaleToUnitMax(sum);
    return sum;
}

}  // namespace muze
