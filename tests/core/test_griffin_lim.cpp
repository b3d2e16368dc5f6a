// STFT round trip and Griffin-Lim inversion of a log-mel spectrogram.

#include "core/dsp/GriffinLim.h"
#include "core/dsp/LogMel.h"
#include "core/dsp/Stft.h"
#include "tests/support/TestSupport.h"

#include <QtTest>

using namespace muze;

namespace {

// A second of music-like sound: a chord with harmonics whose notes change halfway.
std::vector<float> chordsSignal()
{
    const int rate = 32000;
    std::vector<float> signal(rate);
    for (int n = 0; n < rate; ++n) {
        const double t = static_cast<double>(n) / rate;
        const double root = n < rate / 2 ? 220.0 : 196.0;
        double value = 0.0;
        for (double ratio : {1.0, 1.25, 1.5})
            for (int harmonic = 1; harmonic <= 4; ++harmonic)
                value += 0.08 / harmonic * std::sin(2 * M_PI * root * ratio * harmonic * t);
        signal[static_cast<std::size_t>(n)] = static_cast<float>(value);
    }
    return signal;
}

}  // namespace

class GriffinLimTest : public QObject {
    Q_OBJECT

private slots:
    void istftInvertsStft()
    {
        const std::vector<float> signal = chordsSignal();
        const StftParams params;
        const ComplexSpectrogram spectrum = stft(signal.data(), static_cast<std::int64_t>(signal.size()), params);
        const std::vector<float> back = istft(spectrum, params, static_cast<std::int64_t>(signal.size()));
        QCOMPARE(back.size(), signal.size());
        float largest = 0.0f;
        for (std::size_t i = 0; i < signal.size(); ++i)
            largest = std::max(largest, std::abs(back[i] - signal[i]));
        QVERIFY2(largest < 1e-5f, qPrintable(QString::number(largest)));  // float32 rounding only
    }

    void invertsLogMelClosely()
    {
        const std::vector<float> signal = chordsSignal();
        const LogMelParams params;
        const FloatMatrix original = logMelSpectrogram(signal.data(), static_cast<std::int64_t>(signal.size()), params);
        const AudioBuffer rebuilt = invertLogMel(original, params, GriffinLimParams{});
        QCOMPARE(rebuilt.sampleRate, 32000);
        const FloatMatrix again = logMelSpectrogram(rebuilt.samples.data(), rebuilt.frames(), params);
        QCOMPARE(again.rows, original.rows);
        QCOMPARE(again.cols, original.cols);

        // Compare where the original has energy (within 40 dB of its loudest bin): below that the
        // spectrogram is the window's leakage, which phase reconstruction does not try to match.
        const float loudest = *std::max_element(original.values.begin(), original.values.end());
        double sum = 0.0;
        int counted = 0;
        for (std::size_t i = 0; i < original.values.size(); ++i) {
            if (original.values[i] < loudest - 40.0f)
                continue;
            sum += std::abs(again.values[i] - original.values[i]);
            ++counted;
        }
        const double meanError = sum / counted;
        qInfo("Griffin-Lim (32 iterations, momentum 0.99): mean log-mel error %.2f dB over %d bins", meanError, counted);
        QVERIFY2(meanError < 1.5, qPrintable(QString::number(meanError)));
    }

    void cancels()
    {
        const std::vector<float> signal = chordsSignal();
        const LogMelParams params;
        const FloatMatrix mel = logMelSpectrogram(signal.data(), static_cast<std::int64_t>(signal.size()), params);
        CancelToken cancel;
        cancel.cancel();
        QVERIFY_THROWS_EXCEPTION(Error, invertLogMel(mel, params, GriffinLimParams{}, JobControl{nullptr, &cancel}));
    }
};

QTEST_GUILESS_MAIN(GriffinLimTest)
#include "test_griffin_lim.moc"
