#pragma once

#include "core/common/EtaEstimator.h"
#include "core/common/JobControl.h"

#include <QElapsedTimer>
#include <QObject>
#include <QString>

#include <atomic>
#include <memory>
#include <string>

class QThread;

namespace muze {

// A long engine task run on its own thread. Subclasses implement execute(), which calls the engine
// with the JobControl it is given and emits its result signal before returning; the signals reach
// receivers on the GUI thread queued. Progress reaches them at most ten times a second, with an
// estimate of the time left.
//
// Thread contract: create, start, cancel and destroy on the GUI thread. Destroying a running job
// cancels it and waits for its thread: every concrete job calls stopBeforeDestruction() first in its
// own destructor, because once a subclass's destructor has run, its execute() and members are gone
// while the thread may still be about to use them.
class Job : public QObject {
    Q_OBJECT

public:
    explicit Job(QObject* parent = nullptr);
    ~Job() override;

    void start();
    void cancel();
    // Started, and its work not ended yet: false from just before `finished` is emitted.
    bool isRunning() const;
    bool isCancelling() const { return m_cancel.isCancelled(); }
    // Blocks until the job's thread has ended (for shutdown paths only: it stalls the caller).
    void wait();

signals:
    // `secondsLeft` is negative while no estimate is possible yet.
    void progressChanged(const QString& stage, double fraction, double secondsLeft);
    void failed(const QString& message);
    void cancelled();
    void finished();  // after the result signal, failed() or cancelled()

protected:
    void stopBeforeDestruction();

    // Runs on the job's thread. Throws muze::Error to fail; ErrorKind::Cancelled ends as cancelled().
    virtual void execute(const JobControl& control) = 0;

private:
    void run();
    void reportProgress(const std::string& stage, double fraction);

    CancelToken m_cancel;
    std::unique_ptr<QThread> m_thread;
    std::atomic<bool> m_done{false};  // its work has ended (its thread may still be winding down)
    EtaEstimator m_eta;
    QElapsedTimer m_sinceReport;
    std::string m_lastStage;  // on the job's thread only
};

}  // namespace muze
