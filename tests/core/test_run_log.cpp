// Reading a training run from its folder: the metrics log as it grows (a line still being written
// waits), the runs of a model folder, their previews, and the options that resume one.

#include "core/common/Error.h"
#include "core/common/SafeTensors.h"
#include "core/training/RunLog.h"
#include "tests/support/TestSupport.h"

#include <QtTest>

#include <cmath>
#include <fstream>

using namespace muze;
namespace fs = std::filesystem;

namespace {

void append(const fs::path& file, const std::string& text)
{
    fs::create_directories(file.parent_path());
    std::ofstream(file, std::ios::app | std::ios::binary) << text;
}

void writeCheckpoint(const fs::path& file, const std::string& training)
{
    fs::create_directories(file.parent_path());
    TensorFile tensors;
    tensors.tensors["model.weight"] = Tensor::fromFloats({1.0f}, {1});
    tensors.metadata = {{"preset", "small"}, {"phase", "3"}, {"step", "40"}, {"training", training}};
    writeSafeTensors(file, tensors);
}

}  // namespace

class RunLogTest : public QObject {
    Q_OBJECT

private slots:
    void theLogIsReadAsItGrows()
    {
        const fs::path log = test::scratchFolder("run_log_grows") / "metrics.jsonl";
        QCOMPARE(readMetrics(log).measures.size(), std::size_t(0));  // not there yet
        append(log, R"({"step":0,"epoch":0,"validation_loss":1.5,"time":100.0})" "\n"
                    R"({"step":10,"epoch":0,"loss":1.25,"lr":0.001,"grad_norm":0.5})" "\n"
                    "not json\n"
                    R"({"step":20,"epoch":0,"loss":1.0,)");  // being written
        const MetricsRead first = readMetrics(log);
        QCOMPARE(first.unreadable, 1);
        QCOMPARE(first.measures.at("validation_loss").size(), std::size_t(1));
        QCOMPARE(first.measures.at("validation_loss")[0].time, 100.0);
        QCOMPARE(first.measures.at("loss").size(), std::size_t(1));
        QCOMPARE(first.measures.at("loss")[0].step, std::int64_t(10));
        QVERIFY(std::isnan(first.measures.at("loss")[0].time));
        QVERIFY(first.measures.count("epoch") == 0 && first.measures.count("time") == 0);

        append(log, R"("lr":0.002,"time":101.5})" "\n");
        const MetricsRead next = readMetrics(log, first.nextOffset);
        QCOMPARE(next.unreadable, 0);
        QCOMPARE(next.measures.at("loss").size(), std::size_t(1));
        QCOMPARE(next.measures.at("loss")[0].value, 1.0);
        QCOMPARE(next.measures.at("lr")[0].time, 101.5);
        QCOMPARE(next.nextOffset, static_cast<std::uint64_t>(fs::file_size(log)));
        QCOMPARE(readMetrics(log, next.nextOffset).measures.size(), std::size_t(0));
    }

    void aModelFolderListsItsRunsAndPreviews()
    {
        const fs::path models = test::scratchFolder("run_log_runs");
        append(models / "mine/vae/metrics.jsonl", R"({"step":0,"validation_loss":2.0})" "\n" R"({"step":50,"validation_loss":0.75})" "\n");
        for (const char* name : {"step-00000050-vae-griffinlim.wav", "original-griffinlim.wav", "step-00000000-vae-griffinlim.wav", "notes.txt"})
            append(models / "mine/vae/previews" / name, "");
        writeCheckpoint(models / "mine/vae/checkpoints/step-00000050.safetensors", "{}");
        writeCheckpoint(models / "mine/vae/checkpoints/step-00000020.safetensors", "{}");
        append(models / "ldm/metrics.jsonl", R"({"step":5,"loss":0.9})" "\n");
        fs::create_directories(models / "mine/notes");  // neither a part nor holding one

        const std::vector<RunSummary> runs = findRuns(models);
        QCOMPARE(runs.size(), std::size_t(2));
        const RunSummary& vae = runs[0].part == "vae" ? runs[0] : runs[1];
        QCOMPARE(vae.phase, 1);
        QCOMPARE(vae.steps, std::int64_t(50));
        QCOMPARE(*vae.bestValidationLoss, 0.75);
        QCOMPARE(vae.preset, std::string("small"));
        QCOMPARE(vae.checkpoints.front().filename().string(), std::string("step-00000050.safetensors"));
        const RunSummary& ldm = runs[0].part == "ldm" ? runs[0] : runs[1];
        QCOMPARE(ldm.phase, 3);
        QVERIFY(!ldm.bestValidationLoss && ldm.preset.empty() && ldm.checkpoints.empty());

        const std::vector<RunPreview> previews = findPreviews(models / "mine/vae");
        QCOMPARE(previews.size(), std::size_t(3));
        QCOMPARE(previews[0].step, std::int64_t(-1));
        QCOMPARE(previews[1].step, std::int64_t(0));
        QCOMPARE(previews[2].step, std::int64_t(50));
        QCOMPARE(previews[2].what, std::string("vae-griffinlim"));
    }

    void aRunResumesWithTheOptionsItWasStartedWith()
    {
        const fs::path run = test::scratchFolder("run_log_resume") / "ldm";
        TrainOptions base;
        base.annotations = "data.json";
        QVERIFY_THROWS_EXCEPTION(Error, optionsToResume(run, base));
        writeCheckpoint(run / "checkpoints/step-00000040.safetensors",
                        R"({"seed":"7","batch_size":16,"lr":0.0002,"total_steps":400,"cfg_dropout":0.2,"voice_dropout":0.3,"transpose":6,"one_key":true})");
        const TrainOptions options = optionsToResume(run, base);
        QVERIFY(options.resume);
        QCOMPARE(options.outDir, run.parent_path());
        QCOMPARE(options.annotations, fs::path("data.json"));
        QCOMPARE(options.phase, 3);
        QCOMPARE(options.preset, std::string("small"));
        QCOMPARE(options.seed, std::uint64_t(7));
        QCOMPARE(options.batchSize, 16);
        QCOMPARE(options.learningRate, 0.0002);
        QCOMPARE(options.maxSteps, std::int64_t(400));
        QCOMPARE(options.cfgDropout, 0.2);
        QCOMPARE(options.voiceDropout, 0.3);
        QCOMPARE(options.transposeRange, 6);
        QVERIFY(options.oneKey);
    }
};

QTEST_GUILESS_MAIN(RunLogTest)
#include "test_run_log.moc"
