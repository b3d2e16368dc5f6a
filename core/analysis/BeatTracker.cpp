#include "core/analysis/BeatTracker.h"

#include "core/analysis/Meter.h"
#include "core/common/Error.h"

#include <dsp/onsets/DetectionFunction.h>
#include <dsp/tempotracking/TempoTrackV2.h>

#include <algorithm>
#include <cmath>

namespace muze {
namespace {

constexpr double kHopSeconds = 512.0 / 44100.0;
// qm-dsp's tracker discards the first two values of the detection function, which answer the
// start of the file rather than an onset (as Sonic Visualiser's and Mixxx's drivers do).
constexpr std::size_t kSkippedValues = 2;
constexpr double kLowBandWeight = 1.0;

int frameLengthFor(int hop)
{
    int length = 1;
    while (length < 2 * hop)
        length *= 2;
    return length;
}

std::vector<double> detectionFunction(const float* mono, std::int64_t frames, int hop, const JobControl& control)
{
    DFConfig config{};
    config.stepSize = static_cast<unsigned>(hop);
    config.frameLength = static_cast<unsigned>(frameLengthFor(hop));
    config.DFType = DF_COMPLEXSD;
    config.dbRise = 3.0;
    config.adaptiveWhitening = false;
    config.whiteningRelaxCoeff = -1.0;
    config.whiteningFloor = -1.0;
    DetectionFunction function(config);

    const std::int64_t steps = frames / hop;
    std::vector<double> values;
    values.reserve(static_cast<std::size_t>(steps));
    std::vector<double> frame(config.frameLength, 0.0);
    for (std::int64_t step = 0; step < steps; ++step) {
        const std::int64_t start = step * hop;
        for (unsigned i = 0; i < config.frameLength; ++i)
            frame[i] = start + i < frames ? mono[start + i] : 0.0;
        values.push_back(function.processTimeDomain(frame.data()));
        if (step % 4096 == 0) {
            control.throwIfCancelled();
            control.report("beats", static_cast<double>(step) / static_cast<double>(steps));
        }
    }
    return values;
}

std::vector<double> beatTimes(const std::vector<double>& df, TempoTrackV2& tracker, double hopSeconds, double tempoHint)
{
    std::vector<double> beatPeriod(df.size());  // qm-dsp needs it sized to the function's length
    std::vector<double> tempi;
    tracker.calculateBeatPeriod(df, beatPeriod, tempi, tempoHint > 0 ? tempoHint : 120.0, tempoHint > 0);
    std::vector<double> beatFrames;
    tracker.calculateBeats(df, beatPeriod, beatFrames);
    std::vector<double> beats;
    for (double frame : beatFrames)
        beats.push_back((frame + kSkippedValues) * hopSeconds);
    return beats;
}

// Adds the low-band onsets (kick and bass), resampled to the detection function's hop and scaled
// to the same peak, so that the rhythm section outweighs a voice's onsets.
void addLowBand(std::vector<double>& df, const OnsetEnvelope& lowBand, double hopSeconds)
{
    const double dfPeak = *std::max_element(df.begin(), df.end());
    const float lowPeak = lowBand.values.empty() ? 0.0f : *std::max_element(lowBand.values.begin(), lowBand.values.end());
    if (dfPeak <= 0 || lowPeak <= 0)
        return;
    for (std::size_t i = 0; i < df.size(); ++i) {
        const double seconds = (static_cast<double>(i + kSkippedValues) + 0.5) * hopSeconds;
        df[i] += kLowBandWeight * dfPeak * lowBand.strengthNear(seconds, hopSeconds / 2) / lowPeak;
    }
}

}  // namespace

int beatTrackerHop(int sampleRate)
{
    return std::max(16, static_cast<int>(std::lround(kHopSeconds * sampleRate / 16.0)) * 16);
}

BeatTrack trackBeats(const float* mono, std::int64_t frames, int sampleRate, const OnsetEnvelope& lowBand, const JobControl& control)
{
    if (sampleRate <= 0)
        throw Error(ErrorKind::InvalidArgument, "Beat tracking needs a sample rate.");
    const int hop = beatTrackerHop(sampleRate);
    BeatTrack track;
    track.onsetHopSeconds = static_cast<double>(hop) / sampleRate;
    const std::vector<double> all = detectionFunction(mono, frames, hop, control);
    if (all.size() <= kSkippedValues + 8)
        return track;  // too short to hold a beat
    std::vector<double> df(all.begin() + kSkippedValues, all.end());
    addLowBand(df, lowBand, track.onsetHopSeconds);

    TempoTrackV2 tracker(static_cast<float>(sampleRate), static_cast<std::size_t>(hop));
    const double songTempo = tempoOf(settleBeatLevel(beatTimes(df, tracker, track.onsetHopSeconds, 0.0), lowBand));
    // The held pass can still fall back to the busier level; settle it again.
    track.beats = settleBeatLevel(beatTimes(df, tracker, track.onsetHopSeconds, songTempo), lowBand);
    track.tempo = tempoOf(track.beats);

    const double peak = *std::max_element(all.begin(), all.end());
    track.onsetStrength.resize(all.size());
    for (std::size_t i = 0; i < all.size(); ++i)
        track.onsetStrength[i] = peak > 0 ? all[i] / peak : 0.0;
    control.report("beats", 1.0);
    return track;
}

}  // namespace muze
