// The three phases on a dataset built from the test library: they learn, resume bit for bit, and
// say what is missing before they start.

#include "core/analysis/MusicAnalysis.h"
#include "core/audio/AudioDecoder.h"
#include "core/common/Error.h"
#include "core/common/SafeTensors.h"
#include "core/dataset/DatasetFile.h"
#include "core/dsp/LogMel.h"
#include "core/training/Checkpoint.h"
#include "core/training/Training.h"
#include "core/training/TrainingLoop.h"
#include "core/training/TrainingParts.h"
#include "core/training/Transposition.h"
#include "tests/support/TestSupport.h"

#include <QtTest>

#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>

using namespace muze;
namespace fs = std::filesystem;

class TrainingPhasesTest : public QObject {
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

    // What train() fails with; empty when it trains.
    static std::string failureOf(const TrainOptions& options)
    {
        try {
            train(options);
        } catch (const Error& error) {
            return error.what();
        }
        return {};
    }

    // Trains `options` to the end with a cancel half way and a resume.
    static void trainWithAnInterruption(TrainOptions options)
    {
        CancelToken cancel;
        const JobControl stopHalfWay{[&](const std::string&, double fraction) {
                                         if (fraction >= 0.5)
                                             cancel.cancel();
                                     },
                                     &cancel};
        QVERIFY_THROWS_EXCEPTION(Error, train(options, stopHalfWay));
        const QString last = QString("step-%1.safetensors").arg(options.maxSteps, 8, 10, QChar('0'));
        QVERIFY(!fs::exists(runFolder(options) / "checkpoints" / last.toStdString()));  // it stopped half way
        options.resume = true;
        QCOMPARE(train(options).steps, options.maxSteps);
    }

    // `straight` and `interrupted`, the same run in two folders, end with the same last checkpoint
    // (in the run folder `model`).
    static void verifyAResumedRunIsTheSame(const TrainOptions& straight, const TrainOptions& interrupted, const std::string& model)
    {
        train(straight);
        trainWithAnInterruption(interrupted);
        const QString last = QString("%1/checkpoints/step-%2.safetensors").arg(model.c_str()).arg(straight.maxSteps, 8, 10, QChar('0'));
        verifyBitForBit(straight.outDir / last.toStdString(), interrupted.outDir / last.toStdString());
    }

    static std::string keyHeardIn(const torch::Tensor& audio)
    {
        const FloatMatrix mel = logMelSpectrogram(audio.data_ptr<float>(), audio.size(0), LogMelParams{});
        const auto key = analyzeMusic(audio.data_ptr<float>(), audio.size(0), 32000, mel, 0.01).key;
        return key ? key->name() : "none";
    }

    static void verifyBitForBit(const fs::path& a, const fs::path& b)
    {
        const TensorFile first = readSafeTensors(a);
        const TensorFile second = readSafeTensors(b);
        QCOMPARE(first.tensors.size(), second.tensors.size());
        for (const auto& [name, tensor] : first.tensors)
            QVERIFY2(tensor.bytes == second.tensors.at(name).bytes, name.c_str());
    }

private slots:
    void initTestCase()
    {
        m_dataset = test::buildLibraryDataset("vae_training_dataset");
    }

    void itLearnsAndLogs()
    {
        const TrainOptions options = optionsFor("vae_learns", 60);
        const TrainSummary summary = train(options);
        QCOMPARE(summary.steps, std::int64_t(60));
        QVERIFY2(summary.lastValidationLoss < 0.6 * summary.firstValidationLoss,
                 qPrintable(QString("%1 → %2").arg(summary.firstValidationLoss).arg(summary.lastValidationLoss)));
        QVERIFY(fs::exists(summary.checkpoint) && fs::exists(options.outDir / "vae/checkpoints/best.safetensors"));
        std::ifstream log(options.outDir / "vae/metrics.jsonl");
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
        QVERIFY(fs::file_size(options.outDir / "vae/previews/original-griffinlim.wav") > 100000);  // 2.56 s at 32 kHz
        DecodeOptions keep;
        keep.sampleRate = 0;
        const AudioBuffer preview = decodeAudioFile(options.outDir / "vae/previews/step-00000060-vae-griffinlim.wav", keep).audio;
        QVERIFY(std::abs(preview.durationSeconds() - 2.56) < 0.05);
        QVERIFY2(test::rootMeanSquare(preview.samples) > 0.005, qPrintable(QString::number(test::rootMeanSquare(preview.samples))));
    }

    void theVocoderLearnsAndVoicesTheVaesPreviews()
    {
        TrainOptions options = optionsFor("vocoder_learns", 40);
        options.model = PhaseOneModel::Vocoder;
        options.learningRate = 2e-3;
        const TrainSummary summary = train(options);
        QCOMPARE(summary.steps, std::int64_t(40));
        QVERIFY2(summary.lastValidationLoss < 0.8 * summary.firstValidationLoss,
                 qPrintable(QString("%1 → %2").arg(summary.firstValidationLoss).arg(summary.lastValidationLoss)));
        QVERIFY(summary.lastValidation.contains("validation_stft_distance") && summary.lastValidation.contains("validation_vocoder_mel_error_db"));
        const fs::path folder = options.outDir / "vocoder";
        QVERIFY(fs::exists(folder / "checkpoints/best.safetensors") && fs::exists(folder / "metrics.jsonl"));
        DecodeOptions keep;
        keep.sampleRate = 0;
        for (const char* name : {"original.wav", "original-griffinlim.wav", "step-00000040-vocoder.wav"}) {
            const AudioBuffer preview = decodeAudioFile(folder / "previews" / name, keep).audio;
            QVERIFY2(std::abs(preview.durationSeconds() - 0.64) < 0.02, name);  // the vocoder's crops are 64 frames
        }

        // A VAE trained beside it makes its previews audible through it as well as through Griffin-Lim.
        options.model = PhaseOneModel::Vae;
        options.maxSteps = 10;
        train(options);
        QVERIFY(fs::exists(options.outDir / "vae/previews/step-00000010-vae-vocoder.wav"));
        QVERIFY(fs::exists(options.outDir / "vae/previews/step-00000010-vae-griffinlim.wav"));
    }

    void theVocoderSaysWhereItsSongsAreMissing()
    {
        TrainOptions options = optionsFor("vocoder_no_audio", 10);
        options.model = PhaseOneModel::Vocoder;
        options.audioDir = test::scratchFolder("vocoder_empty_folder");
        const std::string failure = failureOf(options);
        QVERIFY2(failure.find("--audio_dir") != std::string::npos, failure.c_str());
        QVERIFY(!fs::exists(options.outDir / "vocoder/checkpoints"));
    }

    // With --one_key the vocoder hears each song moved to C by Rubber Band, as a one-key model's
    // songs are made, and its log-mel made again from the moved sound.
    void aOneKeyVocoderHearsEachSongInC()
    {
        TrainOptions options = optionsFor("vocoder_one_key", 10);
        options.model = PhaseOneModel::Vocoder;
        const TrainingSongs ownKeys(options, SongNeeds::FeaturesAndAudio);
        options.oneKey = true;
        const TrainingSongs inC(options, SongNeeds::FeaturesAndAudio);
        for (std::size_t i = 0; i < 3; ++i) {
            const SongData own = ownKeys.load(i);
            const SongData moved = inC.load(i);
            const std::string key = ownKeys.record(i).at("key").get<std::string>();
            QVERIFY(semitonesToC(key) != 0);  // the library's songs are in D major, A minor and F major
            QCOMPARE(moved.mel.sizes(), own.mel.sizes());
            QCOMPARE(keyHeardIn(moved.audio), "C" + key.substr(key.find(' ')));  // by the dataset's analyzer
            const FloatMatrix heard = logMelSpectrogram(moved.audio.data_ptr<float>(), moved.audio.size(0), LogMelParams{});
            const torch::Tensor heardMel = torch::from_blob(const_cast<float*>(heard.values.data()), {heard.rows, heard.cols});
            QVERIFY(torch::allclose(moved.mel, heardMel.narrow(1, 0, moved.mel.size(1)), 1e-3, 1e-2));
        }
        QCOMPARE(train(options).steps, std::int64_t(10));
    }

    void thePlannerLearnsFormsFromSections()
    {
        TrainOptions options = optionsFor("planner_learns", 60);
        options.phase = 2;
        options.batchSize = 2;
        const TrainSummary summary = train(options);
        // Two songs to learn from cannot teach a third's form: the training loss shows the learning.
        std::vector<double> losses;
        std::ifstream log(options.outDir / "planner/metrics.jsonl");
        for (std::string line; std::getline(log, line);)
            if (const auto entry = nlohmann::json::parse(line); entry.contains("loss"))
                losses.push_back(entry["loss"].get<double>());
        QCOMPARE(losses.size(), std::size_t(12));
        QVERIFY2(losses.back() < 0.3 * losses.front(), qPrintable(QString("%1 → %2").arg(losses.front()).arg(losses.back())));
        QVERIFY(summary.lastValidation.contains("validation_type_accuracy") && std::isfinite(summary.lastValidationLoss));
        std::ifstream file(options.outDir / "planner/previews/step-00000060-plans.json");
        const auto plans = nlohmann::json::parse(file);
        // The held-out songs: which of the three they are follows the fixtures' content hashes, and an
        // Ogg file's stream serial number is drawn anew each time the fixtures are encoded.
        const DataSplit split = splitBySong(readDataset(m_dataset), options.validationShare, options.seed);
        QVERIFY(!split.validation.empty());
        QCOMPARE(plans.size(), split.validation.size());
        QVERIFY(plans[0]["proposed"].is_array() && !plans[0]["actual"].empty());
        QVERIFY(fs::exists(options.outDir / "planner/checkpoints/best.safetensors"));

        // Records without sections teach no form, and the run says so before it starts.
        nlohmann::json records = nlohmann::json::parse(std::ifstream(m_dataset));
        for (auto& record : records)
            record["segments"] = nlohmann::json::array();
        const fs::path bare = test::scratchFolder("planner_no_sections") / "data.json";
        std::ofstream(bare) << records.dump();
        options.annotations = bare;
        options.outDir = test::scratchFolder("planner_no_sections_run");
        const std::string failure = failureOf(options);
        QVERIFY2(failure.find("sections") != std::string::npos, failure.c_str());
    }

    void aTimeLimitFitsTheScheduleToTheStepsItAllows()
    {
        TrainOptions options = optionsFor("time_limit", 0);
        options.phase = 2;
        options.epochs = 1000000;  // far more than two seconds allow
        options.maxMinutes = 2.0 / 60;
        options.validateEvery = 100;
        const TrainSummary summary = train(options);
        const nlohmann::ordered_json training = readCheckpointInfo(summary.checkpoint).training;
        QVERIFY(training.value("total_steps_from_time", false));
        const auto planned = training["total_steps"].get<std::int64_t>();
        QVERIFY2(planned > 20 && planned < 1000000, qPrintable(QString::number(planned)));
        QVERIFY(summary.steps <= planned);
    }

    void theDiffusionModelLearnsInTheVaesLatentSpace()
    {
        TrainOptions options = optionsFor("ldm_learns", 10);
        train(options);  // a VAE to work in
        options.phase = 3;
        options.maxSteps = 40;
        options.latentCropFrames = 64;  // 2.56 s
        const TrainSummary summary = train(options);
        QVERIFY2(summary.lastValidationLoss < 0.9 * summary.firstValidationLoss,
                 qPrintable(QString("%1 → %2").arg(summary.firstValidationLoss).arg(summary.lastValidationLoss)));
        QVERIFY(summary.lastValidation.contains("validation_loss_ema"));
        QVERIFY(fs::exists(options.outDir / "ldm/previews/step-00000040-ddim-griffinlim.wav"));
        const TensorFile checkpoint = readSafeTensors(summary.checkpoint);
        QVERIFY(checkpoint.tensors.count("ema.unet.output.weight") == 1 && checkpoint.tensors.count("model.text.positions") == 1);

        TrainOptions noVae = optionsFor("ldm_without_vae", 10);
        noVae.phase = 3;
        const std::string failure = failureOf(noVae);
        QVERIFY2(failure.find("--vae_checkpoint") != std::string::npos, failure.c_str());
    }

    void aTextEncoderOfTheUsersOwnTrainsWithPhaseThree()
    {
        TrainOptions options = optionsFor("ldm_script_text", 10);
        options.gradientCheckpointing = true;
        train(options);  // a VAE to work in
        options.phase = 3;
        options.maxSteps = 4;
        options.latentCropFrames = 64;
        options.textEncoder = test::fixture("encoders") / "word_tokens64.pt";
        const TensorFile checkpoint = readSafeTensors(train(options).checkpoint);
        QVERIFY(checkpoint.tensors.count("model.text.projection.weight") == 1 && checkpoint.tensors.count("model.text.positions") == 0);

        options.resume = true;
        options.maxSteps = 6;
        options.textEncoder = test::fixture("encoders") / "clap512.pt";
        const std::string failure = failureOf(options);
        QVERIFY2(failure.find("clap512.pt") != std::string::npos || failure.find("config") != std::string::npos, failure.c_str());
    }

    void aResumedRunIsTheSameRun()
    {
        TrainOptions interrupted = optionsFor("vae_interrupted", 40);
        verifyAResumedRunIsTheSame(optionsFor("vae_straight", 40), interrupted, "vae");  // the optimizer's state included

        interrupted.resume = true;
        TrainOptions changed = interrupted;
        changed.batchSize = 2;
        const std::string failure = failureOf(changed);  // resuming with other options would be another run
        QVERIFY2(failure.find("batch_size 4, not 2") != std::string::npos, failure.c_str());
    }

    void aResumedDiffusionRunIsTheSameRunWithItsAverage()
    {
        TrainOptions vae = optionsFor("ldm_resume_vae", 10);
        train(vae);
        const auto ldmOptions = [&](const std::string& run, bool oneKey) {
            TrainOptions options = optionsFor(run, 20);
            options.phase = 3;
            options.latentCropFrames = 64;
            options.vaeCheckpoint = vae.outDir / "vae/checkpoints/best.safetensors";
            options.oneKey = oneKey;
            options.transposeRange = oneKey ? 0 : 3;  // the keys it hears are drawn from the seed and the step alone
            return options;
        };
        // The weights, their average and the optimizer's state.
        verifyAResumedRunIsTheSame(ldmOptions("ldm_straight", false), ldmOptions("ldm_interrupted", false), "ldm");
        verifyAResumedRunIsTheSame(ldmOptions("ldm_one_key_straight", true), ldmOptions("ldm_one_key_interrupted", true), "ldm");
    }

    void aResumedVocoderRunIsTheSameRun()
    {
        TrainOptions straight = optionsFor("vocoder_straight", 20);
        straight.model = PhaseOneModel::Vocoder;
        TrainOptions interrupted = optionsFor("vocoder_interrupted", 20);
        interrupted.model = PhaseOneModel::Vocoder;
        verifyAResumedRunIsTheSame(straight, interrupted, "vocoder");
        // Heard in C, the songs are moved again when a resumed run loads them, and the same way.
        straight.outDir = test::scratchFolder("vocoder_one_key_straight");
        interrupted.outDir = test::scratchFolder("vocoder_one_key_interrupted");
        straight.oneKey = interrupted.oneKey = true;
        verifyAResumedRunIsTheSame(straight, interrupted, "vocoder");
    }

    void whatIsMissingIsSaidFirst()
    {
        TrainOptions options = optionsFor("vae_missing", 10);
        options.phase = 3;
        QVERIFY_THROWS_EXCEPTION(Error, train(options));
        options.phase = 1;
        options.preset = "enormous";
        QVERIFY_THROWS_EXCEPTION(Error, train(options));

        const fs::path copy = test::scratchFolder("vae_no_cache") / "data.json";
        fs::copy_file(m_dataset, copy);  // without its cache beside it
        options.preset = "tiny";
        options.annotations = copy;
        const std::string failure = failureOf(options);
        QVERIFY2(failure.find("muze build-dataset") != std::string::npos, failure.c_str());
        QVERIFY(!fs::exists(options.outDir / "vae/checkpoints/step-00000000.safetensors"));
    }
};

QTEST_GUILESS_MAIN(TrainingPhasesTest)
#include "test_training_phases.moc"
