// Resampling keeps pitch, level and length; mixing to mono is the channel mean.

#include "core/audio/Resampler.h"
#include "tests/support/TestSupport.h"

#include <QtTest>

using namespace muze;

class ResamplerTest : public QObject {
    Q_OBJECT

private slots:
    void keepsPitchLevelAndLength_data()
    {
        QTest::addColumn<int>("from");
        QTest::addColumn<int>("to");
        QTest::newRow("44100 to 32000") << 44100 << 32000;
        QTest::newRow("48000 to 32000") << 48000 << 32000;
        QTest::newRow("22050 to 44100") << 22050 << 44100;
    }

    void keepsPitchLevelAndLength()
    {
        QFETCH(int, from);
        QFETCH(int, to);
        const AudioBuffer source = test::sineWave(1234.0, 0.5, from, 2.0, 2);
        const AudioBuffer out = resampleAudio(source, to);
        QCOMPARE(out.sampleRate, to);
        QCOMPARE(out.channels, 2);
        QVERIFY2(std::abs(out.frames() - 2 * to) <= 2, qPrintable(QString::number(out.frames())));
        const auto left = test::channel(out, 0);
        QVERIFY(std::abs(test::dominantFrequency(left, to) - 1234.0) < 0.5);
        // Away from the edges, where the filter has settled.
        const std::vector<float> middle(left.begin() + to / 4, left.end() - to / 4);
        QVERIFY(std::abs(test::toneAmplitude(middle, 1234.0, to) - 0.5) < 0.005);
    }

    void mixesToTheMean()
    {
        AudioBuffer stereo;
        stereo.sampleRate = 8000;
        stereo.channels = 2;
        stereo.samples = {1.0f, 0.0f, 0.5f, -0.5f, -1.0f, 0.2f};
        const AudioBuffer mono = mixToMono(stereo);
        QCOMPARE(mono.channels, 1);
        QCOMPARE(mono.samples, (std::vector<float>{0.5f, 0.0f, -0.4f}));
    }
};

QTEST_GUILESS_MAIN(ResamplerTest)
#include "test_resampler.moc"
