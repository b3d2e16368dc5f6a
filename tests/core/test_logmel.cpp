// Log-mel against torchaudio set up to match librosa at the reference's settings. The golden files
// in tests/core/dsp/golden were written by make_logmel_golden.py beside them (float64 throughout).

#include "core/dsp/LogMel.h"
#include "core/dsp/MelFilterbank.h"
#include "tests/support/TestSupport.h"

#include <QtTest>

#include <fstream>
#include <nlohmann/json.hpp>

using namespace muze;

namespace {

std::vector<float> readFloats(const std::filesystem::path& path, std::size_t count)
{
    std::vector<float> values(count);
    std::ifstream in(path, std::ios::binary);
    in.read(reinterpret_cast<char*>(values.data()), static_cast<std::streamsize>(count * sizeof(float)));
    if (static_cast<std::size_t>(in.gcount()) != count * sizeof(float))
        throw std::runtime_error("short golden file " + path.string());
    return values;
}

}  // namespace

class LogMelTest : public QObject {
    Q_OBJECT

private slots:
    void slaneyMelScale()
    {
        // ref: librosa.hz_to_mel(1000) == 15 and hz_to_mel(6400) == 15 + 27 (the log step is ln(6.4)/27).
        QCOMPARE(hzToMel(1000.0), 15.0);
        QVERIFY(std::abs(hzToMel(6400.0) - 42.0) < 1e-9);
        for (double hz : {0.0, 120.0, 999.0, 1000.0, 4321.0, 16000.0})
            QVERIFY(std::abs(melToHz(hzToMel(hz)) - hz) < 1e-6);
    }

    void filtersHaveUnitArea()
    {
        // Slaney norm: each triangle has unit area in Hz. Summing its weights over 31.25 Hz bins
        // approximates that area well once a filter spans a dozen bins or more.
        const MelFilterbank bank(32000, 1024, 128, 0.0, 16000.0);
        const FloatMatrix weights = bank.dense();
        const double binHz = 32000.0 / 1024;
        int checked = 0;
        for (int m = 0; m < 128; ++m) {
            double area = 0.0;
            int covered = 0;
            for (int k = 0; k < weights.cols; ++k) {
                area += weights.at(m, k) * binHz;
                covered += weights.at(m, k) > 0 ? 1 : 0;
            }
            if (covered < 12)
                continue;
            ++checked;
            QVERIFY2(std::abs(area - 1.0) < 0.01, qPrintable(QString("band %1 area %2").arg(m).arg(area)));
        }
        QVERIFY(checked >= 30);  // the top third of the bands, at these settings
    }

    void framesFollowLibrosa()
    {
        const LogMelParams params;
        QCOMPARE(stftFrameCount(32000, params.stft), 101);  // 1 + 32000 // 320
        QCOMPARE(stftFrameCount(16001, params.stft), 51);
        QCOMPARE(stftFrameCount(0, params.stft), 1);
    }

    void streamsFrameForFrame_data()
    {
        QTest::addColumn<bool>("centred");
        QTest::addColumn<int>("samples");
        QTest::addColumn<int>("expected");  // the length the stream is told to expect
        const int song = 15 * 32000 + 77;
        QTest::newRow("centred, length unknown") << true << song << 0;
        QTest::newRow("centred, expected shorter") << true << song << song / 3;
        QTest::newRow("centred, expected longer") << true << song << song + 5000;
        QTest::newRow("not centred") << false << 5 * 32000 + 77 << 0;
        QTest::newRow("shorter than a frame") << true << 300 << 300;
        QTest::newRow("empty") << true << 0 << 0;
    }

    void streamsFrameForFrame()
    {
        QFETCH(bool, centred);
        QFETCH(int, samples);
        QFETCH(int, expected);
        LogMelParams params;
        params.stft.center = centred;
        const AudioBuffer tone = test::sineWave(440.0, 0.3, params.sampleRate, 15.1, 1);
        const std::vector<float> signal(tone.samples.begin(), tone.samples.begin() + samples);
        const FloatMatrix whole = melSpectrogram(signal.data(), samples, params);

        MelStream stream(params, expected);
        // Pieces shorter than a hop, longer than many frames, and ending mid-frame.
        const std::int64_t sizes[] = {1, 319, 1000, 100000 + 5, 77};
        for (std::int64_t start = 0, next = 0; start < samples; next = (next + 1) % 5) {
            const std::int64_t count = std::min<std::int64_t>(sizes[next], samples - start);
            stream.push(signal.data() + start, count);
            start += count;
        }
        const FloatMatrix streamed = stream.finish();
        QCOMPARE(streamed.rows, whole.rows);
        QCOMPARE(streamed.cols, whole.cols);
        QVERIFY(streamed.values == whole.values);
    }

    void matchesTorchaudio_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("samples");
        QTest::addColumn<int>("frames");
        std::ifstream manifest(test::testSource("core/dsp/golden/golden.json"));
        const auto entries = nlohmann::json::parse(manifest);
        for (const auto& entry : entries) {
            const std::string name = entry["name"];
            QTest::newRow(name.c_str()) << QString::fromStdString(name) << entry["samples"].get<int>() << entry["frames"].get<int>();
        }
    }

    void matchesTorchaudio()
    {
        QFETCH(QString, name);
        QFETCH(int, samples);
        QFETCH(int, frames);
        const auto golden = test::testSource("core/dsp/golden");
        const auto signal = readFloats(golden / (name.toStdString() + ".input.f32"), static_cast<std::size_t>(samples));
        const auto expected = readFloats(golden / (name.toStdString() + ".logmel.f32"), static_cast<std::size_t>(128 * frames));

        const LogMelParams params;
        const FloatMatrix actual = logMelSpectrogram(signal.data(), samples, params);
        QCOMPARE(actual.rows, 128);
        QCOMPARE(actual.cols, frames);

        double largest = 0.0;
        double sum = 0.0;
        for (std::size_t i = 0; i < expected.size(); ++i) {
            const double difference = std::abs(static_cast<double>(actual.values[i]) - expected[i]);
            largest = std::max(largest, difference);
            sum += difference;
        }
        const double mean = sum / static_cast<double>(expected.size());
        qInfo("%s: largest difference %.5f dB, mean %.6f dB", qPrintable(name), largest, mean);
        // The golden values are float64; this path is float32 with ~1e-7 relative rounding in the
        // FFT, i.e. an absolute error of ~1e-7 of the loudest bin in every bin. At the top_db floor
        // (80 dB = 1e-4 in amplitude below the loudest) that is ~1e-3 relative, 0.01 dB; bins
        // clamped to the floor match exactly. So: 0.05 dB anywhere, 0.005 dB on average.
        QVERIFY2(largest < 0.05, qPrintable(QString::number(largest)));
        QVERIFY2(mean < 0.005, qPrintable(QString::number(mean)));
    }
};

QTEST_GUILESS_MAIN(LogMelTest)
#include "test_logmel.moc"
