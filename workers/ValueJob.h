#pragma once

#include "workers/Job.h"

#include <QVariant>

#include <functional>

namespace muze {

// A job that computes one value on its thread and hands it to the GUI thread: for reads too slow
// for the GUI thread that need no more than progress and cancel (a dataset's readiness, a run's log).
class ValueJob final : public Job {
    Q_OBJECT

public:
    using Compute = std::function<QVariant(const JobControl& control)>;

    explicit ValueJob(Compute compute, QObject* parent = nullptr) : Job(parent), m_compute(std::move(compute)) {}
    ~ValueJob() override { stopBeforeDestruction(); }

signals:
    void computed(const QVariant& value);

protected:
    void execute(const JobControl& control) override { emit computed(m_compute(control)); }

private:
    Compute m_compute;
};

}  // namespace muze
