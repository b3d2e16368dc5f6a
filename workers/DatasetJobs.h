#pragma once

#include "core/dataset/DatasetBuilder.h"
#include "core/dataset/LlmPrompts.h"
#include "core/dataset/LibraryDataset.h"
#include "workers/Job.h"

#include <QMetaType>
#include <QString>
#include <QStringList>

#include <functional>
#include <filesystem>
#include <memory>
#include <utility>
#include <vector>

namespace muze {

// A track's progress in a build, for the GUI thread.
struct TrackProgress {
    QString audioPath;
    bool started = false;
    TrackOutcome outcome = TrackOutcome::Analyzed;
    QString reason;
    int finished = 0;
    int total = 0;
    AnalysisJobs jobs;
};

// Builds or updates a dataset (see buildDataset). Every track's start and end is reported, except
// unchanged tracks, which only advance the progress (a re-run of a large library passes thousands
// of them in a second).
class DatasetBuildJob final : public Job {
    Q_OBJECT

public:
    DatasetBuildJob(BuildOptions options, QObject* parent = nullptr);
    ~DatasetBuildJob() override { stopBeforeDestruction(); }

    // Asked on the GUI thread (the build waits) whether to drop the records of songs gone from the
    // folder; unset, or for at most kDropsWithoutAsking of them, they are dropped and reported.
    void setDropQuestion(std::function<bool(const QStringList& gone)> ask) { m_askDrop = std::move(ask); }
    static constexpr int kDropsWithoutAsking = 3;

signals:
    void trackProgress(const muze::TrackProgress& progress);
    void built(const muze::BuildSummary& summary);

protected:
    void execute(const JobControl& control) override;

private:
    bool confirmDrop(const std::vector<std::string>& gone);

    BuildOptions m_options;
    std::function<bool(const QStringList&)> m_askDrop;
};

// Reads a dataset for the Library.
class DatasetLoadJob final : public Job {
    Q_OBJECT

public:
    DatasetLoadJob(std::filesystem::path path, QObject* parent = nullptr);
    ~DatasetLoadJob() override { stopBeforeDestruction(); }

signals:
    void loaded(std::shared_ptr<muze::LibraryDataset> dataset);

protected:
    void execute(const JobControl& control) override;

private:
    std::filesystem::path m_path;
};

// Writes a snapshot of a Library dataset, atomically.
class DatasetSaveJob final : public Job {
    Q_OBJECT

public:
    DatasetSaveJob(LibraryDataset snapshot, std::filesystem::path path, QObject* parent = nullptr);
    ~DatasetSaveJob() override { stopBeforeDestruction(); }
    const LibraryDataset& snapshot() const { return m_snapshot; }

signals:
    void saved();

protected:
    void execute(const JobControl& control) override;

private:
    LibraryDataset m_snapshot;
    std::filesystem::path m_path;
};

// What a language model wrote for some of the Library's tracks: a prompt per track it answered for.
struct RewrittenPrompts {
    std::vector<std::pair<int, std::string>> prompts;  // the track's index in the dataset, its new prompt
    int missed = 0;                                    // tracks it gave no sentence for, or was not asked about
    QString problem;                                   // why, the first time
};

// Asks a language model for new prompts of the given records, one at a time. It stops asking once
// the server cannot be reached or refuses; a reply without a sentence costs only that track.
class PromptRewriteJob final : public Job {
    Q_OBJECT

public:
    PromptRewriteJob(PromptLlm llm, std::vector<std::pair<int, Record>> records, QObject* parent = nullptr);
    ~PromptRewriteJob() override { stopBeforeDestruction(); }

signals:
    void rewritten(const muze::RewrittenPrompts& result);

protected:
    void execute(const JobControl& control) override;

private:
    PromptLlm m_llm;
    std::vector<std::pair<int, Record>> m_records;
};

}  // namespace muze

Q_DECLARE_METATYPE(muze::TrackProgress)
Q_DECLARE_METATYPE(muze::RewrittenPrompts)
Q_DECLARE_METATYPE(muze::BuildSummary)
Q_DECLARE_METATYPE(std::shared_ptr<muze::LibraryDataset>)
