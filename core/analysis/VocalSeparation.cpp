#include "core/analysis/VocalSeparation.h"

#include "core/common/Error.h"
#include "core/common/Parallel.h"
#include "core/dsp/Fft.h"
#include "core/dsp/Stft.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <complex>
#include <limits>
#include <vector>

namespace muze {
namespace {

constexpr int kFftSize = 1024;
constexpr int kHop = 512;
constexpr int kMedianFrames = 9;   // ~0.14 s at 32 kHz: longer than a drum hit, shorter than a sung note
constexpr int kMedianBins = 9;     // ~280 Hz at 32 kHz: wider than a partial
constexpr int kMedianReach = kMedianFrames / 2;
constexpr int kBins = kFftSize / 2 + 1;
constexpr std::int64_t kBlockFrames = 256;  // ~4 s at 32 kHz: frames analysed at once
constexpr double kLowHz = 120.0;
constexpr double kHighHz = 8000.0;
constexpr double kPanningSharpness = 6.0;

// Running median over `width` values (odd) of a strided sequence, the ends padded by repeating the
// first and last values. Keeps the window sorted, so each step costs O(width), not a sort.
void slidingMedian(const float* data, int count, std::ptrdiff_t stride, int width, std::vector<float>& out)
{
    out.resize(static_cast<std::size_t>(count));
    const int half = width / 2;
    auto at = [&](int i) { return data[static_cast<std::ptrdiff_t>(std::clamp(i, 0, count - 1)) * stride]; };
    std::vector<float> sorted;
    for (int i = -half; i <= half; ++i)
        sorted.push_back(at(i));
    std::sort(sorted.begin(), sorted.end());
    for (int i = 0; i < count; ++i) {
        out[static_cast<std::size_t>(i)] = sorted[static_cast<std::size_t>(half)];
        sorted.erase(std::lower_bound(sorted.begin(), sorted.end(), at(i - half)));
        const float incoming = at(i + half + 1);
        sorted.insert(std::upper_bound(sorted.begin(), sorted.end(), incoming), incoming);
    }
}

// A raised-cosine shoulder an octave wide at each edge of the voice band.
float bandGain(double hz)
{
    auto shoulder = [](double octavesInside) {
        return octavesInside >= 1.0 ? 1.0 : octavesInside <= 0.0 ? 0.0 : 0.5 - 0.5 * std::cos(M_PI * octavesInside);
    };
    if (hz <= 0)
        return 0.0f;
    return static_cast<float>(shoulder(std::log2(hz / kLowHz) + 0.5) * shoulder(std::log2(kHighHz / hz) + 0.5));
}


// Drops the first `count` values of `values`.
template <class Vector>
void dropFront(Vector& values, std::int64_t count)
{
    values.erase(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(std::clamp<std::int64_t>(count, 0, static_cast<std::int64_t>(values.size()))));
}

}  // namespace

// The separator keeps a few frames of everything: the input the next frame reads, the analysed
// frames the time median still needs, and the overlap-add sums not yet complete. Frame t is
// centred on sample t * kHop, as a centred STFT's; a "position" counts samples from the start of
// the first frame (sample - kFftSize / 2).
struct VocalSeparator::State {
    int sampleRate;
    int channels;
    Sink sink;
    RealFft fft{kFftSize};
    std::vector<float> window = hannWindow(kFftSize);
    std::array<float, kBins> gainOfBand{};
    int usedBins = kBins;  // bins above the voice band's upper shoulder are discarded anyway

    std::vector<float> left, right;  // input samples from `inputBase`; `right` empty for mono
    std::int64_t inputBase = 0;
    std::int64_t pushed = 0;

    // Analysed frames [frameBase, frameEnd), frame-major, kBins values each.
    std::vector<std::complex<float>> mid;
    std::vector<float> centreMask;
    std::vector<float> centred;  // |mid| under the centre mask
    std::int64_t frameBase = 0;
    std::int64_t frameEnd = 0;
    std::int64_t nextOutput = 0;  // the first frame not yet overlap-added

    // Overlap-add sums from position `sumBase`.
    std::vector<float> centreSum, vocalsSum, windowSum;
    std::int64_t sumBase = 0;
    std::int64_t emitted = 0;  // samples given to the sink

    State(int rate, int channelCount, Sink output);
    std::int64_t analysableFrames(bool final) const;
    float sample(const std::vector<float>& channel, std::int64_t at) const;
    void process(bool final);
    void analyse(std::int64_t end);
    void synthesise(std::int64_t end);
    void harmonicMask(std::int64_t t, std::vector<float>& line, std::array<float, kBins>& mask) const;
    void emit(std::int64_t end);
    void dropConsumed();
};

VocalSeparator::State::State(int rate, int channelCount, Sink output)
    : sampleRate(rate), channels(channelCount), sink(std::move(output))
{
    if (channels < 1 || channels > 2 || sampleRate <= 0)
        throw Error(ErrorKind::InvalidArgument, "Vocal separation takes mono or stereo audio.");
    for (int k = 0; k < kBins; ++k)
        gainOfBand[static_cast<std::size_t>(k)] = bandGain(static_cast<double>(k) * sampleRate / kFftSize);
    while (usedBins > 1 && gainOfBand[static_cast<std::size_t>(usedBins - 1)] == 0.0f)
        --usedBins;
}

// Frames whose samples have all arrived; at the end, every frame of the signal (zero past its end).
std::int64_t VocalSeparator::State::analysableFrames(bool final) const
{
    if (final)
        return pushed > 0 ? 1 + pushed / kHop : 0;
    return pushed >= kFftSize / 2 ? (pushed - kFftSize / 2) / kHop + 1 : 0;
}

float VocalSeparator::State::sample(const std::vector<float>& channel, std::int64_t at) const
{
    return at >= 0 && at < pushed ? channel[static_cast<std::size_t>(at - inputBase)] : 0.0f;
}

void VocalSeparator::State::process(bool final)
{
    const std::int64_t analysable = analysableFrames(final);
    while (frameEnd < analysable && (final || analysable - frameEnd >= kBlockFrames)) {
        analyse(std::min(analysable, frameEnd + kBlockFrames));
        const bool complete = final && frameEnd == analysable;
        synthesise(complete ? frameEnd : frameEnd - kMedianReach);
        emit(complete ? pushed : nextOutput * kHop - kFftSize / 2);
        dropConsumed();
    }
}

// The mid spectrum and the centre mask of frames [frameEnd, end).
void VocalSeparator::State::analyse(std::int64_t end)
{
    const std::int64_t first = frameEnd;
    const auto stored = static_cast<std::size_t>(end - frameBase) * kBins;
    mid.resize(stored);
    centreMask.resize(stored, 1.0f);
    centred.resize(stored);
    parallelFor(end - first, [&](std::int64_t begin, std::int64_t stop) {
        AlignedVector<float> frame(kFftSize);
        AlignedVector<std::complex<float>> l(kBins), r(kBins), m(kBins);
        auto transform = [&](std::int64_t t, auto&& valueAt, AlignedVector<std::complex<float>>& spectrum) {
            const std::int64_t start = t * kHop - kFftSize / 2;
            for (int i = 0; i < kFftSize; ++i) {
                const std::int64_t at = start + i;
                frame[static_cast<std::size_t>(i)] = at >= 0 && at < pushed ? valueAt(at) * window[static_cast<std::size_t>(i)] : 0.0f;
            }
            fft.forward(frame.data(), spectrum.data());
        };
        for (std::int64_t t = first + begin; t < first + stop; ++t) {
            const std::size_t offset = static_cast<std::size_t>(t - frameBase) * kBins;
            if (channels == 2) {
                transform(t, [&](std::int64_t at) { return 0.5f * (sample(left, at) + sample(right, at)); }, m);
                transform(t, [&](std::int64_t at) { return sample(left, at); }, l);
                transform(t, [&](std::int64_t at) { return sample(right, at); }, r);
                for (std::size_t k = 0; k < kBins; ++k) {
                    const float power = std::norm(l[k]) + std::norm(r[k]);
                    const float similarity = power > 0 ? 2.0f * std::abs(l[k] * std::conj(r[k])) / power : 0.0f;
                    centreMask[offset + k] = std::pow(similarity, static_cast<float>(kPanningSharpness));
                }
            } else {
                transform(t, [&](std::int64_t at) { return sample(left, at); }, m);
            }
            for (std::size_t k = 0; k < kBins; ++k) {
                mid[offset + k] = m[k];
                centred[offset + k] = std::abs(m[k]) * centreMask[offset + k];
            }
        }
    }, 16);
    frameEnd = end;
}

// Soft harmonic mask H^2 / (H^2 + P^2) of frame t, from median filters along time (H) and frequency
// (P) of the centred magnitude; the ends of the song and of the used bins repeat their last values.
void VocalSeparator::State::harmonicMask(std::int64_t t, std::vector<float>& line, std::array<float, kBins>& mask) const
{
    const float* row = centred.data() + static_cast<std::size_t>(t - frameBase) * kBins;
    slidingMedian(row, usedBins, 1, kMedianBins, line);
    std::array<float, kMedianFrames> neighbours{};
    mask.fill(0.0f);
    for (int k = 0; k < usedBins; ++k) {
        for (int j = 0; j < kMedianFrames; ++j) {
            const std::int64_t neighbour = std::clamp<std::int64_t>(t + j - kMedianReach, 0, frameEnd - 1);
            neighbours[static_cast<std::size_t>(j)] = centred[static_cast<std::size_t>(neighbour - frameBase) * kBins + static_cast<std::size_t>(k)];
        }
        std::nth_element(neighbours.begin(), neighbours.begin() + kMedianReach, neighbours.end());
        const float h2 = neighbours[kMedianReach] * neighbours[kMedianReach];
        const float p2 = line[static_cast<std::size_t>(k)] * line[static_cast<std::size_t>(k)];
        mask[static_cast<std::size_t>(k)] = h2 + p2 > 0 ? h2 / (h2 + p2) : 0.0f;
    }
}

// Masks frames [nextOutput, end), returns them to time and overlap-adds them in frame order.
void VocalSeparator::State::synthesise(std::int64_t end)
{
    const std::int64_t first = nextOutput;
    if (end <= first)
        return;
    const auto count = static_cast<std::size_t>(end - first);
    std::vector<float> centreFrames(count * kFftSize), vocalsFrames(count * kFftSize);
    const float scale = 1.0f / static_cast<float>(kFftSize);
    parallelFor(end - first, [&](std::int64_t begin, std::int64_t stop) {
        std::vector<float> line;
        std::array<float, kBins> harmonic{};
        AlignedVector<std::complex<float>> centreSpectrum(kBins), vocalsSpectrum(kBins);
        AlignedVector<float> frame(kFftSize);
        for (std::int64_t t = first + begin; t < first + stop; ++t) {
            harmonicMask(t, line, harmonic);
            const std::size_t offset = static_cast<std::size_t>(t - frameBase) * kBins;
            for (std::size_t k = 0; k < kBins; ++k) {
                const float gain = centreMask[offset + k] * gainOfBand[k];
                centreSpectrum[k] = mid[offset + k] * gain;
                vocalsSpectrum[k] = mid[offset + k] * (gain * harmonic[k]);
            }
            const std::size_t target = static_cast<std::size_t>(t - first) * kFftSize;
            for (auto [spectrum, out] : {std::pair{&centreSpectrum, &centreFrames}, std::pair{&vocalsSpectrum, &vocalsFrames}}) {
                fft.inverse(spectrum->data(), frame.data());
                for (std::size_t i = 0; i < kFftSize; ++i)
                    (*out)[target + i] = frame[i] * scale * window[i];
            }
        }
    }, 16);

    const auto needed = static_cast<std::size_t>((end - 1) * kHop + kFftSize - sumBase);
    for (std::vector<float>* sum : {&centreSum, &vocalsSum, &windowSum})
        sum->resize(std::max(sum->size(), needed), 0.0f);
    for (std::int64_t t = first; t < end; ++t) {
        const auto at = static_cast<std::size_t>(t * kHop - sumBase);
        const std::size_t source = static_cast<std::size_t>(t - first) * kFftSize;
        for (std::size_t i = 0; i < kFftSize; ++i) {
            centreSum[at + i] += centreFrames[source + i];
            vocalsSum[at + i] += vocalsFrames[source + i];
            windowSum[at + i] += window[i] * window[i];
        }
    }
    nextOutput = end;
}

// Gives the sink samples [emitted, end): the overlap-added sums divided by the summed squared window.
void VocalSeparator::State::emit(std::int64_t end)
{
    if (end <= emitted)
        return;
    const auto count = static_cast<std::size_t>(end - emitted);
    std::vector<float> centre(count), vocals(count);
    const float tiny = std::numeric_limits<float>::min();  // ref: librosa's util.tiny
    for (std::size_t n = 0; n < count; ++n) {
        const auto at = static_cast<std::size_t>(emitted + static_cast<std::int64_t>(n) + kFftSize / 2 - sumBase);
        const float sum = windowSum[at];
        centre[n] = sum > tiny ? centreSum[at] / sum : centreSum[at];
        vocals[n] = sum > tiny ? vocalsSum[at] / sum : vocalsSum[at];
    }
    emitted = end;
    sink(centre.data(), vocals.data(), static_cast<std::int64_t>(count));
}

// Forgets what no later frame or sample needs.
void VocalSeparator::State::dropConsumed()
{
    const std::int64_t firstInput = std::max<std::int64_t>(0, frameEnd * kHop - kFftSize / 2);
    dropFront(left, firstInput - inputBase);
    dropFront(right, firstInput - inputBase);
    inputBase = std::max(inputBase, firstInput);

    const std::int64_t firstFrame = std::max<std::int64_t>(0, nextOutput - kMedianReach);
    const auto frames = (firstFrame - frameBase) * kBins;
    dropFront(mid, frames);
    dropFront(centreMask, frames);
    dropFront(centred, frames);
    frameBase = std::max(frameBase, firstFrame);

    const std::int64_t firstSum = emitted + kFftSize / 2;
    for (std::vector<float>* sum : {&centreSum, &vocalsSum, &windowSum})
        dropFront(*sum, firstSum - sumBase);
    sumBase = std::max(sumBase, firstSum);
}

VocalSeparator::VocalSeparator(int sampleRate, int channels, Sink sink)
    : m_state(std::make_unique<State>(sampleRate, channels, std::move(sink)))
{
}

VocalSeparator::~VocalSeparator() = default;

void VocalSeparator::push(const float* interleaved, std::int64_t frames)
{
    State& s = *m_state;
    for (std::int64_t f = 0; f < frames; ++f) {
        s.left.push_back(interleaved[f * s.channels]);
        if (s.channels == 2)
            s.right.push_back(interleaved[f * s.channels + 1]);
    }
    s.pushed += frames;
    s.process(false);
}

void VocalSeparator::finish()
{
    m_state->process(true);
}

VocalEstimate separateVocals(const AudioBuffer& audio, const JobControl& control)
{
    VocalEstimate estimate;
    for (AudioBuffer* buffer : {&estimate.centre, &estimate.vocals}) {
        buffer->sampleRate = audio.sampleRate;
        buffer->channels = 1;
        buffer->samples.reserve(static_cast<std::size_t>(audio.frames()));
    }
    VocalSeparator separator(audio.sampleRate, audio.channels, [&](const float* centre, const float* vocals, std::int64_t count) {
        estimate.centre.samples.insert(estimate.centre.samples.end(), centre, centre + count);
        estimate.vocals.samples.insert(estimate.vocals.samples.end(), vocals, vocals + count);
    });
    constexpr std::int64_t kChunkFrames = 1 << 16;
    const std::int64_t frames = audio.frames();
    for (std::int64_t start = 0; start < frames; start += kChunkFrames) {
        control.throwIfCancelled();
        control.report("vocals", static_cast<double>(start) / static_cast<double>(frames));
        separator.push(audio.samples.data() + start * audio.channels, std::min(kChunkFrames, frames - start));
    }
    separator.finish();
    control.report("vocals", 1.0);
    return estimate;
}

}  // namespace muze
