// Jobs on their own: how each ends reaches the GUI thread as signals, and a job destroyed while its
// thread is starting or running stops it before any of the job is gone.

#include "workers/ValueJob.h"

#include <QSignalSpy>
#include <QtTest>

#include <atomic>
#include <memory>
#include <thread>

using namespace muze;

namespace {

// Runs until cancelled, touching state that lives as long as the job's compute function.
ValueJob* jobThatRunsUntilCancelled(QObject* parent = nullptr)
{
    auto steps = std::make_shared<std::atomic<int>>(0);
    return new ValueJob(
        [steps](const JobControl& control) -> QVariant {
            while (true) {
                control.throwIfCancelled();
                steps->fetch_add(1);
                std::this_thread::sleep_for(std::chrono::milliseconds(1));
            }
        },
        parent);
}

}  // namespace

class JobsTest : public QObject {
    Q_OBJECT

private slots:
    void aJobHandsItsValueToTheGuiThread()
    {
        ValueJob job([](const JobControl& control) {
            control.report("adding", 0.5);
            return QVariant(40 + 2);
        });
        QSignalSpy computed(&job, &ValueJob::computed);
        QSignalSpy finished(&job, &Job::finished);
        job.start();
        QVERIFY(finished.wait(5000));
        QCOMPARE(computed.size(), 1);
        QCOMPARE(computed.first().first().toInt(), 42);
    }

    void aFailureCarriesItsMessage()
    {
        ValueJob job([](const JobControl&) -> QVariant { throw Error(ErrorKind::InvalidArgument, "The plan has no sections."); });
        QSignalSpy failed(&job, &Job::failed);
        QSignalSpy finished(&job, &Job::finished);
        job.start();
        QVERIFY(finished.wait(5000));
        QCOMPARE(failed.size(), 1);
        QCOMPARE(failed.first().first().toString(), QStringLiteral("The plan has no sections."));
    }

    void aCancelledJobEndsAsCancelled()
    {
        std::unique_ptr<ValueJob> job(jobThatRunsUntilCancelled());
        QSignalSpy cancelled(job.get(), &Job::cancelled);
        QSignalSpy finished(job.get(), &Job::finished);
        job->start();
        QTest::qWait(20);
        job->cancel();
        QVERIFY(finished.wait(5000));
        QCOMPARE(cancelled.size(), 1);
        QVERIFY(!job->isRunning());
    }

    // Each job is destroyed at once after start, so its thread is still starting or running: the
    // job's destructor stops the thread before the subclass's compute function is gone.
    void destroyingAStartingOrRunningJobIsSafe()
    {
        for (int i = 0; i < 300; ++i) {
            QObject owner;
            ValueJob* job = jobThatRunsUntilCancelled(&owner);
            job->start();
            if (i % 2 == 1)
                std::this_thread::sleep_for(std::chrono::microseconds(200));
        }  // the owner deletes its running child here
    }
};

QTEST_MAIN(JobsTest)
#include "test_jobs.moc"
