// Writing WAV and FLAC through libsndfile, read back through the project's decoder.

#include "core/audio/AudioDecoder.h"
#include "core/audio/AudioWriter.h"
#include "core/common/Error.h"
#include "tests/support/TestSupport.h"

#include <QtTest>

using namespace muze;

namespace {

AudioBuffer readBack(const std::filesystem::path& path)
{
    DecodeOptions options;
    options.sampleRate = 0;
    options.channels = ChannelMode::UpToStereo;
    return decodeAudioFile(path, options).audio;
}

float largestDifference(const AudioBuffer& a, const AudioBuffer& b)
{
    float largest = 0.0f;
    for (std::size_t i = 0; i < a.samples.size(); ++i)
        largest = std::max(largest, std::abs(a.samples[i] - b.samples[i]));
    return largest;
}

}  // namespace

class AudioWriterTest : public QObject {
    Q_OBJECT

private slots:
    void roundTrips_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("format");
        QTest::addColumn<double>("tolerance");
        // Tolerances: half a quantisation step of the format, rounded up; float is exact.
        QTest::newRow("wav 16-bit") << "out16.wav" << int(SampleFormat::Pcm16) << 1.0 / 32768;
        QTest::newRow("wav 24-bit") << "out24.wav" << int(SampleFormat::Pcm24) << 1.0 / 8388608;
        QTest::newRow("wav float") << "outf.wav" << int(SampleFormat::Float32) << 0.0;
        QTest::newRow("flac 16-bit") << "out16.flac" << int(SampleFormat::Pcm16) << 1.0 / 32768;
        QTest::newRow("flac 24-bit") << "out24.flac" << int(SampleFormat::Pcm24) << 1.0 / 8388608;
    }

    void roundTrips()
    {
        QFETCH(QString, name);
        QFETCH(int, format);
        QFETCH(double, tolerance);
        const auto path = test::scratchFolder("writer_" + QString(QTest::currentDataTag()).replace(' ', '_').toStdString()) / name.toStdString();
        AudioBuffer audio = test::sineWave(441.0, 0.7, 44100, 0.5, 2);
        for (std::size_t i = 1; i < audio.samples.size(); i += 2)
            audio.samples[i] *= -0.5f;  // make the channels differ
        AudioWriteOptions options{audioFileTypeFor(path), static_cast<SampleFormat>(format)};
        writeAudioFile(path, audio, options);
        const AudioBuffer back = readBack(path);
        QCOMPARE(back.sampleRate, 44100);
        QCOMPARE(back.channels, 2);
        QCOMPARE(back.frames(), audio.frames());
        QVERIFY2(largestDifference(audio, back) <= tolerance, qPrintable(QString::number(largestDifference(audio, back))));
    }

    void clipsInsteadOfWrapping()
    {
        const auto path = test::scratchFolder("writer_clip") / "loud.wav";
        AudioBuffer audio;
        audio.sampleRate = 8000;
        audio.channels = 1;
        audio.samples = {1.5f, -2.0f, 0.25f};
        writeAudioFile(path, audio, {AudioFileType::Wav, SampleFormat::Pcm16});
        const AudioBuffer back = readBack(path);
        QVERIFY(back.samples[0] > 0.99f);
        QVERIFY(back.samples[1] < -0.99f);
    }

    void writesInBlocksAndOnlyOnCommit()
    {
        const auto path = test::scratchFolder("writer_blocks") / "vocals.wav";
        const AudioBuffer first = test::sineWave(300.0, 0.5, 16000, 0.3, 1);
        writeAudioFile(path, first, {});
        const AudioBuffer audio = test::sineWave(500.0, 0.5, 16000, 1.0, 1);
        {
            AudioFileWriter abandoned(path, 16000, 1, {});
            abandoned.write(audio.samples.data(), audio.frames());
        }  // never committed: the file is still the first one
        QCOMPARE(readBack(path).frames(), first.frames());

        AudioFileWriter writer(path, 16000, 1, {});
        writer.write(audio.samples.data(), 1000);
        writer.write(audio.samples.data() + 1000, audio.frames() - 1000);
        QCOMPARE(readBack(path).frames(), first.frames());
        writer.commit();
        const AudioBuffer back = readBack(path);
        QCOMPARE(back.frames(), audio.frames());
        QVERIFY(largestDifference(audio, back) <= 1.0 / 32768);
        QCOMPARE(std::distance(std::filesystem::directory_iterator(path.parent_path()), std::filesystem::directory_iterator()), 1);
    }

    void refusesWhatItCannotWrite()
    {
        const auto folder = test::scratchFolder("writer_refuse");
        const AudioBuffer audio = test::sineWave(100, 0.5, 8000, 0.1);
        QVERIFY_THROWS_EXCEPTION(Error, audioFileTypeFor(folder / "song.mp3"));
        QVERIFY_THROWS_EXCEPTION(Error, writeAudioFile(folder / "x.flac", audio, {AudioFileType::Flac, SampleFormat::Float32}));
        QVERIFY(std::filesystem::is_empty(folder));
    }
};

QTEST_GUILESS_MAIN(AudioWriterTest)
#include "test_audio_writer.moc"
