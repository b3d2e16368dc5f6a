#pragma once

#include "core/models/PresetSizes.h"
#include "core/training/PhaseReadiness.h"
#include "core/training/RunLog.h"
#include "core/training/Training.h"
#include "workers/Job.h"
#include "workers/ValueJob.h"

#include <QMetaType>
#include <QString>

#include <vector>

namespace muze {

// The runs that train a phase as `muze train` does: phase 1's `phaseOneModels` in order (the vocoder,
// then the VAE, unless one is chosen), or the phase's one part.
std::vector<TrainOptions> phaseRuns(const TrainOptions& options, const std::vector<PhaseOneModel>& phaseOneModels);

// Trains runs one after the other, each a part of the model (a phase, or a whole recipe). Pausing
// holds the run at its next step boundary, using no CPU, until it is resumed; cancelling writes a
// checkpoint first and trains no further run. Everything a run measures goes to its folder's
// metrics.jsonl, which the Train page follows.
class TrainJob final : public Job {
    Q_OBJECT

public:
    // `weights`: each run's share of the job's progress (its expected time, say); empty: equal shares.
    explicit TrainJob(std::vector<TrainOptions> runs, std::vector<double> weights = {}, QObject* parent = nullptr);
    ~TrainJob() override { stopBeforeDestruction(); }

    void pause() { m_gate.pause(); }
    void resume() { m_gate.resume(); }
    bool isPaused() const { return m_gate.isPaused(); }

signals:
    void partStarted(const QString& runFolder);  // before each part's first step
    void partTrained(const QString& runFolder, qint64 steps, double validationLoss);

protected:
    void execute(const JobControl& control) override;

private:
    std::vector<TrainOptions> m_runs;
    std::vector<double> m_progressBounds;  // where each run's share of the progress starts, and the last one's end
    PauseGate m_gate;
};

// What a run's folder holds now: the metrics written since `offset`, its previews and checkpoints.
struct RunUpdate {
    MetricsRead metrics;
    std::vector<RunPreview> previews;
    std::vector<std::filesystem::path> checkpoints;  // newest first
};

// Jobs for reads too slow for the GUI thread; each hands its value (the type named) to computed().
ValueJob* readinessJob(const TrainOptions& options, QObject* parent);                                      // PhaseReadiness
ValueJob* runUpdateJob(const std::filesystem::path& runFolder, std::uint64_t offset, QObject* parent);  // RunUpdate
ValueJob* runListJob(const std::filesystem::path& folder, QObject* parent);                             // std::vector<RunSummary>

}  // namespace muze

Q_DECLARE_METATYPE(muze::PhaseReadiness)
Q_DECLARE_METATYPE(muze::RunUpdate)
Q_DECLARE_METATYPE(std::vector<muze::RunSummary>)
Q_DECLARE_METATYPE(std::vector<muze::PresetSize>)
