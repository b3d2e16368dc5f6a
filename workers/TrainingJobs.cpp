#include "workers/TrainingJobs.h"

#include "core/common/Parallel.h"

namespace muze {

TrainJob::TrainJob(TrainOptions options, std::vector<PhaseOneModel> phaseOneModels, QObject* parent)
    : Job(parent), m_options(std::move(options)), m_parts(std::move(phaseOneModels))
{
    if (m_options.phase != 1 || m_parts.empty())
        m_parts = {m_options.model};
}

void TrainJob::execute(const JobControl& control)
{
    prepareComputeThread();
    JobControl pausable = control;
    pausable.pause = &m_gate;
    for (std::size_t i = 0; i < m_parts.size(); ++i) {
        TrainOptions part = m_options;
        part.model = m_parts[i];
        const QString folder = QString::fromStdString(runFolder(part).string());
        emit partStarted(folder);
        const double share = 1.0 / static_cast<double>(m_parts.size());
        const TrainSummary summary = train(part, pausable.slice(share * static_cast<double>(i), share * static_cast<double>(i + 1)));
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
