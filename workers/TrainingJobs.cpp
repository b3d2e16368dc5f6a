#include "workers/TrainingJobs.h"

#include "core/common/Parallel.h"

#include <numeric>

namespace muze {

std::vector<TrainOptions> phaseRuns(const TrainOptions& options, const std::vector<PhaseOneModel>& phaseOneModels)
{
    if (options.phase != 1 || phaseOneModels.empty())
        return {options};
    std::vector<TrainOptions> runs;
    for (PhaseOneModel model : phaseOneModels) {
        runs.push_back(options);
        runs.back().model = model;
    }
    return runs;
}

TrainJob::TrainJob(std::vector<TrainOptions> runs, std::vector<double> weights, QObject* parent) : Job(parent), m_runs(std::move(runs))
{
    if (weights.size() != m_runs.size())
        weights.assign(m_runs.size(), 1.0);
    const double total = std::accumulate(weights.begin(), weights.end(), 0.0);
    m_progressBounds = {0.0};
    for (double weight : weights)
        m_progressBounds.push_back(m_progressBounds.back() + (total > 0 ? weight / total : 0.0));
}

void TrainJob::execute(const JobControl& control)
{
    prepareComputeThread();
    JobControl pausable = control;
    pausable.pause = &m_gate;
    for (std::size_t i = 0; i < m_runs.size(); ++i) {
        const QString folder = QString::fromStdString(runFolder(m_runs[i]).string());
        emit partStarted(folder);
        const TrainSummary summary = train(m_runs[i], pausable.slice(m_progressBounds[i], m_progressBounds[i + 1]));
        emit partTrained(folder, summary.steps, summary.lastValidationLoss);
    }
}

ValueJob* readinessJob(const TrainOptions& options, QObject* parent)
{
    return new ValueJob([options](const JobControl&) { return QVariant::fromValue(checkReadiness(options)); }, parent);
}

ValueJob* runUpdateJob(const std::filesystem::path& runFolder, std::uint64_t offset, QObject* parent)
{
    return new ValueJob(
        [runFolder, offset](const JobControl&) {
            return QVariant::fromValue(RunUpdate{readMetrics(runFolder / "metrics.jsonl", offset), findPreviews(runFolder), runCheckpoints(runFolder)});
        },
        parent);
}

ValueJob* runListJob(const std::filesystem::path& folder, QObject* parent)
{
    return new ValueJob([folder](const JobControl&) { return QVariant::fromValue(findRuns(folder)); }, parent);
}

}  // namespace muze
