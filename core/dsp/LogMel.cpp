#include "core/dsp/LogMel.h"

#include "core/common/Error.h"
#include "core/common/Parallel.h"
#include "core/dsp/Fft.h"
#include "core/dsp/MelFilterbank.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <limits>

namespace muze {
namespace {

// Frames per progress report and cancel check: about 5 s of audio at the reference's settings.
constexpr std::int64_t kFramesPerCheck = 512;

void spectrumToPower(const std::complex<float>* spectrum, int bins, double power, float* out)
{
    for (int k = 0; k < bins; ++k) {
        const float re = spectrum[k].real();
        const float im = spectrum[k].imag();
        const float squared = re * re + im * im;
        out[k] = power == 2.0 ? squared : static_cast<float>(std::pow(squared, power / 2.0));
    }
}

// Mel frames of one signal: frame t's bands from its windowed samples, the same whatever else is
// computed alongside. Each thread brings its own Buffers.
class MelFrames {
public:
    struct Buffers {
        AlignedVector<float> frame;
        AlignedVector<std::complex<float>> spectrum;
        std::vector<float> power;
    };

    explicit MelFrames(const LogMelParams& params)
        : m_params(params),
          m_fft(params.stft.nFft),
          m_filterbank(params.sampleRate, params.stft.nFft, params.nMels, params.fMin, params.effectiveFMax()),
          m_window(hannWindow(params.stft.nFft))
    {
    }

    Buffers buffers() const
    {
        return {AlignedVector<float>(static_cast<std::size_t>(m_params.stft.nFft)),
                AlignedVector<std::complex<float>>(static_cast<std::size_t>(m_fft.bins())), std::vector<float>(static_cast<std::size_t>(m_fft.bins()))};
    }

    // Frame t of a signal `length` samples long, of which `signal` holds those from `firstSample` on.
    void compute(const float* signal, std::int64_t length, std::int64_t firstSample, std::int64_t t, Buffers& buffers, float* bands) const
    {
        windowedFrame(signal, length, static_cast<int>(t), m_params.stft, m_window.data(), buffers.frame.data(), firstSample);
        m_fft.forward(buffers.frame.data(), buffers.spectrum.data());
        spectrumToPower(buffers.spectrum.data(), m_fft.bins(), m_params.power, buffers.power.data());
        m_filterbank.apply(buffers.power.data(), bands);
    }

private:
    LogMelParams m_params;
    RealFft m_fft;
    MelFilterbank m_filterbank;
    std::vector<float> m_window;
};

}  // namespace

FloatMatrix melSpectrogram(const float* samples, std::int64_t length, const LogMelParams& params, const JobControl& control)
{
    const MelFrames maker(params);
    const int frames = stftFrameCount(length, params.stft);
    FloatMatrix mel(params.nMels, frames);

    std::atomic<std::int64_t> framesDone{0};
    parallelFor(frames, [&](std::int64_t begin, std::int64_t end) {
        MelFrames::Buffers buffers = maker.buffers();
        std::vector<float> bands(static_cast<std::size_t>(params.nMels));
        for (std::int64_t t = begin; t < end; ++t) {
            maker.compute(samples, length, 0, t, buffers, bands.data());
            for (int m = 0; m < params.nMels; ++m)
                mel.at(m, static_cast<int>(t)) = bands[static_cast<std::size_t>(m)];
            if ((t - begin + 1) % kFramesPerCheck == 0) {
                control.throwIfCancelled();
                const std::int64_t done = framesDone.fetch_add(kFramesPerCheck) + kFramesPerCheck;
                if (begin == 0)  // one thread reports, so the callback is never called concurrently
                    control.report("log-mel", static_cast<double>(done) / frames);
            }
        }
    }, 256);
    return mel;
}

// The stream writes each frame straight into its column of the result, which has room for the
// frames the caller expected (more as needed), and closes up the rows at the end: the result never
// exists twice unless the expectation was short.
struct MelStream::State {
    LogMelParams params;
    MelFrames maker;
    std::vector<float> recent;  // samples from `recentStart` on
    std::int64_t recentStart = 0;
    std::int64_t pushed = 0;
    std::int64_t frames = 0;  // columns of `mel` computed so far
    FloatMatrix mel;

    State(const LogMelParams& p, std::int64_t expectedSamples) : params(p), maker(p)
    {
        if (expectedSamples > 0)
            mel = FloatMatrix(params.nMels, stftFrameCount(expectedSamples, params.stft));
    }

    std::int64_t frameStart(std::int64_t t) const { return t * params.stft.hopLength - (params.stft.center ? params.stft.nFft / 2 : 0); }

    void makeRoom(std::int64_t columns)
    {
        if (columns <= mel.cols)
            return;
        FloatMatrix grown(params.nMels, static_cast<int>(std::max<std::int64_t>(columns, mel.cols + mel.cols / 4 + 1024)));
        for (int m = 0; m < params.nMels; ++m)
            std::copy(mel.row(m), mel.row(m) + frames, grown.row(m));
        mel = std::move(grown);
    }

    // Computes frames up to (not including) `end` from the samples pushed so far.
    void computeUpTo(std::int64_t end)
    {
        if (end <= frames)
            return;
        makeRoom(end);
        parallelFor(end - frames, [&](std::int64_t begin, std::int64_t stop) {
            MelFrames::Buffers buffers = maker.buffers();
            std::vector<float> bands(static_cast<std::size_t>(params.nMels));
            for (std::int64_t t = frames + begin; t < frames + stop; ++t) {
                maker.compute(recent.data(), pushed, recentStart, t, buffers, bands.data());
                for (int m = 0; m < params.nMels; ++m)
                    mel.at(m, static_cast<int>(t)) = bands[static_cast<std::size_t>(m)];
            }
        }, 64);
        frames = end;
        const std::int64_t keepFrom = std::clamp<std::int64_t>(frameStart(frames), recentStart, pushed);
        recent.erase(recent.begin(), recent.begin() + static_cast<std::ptrdiff_t>(keepFrom - recentStart));
        recentStart = keepFrom;
    }

    // Moves each row up against the one before, dropping the columns left unused.
    void closeUpRows()
    {
        const auto used = static_cast<std::size_t>(frames);
        if (mel.cols == frames)
            return;
        for (int m = 1; m < params.nMels; ++m)
            std::copy(mel.row(m), mel.row(m) + used, mel.values.data() + static_cast<std::size_t>(m) * used);
        mel.cols = static_cast<int>(frames);
        mel.values.resize(static_cast<std::size_t>(params.nMels) * used);
    }
};

MelStream::MelStream(const LogMelParams& params, std::int64_t expectedSamples) : m_state(std::make_unique<State>(params, expectedSamples)) {}

MelStream::~MelStream() = default;

void MelStream::push(const float* samples, std::int64_t count)
{
    State& s = *m_state;
    s.recent.insert(s.recent.end(), samples, samples + count);
    s.pushed += count;
    // Frames whose samples have all arrived.
    const std::int64_t complete = s.pushed - s.frameStart(0) - s.params.stft.nFft;
    if (complete >= 0)
        s.computeUpTo(complete / s.params.stft.hopLength + 1);
}

FloatMatrix MelStream::finish()
{
    State& s = *m_state;
    s.computeUpTo(stftFrameCount(s.pushed, s.params.stft));
    s.closeUpRows();
    return std::move(s.mel);
}

void powerToDb(FloatMatrix& spectrogram, const LogMelParams& params)
{
    if (params.amin <= 0)
        throw Error(ErrorKind::InvalidArgument, "power_to_db needs amin > 0.");
    const float amin = static_cast<float>(params.amin);
    const float referenceDb = static_cast<float>(10.0 * std::log10(std::max(params.amin, std::abs(params.reference))));
    const std::int64_t count = static_cast<std::int64_t>(spectrogram.values.size());
    std::vector<float> sliceMaxima(static_cast<std::size_t>(computeThreads()), -std::numeric_limits<float>::infinity());
    std::atomic<int> nextSlice{0};
    parallelFor(count, [&](std::int64_t begin, std::int64_t end) {
        float highest = -std::numeric_limits<float>::infinity();
        for (std::int64_t i = begin; i < end; ++i) {
            float& value = spectrogram.values[static_cast<std::size_t>(i)];
            value = 10.0f * std::log10(std::max(amin, value)) - referenceDb;
            highest = std::max(highest, value);
        }
        sliceMaxima[static_cast<std::size_t>(nextSlice.fetch_add(1))] = highest;
    }, 1 << 16);
    if (params.topDb <= 0 || count == 0)
        return;
    const float floor = *std::max_element(sliceMaxima.begin(), sliceMaxima.end()) - static_cast<float>(params.topDb);
    for (float& value : spectrogram.values)
        value = std::max(value, floor);
}

FloatMatrix logMelSpectrogram(const float* samples, std::int64_t length, const LogMelParams& params, const JobControl& control)
{
    FloatMatrix mel = melSpectrogram(samples, length, params, control);
    powerToDb(mel, params);
    control.report("log-mel", 1.0);
    return mel;
}

}  // namespace muze
