// Plays a known tone through the project's player into a real PulseAudio server's null sink (started
// by the test fixture, see tests/support/pulse-null.sh), records the sink's monitor with parec and
// checks what came out: its frequency, its level and how long it lasted.

#include "core/audio/AudioDecoder.h"
#include "core/audio/AudioPlayer.h"
#include "tests/support/TestSupport.h"

#include <QProcess>
#include <QtTest>

using namespace muze;

class PlaybackDeviceTest : public QObject {
    Q_OBJECT

private slots:
    void listsThePulseOutput()
    {
        const auto devices = AudioPlayer::outputDevices();
        QVERIFY(!devices.empty());
        QCOMPARE(QString::fromStdString(devices.front().api), QString("pulse"));
    }

    void playsAToneThatIsHeard()
    {
        const auto recording = test::scratchFolder("playback_device") / "monitor.wav";
        QProcess recorder;
        recorder.start("parec", {"-d", "muze_null.monitor", "--file-format=wav", QString::fromStdString(recording.string())});
        QVERIFY2(recorder.waitForStarted(5000), "parec did not start");
        QTRY_VERIFY_WITH_TIMEOUT(std::filesystem::exists(recording) && std::filesystem::file_size(recording) > 4096, 5000);

        constexpr double kFrequency = 1000.0;
        constexpr double kAmplitude = 0.5;
        constexpr double kSeconds = 1.5;
        AudioPlayer player(PlayerOptions{"", 512});
        player.setSource(std::make_shared<AudioBuffer>(test::sineWave(kFrequency, kAmplitude, 44100, kSeconds, 2)));
        player.play();
        QVERIFY(player.isPlaying());
        // The position a playhead shows: sampled at 60 Hz, it never goes back, and once the sound
        // server is under way it takes a new value at nearly every sample, although the server
        // takes its audio in chunks.
        std::vector<std::int64_t> positions;
        while (!player.reachedEnd() && positions.size() < 600) {
            positions.push_back(player.position());
            QTest::qWait(16);
        }
        QVERIFY(player.reachedEnd());
        QVERIFY(std::is_sorted(positions.begin(), positions.end()));
        const auto underWay = std::find_if(positions.begin(), positions.end(), [](std::int64_t p) { return p > 44100 / 4; });
        std::vector<std::int64_t> moving(underWay, positions.end());
        const std::size_t samples = moving.size();
        const auto distinct = std::distance(moving.begin(), std::unique(moving.begin(), moving.end()));
        qInfo("position took %ld distinct values in %zu samples", long(distinct), samples);
        QVERIFY(samples >= 20);
        QVERIFY(distinct >= static_cast<long>(samples * 3 / 4));
        QCOMPARE(player.position(), player.length());
        QTest::qWait(300);  // let the sink pass the last buffer to the monitor
        recorder.terminate();  // SIGTERM: parec finishes the WAV header
        QVERIFY(recorder.waitForFinished(5000));

        DecodeOptions options;
        options.sampleRate = 0;
        options.channels = ChannelMode::Stereo;
        const AudioBuffer heard = decodeAudioFile(recording, options).audio;
        std::vector<float> left = test::channel(heard, 0);
        // The tone is the stretch above a small threshold; silence surrounds it.
        const auto loud = [](float v) { return std::abs(v) > 0.01f; };
        const auto first = std::find_if(left.begin(), left.end(), loud);
        const auto last = std::find_if(left.rbegin(), left.rend(), loud).base();
        QVERIFY2(first < last, "nothing was heard");
        const std::vector<float> tone(first, last);
        const double heardSeconds = static_cast<double>(tone.size()) / heard.sampleRate;
        const double frequency = test::dominantFrequency(tone, heard.sampleRate);
        const double levelDb = 20.0 * std::log10(test::rootMeanSquare(tone) / (kAmplitude / std::sqrt(2.0)));
        qInfo("heard %.3f s at %.2f Hz, %.2f dB from the played level", heardSeconds, frequency, levelDb);
        QVERIFY(std::abs(frequency - kFrequency) < 2.0);
        QVERIFY(std::abs(levelDb) < 0.5);
        QVERIFY(std::abs(heardSeconds - kSeconds) < 0.05);
    }
};

QTEST_GUILESS_MAIN(PlaybackDeviceTest)
#include "test_playback_device.moc"
