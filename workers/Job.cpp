#include "workers/Job.h"

#include "core/common/Error.h"

#include <QThread>

namespace muze {
namespace {

constexpr qint64 kProgressIntervalMs = 100;

}  // namespace

Job::Job(QObject* parent) : QObject(parent) {}

Job::~Job()
{
    stopBeforeDestruction();
}

void Job::stopBeforeDestruction()
{
    if (m_thread) {
        m_cancel.cancel();
        m_thread->wait();
    }
}

void Job::start()
{
    Q_ASSERT(!m_thread);
    m_eta.start();
    m_thread.reset(QThread::create([this] { run(); }));
    m_thread->setObjectName(QStringLiteral("muze-job"));
    m_thread->start();
}

void Job::cancel()
{
    m_cancel.cancel();
}

void Job::wait()
{
    if (m_thread)
        m_thread->wait();
}

bool Job::isRunning() const
{
    return m_thread && !m_done.load();
}

void Job::run()
{
    JobControl control{[this](const std::string& stage, double fraction) { reportProgress(stage, fraction); }, &m_cancel};
    try {
        execute(control);
    } catch (const Error& error) {
        if (error.kind() == ErrorKind::Cancelled)
            emit cancelled();
        else
            emit failed(QString::fromStdString(error.what()));
    } catch (const std::exception& error) {
        emit failed(tr("Unexpected failure: %1").arg(QString::fromStdString(error.what())));
    } catch (...) {  // nothing may leave the job's thread: it would end the program
        emit failed(tr("Unexpected failure of an unknown kind."));
    }
    m_done.store(true);  // before `finished`, so that whoever it reaches sees the job as ended
    emit finished();
}

// A new stage is always reported (a pause must not be lost among a step's reports); within a stage,
// at most every kProgressIntervalMs.
void Job::reportProgress(const std::string& stage, double fraction)
{
    const bool sameStage = stage == m_lastStage;
    if (sameStage && m_sinceReport.isValid() && m_sinceReport.elapsed() < kProgressIntervalMs && fraction < 1.0)
        return;
    m_sinceReport.start();
    if (!sameStage)
        m_lastStage = stage;
    const auto remaining = m_eta.remainingSeconds(fraction);
    emit progressChanged(QString::fromStdString(stage), fraction, remaining ? *remaining : -1.0);
}

}  // namespace muze
