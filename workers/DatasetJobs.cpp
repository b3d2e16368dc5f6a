#include "workers/DatasetJobs.h"

namespace muze {

DatasetBuildJob::DatasetBuildJob(BuildOptions options, QObject* parent) : Job(parent), m_options(std::move(options)) {}

bool DatasetBuildJob::confirmDrop(const std::vector<std::string>& gone)
{
    if (!m_askDrop || gone.size() <= static_cast<std::size_t>(kDropsWithoutAsking))
        return true;
    QStringList names;
    for (const std::string& path : gone)
        names << QString::fromStdString(path);
    bool drop = false;
    QMetaObject::invokeMethod(this, [this, &names, &drop] { drop = m_askDrop(names); }, Qt::BlockingQueuedConnection);
    return drop;
}

void DatasetBuildJob::execute(const JobControl& control)
{
    BuildOptions options = m_options;
    options.confirmDrop = [this](const std::vector<std::string>& gone) { return confirmDrop(gone); };
    const BuildSummary summary = buildDataset(options, control, [this](const TrackEvent& event) {
        if (!event.started && event.outcome == TrackOutcome::Reused)
            return;
        emit trackProgress({QString::fromStdString(event.audioPath), event.started, event.outcome, QString::fromStdString(event.reason),
                            event.finished, event.total, event.jobs});
    });
    emit built(summary);
}

DatasetLoadJob::DatasetLoadJob(std::filesystem::path path, QObject* parent) : Job(parent), m_path(std::move(path)) {}

void DatasetLoadJob::execute(const JobControl& control)
{
    emit loaded(std::make_shared<LibraryDataset>(LibraryDataset::load(m_path, control)));
}

DatasetSaveJob::DatasetSaveJob(LibraryDataset snapshot, std::filesystem::path path, QObject* parent)
    : Job(parent), m_snapshot(std::move(snapshot)), m_path(std::move(path))
{
}

void DatasetSaveJob::execute(const JobControl& control)
{
    control.report("saving", 0.0);
    m_snapshot.save(m_path);
    emit saved();
}

PromptRewriteJob::PromptRewriteJob(PromptLlm llm, std::vector<std::pair<int, Record>> records, QObject* parent)
    : Job(parent), m_llm(std::move(llm)), m_records(std::move(records))
{
}

void PromptRewriteJob::execute(const JobControl& control)
{
    PromptLlmSession session(m_llm);
    RewrittenPrompts result;
    for (std::size_t i = 0; i < m_records.size(); ++i) {
        control.report("prompts", static_cast<double>(i) / static_cast<double>(m_records.size()));
        if (std::optional<std::string> prompt = session.promptFor(m_records[i].second, control))
            result.prompts.emplace_back(m_records[i].first, std::move(*prompt));
    }
    result.missed = session.missed();
    result.problem = QString::fromStdString(session.problem());
    emit rewritten(result);
}

}  // namespace muze
