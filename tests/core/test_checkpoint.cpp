// Checkpoints: a training run's model, EMA, optimizer and random state in one safetensors file,
// loaded all or nothing, refused by name when they do not fit, readable by a plain Python reader.

// LibTorch before Qt: Qt's `slots` macro would break LibTorch's headers.
#include <torch/torch.h>

#include "core/common/Error.h"
#include "core/common/SafeTensors.h"
#include "core/training/Checkpoint.h"
#include "tests/support/TestSupport.h"

#include <QtTest>

#include <nlohmann/json.hpp>

using namespace muze;
namespace fs = std::filesystem;

namespace {

struct SmallNetImpl : torch::nn::Module {
    explicit SmallNetImpl(int hidden, int outputs = 2)
        : first(register_module("first", torch::nn::Linear(4, hidden))),
          norm(register_module("norm", torch::nn::BatchNorm1d(hidden))),
          last(register_module("last", torch::nn::Linear(hidden, outputs)))
    {
    }
    torch::Tensor forward(const torch::Tensor& x) { return last(torch::relu(norm(first(x)))); }

    torch::nn::Linear first;
    torch::nn::BatchNorm1d norm;  // buffers too: running mean, variance and an int64 count
    torch::nn::Linear last;
};
TORCH_MODULE(SmallNet);

const nlohmann::ordered_json kConfig = {{"model", "small-net"}, {"hidden", 8}};

CheckpointInfo infoForSmallNet()
{
    CheckpointInfo info;
    info.config = kConfig;
    return info;
}

struct Run {
    SmallNet net{8};
    torch::optim::AdamW optimizer{net->parameters(), torch::optim::AdamWOptions(1e-2)};

    CheckpointParts parts() { return {net.ptr().get(), nullptr, &optimizer}; }

    void train(int steps, std::uint64_t seed)
    {
        at::Generator data = at::detail::createCPUGenerator(seed);
        for (int i = 0; i < steps; ++i) {
            const torch::Tensor x = torch::randn({16, 4}, data);
            optimizer.zero_grad();
            net->forward(x).pow(2).mean().backward();
            optimizer.step();
        }
    }
};

bool sameTensors(torch::nn::Module& a, torch::nn::Module& b)
{
    const auto left = a.named_parameters();
    const auto right = b.named_parameters();
    for (const auto& item : left)
        if (!torch::equal(item.value(), right[item.key()]))
            return false;
    const auto leftBuffers = a.named_buffers();
    const auto rightBuffers = b.named_buffers();
    for (const auto& item : leftBuffers)
        if (!torch::equal(item.value(), rightBuffers[item.key()]))
            return false;
    return true;
}

ErrorKind loadKind(const fs::path& path, const CheckpointParts& parts, const nlohmann::ordered_json& config, std::string* message = nullptr)
{
    try {
        loadCheckpoint(path, parts, config);
    } catch (const Error& error) {
        if (message)
            *message = error.what();
        return error.kind();
    }
    return ErrorKind::Cancelled;  // loaded: not what these tests expect
}

}  // namespace

class CheckpointTest : public QObject {
    Q_OBJECT

private slots:
    void aResumedRunContinuesBitForBit()
    {
        const fs::path path = test::scratchFolder("checkpoint_resume") / "run.safetensors";
        torch::manual_seed(11);  // both runs start from the same weights
        Run straight;
        straight.train(6, 1);

        torch::manual_seed(11);
        Run first;
        first.train(3, 1);
        CheckpointInfo info = infoForSmallNet();
        info.preset = "tiny";
        info.phase = 3;
        info.step = 3;
        saveCheckpoint(path, first.parts(), info);

        Run resumed;
        const CheckpointInfo back = loadCheckpoint(path, resumed.parts(), kConfig);
        QCOMPARE(back.step, std::int64_t(3));
        QCOMPARE(back.phase, 3);
        QCOMPARE(back.preset, std::string("tiny"));
        QVERIFY(sameTensors(*resumed.net, *first.net));
        // The same three steps of data as the straight run's last three.
        at::Generator data = at::detail::createCPUGenerator(1);
        for (int i = 0; i < 3; ++i)
            (void)torch::randn({16, 4}, data);
        for (int i = 0; i < 3; ++i) {
            const torch::Tensor x = torch::randn({16, 4}, data);
            resumed.optimizer.zero_grad();
            resumed.net->forward(x).pow(2).mean().backward();
            resumed.optimizer.step();
        }
        QVERIFY(sameTensors(*resumed.net, *straight.net));
    }

    void theRandomStateComesBack()
    {
        at::Generator generator = at::detail::createCPUGenerator(42);
        const std::string saved = generatorState(generator);
        const torch::Tensor a = torch::randn({5}, generator);
        restoreGeneratorState(generator, saved);
        QVERIFY(torch::equal(torch::randn({5}, generator), a));
        QVERIFY_THROWS_EXCEPTION(Error, restoreGeneratorState(generator, "zz"));
    }

    void mismatchesAreRefusedAndNothingIsLoaded()
    {
        const fs::path folder = test::scratchFolder("checkpoint_refused");
        Run other;
        other.train(1, 2);
        CheckpointInfo info = infoForSmallNet();
        saveCheckpoint(folder / "ok.safetensors", other.parts(), info);

        torch::manual_seed(21);
        Run target;
        target.train(1, 3);
        torch::manual_seed(21);
        Run before;  // the target as it is before the attempts
        before.train(1, 3);
        std::string message;

        QCOMPARE(loadKind(folder / "ok.safetensors", target.parts(), {{"model", "small-net"}, {"hidden", 9}}, &message), ErrorKind::InvalidArgument);
        QVERIFY2(message.find("another model") != std::string::npos && message.find("ok.safetensors") != std::string::npos, message.c_str());

        // Same config, other shapes (a config that lies): refused by the tensor's name.
        SmallNet wide(9);
        saveCheckpoint(folder / "wide.safetensors", {wide.ptr().get(), nullptr, nullptr}, info);
        QCOMPARE(loadKind(folder / "wide.safetensors", target.parts(), kConfig, &message), ErrorKind::Corrupt);
        QVERIFY2(message.find("\"model.first.") != std::string::npos && message.find("[9") != std::string::npos, message.c_str());

        // Only the output layer differs: the tensors before it in the file fit, and must not be loaded either.
        SmallNet moreOutputs(8, 3);
        saveCheckpoint(folder / "outputs.safetensors", {moreOutputs.ptr().get(), nullptr, nullptr}, info);
        QCOMPARE(loadKind(folder / "outputs.safetensors", target.parts(), kConfig, &message), ErrorKind::Corrupt);
        QVERIFY2(message.find("\"model.last.") != std::string::npos, message.c_str());

        fs::copy_file(folder / "ok.safetensors", folder / "cut.safetensors");
        fs::resize_file(folder / "cut.safetensors", fs::file_size(folder / "ok.safetensors") - 20);
        QCOMPARE(loadKind(folder / "cut.safetensors", target.parts(), kConfig), ErrorKind::Corrupt);

        TensorFile plain;
        plain.tensors["model.first.weight"] = Tensor::fromFloats(std::vector<float>(32), {8, 4});
        writeSafeTensors(folder / "plain.safetensors", plain);
        QCOMPARE(loadKind(folder / "plain.safetensors", target.parts(), kConfig, &message), ErrorKind::Corrupt);
        QVERIFY2(message.find("not a Muze Studio checkpoint") != std::string::npos, message.c_str());

        QVERIFY(sameTensors(*target.net, *before.net));  // every refusal left the model as it was
    }

    void weightsLoadWithoutTheTrainingState()
    {
        const fs::path path = test::scratchFolder("checkpoint_inference") / "run.safetensors";
        Run run;
        run.train(2, 4);
        CheckpointInfo info = infoForSmallNet();
        SmallNet ema(8);
        saveCheckpoint(path, {run.net.ptr().get(), ema.ptr().get(), &run.optimizer}, info);
        SmallNet forGeneration(8);
        loadCheckpoint(path, {forGeneration.ptr().get(), nullptr, nullptr}, kConfig);
        QVERIFY(sameTensors(*forGeneration, *run.net));
    }

    void weightsAloneAreKeptInHalfPrecisionForGeneration()
    {
        const fs::path folder = test::scratchFolder("checkpoint_weights");
        Run run;
        run.train(2, 4);
        saveCheckpoint(folder / "run.safetensors", run.parts(), infoForSmallNet());
        saveWeights(folder / "weights.safetensors", *run.net, infoForSmallNet());
        QVERIFY(fs::file_size(folder / "weights.safetensors") < fs::file_size(folder / "run.safetensors") / 3);
        QVERIFY(readCheckpointInfo(folder / "weights.safetensors").weightsOnly);
        QVERIFY(!readCheckpointInfo(folder / "run.safetensors").weightsOnly);

        SmallNet forGeneration(8);
        loadCheckpoint(folder / "weights.safetensors", {forGeneration.ptr().get(), nullptr, nullptr}, kConfig);
        for (const auto& item : run.net->named_parameters()) {
            const torch::Tensor halved = item.value().to(torch::kFloat16).to(torch::kFloat32);
            QVERIFY(torch::equal(forGeneration->named_parameters()[item.key()], halved));
            QVERIFY(!torch::equal(halved, item.value()));  // it was rounded: the test would see a float32 copy
        }
        QVERIFY(torch::equal(forGeneration->norm->num_batches_tracked, run.net->norm->num_batches_tracked));

        // A run cannot go on from it: the optimizer's state is not there.
        Run resumed;
        std::string message;
        QCOMPARE(loadKind(folder / "weights.safetensors", resumed.parts(), kConfig, &message), ErrorKind::Corrupt);
        QVERIFY2(message.find("for generation alone") != std::string::npos, message.c_str());
    }

    void nonFiniteWeightsAreNeverWritten()
    {
        const fs::path path = test::scratchFolder("checkpoint_nan") / "run.safetensors";
        Run run;
        torch::NoGradGuard noGrad;
        run.net->last->bias[0].fill_(std::numeric_limits<float>::quiet_NaN());
        CheckpointInfo info = infoForSmallNet();
        try {
            saveCheckpoint(path, run.parts(), info);
            QFAIL("a NaN was written");
        } catch (const Error& error) {
            QVERIFY(std::string(error.what()).find("model.last.bias") != std::string::npos);
        }
        QVERIFY(!fs::exists(path));
    }

    void theFolderKeepsTheLastAndTheBest()
    {
        const fs::path folder = test::scratchFolder("checkpoint_folder");
        CheckpointFolder checkpoints(folder, 2);
        Run run;
        const double losses[] = {3.0, 1.0, 2.0, 1.5};
        for (int step = 1; step <= 4; ++step) {
            CheckpointInfo info = infoForSmallNet();
            info.step = step * 100;
            info.validationLoss = losses[step - 1];
            checkpoints.save(run.parts(), info);
        }
        std::vector<std::string> names;
        for (const auto& entry : fs::directory_iterator(folder))
            names.push_back(entry.path().filename().string());
        std::sort(names.begin(), names.end());
        QCOMPARE(names, (std::vector<std::string>{"best.safetensors", "step-00000300.safetensors", "step-00000400.safetensors"}));
        QCOMPARE(readCheckpointInfo(checkpoints.best()).step, std::int64_t(200));
        QCOMPARE(checkpoints.latest()->filename().string(), std::string("step-00000400.safetensors"));
    }

    void pythonReadsItByThePublishedLayout()
    {
        const fs::path path = test::scratchFolder("checkpoint_python") / "run.safetensors";
        Run run;
        run.train(1, 5);
        CheckpointInfo info = infoForSmallNet();
        saveCheckpoint(path, run.parts(), info);
        const auto read = test::readSafeTensorsWithPython(path);
        QCOMPARE(nlohmann::ordered_json::parse(read["metadata"]["config"].get<std::string>()), kConfig);
        for (const auto& item : run.net->named_parameters()) {
            const auto& tensor = read["tensors"]["model." + item.key()];
            QCOMPARE(tensor["shape"].get<std::vector<std::int64_t>>(), std::vector<std::int64_t>(item.value().sizes().begin(), item.value().sizes().end()));
            const torch::Tensor values = torch::tensor(tensor["values"].get<std::vector<float>>()).view(item.value().sizes());
            QVERIFY(torch::equal(values, item.value().detach()));
        }
        QVERIFY(read["tensors"].contains("optimizer.first.weight.exp_avg"));
        QVERIFY(read["tensors"].contains("model.norm.num_batches_tracked"));
    }
};

QTEST_GUILESS_MAIN(CheckpointTest)
#include "test_checkpoint.moc"
