#pragma once

#include "core/dataset/TrackRecord.h"
#include "ui/LibraryQuestions.h"

#include <QPointer>
#include <QTimer>
#include <QWidget>

#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class QTabWidget;
class QUndoStack;

namespace muze {

class DatasetLoadJob;
class DatasetSaveJob;
class LibraryDataset;
class PromptRewriteJob;
class LibraryModel;
class LibraryStatsView;
class MessageBar;
class PlaybackController;
class TrackDetailPanel;
class TrackFilterModel;
class ValueJob;
struct RewrittenPrompts;
struct StatsChoice;
struct StatsWarning;

// The dataset a musician curates: a filterable, sortable table of tracks and the selected track in
// detail, with its edits undoable and saved back (atomically, on a worker) a moment after each, so
// that nothing is lost on a crash. Beside the table, the statistics of the tracks the filter lets
// through, counted on a worker; a click on a bar or a warning filters the table to its tracks. Whatever replaces the open dataset waits for its edits to be
// saved, and when saving fails the user chooses: retry, save elsewhere or discard.
class LibraryPage : public QWidget {
    Q_OBJECT

public:
    LibraryPage(PlaybackController& playback, QWidget* parent = nullptr);
    ~LibraryPage() override;

    QUndoStack* undoStack() const { return m_undo; }
    bool isLoading() const;
    bool hasUnsavedChanges() const;
    bool isSaving() const;
    // Replaces the dialogs that ask the user (tests answer them directly).
    void setQuestions(LibraryQuestions questions) { m_ask = std::move(questions); }

    // Runs `next` once the open dataset's edits are on disk (at once when there are none). When a
    // save fails the user is asked what to do; Cancel drops `next`. A later call replaces `next`.
    void whenSaved(std::function<void()> next);
    QString datasetPath() const;
    LibraryModel* model() const { return m_model; }
    TrackDetailPanel* detail() const { return m_detail; }
    TrackFilterModel* filter() const { return m_filter; }
    LibraryStatsView* statistics() const { return m_stats; }
    bool isCountingStatistics() const;

    // Applies a record (an edit, or its undo) to the dataset, the table and the detail panel.
    void applyRecord(int index, const Record& record);

public slots:
    void openDataset(const QString& path);
    void chooseDataset();
    void buildFromFolder();
    void buildFromFolderAt(const QString& folder);
    void buildFromFolderNow(const QString& folder);  // with the build's default options, without asking for them
    void updateDataset();
    void save();
    void showStatistics(bool shown);
    void toggleStatistics();
    // Asks a language model for new prompts of the selected tracks, as one edit that undoes.
    void rewritePrompts();

signals:
    void datasetOpened(const QString& path);
    void statusMessage(const QString& text);

private:
    void showDataset(std::shared_ptr<LibraryDataset> dataset);
    void showSelected();
    void updateFilterChoices();
    void scheduleSave();
    void startLoading(const QString& path);
    void saveFinished();
    void askAfterFailedSave();
    void continueAfterSave();
    void runBuildDialog(const QString& folder, const QString& output, bool startAtOnce);
    QString audioFileFor(int index);
    QWidget* createFilterBar();
    void countStatistics();
    void filterByBar(const StatsChoice& choice);
    void filterByWarning(const StatsWarning& warning);
    void chooseRows(std::vector<bool> rows, const QString& label);
    std::vector<int> selectedRows() const;
    void applyRewrittenPrompts(const RewrittenPrompts& result, const std::string& source);

    PlaybackController& m_playback;
    MessageBar* m_messages;
    QLabel* m_summary;
    QLineEdit* m_search;
    QComboBox* m_genre;
    QComboBox* m_artist;
    QComboBox* m_key;
    QComboBox* m_vocals;
    QDoubleSpinBox* m_tempoMin;
    QDoubleSpinBox* m_tempoMax;
    QPushButton* m_chosen;  // the chosen-rows filter, and the button that lifts it
    LibraryModel* m_model;
    TrackFilterModel* m_filter;
    QTableView* m_table;
    TrackDetailPanel* m_detail;
    LibraryStatsView* m_stats;
    QTabWidget* m_views;
    QTimer m_statsDelay;
    QPointer<ValueJob> m_statsJob;
    QUndoStack* m_undo;
    QTimer m_saveDelay;
    QPointer<DatasetLoadJob> m_loadJob;
    QPointer<DatasetSaveJob> m_saveJob;
    QPointer<PromptRewriteJob> m_promptJob;
    std::filesystem::path m_path;
    std::filesystem::path m_audioDir;  // empty when the dataset does not say where its songs are
    LibraryQuestions m_ask;
    std::function<void()> m_afterSave;
    QString m_saveError;               // why the last save failed; empty after a good one
    bool m_saveAgain = false;
};

}  // namespace muze
