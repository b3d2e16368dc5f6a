// The waveform summary against brute force over the samples.

#include "core/audio/WaveformSummary.h"

#include <QtTest>

#include <random>

using namespace muze;

class WaveformSummaryTest : public QObject {
    Q_OBJECT

private slots:
    void agreesWithTheSamples()
    {
        auto audio = std::make_shared<AudioBuffer>();
        audio->sampleRate = 44100;
        audio->channels = 2;
        audio->samples.resize(2 * 300000);
        std::mt19937 generator(3);
        std::uniform_real_distribution<float> value(-1.0f, 1.0f);
        for (float& sample : audio->samples)
            sample = value(generator) * 0.5f;
        audio->samples[2 * 123456 + 1] = 0.99f;  // one peak on the right channel
        const WaveformSummary summary(audio);

        auto truth = [&](int channel, std::int64_t begin, std::int64_t end) {
            WaveformSummary::Range range{1e9f, -1e9f};
            for (std::int64_t f = std::max<std::int64_t>(begin, 0); f < std::min<std::int64_t>(end, 300000); ++f) {
                const float sample = audio->samples[static_cast<std::size_t>(f * 2 + channel)];
                range.min = std::min(range.min, sample);
                range.max = std::max(range.max, sample);
            }
            return range;
        };

        std::uniform_int_distribution<std::int64_t> start(0, 299999);
        std::uniform_int_distribution<std::int64_t> length(1, 80000);
        for (int trial = 0; trial < 300; ++trial) {
            const std::int64_t begin = start(generator);
            const std::int64_t end = std::min<std::int64_t>(begin + length(generator), 300000);
            for (int channel = 0; channel < 2; ++channel) {
                const auto got = summary.range(channel, begin, end);
                const auto exact = truth(channel, begin, end);
                if (end - begin < WaveformSummary::kBaseBucketFrames * 4) {
                    QCOMPARE(got.min, exact.min);
                    QCOMPARE(got.max, exact.max);
                    continue;
                }
                // Never narrower than the truth, never wider than one quarter-span bucket past each end.
                QVERIFY(got.min <= exact.min && got.max >= exact.max);
                const std::int64_t slack = (end - begin) / 4 + 1;
                const auto wide = truth(channel, begin - slack, end + slack);
                QVERIFY(got.min >= wide.min && got.max <= wide.max);
            }
        }
        QCOMPARE(summary.range(1, 0, 300000).max, 0.99f);
    }
};

QTEST_GUILESS_MAIN(WaveformSummaryTest)
#include "test_waveform_summary.moc"
