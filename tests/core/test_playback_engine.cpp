// Sample accuracy of play, pause, seek and stop, driving render() as a device callback would.
// The source's sample values are their own frame numbers, so the output says which frames played.

#include "core/audio/PlaybackEngine.h"
#include "core/common/Error.h"

#include <QtTest>

using namespace muze;

namespace {

std::shared_ptr<AudioBuffer> countingSource(std::int64_t frames, int channels)
{
    auto audio = std::make_shared<AudioBuffer>();
    audio->sampleRate = 48000;
    audio->channels = channels;
    audio->samples.resize(static_cast<std::size_t>(frames * channels));
    for (std::int64_t f = 0; f < frames; ++f)
        for (int c = 0; c < channels; ++c)  // channel c of frame f holds f + c / 4
            audio->samples[static_cast<std::size_t>(f * channels + c)] = static_cast<float>(f) + 0.25f * c;
    return audio;
}

// Waits (without consuming anything) until the feeder has queued `frames` past the position.
bool waitForQueued(const PlaybackEngine& engine, std::int64_t frames)
{
    const std::int64_t target = std::min(engine.position() + frames, engine.length());
    for (int waited = 0; waited < 5000 && engine.queuedUntil() < target; waited += 2)
        QThread::msleep(2);
    return engine.queuedUntil() >= target;
}

std::vector<float> render(PlaybackEngine& engine, int frames, int channels = 2)
{
    std::vector<float> out(static_cast<std::size_t>(frames * channels), -1.0f);
    engine.render(out.data(), frames, channels);
    return out;
}

// Seeks a stopped engine and starts playing there. The feeder has already queued blocks from
// frame 0; the device's paused callback drops them, as a real device would before play.
void playFrom(PlaybackEngine& engine, std::int64_t frame)
{
    engine.seek(frame);
    render(engine, 64);
    engine.play();
}

}  // namespace

class PlaybackEngineTest : public QObject {
    Q_OBJECT

private slots:
    void playsFromTheExactSeekFrame()
    {
        PlaybackEngine engine;
        engine.setSource(countingSource(100000, 1));
        playFrom(engine, 12345);
        QVERIFY(waitForQueued(engine, 1000));
        const auto out = render(engine, 700);
        for (int i = 0; i < 700; ++i) {
            QCOMPARE(out[static_cast<std::size_t>(2 * i)], float(12345 + i));  // mono on both outputs
            QCOMPARE(out[static_cast<std::size_t>(2 * i + 1)], float(12345 + i));
        }
        QCOMPARE(engine.position(), std::int64_t(12345 + 700));
        QCOMPARE(engine.underruns(), std::int64_t(0));
    }

    void pausesAndResumesOnTheSameFrame()
    {
        PlaybackEngine engine;
        engine.setSource(countingSource(50000, 2));
        engine.play();
        QVERIFY(waitForQueued(engine, 2000));
        render(engine, 1037);
        engine.pause();
        QCOMPARE(engine.position(), std::int64_t(1037));
        const auto silent = render(engine, 256);
        QVERIFY(std::all_of(silent.begin(), silent.end(), [](float v) { return v == 0.0f; }));
        QCOMPARE(engine.position(), std::int64_t(1037));
        engine.play();
        const auto resumed = render(engine, 3);
        QCOMPARE(resumed, (std::vector<float>{1037.0f, 1037.25f, 1038.0f, 1038.25f, 1039.0f, 1039.25f}));
    }

    void seekDropsWhatWasQueuedBefore()
    {
        PlaybackEngine engine;
        engine.setSource(countingSource(200000, 1));
        engine.play();
        QVERIFY(waitForQueued(engine, 4000));
        render(engine, 100);
        engine.seek(150000);
        QCOMPARE(engine.position(), std::int64_t(150000));  // reported at once, before any render
        // The device keeps calling; the first callbacks may be silent while the feeder catches up,
        // but nothing queued before the seek may play, and playing starts exactly at its frame.
        std::vector<float> played;
        for (int callback = 0; callback < 1000 && played.size() < 600; ++callback) {
            for (float sample : render(engine, 64, 1))
                if (sample != 0.0f)
                    played.push_back(sample);
            QThread::msleep(1);
        }
        QVERIFY(played.size() >= 600);
        for (std::size_t i = 0; i < played.size(); ++i)
            QCOMPARE(played[i], float(150000 + i));
    }

    void seekWhilePausedIsReadyOnPlay()
    {
        PlaybackEngine engine;
        engine.setSource(countingSource(80000, 1));
        engine.play();
        QVERIFY(waitForQueued(engine, 4000));
        engine.pause();
        render(engine, 64);  // a paused callback drops blocks queued before the seek below
        engine.seek(40000);
        render(engine, 64);
        QVERIFY(waitForQueued(engine, 4000));
        engine.play();
        const auto out = render(engine, 4000, 1);
        QCOMPARE(out.front(), 40000.0f);
        QCOMPARE(out.back(), 43999.0f);
        QCOMPARE(engine.underruns(), std::int64_t(0));
    }

    void stopsAtTheEndAndRestartsFromTheTop()
    {
        PlaybackEngine engine;
        engine.setSource(countingSource(10000, 1));
        playFrom(engine, 9950);
        QVERIFY(waitForQueued(engine, 50));
        const auto out = render(engine, 100, 1);
        QCOMPARE(out[49], 9999.0f);
        QVERIFY(std::all_of(out.begin() + 50, out.end(), [](float v) { return v == 0.0f; }));
        QVERIFY(!engine.isPlaying());
        QVERIFY(engine.reachedEnd());
        QCOMPARE(engine.position(), std::int64_t(10000));

        engine.play();
        QCOMPARE(engine.position(), std::int64_t(0));
        QVERIFY(waitForQueued(engine, 10));
        QCOMPARE(render(engine, 2, 1), (std::vector<float>{0.0f, 1.0f}));
    }

    void stopReturnsToTheStart()
    {
        PlaybackEngine engine;
        engine.setSource(countingSource(30000, 1));
        engine.play();
        QVERIFY(waitForQueued(engine, 1000));
        render(engine, 900);
        engine.stop();
        QVERIFY(!engine.isPlaying());
        QCOMPARE(engine.position(), std::int64_t(0));
    }

    void stereoToMonoOutputAverages()
    {
        PlaybackEngine engine;
        engine.setSource(countingSource(1000, 2));
        engine.play();
        QVERIFY(waitForQueued(engine, 10));
        QCOMPARE(render(engine, 2, 1), (std::vector<float>{0.125f, 1.125f}));
    }

    void refusesMoreThanStereo()
    {
        PlaybackEngine engine;
        QVERIFY_THROWS_EXCEPTION(Error, engine.setSource(countingSource(10, 6)));
    }
};

QTEST_GUILESS_MAIN(PlaybackEngineTest)
#include "test_playback_engine.moc"
