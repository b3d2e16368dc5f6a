// Rubber Band through stretchAndShift: the whole input comes out, at the length and pitch asked for.

#include "core/audio/TimePitch.h"
#include "tests/support/TestSupport.h"

#include <QtTest>

#include <cmath>

using namespace muze;

namespace {

constexpr int kRate = 32000;

double rms(const std::vector<float>& samples, std::size_t from, std::size_t count)
{
    double sum = 0.0;
    for (std::size_t i = from; i < from + count; ++i)
        sum += static_cast<double>(samples[i]) * samples[i];
    return std::sqrt(sum / static_cast<double>(count));
}

// Every second of `out` sounds, at `frequency` (within 1%).
void verifyEverySecondSounds(const std::vector<float>& out, double frequency, double level)
{
    for (std::size_t second = 0; second + 1 < out.size() / kRate; ++second) {
        const std::vector<float> window(out.begin() + static_cast<std::ptrdiff_t>(second * kRate), out.begin() + static_cast<std::ptrdiff_t>((second + 1) * kRate));
        QVERIFY2(rms(out, second * kRate, kRate) > 0.5 * level, qPrintable(QString("second %1 is silent").arg(second)));
        const double heard = test::dominantFrequency(window, kRate);
        QVERIFY2(std::abs(heard - frequency) < 0.01 * frequency, qPrintable(QString("second %1 at %2 Hz").arg(second).arg(heard)));
    }
}

}  // namespace

class TimePitchTest : public QObject {
    Q_OBJECT

private slots:
    void aLongSongIsMovedWholeToTheNewPitch()
    {
        const std::vector<float> tone = test::sineWave(440.0, 0.5, kRate, 20.0).samples;
        const std::vector<float> moved = stretchAndShift(tone, kRate, tone.size(), std::pow(2.0, 2.0 / 12.0));
        QCOMPARE(moved.size(), tone.size());
        verifyEverySecondSounds(moved, 440.0 * std::pow(2.0, 2.0 / 12.0), rms(tone, 0, tone.size()));
    }

    void aStretchKeepsThePitchAndLastsWhatItIsAsked()
    {
        const std::vector<float> tone = test::sineWave(440.0, 0.5, kRate, 5.0).samples;
        const std::vector<float> stretched = stretchAndShift(tone, kRate, 2 * tone.size(), 1.0);
        QCOMPARE(stretched.size(), 2 * tone.size());
        verifyEverySecondSounds(stretched, 440.0, rms(tone, 0, tone.size()));
    }

    void nothingComesOfNothing()
    {
        QCOMPARE(stretchAndShift({}, kRate, 100, 1.5), std::vector<float>(100, 0.0f));
        QVERIFY_THROWS_EXCEPTION(std::exception, stretchAndShift({0.1f, 0.2f}, kRate, 2, 0.0));
    }
};

QTEST_GUILESS_MAIN(TimePitchTest)
#include "test_time_pitch.moc"
