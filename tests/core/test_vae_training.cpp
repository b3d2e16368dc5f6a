// Phase 1 on a dataset built from the test library: it learns, it resumes bit for bit, and it says
// what is missing before it starts.

#include "core/audio/AudioDecoder.h"
#include "core/common/Error.h"
#include "core/common/SafeTensors.h"
#include "core/dataset/DatasetBuilder.h"
#include "core/training/VaeTraining.h"
#include "tests/support/TestSupport.h"

#include <QtTest>

#include <nlohmann/json.hpp>

#include <fstream>

using namespace muze;
namespace fs = std::filesystem;

class VaeTrainingTest : public QObject {
    Q_OBJECT

private:
    fs::path m_dataset;

    TrainOptions optionsFor(const std::string& run, std::int64_t steps) const
    {
        TrainOptions options;
        options.annotations = m_dataset;
        options.outDir = test::scratchFolder(run);
        options.maxSteps = steps;
        options.validateEvery = 10;
        options.logEvery = 5;
        options.warmupSteps = 10;
        options.seed = 9;
        return options;
    }

private slots:
    void initTestCase()
    {
        const fs::path folder = test::scratchFolder("vae_training_dataset");
        fs::create_directories(folder / "songs");
        for (const char* name : {"Artist A/song_a.mp3", "Artist A/song_b.flac", "song_c.ogg"})
            fs::copy_file(test::fixture(std::string("library/") + name), folder / "songs" / fs::path(name).filename());
        BuildOptions build;
        build.audioDir = folder / "songs";
        build.output = folder / "data.json";
        build.analysis.recognizeSpeech = false;
        QCOMPARE(buildDataset(build).analyzed, 3);
        m_dataset = build.output;
    }

    void itLearnsAndLogs()
    {
        const TrainOptions options = optionsFor("vae_learns", 60);
        const TrainSummary summary = trainVae(options);
        QCOMPARE(summary.steps, std::int64_t(60));
        QVERIFY2(summary.lastValidationLoss < 0.6 * summary.firstValidationLoss,
                 qPrintable(QString("%1 → %2").arg(summary.firstValidationLoss).arg(summary.lastValidationLoss)));
        QVERIFY(fs::exists(summary.checkpoint) && fs::exists(options.outDir / "checkpoints/best.safetensors"));
        std::ifstream log(options.outDir / "metrics.jsonl");
        int training = 0;
        int validation = 0;
        for (std::string line; std::getline(log, line);) {
            const auto entry = nlohmann::json::parse(line);
            if (entry.contains("validation_loss"))
                ++validation;
            else if (entry.contains("loss") && entry.contains("lr") && entry.contains("grad_norm") && entry.contains("steps_per_s"))
                ++training;
        }
        QCOMPARE(training, 12);
        QCOMPARE(validation, 7);  // at the start and every 10 steps
        // Audible previews, through Griffin-Lim (no vocoder yet) and named so: the original and each validation's.
        QVERIFY(fs::file_size(options.outDir / "previews/original-griffinlim.wav") > 100000);  // 2.56 s at 32 kHz
        DecodeOptions keep;
        keep.sampleRate = 0;
        const AudioBuffer preview = decodeAudioFile(options.outDir / "previews/step-00000060-vae-griffinlim.wav", keep).audio;
        QVERIFY(std::abs(preview.durationSeconds() - 2.56) < 0.05);
        QVERIFY2(test::rootMeanSquare(preview.samples) > 0.005, qPrintable(QString::number(test::rootMeanSquare(preview.samples))));
    }

    void aResumedRunIsTheSameRun()
    {
        const TrainOptions straight = optionsFor("vae_straight", 40);
        trainVae(straight);

        TrainOptions interrupted = optionsFor("vae_interrupted", 40);
        CancelToken cancel;
        const JobControl stopHalfWay{[&](const std::string&, double fraction) {
                                         if (fraction >= 0.5)
                                             cancel.cancel();
                                     },
                                     &cancel};
        QVERIFY_THROWS_EXCEPTION(Error, trainVae(interrupted, stopHalfWay));
        QVERIFY(fs::exists(interrupted.outDir / "checkpoints/step-00000020.safetensors"));
        QVERIFY(!fs::exists(interrupted.outDir / "checkpoints/step-00000030.safetensors"));
        interrupted.resume = true;
        QCOMPARE(trainVae(interrupted).steps, std::int64_t(40));

        const TensorFile a = readSafeTensors(straight.outDir / "checkpoints/step-00000040.safetensors");
        const TensorFile b = readSafeTensors(interrupted.outDir / "checkpoints/step-00000040.safetensors");
        QCOMPARE(a.tensors.size(), b.tensors.size());
        for (const auto& [name, tensor] : a.tensors)
            QVERIFY2(tensor.bytes == b.tensors.at(name).bytes, name.c_str());  // bit for bit, optimizer state included

        TrainOptions changed = interrupted;
        changed.batchSize = 2;
        QVERIFY_THROWS_EXCEPTION(Error, trainVae(changed));  // resuming with other options would be another run
    }

    void whatIsMissingIsSaidFirst()
    {
        TrainOptions options = optionsFor("vae_missing", 10);
        options.phase = 3;
        QVERIFY_THROWS_EXCEPTION(Error, trainVae(options));
        options.phase = 1;
        options.preset = "enormous";
        QVERIFY_THROWS_EXCEPTION(Error, trainVae(options));

        const fs::path copy = test::scratchFolder("vae_no_cache") / "data.json";
        fs::copy_file(m_dataset, copy);  // without its cache beside it
        options.preset = "tiny";
        options.annotations = copy;
        try {
            trainVae(options);
            QFAIL("trained without features");
        } catch (const Error& error) {
            QVERIFY2(std::string(error.what()).find("muze build-dataset") != std::string::npos, error.what());
        }
        QVERIFY(!fs::exists(options.outDir / "checkpoints/step-00000000.safetensors"));
    }
};

QTEST_GUILESS_MAIN(VaeTrainingTest)
#include "test_vae_training.moc"
