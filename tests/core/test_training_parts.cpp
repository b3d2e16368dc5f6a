// The pieces every training phase shares: learning-rate schedule, validation split by song, the
// non-finite-loss guard, the metrics log and the weights' moving average.

// LibTorch before Qt: Qt's `slots` macro would break LibTorch's headers.
#include <torch/torch.h>

#include "core/common/Error.h"
#include "core/training/Ema.h"
#include "core/training/Recipe.h"
#include "core/training/TrainingParts.h"
#include "tests/support/TestSupport.h"

#include <QtTest>

#include <fstream>
#include <regex>
#include <set>

using namespace muze;

namespace {

Record song(const std::string& path, const std::string& hash = "", bool included = true)
{
    Record record = {{"audio_path", path}, {"include_in_training", included}};
    if (!hash.empty())
        record["source_file"] = {{"size", 1}, {"modified_ns", 0}, {"fnv1a64", hash}};
    return record;
}

std::set<std::string> pathsOf(const std::vector<Record>& records, const std::vector<std::size_t>& indices)
{
    std::set<std::string> paths;
    for (std::size_t i : indices)
        paths.insert(records[i]["audio_path"].get<std::string>());
    return paths;
}

}  // namespace

class TrainingPartsTest : public QObject {
    Q_OBJECT

private slots:
    void theRecipeTrainsEachPartAfterWhatItNeeds()
    {
        const std::vector<TrainOptions> runs = recipeRuns("songs/muze-dataset.json", "songs/muze-model");
        QCOMPARE(runs.size(), std::size_t(4));
        QVERIFY(runs[0].phase == 1 && runs[0].model == PhaseOneModel::Vocoder && runs[0].maxSteps == Recipe::kVocoderSteps);
        QVERIFY(runs[1].phase == 1 && runs[1].model == PhaseOneModel::Vae && runs[1].maxSteps == Recipe::kVaeSteps);
        QVERIFY(runs[2].phase == 2 && runs[2].epochs == Recipe::kPlannerEpochs && runs[2].maxSteps == 0);
        QVERIFY(runs[3].phase == 3 && runs[3].maxSteps == Recipe::kLdmSteps);  // after the VAE, whose latents it learns
        QVERIFY(runs[0].oneKey && runs[3].oneKey);  // the vocoder voices what the diffusion model makes in C
        for (const TrainOptions& run : runs) {
            QCOMPARE(run.preset, std::string("tiny"));
            QCOMPARE(run.batchSize, Recipe::kBatch);
            QCOMPARE(run.seed, std::uint64_t(0));
            QCOMPARE(run.annotations, std::filesystem::path("songs/muze-dataset.json"));
            QCOMPARE(run.outDir, std::filesystem::path("songs/muze-model"));
        }
        QCOMPARE(recipePlannerSteps(52), std::int64_t(400));  // the demo model's 200 epochs of 47 songs
        QCOMPARE(recipePlannerSteps(3), std::int64_t(200));   // at least a step an epoch
    }

    void theDemoModelsScriptTrainsByTheRecipe()
    {
        std::ifstream script(test::testSource("../packaging/train-demo-model.sh"));
        const std::string text((std::istreambuf_iterator<char>(script)), std::istreambuf_iterator<char>());
        const auto number = [&](const std::string& name) {
            std::smatch match;
            return std::regex_search(text, match, std::regex("\\n" + name + "=([0-9]+)")) ? std::stoll(match[1]) : -1LL;
        };
        QCOMPARE(number("planner_epochs"), static_cast<long long>(Recipe::kPlannerEpochs));
        QCOMPARE(number("vocoder_steps"), static_cast<long long>(Recipe::kVocoderSteps));
        QCOMPARE(number("vae_steps"), static_cast<long long>(Recipe::kVaeSteps));
        QCOMPARE(number("ldm_steps"), static_cast<long long>(Recipe::kLdmSteps));
        QVERIFY(text.find("--batch_size 16 --seed 0") != std::string::npos);
        QVERIFY(text.find("--phase 3 --max_steps \"$ldm_steps\" --one_key") != std::string::npos);
    }

    void theRecipesTimeIsItsStepsAtTheMeasuredSpeeds()
    {
        const RecipeStepSeconds step = measureRecipeSteps(1);
        for (double seconds : {step.vocoder, step.vae, step.planner, step.ldm, step.moveToC})
            QVERIFY(seconds > 0.0);
        QVERIFY(step.ldm > step.planner);  // a UNet against a small MLP
        const std::vector<double> runs = recipeRunSeconds(step, 52, 4260.0);
        QCOMPARE(runs.size(), std::size_t(4));
        QVERIFY(std::abs(runs[0] - (step.vocoder * Recipe::kVocoderSteps / 0.9 + step.moveToC * 4260.0)) < 1e-6 * runs[0]);
        QVERIFY(std::abs(runs[3] - step.ldm * Recipe::kLdmSteps / 0.9) < 1e-6 * runs[3]);
        QVERIFY(std::abs(runs[2] - step.planner * 400 / 0.9) < 1e-6 * runs[2]);
    }

    void learningRateWarmsUpThenFollowsACosine()
    {
        QVERIFY(std::abs(warmupCosineLearningRate(0, 100, 1100, 1e-3, 1e-5) - 1e-5) < 1e-12);
        QVERIFY(std::abs(warmupCosineLearningRate(99, 100, 1100, 1e-3, 1e-5) - 1e-3) < 1e-12);
        QVERIFY(std::abs(warmupCosineLearningRate(600, 100, 1100, 1e-3, 1e-5) - (1e-5 + 0.5 * (1e-3 - 1e-5))) < 1e-12);  // half way
        QVERIFY(std::abs(warmupCosineLearningRate(1100, 100, 1100, 1e-3, 1e-5) - 1e-5) < 1e-12);
        QVERIFY(std::abs(warmupCosineLearningRate(5000, 100, 1100, 1e-3, 1e-5) - 1e-5) < 1e-12);
        for (std::int64_t step = 100; step < 1100; ++step)
            QVERIFY(warmupCosineLearningRate(step + 1, 100, 1100, 1e-3, 1e-5) <= warmupCosineLearningRate(step, 100, 1100, 1e-3, 1e-5));
    }

    void everySongIsOnOneSideOnly()
    {
        std::vector<Record> records;
        for (int i = 0; i < 200; ++i)
            records.push_back(song("song" + std::to_string(i) + ".mp3", std::to_string(1000 + i)));
        records.push_back(song("copy of song7.mp3", "1007"));  // the same content as song7.mp3
        records.push_back(song("left out.mp3", "", false));
        const DataSplit split = splitBySong(records, 0.1, 42);
        QCOMPARE(split.leftOut, std::size_t(1));
        QCOMPARE(split.train.size() + split.validation.size(), std::size_t(201));
        QVERIFY2(split.validation.size() > 8 && split.validation.size() < 35, qPrintable(QString::number(split.validation.size())));
        const auto validation = pathsOf(records, split.validation);
        QCOMPARE(validation.count("song7.mp3"), validation.count("copy of song7.mp3"));

        // The same seed, the same split; another seed, another split.
        QCOMPARE(splitBySong(records, 0.1, 42).validation, split.validation);
        QVERIFY(splitBySong(records, 0.1, 43).validation != split.validation);

        // Songs added later do not move the ones already there.
        std::vector<Record> grown = records;
        for (int i = 0; i < 50; ++i)
            grown.push_back(song("new" + std::to_string(i) + ".mp3", std::to_string(5000 + i)));
        const auto grownValidation = pathsOf(grown, splitBySong(grown, 0.1, 42).validation);
        for (const std::string& path : validation)
            QVERIFY(grownValidation.count(path) == 1);
    }

    void aSmallDatasetStillValidates()
    {
        const std::vector<Record> records = {song("a.mp3"), song("b.mp3")};
        const DataSplit split = splitBySong(records, 0.1, 1);
        QCOMPARE(split.validation.size(), std::size_t(1));
        QCOMPARE(split.train.size(), std::size_t(1));
        QVERIFY(splitBySong({song("only.mp3")}, 0.1, 1).validation.empty());
    }

    void nonFiniteLossesAreSkippedThenStopTheRun()
    {
        NonFiniteGuard guard(3);
        QVERIFY(guard.accept(0.5));
        QVERIFY(!guard.accept(std::nan("")));
        QVERIFY(!guard.accept(INFINITY));
        QVERIFY(guard.accept(0.4));  // a finite loss resets the count
        QVERIFY(!guard.accept(std::nan("")));
        QVERIFY(!guard.accept(std::nan("")));
        QVERIFY_THROWS_EXCEPTION(Error, guard.accept(-INFINITY));
        QCOMPARE(guard.skipped(), 5);
    }

    void theMetricsLogKeepsEveryLine()
    {
        const auto path = test::scratchFolder("metrics_log") / "run.jsonl";
        { std::ofstream(path) << "{\"step\": 1, \"loss\": 0.5}\n{\"step\": 2, \"lo"; }  // killed mid-line
        MetricsLog log(path);
        log.append({{"step", 3}, {"loss", 0.25}});
        std::ifstream in(path);
        std::vector<std::string> lines;
        for (std::string line; std::getline(in, line);)
            lines.push_back(line);
        QCOMPARE(lines.size(), std::size_t(3));
        QCOMPARE(nlohmann::json::parse(lines[2])["step"].get<int>(), 3);
    }

    void theMovingAverageFollowsTheWeights()
    {
        torch::nn::Sequential model(torch::nn::Linear(3, 2), torch::nn::BatchNorm1d(2));
        torch::nn::Sequential ema(torch::nn::Linear(3, 2), torch::nn::BatchNorm1d(2));
        torch::NoGradGuard noGrad;
        for (auto& p : ema->parameters())
            p.fill_(0.0);
        for (auto& p : model->parameters())
            p.fill_(1.0);
        model->named_buffers()["1.num_batches_tracked"].fill_(7);
        updateEma(*ema, *model, 0.9);
        for (const auto& p : ema->parameters())
            QVERIFY(torch::allclose(p, torch::full_like(p, 0.1)));
        updateEma(*ema, *model, 0.9);
        for (const auto& p : ema->parameters())
            QVERIFY(torch::allclose(p, torch::full_like(p, 0.19)));
        QCOMPARE(ema->named_buffers()["1.num_batches_tracked"].item<std::int64_t>(), std::int64_t(7));
        torch::nn::Sequential other(torch::nn::Linear(3, 2));
        QVERIFY_THROWS_EXCEPTION(Error, updateEma(*other, *model, 0.9));
    }
};

QTEST_GUILESS_MAIN(TrainingPartsTest)
#include "test_training_parts.moc"
