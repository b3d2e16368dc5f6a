// Decoding every common format to the model's rate and layout, tags, limits and hostile input.
// Fixtures come from tests/fixtures/make_audio_fixtures.sh: two seconds of 440 Hz (left) and 660 Hz
// (right) at 0.25 amplitude, 44.1 kHz, encoded as WAV, FLAC, MP3, Ogg Vorbis, Opus (48 kHz) and M4A/AAC.

#include "core/audio/AudioDecoder.h"
#include "core/audio/AudioWriter.h"
#include "core/common/Error.h"
#include "tests/support/TestSupport.h"

#include <QtTest>

#include <filesystem>

using namespace muze;
using muze::test::fixture;

namespace {

ErrorKind decodeErrorKind(const std::filesystem::path& path, const DecodeOptions& options = {}, std::string* message = nullptr)
{
    try {
        decodeAudioFile(path, options);
    } catch (const Error& error) {
        if (message != nullptr)
            *message = error.what();
        return error.kind();
    }
    QTest::qFail(("decoding did not fail: " + path.string()).c_str(), __FILE__, __LINE__);
    return ErrorKind::InvalidArgument;
}

}  // namespace

class AudioDecoderTest : public QObject {
    Q_OBJECT

private slots:
    void decodesEveryFormat_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("codec");
        QTest::addColumn<int>("sourceRate");
        QTest::newRow("wav") << "tone_440_660_44100_2ch.wav" << "pcm_s16le" << 44100;
        QTest::newRow("flac") << "tone_440_660_44100_2ch.flac" << "flac" << 44100;
        QTest::newRow("mp3") << "tone_440_660_44100_2ch.mp3" << "mp3" << 44100;
        QTest::newRow("ogg vorbis") << "tone_440_660_44100_2ch.ogg" << "vorbis" << 44100;
        QTest::newRow("opus") << "tone_440_660_48000_2ch.opus" << "opus" << 48000;
        QTest::newRow("m4a aac") << "tone_440_660_44100_2ch.m4a" << "aac" << 44100;
    }

    void decodesEveryFormat()
    {
        QFETCH(QString, file);
        QFETCH(QString, codec);
        QFETCH(int, sourceRate);
        const DecodedAudio decoded = decodeAudioFile(fixture(file.toStdString()), DecodeOptions{});
        QCOMPARE(QString::fromStdString(decoded.info.codec), codec);
        QCOMPARE(decoded.info.sampleRate, sourceRate);
        QCOMPARE(decoded.info.channels, 2);
        QVERIFY(std::abs(decoded.info.durationSeconds - 2.0) < 0.1);
        // The reference's defaults: 32 kHz mono, float.
        QCOMPARE(decoded.audio.sampleRate, 32000);
        QCOMPARE(decoded.audio.channels, 1);
        // Lossy codecs may add or trim up to a frame of padding (2048 samples at most here).
        QVERIFY2(std::abs(decoded.audio.frames() - 64000) < 2100, qPrintable(QString::number(decoded.audio.frames())));
        QCOMPARE(decoded.corruptPackets, 0);
        // Mono is the mean of both channels: each tone at half its 0.25 amplitude.
        const std::vector<float> mono = test::channel(decoded.audio, 0);
        QVERIFY(std::abs(test::toneAmplitude(mono, 440, 32000) - 0.125) < 0.01);
        QVERIFY(std::abs(test::toneAmplitude(mono, 660, 32000) - 0.125) < 0.01);
    }

    void decodesInBoundedBlocks()
    {
        const auto path = test::scratchFolder("decoder_blocks") / "long.wav";
        writeAudioFile(path, test::sineWave(440.0, 0.5, 44100, 10.0, 2), {});
        DecodeOptions options;
        options.channels = ChannelMode::UpToStereo;
        const DecodedAudio whole = decodeAudioFile(path, options);
        std::vector<float> joined;
        int blocks = 0;
        const DecodeSummary summary = decodeAudioFileInBlocks(path, options, [&](const AudioBuffer& block, const DecodeSummary& before) {
            QCOMPARE(before.frames, static_cast<std::int64_t>(joined.size() / 2));
            QCOMPARE(block.channels, 2);
            QVERIFY2(block.frames() <= 70000, qPrintable(QString::number(block.frames())));
            joined.insert(joined.end(), block.samples.begin(), block.samples.end());
            ++blocks;
        });
        QVERIFY(blocks >= 4);
        QCOMPARE(summary.frames, whole.audio.frames());
        QCOMPARE(summary.sampleRate, 32000);
        QVERIFY(joined == whole.audio.samples);
    }

    void keepsChannelOrderInStereo()
    {
        DecodeOptions options;
        options.channels = ChannelMode::Stereo;
        options.sampleRate = 0;  // the file's own rate
        const DecodedAudio decoded = decodeAudioFile(fixture("tone_440_660_44100_2ch.ogg"), options);
        QCOMPARE(decoded.audio.sampleRate, 44100);
        QCOMPARE(decoded.audio.channels, 2);
        const auto left = test::channel(decoded.audio, 0);
        const auto right = test::channel(decoded.audio, 1);
        QVERIFY(std::abs(test::toneAmplitude(left, 440, 44100) - 0.25) < 0.01);
        QVERIFY(test::toneAmplitude(left, 660, 44100) < 0.005);
        QVERIFY(std::abs(test::toneAmplitude(right, 660, 44100) - 0.25) < 0.01);
        QVERIFY(test::toneAmplitude(right, 440, 44100) < 0.005);
    }

    void resamplesToTheRequestedRate()
    {
        DecodeOptions options;
        options.sampleRate = 22050;
        const DecodedAudio decoded = decodeAudioFile(fixture("tone_1000_48000_1ch.wav"), options);
        QCOMPARE(decoded.audio.sampleRate, 22050);
        QVERIFY(std::abs(decoded.audio.frames() - 22050) < 8);
        const auto mono = test::channel(decoded.audio, 0);
        QVERIFY(std::abs(test::dominantFrequency(mono, 22050) - 1000.0) < 1.0);
        QVERIFY(std::abs(test::toneAmplitude(mono, 1000, 22050) - 0.5) < 0.01);
    }

    void monoBecomesStereoAtFullLevel()
    {
        DecodeOptions options;
        options.channels = ChannelMode::Stereo;
        const DecodedAudio decoded = decodeAudioFile(fixture("tone_1000_48000_1ch.wav"), options);
        QCOMPARE(decoded.audio.channels, 2);
        QCOMPARE(test::channel(decoded.audio, 0), test::channel(decoded.audio, 1));
        QVERIFY(std::abs(test::toneAmplitude(test::channel(decoded.audio, 0), 1000, 32000) - 0.5) < 0.01);

        options.channels = ChannelMode::UpToStereo;
        QCOMPARE(decodeAudioFile(fixture("tone_1000_48000_1ch.wav"), options).audio.channels, 1);
    }

    void mixesManyChannelsDown()
    {
        // Every channel of the 5.1 file carries the same tone: the mono mean keeps its level.
        const DecodedAudio mono = decodeAudioFile(fixture("tone_1000_48000_6ch.wav"), DecodeOptions{});
        QCOMPARE(mono.info.channels, 6);
        QVERIFY(std::abs(test::toneAmplitude(test::channel(mono.audio, 0), 1000, 32000) - 0.5) < 0.01);

        DecodeOptions listening;
        listening.channels = ChannelMode::UpToStereo;
        const DecodedAudio stereo = decodeAudioFile(fixture("tone_1000_192000_8ch.wav"), listening);
        QCOMPARE(stereo.info.channels, 8);
        QCOMPARE(stereo.info.sampleRate, 192000);
        QCOMPARE(stereo.audio.channels, 2);
        QVERIFY(test::toneAmplitude(test::channel(stereo.audio, 0), 1000, 32000) > 0.1);
    }

    void readsTags_data()
    {
        QTest::addColumn<QString>("file");
        for (const char* name : {"tone_440_660_44100_2ch.wav", "tone_440_660_44100_2ch.flac", "tone_440_660_44100_2ch.mp3",
                                 "tone_440_660_44100_2ch.ogg", "tone_440_660_48000_2ch.opus", "tone_440_660_44100_2ch.m4a"})
            QTest::newRow(name) << name;
    }

    void readsTags()
    {
        QFETCH(QString, file);
        const AudioFileInfo info = probeAudioFile(fixture(file.toStdString()));
        QCOMPARE(info.tags.title, std::string("Test Tone"));
        QCOMPARE(info.tags.artist, std::string("Muze Tests"));
        if (!file.endsWith(".wav")) {  // RIFF INFO has no album, genre, track or lyrics fields
            QCOMPARE(info.tags.album, std::string("Fixtures"));
            QCOMPARE(info.tags.genre, std::string("Electronic"));
            QCOMPARE(info.tags.trackNumber.value_or(-1), 3);
            QCOMPARE(info.tags.lyrics, std::string("la la la"));
        }
        QCOMPARE(info.tags.year.value_or(-1), 2021);
    }

    void ignoresCoverArt()
    {
        const DecodedAudio decoded = decodeAudioFile(fixture("with_cover.mp3"), DecodeOptions{});
        QCOMPARE(decoded.info.codec, std::string("mp3"));
        QVERIFY(std::abs(decoded.audio.durationSeconds() - 2.0) < 0.07);
    }

    void reportsProgressAndStopsOnCancel()
    {
        std::vector<double> fractions;
        JobControl control;
        control.progress = [&](const std::string&, double fraction) { fractions.push_back(fraction); };
        decodeAudioFile(fixture("long_500.mp3"), DecodeOptions{}, control);
        QVERIFY(fractions.size() >= 3);
        QVERIFY(std::is_sorted(fractions.begin(), fractions.end()));
        QCOMPARE(fractions.back(), 1.0);

        CancelToken cancel;
        JobControl cancelling{[&](const std::string&, double fraction) {
                                  if (fraction > 0.2)
                                      cancel.cancel();
                              },
                              &cancel};
        try {
            decodeAudioFile(fixture("long_500.mp3"), DecodeOptions{}, cancelling);
            QFAIL("a cancelled decode returned");
        } catch (const Error& error) {
            QCOMPARE(error.kind(), ErrorKind::Cancelled);
        }
    }

    void streamsInBoundedChunks()
    {
        AudioDecoder decoder(fixture("long_500.mp3"), DecodeOptions{});
        std::vector<float> chunk;
        std::size_t total = 0;
        std::size_t largest = 0;
        for (std::size_t got; (got = decoder.read(chunk, 4096)) > 0; chunk.clear()) {
            total += got;
            largest = std::max(largest, chunk.size());
        }
        QVERIFY(std::abs(static_cast<double>(total) - 20.0 * 32000) < 2000);
        // A read returns about what was asked: at most one codec frame (1152 samples, resampled) more.
        QVERIFY2(largest < 4096 + 1200, qPrintable(QString::number(largest)));
    }

    void skipsAndCountsDamagedPackets()
    {
        const DecodedAudio decoded = decodeAudioFile(fixture("damaged_middle.mp3"), DecodeOptions{});
        QVERIFY2(decoded.corruptPackets > 0, "the garbage in the middle was not noticed");
        // Six kilobytes of 128 kb/s MP3 is about 0.4 s; the rest of the 20 s decodes.
        QVERIFY(decoded.audio.durationSeconds() > 19.0);
    }

    void refusesAFileThatIsMostlyGarbage()
    {
        std::string message;
        QCOMPARE(decodeErrorKind(fixture("mostly_garbage.mp3"), {}, &message), ErrorKind::Corrupt);
        QVERIFY2(message.find("mostly_garbage.mp3") != std::string::npos, message.c_str());
        QVERIFY2(message.find("damaged") != std::string::npos, message.c_str());
    }

    void decodesWhatATruncatedFileHolds()
    {
        const DecodedAudio decoded = decodeAudioFile(fixture("truncated.mp3"), DecodeOptions{});
        QVERIFY(decoded.audio.durationSeconds() > 0.1);
        QVERIFY(decoded.audio.durationSeconds() < 1.0);
    }

    void explainsHostileInput_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("reason");
        QTest::newRow("zero bytes") << "empty.wav" << int(ErrorKind::Corrupt) << "empty";
        QTest::newRow("text named .mp3") << "text_renamed.mp3" << int(ErrorKind::Unsupported) << "not an audio file";
        QTest::newRow("WAV header, no audio") << "header_only.wav" << int(ErrorKind::Corrupt) << "could not be read";
        QTest::newRow("HLS playlist") << "playlist.m3u8" << int(ErrorKind::Unsupported) << "not an audio file";
        QTest::newRow("concat list") << "list.ffconcat" << int(ErrorKind::Unsupported) << "not an audio file";
        QTest::newRow("symlink loop") << "loop_a.wav" << int(ErrorKind::NotFound) << "loops";
        QTest::newRow("missing") << "no_such_file.wav" << int(ErrorKind::NotFound) << "does not exist";
        QTest::newRow("folder") << "." << int(ErrorKind::InvalidArgument) << "folder";
    }

    void explainsHostileInput()
    {
        QFETCH(QString, file);
        QFETCH(int, kind);
        QFETCH(QString, reason);
        std::string message;
        QCOMPARE(int(decodeErrorKind(fixture(file.toStdString()), {}, &message)), kind);
        QVERIFY2(QString::fromStdString(message).contains(reason), message.c_str());
    }

    void enforcesLimits()
    {
        DecodeOptions options;
        options.limits.maxDurationSeconds = 1.0;
        std::string message;
        QCOMPARE(decodeErrorKind(fixture("tone_1000_48000_1ch_3s.wav"), options, &message), ErrorKind::LimitExceeded);
        QVERIFY2(message.find("0:03") != std::string::npos && message.find("limit") != std::string::npos, message.c_str());

        options = {};
        options.limits.maxChannels = 2;
        QCOMPARE(decodeErrorKind(fixture("tone_1000_192000_8ch.wav"), options, &message), ErrorKind::LimitExceeded);
        QVERIFY2(message.find("8 channels") != std::string::npos, message.c_str());

        options = {};
        options.limits.maxSampleRate = 96000;
        QCOMPARE(decodeErrorKind(fixture("tone_1000_192000_8ch.wav"), options, &message), ErrorKind::LimitExceeded);
        QVERIFY2(message.find("192000 Hz") != std::string::npos, message.c_str());
    }

    void opensNamesThatLookLikeProtocols()
    {
        const auto folder = test::scratchFolder("protocol_names");
        const auto odd = folder / "http:tone.wav";
        std::filesystem::copy_file(fixture("tone_1000_48000_1ch.wav"), odd);
        QCOMPARE(decodeAudioFile(odd, DecodeOptions{}).audio.sampleRate, 32000);
    }
};

QTEST_GUILESS_MAIN(AudioDecoderTest)
#include "test_audio_decoder.moc"
