// The muze command line, run as a user runs it.

#include "core/audio/AudioDecoder.h"
#include "core/common/SafeTensors.h"
#include "core/dataset/DatasetFile.h"
#include "tests/support/TestSupport.h"

#include <QProcess>
#include <QtTest>

#include <nlohmann/json.hpp>

#include <csignal>
#include <fstream>

using namespace muze;

namespace {

struct Run {
    int status = -1;
    QString out;
    QString err;
};

// `muze estimate` measures a few training steps of each part: it took over two minutes once on a loaded machine.
constexpr int kLongestRunMs = 240000;

// A run that does not end in time is killed and fails the test: a hang is a failure, not a pass.
Run runMuze(const QStringList& arguments)
{
    QProcess process;
    process.start(QStringLiteral(MUZE_CLI), arguments);
    if (!process.waitForFinished(kLongestRunMs)) {
        process.kill();
        process.waitForFinished();
        QTest::qFail(qPrintable(QStringLiteral("muze %1 did not finish within %2 s").arg(arguments.join(' ')).arg(kLongestRunMs / 1000)),
                     __FILE__, __LINE__);
        return {-2, QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError())};
    }
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1, QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

// Fixture songs (paths under library/) into one flat folder.
void copySongs(const std::filesystem::path& folder, std::initializer_list<const char*> names)
{
    std::filesystem::create_directories(folder);
    for (const char* name : names)
        std::filesystem::copy_file(test::fixture(std::string("library/") + name), folder / std::filesystem::path(name).filename());
}

QString text(const std::filesystem::path& path)
{
    return QString::fromStdString(path.string());
}

QString fixturePath(const char* name)
{
    return QString::fromStdString(test::fixture(name).string());
}

}  // namespace

class CliTest : public QObject {
    Q_OBJECT

private slots:
    void helpAndVersion()
    {
        const Run help = runMuze({"--help"});
        QCOMPARE(help.status, 0);
        QVERIFY(help.out.contains("info") && help.out.contains("decode"));
        const Run version = runMuze({"--version"});
        QCOMPARE(version.status, 0);
        QCOMPARE(version.out.trimmed(), QStringLiteral("muze " MUZE_VERSION));
        const Run decodeHelp = runMuze({"decode", "--help"});
        QCOMPARE(decodeHelp.status, 0);
        QVERIFY(decodeHelp.out.contains("--sr") && decodeHelp.out.contains("--mono"));
    }

    void infoPrintsJson()
    {
        const Run run = runMuze({"info", fixturePath("tone_440_660_44100_2ch.flac")});
        QCOMPARE(run.status, 0);
        const auto info = nlohmann::json::parse(run.out.toStdString());
        QCOMPARE(info["codec"].get<std::string>(), std::string("flac"));
        QCOMPARE(info["sample_rate"].get<int>(), 44100);
        QCOMPARE(info["channels"].get<int>(), 2);
        QVERIFY(std::abs(info["duration"].get<double>() - 2.0) < 0.01);
        QCOMPARE(info["tags"]["title"].get<std::string>(), std::string("Test Tone"));
        QCOMPARE(info["tags"]["year"].get<int>(), 2021);
        QCOMPARE(info["tags"]["track"].get<int>(), 3);
        QCOMPARE(info["tags"]["lyrics"].get<std::string>(), std::string("la la la"));
    }

    void decodeWritesTheRequestedFormat()
    {
        const auto out = test::scratchFolder("cli_decode") / "tone.wav";
        const Run run = runMuze({"decode", fixturePath("tone_440_660_44100_2ch.m4a"), "-o", QString::fromStdString(out.string()),
                              "--sr", "16000", "--mono"});
        QCOMPARE(run.status, 0);
        DecodeOptions keep;
        keep.sampleRate = 0;
        keep.channels = ChannelMode::UpToStereo;
        const DecodedAudio written = decodeAudioFile(out, keep);
        QCOMPARE(written.info.codec, std::string("pcm_s16le"));
        QCOMPARE(written.audio.sampleRate, 16000);
        QCOMPARE(written.audio.channels, 1);
        QVERIFY(std::abs(written.audio.durationSeconds() - 2.0) < 0.07);
    }

    void decodeDefaultsToModelRateAndKeepsStereo()
    {
        const auto out = test::scratchFolder("cli_decode_default") / "tone.flac";
        QCOMPARE(runMuze({"decode", fixturePath("tone_440_660_44100_2ch.ogg"), "--output=" + QString::fromStdString(out.string())}).status, 0);
        const AudioFileInfo info = probeAudioFile(out);
        QCOMPARE(info.codec, std::string("flac"));
        QCOMPARE(info.sampleRate, 32000);
        QCOMPARE(info.channels, 2);
    }

    void failuresGoToStderrWithAStatus()
    {
        const auto out = QString::fromStdString((test::scratchFolder("cli_fail") / "x.wav").string());
        const Run missing = runMuze({"decode", fixturePath("no_such_file.mp3"), "-o", out});
        QCOMPARE(missing.status, 1);
        QVERIFY(missing.out.isEmpty());
        QVERIFY2(missing.err.contains("does not exist"), qPrintable(missing.err));

        const Run text = runMuze({"decode", fixturePath("text_renamed.mp3"), "-o", out});
        QCOMPARE(text.status, 1);
        QVERIFY2(text.err.contains("not an audio file"), qPrintable(text.err));

        // The dashed spelling of an option means the same as the underscored one.
        const Run tooLong = runMuze({"decode", fixturePath("tone_1000_48000_1ch_3s.wav"), "-o", out, "--max-duration", "1"});
        QCOMPARE(tooLong.status, 1);
        QVERIFY2(tooLong.err.contains("limit"), qPrintable(tooLong.err));
        QVERIFY(!QFileInfo::exists(out));
    }

    void estimateMeasuresEachStepOrSaysWhyNot()
    {
        const std::filesystem::path empty = test::scratchFolder("cli_estimate_empty");
        const Run none = runMuze({"estimate", "--audio_dir", text(empty)});
        QCOMPARE(none.status, 1);
        QVERIFY2(none.err.contains("no songs that can be read"), qPrintable(none.err));
        QCOMPARE(runMuze({"estimate"}).status, 2);

        const std::filesystem::path songs = test::scratchFolder("cli_estimate") / "songs";
        copySongs(songs, {"Artist A/song_a.mp3", "song_c.ogg"});
        const std::filesystem::path noModel = test::scratchFolder("cli_estimate_no_model");
        const Run run = runMuze({"estimate", "--audio_dir", text(songs), "--no_asr", "--models", text(noModel)});
        QCOMPARE(run.status, 0);
        QVERIFY2(run.out.contains("building the dataset: about") && run.out.contains("for 2 songs"), qPrintable(run.out));
        QVERIFY2(run.out.contains("training every part by the recipe: about"), qPrintable(run.out));
        QVERIFY2(run.out.contains("making a song: not measured"), qPrintable(run.out));
        QVERIFY(run.err.isEmpty());
    }

    void buildDatasetSurvivesAKill()
    {
        namespace fs = std::filesystem;
        const fs::path folder = test::scratchFolder("cli_kill");
        copySongs(folder / "songs", {"Artist A/song_a.mp3", "Artist A/song_b.flac", "song_c.ogg", "bad/silence.wav"});
        const QStringList arguments = {"build-dataset", "--audio-dir", QString::fromStdString((folder / "songs").string()), "--output",
                                       QString::fromStdString((folder / "data.json").string()), "--jobs", "1", "--no-asr"};
        const fs::path journal = folder / "data.json.partial.jsonl";
        QProcess build;
        build.start(QStringLiteral(MUZE_CLI), arguments);
        QVERIFY(build.waitForStarted());
        // Kill it once the journal holds a finished track: in the middle of the next one.
        QTRY_VERIFY_WITH_TIMEOUT(fs::exists(journal) && fs::file_size(journal) > 0, 60000);
        ::kill(static_cast<pid_t>(build.processId()), SIGKILL);
        build.waitForFinished();
        QCOMPARE(build.exitStatus(), QProcess::CrashExit);
        QVERIFY(!fs::exists(folder / "data.json"));

        const Run again = runMuze(arguments);
        QCOMPARE(again.status, 0);
        QVERIFY2(!again.err.contains(" 0 unchanged"), qPrintable(again.err));  // the journalled tracks were kept
        QCOMPARE(readDataset(folder / "data.json").size(), std::size_t(4));
        QVERIFY(!fs::exists(journal));
    }

    void mergesDatasets()
    {
        namespace fs = std::filesystem;
        const fs::path folder = test::scratchFolder("cli_merge");
        writeDataset(folder / "a.json", {Record{{"audio_path", "x.mp3"}, {"prompt", "a"}}, Record{{"audio_path", "y.mp3"}}});
        writeDataset(folder / "b.json", {Record{{"audio_path", "x.mp3"}, {"prompt", "b"}}});
        const Run run = runMuze({"merge-dataset", QString::fromStdString((folder / "a.json").string()),
                                 QString::fromStdString((folder / "b.json").string()), "-o", QString::fromStdString((folder / "out.json").string())});
        QCOMPARE(run.status, 0);
        const auto merged = readDataset(folder / "out.json");
        QCOMPARE(merged.size(), std::size_t(2));
        QCOMPARE(merged[0]["prompt"].get<std::string>(), std::string("b"));
        std::ofstream(folder / "broken.json") << "{";
        QCOMPARE(runMuze({"merge-dataset", QString::fromStdString((folder / "broken.json").string()), QString::fromStdString((folder / "b.json").string()),
                          "-o", QString::fromStdString((folder / "out.json").string())}).status, 1);
    }

    void datasetStatsPrintsASummaryOrJson()
    {
        namespace fs = std::filesystem;
        const fs::path folder = test::scratchFolder("cli_stats");
        const QString dataset = QString::fromStdString((folder / "data.json").string());
        writeDataset(folder / "data.json", {Record{{"audio_path", "x.mp3"}, {"key", "D minor"}, {"tempo", 90.0}, {"duration", 60.0}},
                                            Record{{"audio_path", "y.mp3"}, {"key", "D minor"}, {"tempo", 150.0}, {"duration", 120.0},
                                                   {"include_in_training", false}}});
        const Run text = runMuze({"dataset-stats", dataset});
        QCOMPARE(text.status, 0);
        QVERIFY2(text.out.contains("2 tracks") && text.out.contains("Keys: D minor 2") && text.out.contains("Only 2 songs in D minor"),
                 qPrintable(text.out));
        const Run json = runMuze({"dataset-stats", dataset, "--json"});
        QCOMPARE(json.status, 0);
        const auto stats = nlohmann::json::parse(json.out.toStdString());
        QCOMPARE(stats["included"].get<int>(), 1);
        QCOMPARE(stats["left_out"][0].get<std::string>(), std::string("y.mp3"));
        std::ofstream(folder / "broken.json") << "[{";
        const Run broken = runMuze({"dataset-stats", QString::fromStdString((folder / "broken.json").string())});
        QVERIFY(broken.status != 0 && broken.err.contains("broken.json"));
    }

    void analyzePrintsARecord()
    {
        const Run run = runMuze({"analyze", fixturePath("library/song_c.ogg"), "--no_asr"});
        QCOMPARE(run.status, 0);
        const auto record = nlohmann::json::parse(run.out.toStdString());
        QCOMPARE(record["audio_path"].get<std::string>(), std::string("song_c.ogg"));
        QVERIFY(record["tempo"].is_number());

        // Another process analyses the same file to the same bytes: datasets are reproducible.
        const Run again = runMuze({"analyze", fixturePath("library/song_c.ogg"), "--no_asr"});
        QCOMPARE(again.out, run.out);
    }

    void aMissingEncoderStopsTheBuildAtOnce()
    {
        namespace fs = std::filesystem;
        const fs::path folder = test::scratchFolder("cli_encoder");
        const Run run = runMuze({"build-dataset", "--audio_dir", fixturePath("library"), "--output", QString::fromStdString((folder / "data.json").string()),
                                 "--clap_encoder", "/no/such/clap.pt"});
        QCOMPARE(run.status, 1);
        QVERIFY2(run.err.contains("/no/such/clap.pt") && run.err.contains("does not exist"), qPrintable(run.err));
        QVERIFY(!fs::exists(folder / "data.json"));
    }

    void misuseExitsWithTwo()
    {
        QCOMPARE(runMuze({"transmogrify"}).status, 2);
        const Run noOutput = runMuze({"decode", fixturePath("tone_1000_48000_1ch.wav")});
        QCOMPARE(noOutput.status, 2);
        QVERIFY(noOutput.err.contains("-o"));
        QCOMPARE(runMuze({"decode", fixturePath("tone_1000_48000_1ch.wav"), "-o", "x.mp3"}).status, 2);
        QCOMPARE(runMuze({"decode", fixturePath("tone_1000_48000_1ch.wav"), "-o", "x.wav", "--sr", "fast"}).status, 2);
        QCOMPARE(runMuze({"info"}).status, 2);
    }

    void numbersOutOfRangeAreRefused()
    {
        const QString wav = fixturePath("tone_1000_48000_1ch.wav");
        for (const QStringList& option : {QStringList{"--sr", "nan"}, {"--sr", "inf"}, {"--sr", "-5"}, {"--sr", "99999999999"},
                                          {"--sr", "1e400"}, {"--max_duration", "-inf"}, {"--max_duration", "0"}}) {
            const Run run = runMuze(QStringList{"decode", wav, "-o", "x.wav"} + option);
            QCOMPARE(run.status, 2);
            QVERIFY2(run.err.contains(option[0].mid(2)) && run.err.contains("from"), qPrintable(run.err));
        }
        const Run keys = runMuze({"train", "--annotations", "x.json", "--out_dir", "x", "--phase", "3", "--one_key", "--transpose", "2"});
        QCOMPARE(keys.status, 2);
        QVERIFY2(keys.err.contains("give one of them"), qPrintable(keys.err));
        const Run jobs = runMuze({"build-dataset", "--audio_dir", ".", "--output", "x.json", "--jobs", "1e9"});
        QCOMPARE(jobs.status, 2);
        QVERIFY2(jobs.err.contains("--jobs needs a whole number from 0 to 256"), qPrintable(jobs.err));
        QCOMPARE(runMuze({"build-dataset", "--audio_dir", ".", "--output", "x.json", "--max_tracks", "0"}).status, 2);
        for (const char* shard : {"3/2", "0/2", "1/0", "1", "1/2x", "a/b"}) {
            const Run run = runMuze({"build-dataset", "--audio_dir", ".", "--output", "x.json", "--shard", shard});
            QCOMPARE(run.status, 2);
            QVERIFY2(run.err.contains("--shard takes I/N"), qPrintable(run.err));
        }
        const std::vector<std::pair<QStringList, QString>> llms{{{"--prompt_llm", "gpt"}, "takes ollama or openai"},
                                                                {{"--prompt_llm", "ollama"}, "--llm_model"},
                                                                {{"--llm_model", "llama3.2"}, "go with --prompt_llm"}};
        for (const auto& [flags, expected] : llms) {
            const Run run = runMuze(QStringList{"build-dataset", "--audio_dir", ".", "--output", "x.json"} + flags);
            QCOMPARE(run.status, 2);
            QVERIFY2(run.err.contains(expected), qPrintable(run.err));
        }
    }

    void doubleDashEndsTheOptions()
    {
        // A file whose name starts with a dash is a file after "--", not an option.
        const std::filesystem::path folder = test::scratchFolder("cli_double_dash");
        std::filesystem::copy_file(test::fixture("tone_1000_48000_1ch.wav"), folder / "-song.wav");
        QProcess process;
        process.setWorkingDirectory(text(folder));
        process.start(QStringLiteral(MUZE_CLI), {"info", "--", "-song.wav"});
        QVERIFY(process.waitForFinished(kLongestRunMs));
        QCOMPARE(process.exitCode(), 0);
        QVERIFY(nlohmann::json::parse(process.readAllStandardOutput().toStdString())["duration"].is_number());
        QCOMPARE(runMuze({"info", "-song.wav"}).status, 2);  // without it: an unknown option
    }

    void trainingResumesAfterAKillAsIfNothingHappened()
    {
        namespace fs = std::filesystem;
        const fs::path folder = test::scratchFolder("cli_train");
        copySongs(folder / "songs", {"Artist A/song_a.mp3", "Artist A/song_b.flac", "song_c.ogg"});
        QCOMPARE(runMuze({"build-dataset", "--audio_dir", text(folder / "songs"), "--output", text(folder / "data.json"), "--no_asr"}).status, 0);
        const auto train = [&](const char* run) {
            return QStringList{"train", "--phase", "1", "--model", "vae", "--annotations", text(folder / "data.json"), "--out_dir", text(folder / run),
                               "--max_steps", "60", "--validate_every", "10", "--seed", "3"};
        };
        QCOMPARE(runMuze(train("straight")).status, 0);

        QProcess killed;
        killed.start(QStringLiteral(MUZE_CLI), train("killed"));
        QVERIFY(killed.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(fs::exists(folder / "killed/vae/checkpoints/step-00000020.safetensors"), 60000);
        ::kill(static_cast<pid_t>(killed.processId()), SIGKILL);
        killed.waitForFinished();
        QVERIFY(!fs::exists(folder / "killed/vae/checkpoints/step-00000060.safetensors"));
        const Run resumed = runMuze(train("killed") << "--resume");
        QCOMPARE(resumed.status, 0);
        const TensorFile a = readSafeTensors(folder / "straight/vae/checkpoints/step-00000060.safetensors");
        const TensorFile b = readSafeTensors(folder / "killed/vae/checkpoints/step-00000060.safetensors");
        for (const auto& [name, tensor] : a.tensors)
            QVERIFY2(tensor.bytes == b.tensors.at(name).bytes, name.c_str());
    }

    void aTimeLimitAloneIsNotCutShortByTheDefaultEpochs()
    {
        namespace fs = std::filesystem;
        const fs::path folder = test::scratchFolder("cli_train_time");
        copySongs(folder / "songs", {"Artist A/song_a.mp3", "Artist A/song_b.flac", "song_c.ogg"});
        QCOMPARE(runMuze({"build-dataset", "--audio_dir", text(folder / "songs"), "--output", text(folder / "data.json"), "--no_asr"}).status, 0);
        // The planner on two training songs at batch 4: an epoch is one step, so the default 50 epochs are 50 steps.
        const auto stepsOf = [&](const char* run, const QStringList& limits) {
            const Run trained = runMuze(QStringList{"train", "--phase", "2", "--annotations", text(folder / "data.json"), "--out_dir",
                                                    text(folder / run)} + limits);
            const QRegularExpressionMatch steps = QRegularExpression("planner: step (\\d+)").match(trained.err);
            return trained.status == 0 && steps.hasMatch() ? steps.captured(1).toInt() : -1;
        };
        // Half a minute fits several hundred steps on an idle machine, and more than 50 on a loaded one:
        // the time fit plans from the rate of the first steps.
        QCOMPARE(stepsOf("by_epochs", {"--max_minutes", "0.5", "--epochs", "50"}), 50);
        const int byTime = stepsOf("by_time", {"--max_minutes", "0.5"});
        QVERIFY2(byTime > 50, qPrintable(QString::number(byTime)));
    }

    void namesThatAreNotUtf8AreWrittenOneWay()
    {
        // A Latin-1 file name (a byte 0xE9, not UTF-8): the shell passes its bytes as they are.
        const std::filesystem::path folder = test::scratchFolder("cli_latin1");
        std::filesystem::copy_file(test::fixture("library/song_c.ogg"), folder / "caf\xE9.ogg");
        const auto run = [&](const QString& command, const QString& options) {
            QProcess shell;
            shell.setWorkingDirectory(text(folder));
            shell.start("/bin/sh", {"-c", QStringLiteral("exec \"$0\" %1 \"$(printf 'caf\\351.ogg')\" %2 2>/dev/null").arg(command, options),
                                    QStringLiteral(MUZE_CLI)});
            shell.waitForFinished(kLongestRunMs);
            return nlohmann::json::parse(shell.readAllStandardOutput().toStdString());
        };
        QCOMPARE(run("analyze", "--no_asr")["audio_path"].get<std::string>(), std::string("café.ogg"));
        QVERIFY(run("info", "")["path"].get<std::string>().find("café.ogg") != std::string::npos);
    }

    void anUpdateOfTheFirstSongsKeepsTheRestAndTheOptions()
    {
        // The first run of an update that once dropped every record it did not analyse.
        namespace fs = std::filesystem;
        const fs::path folder = test::scratchFolder("cli_max_tracks");
        copySongs(folder / "songs", {"Artist A/song_a.mp3", "Artist A/song_b.flac", "song_c.ogg"});
        const QStringList build = {"build-dataset", "--audio_dir", text(folder / "songs"), "--output", text(folder / "data.json"), "--jobs", "1"};
        QCOMPARE(runMuze(build + QStringList{"--no_asr", "--language", "pl"}).status, 0);
        const Run update = runMuze(build + QStringList{"--max_tracks", "1"});
        QCOMPARE(update.status, 0);
        QVERIFY2(update.err.contains("1 unchanged") && update.err.contains("2 records kept"), qPrintable(update.err));
        QCOMPARE(readDataset(folder / "data.json").size(), std::size_t(3));
        // The update kept the saved options: no speech recognition, Polish lyrics.
        std::ifstream settings(folder / "data.json.settings.json");
        const auto saved = nlohmann::json::parse(settings);
        QCOMPARE(saved["recognize_speech"].get<bool>(), false);
        QCOMPARE(saved["language"].get<std::string>(), std::string("pl"));

        // A removed song's record is dropped, and named.
        fs::remove(folder / "songs/song_b.flac");
        const Run removed = runMuze(build);
        QCOMPARE(removed.status, 0);
        QVERIFY2(removed.err.contains("1 records of songs no longer in the folder were dropped") && removed.err.contains("song_b.flac"),
                 qPrintable(removed.err));
        QCOMPARE(readDataset(folder / "data.json").size(), std::size_t(2));
    }
};

QTEST_GUILESS_MAIN(CliTest)
#include "test_cli.moc"
