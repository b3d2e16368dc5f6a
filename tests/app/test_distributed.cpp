// Data-parallel training with `muze train --world_size 2` on 127.0.0.1: both ranks end with the same
// weights, which match one process training on the combined batch; only rank 0 writes; a rank that
// dies or never comes makes the other stop with a clear message, and the last checkpoint stays
// usable.

#include "core/common/SafeTensors.h"
#include "core/training/Checkpoint.h"
#include "tests/support/TestSupport.h"

#include <QProcess>
#include <QRegularExpression>
#include <QtTest>

#include <cmath>
#include <unistd.h>

using namespace muze;
namespace fs = std::filesystem;

namespace {

constexpr int kLongestRunMs = 240000;

// A port no other test run is likely to hold.
QString freshPort(int offset)
{
    return QString::number(20000 + (static_cast<int>(getpid()) * 7 + offset) % 40000);
}

class Muze : public QProcess {
public:
    explicit Muze(const QStringList& arguments)
    {
        start(QStringLiteral(MUZE_CLI), arguments);
        waitForStarted();
    }
    ~Muze() override
    {
        kill();
        waitForFinished();
    }
    // Its exit status, after it ends (or -2 when it does not end in time), and what it said.
    int finish(QString* said = nullptr)
    {
        const bool ended = waitForFinished(kLongestRunMs);
        if (said)
            *said = QString::fromUtf8(readAllStandardError());
        return ended ? (exitStatus() == QProcess::NormalExit ? exitCode() : -1) : -2;
    }
};

QString fingerprintIn(const QString& said)
{
    const QRegularExpressionMatch match = QRegularExpression("weights fingerprint ([0-9a-f]+)").match(said);
    return match.hasMatch() ? match.captured(1) : QString();
}

// The largest difference between the model weights of two checkpoints.
double largestWeightDifference(const fs::path& a, const fs::path& b)
{
    const TensorFile first = readSafeTensors(a);
    const TensorFile second = readSafeTensors(b);
    double largest = 0.0;
    int compared = 0;
    for (const auto& [name, tensor] : first.tensors) {
        if (name.rfind("model.", 0) != 0 || tensor.type != TensorType::F32)
            continue;
        const std::vector<float> x = tensor.toFloats();
        const std::vector<float> y = second.tensors.at(name).toFloats();
        for (std::size_t i = 0; i < x.size(); ++i)
            largest = std::max(largest, static_cast<double>(std::abs(x[i] - y[i])));
        ++compared;
    }
    return compared > 10 ? largest : INFINITY;
}

}  // namespace

class DistributedTest : public QObject {
    Q_OBJECT

private:
    fs::path m_dataset;

    QStringList vaeRun(const fs::path& out, int batch, int steps) const
    {
        return {"train", "--phase", "1", "--model", "vae", "--annotations", QString::fromStdString(m_dataset.string()), "--out_dir",
                QString::fromStdString(out.string()), "--batch_size", QString::number(batch), "--max_steps", QString::number(steps), "--seed", "3"};
    }

    static QStringList rank(int index, const QString& port, int timeoutSeconds = 60)
    {
        return {"--world_size", "2", "--rank", QString::number(index), "--master_addr", "127.0.0.1", "--master_port", port, "--dist_timeout",
                QString::number(timeoutSeconds)};
    }

private slots:
    void initTestCase() { m_dataset = test::buildLibraryDataset("distributed_dataset"); }

    void twoRanksTrainAsOneProcessOnTheirCombinedBatch()
    {
        const fs::path folder = test::scratchFolder("distributed_equal");
        const QString port = freshPort(1);
        Muze first(vaeRun(folder / "ranks", 2, 6) + rank(0, port));
        Muze second(vaeRun(folder / "rank1", 2, 6) + rank(1, port));
        QString saidFirst, saidSecond;
        QCOMPARE(first.finish(&saidFirst), 0);
        QCOMPARE(second.finish(&saidSecond), 0);
        QVERIFY2(!fingerprintIn(saidFirst).isEmpty(), qPrintable(saidFirst));
        QCOMPARE(fingerprintIn(saidSecond), fingerprintIn(saidFirst));  // the very same weights on both ranks
        QVERIFY2(!fs::exists(folder / "rank1"), "only rank 0 writes");

        Muze alone(vaeRun(folder / "alone", 4, 6));
        QString saidAlone;
        QCOMPARE(alone.finish(&saidAlone), 0);
        const double difference = largestWeightDifference(folder / "ranks/vae/checkpoints/step-00000006.safetensors",
                                                           folder / "alone/vae/checkpoints/step-00000006.safetensors");
        QVERIFY2(difference < 1e-6, qPrintable(QString("weights differ by %1 from one process on the combined batch").arg(difference)));
    }

    void aRankThatNeverComesStopsTheOtherWithAClearMessage()
    {
        const fs::path folder = test::scratchFolder("distributed_alone");
        Muze lonely(vaeRun(folder, 2, 6) + rank(0, freshPort(2), 3));
        QString said;
        QCOMPARE(lonely.finish(&said), 1);
        QVERIFY2(said.contains("could not meet the other ranks at 127.0.0.1:"), qPrintable(said));
    }

    void aRankThatDiesStopsTheOtherAndTheRunResumes()
    {
        const fs::path folder = test::scratchFolder("distributed_dies");
        const QStringList every5{"--validate_every", "5"};
        const auto bothRanks = [&](const fs::path& out, const QString& port, const QStringList& extra) {
            return std::pair{vaeRun(out, 2, 30) + rank(0, port) + every5 + extra, vaeRun(out, 2, 30) + rank(1, port) + every5 + extra};
        };
        {
            const auto [args0, args1] = bothRanks(folder / "shared", freshPort(3), {});
            Muze first(args0);
            Muze second(args1);
            QTRY_VERIFY_WITH_TIMEOUT(fs::exists(folder / "shared/vae/checkpoints/step-00000005.safetensors"), kLongestRunMs);
            second.kill();
            QString said;
            QCOMPARE(first.finish(&said), 1);
            QVERIFY2(said.contains("another rank has stopped or cannot be reached"), qPrintable(said));
        }
        const std::optional<fs::path> latest = CheckpointFolder(folder / "shared/vae/checkpoints", 3).latest();
        QVERIFY(latest.has_value());
        QVERIFY(readCheckpointInfo(*latest).step >= 5);  // whole and readable

        const auto runToTheEnd = [&](const fs::path& out, const QString& port, const QStringList& extra) {
            const auto [args0, args1] = bothRanks(out, port, extra);
            Muze first(args0);
            Muze second(args1);
            QString said0, said1;
            const int status0 = first.finish(&said0);
            const int status1 = second.finish(&said1);
            return std::tuple{status0, status1, fingerprintIn(said0), fingerprintIn(said1)};
        };
        const auto [resumed0, resumed1, resumedWeights, resumedWeights1] = runToTheEnd(folder / "shared", freshPort(4), {"--resume"});
        QCOMPARE(resumed0, 0);
        QCOMPARE(resumed1, 0);
        QCOMPARE(resumedWeights1, resumedWeights);
        const auto [straight0, straight1, straightWeights, straightWeights1] = runToTheEnd(folder / "straight", freshPort(5), {});
        QCOMPARE(straight0, 0);
        QCOMPARE(straight1, 0);
        QVERIFY(!resumedWeights.isEmpty());
        QCOMPARE(resumedWeights, straightWeights);  // as if it had never stopped
    }
};

QTEST_GUILESS_MAIN(DistributedTest)
#include "test_distributed.moc"
