#pragma once

#include "core/common/ProcessUsage.h"
#include "core/training/RunLog.h"
#include "ui/TrainSetup.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QTimer>
#include <QWidget>

#include <deque>
#include <filesystem>
#include <memory>
#include <vector>

class QAction;
class QCheckBox;
class QComboBox;
class QLabel;
class QListWidget;
class QProgressBar;
class QPushButton;
class QSlider;
class QTreeWidget;

namespace muze {

class AudioLoadJob;
class LossPlot;
class MessageBar;
class PlaybackController;
class SpectrogramView;
class TrainJob;
class ValueJob;
struct LoadedAudio;
struct PhaseReadiness;
struct RunUpdate;

// Training while the musician watches: set up a run, start, pause, resume and stop it, and follow it
// as it writes its log: curves, speed, time left, CPU and memory, its checkpoints and the previews
// it writes, which play in place. The model folder's runs (the CLI's too, and one still running in
// another process) are listed; selecting one shows its curves, and one click resumes it.
class TrainPage : public QWidget {
    Q_OBJECT

public:
    TrainPage(PlaybackController& playback, QWidget* parent = nullptr);
    ~TrainPage() override;

    QAction* startAction() const { return m_startAction; }
    QAction* pauseAction() const { return m_pauseAction; }
    QAction* stopAction() const { return m_stopAction; }

    bool isTraining() const;
    bool isPaused() const;
    QString followedRun() const { return m_followed; }
    LossPlot* plot() const { return m_plot; }
    TrainSetup* setup() const { return m_setup; }
    QString errorText() const;

public slots:
    void setDataset(const QString& path);
    void setModelFolder(const QString& path);
    void start();
    void togglePause();
    void stop();  // writes a checkpoint, then ends the run
    void resumeSelectedRun();
    // Trains every part of a first model by the recipe (core/training/Recipe.h), one after the other;
    // `secondsOfEach`, each run's expected time, weighs its share of the progress. Started again, it
    // skips the parts trained to their end and resumes the one stopped.
    void startRecipe(const QString& dataset, const QString& modelFolder, const std::vector<double>& secondsOfEach);

signals:
    void modelFolderChanged(const QString& path);
    void updateDatasetRequested(const QString& dataset);
    void trainingEnded();
    void statusMessage(const QString& text);

private:
    QWidget* createControls();
    QWidget* createCurves();
    QWidget* createStatistics();
    QWidget* createPreviews();
    QWidget* createRuns();
    void startTraining(const TrainOptions& options, bool resuming);
    void startRuns(const std::vector<TrainOptions>& runs, const std::vector<double>& weights, bool resuming);
    void checkReadiness();
    void showReadiness(const PhaseReadiness& readiness);
    void listRuns();
    void showRuns(const std::vector<RunSummary>& runs);
    void follow(const QString& runFolder);
    void readFollowedRun();
    void showUpdate(const RunUpdate& update);
    void showCurveChoice();
    void showProgress(const QString& stage, double fraction);
    void showStatistics();
    void showPreview();
    void playPreview();
    void trainingFinished();
    void updateControls();
    void fix(TrainSetup::Fix kind);

    PlaybackController& m_playback;
    MessageBar* m_message;
    TrainSetup* m_setup;
    QAction* m_startAction;
    QAction* m_pauseAction;
    QAction* m_stopAction;
    QProgressBar* m_progress = nullptr;
    QLabel* m_state = nullptr;
    LossPlot* m_plot = nullptr;
    QComboBox* m_curveChoice = nullptr;
    QComboBox* m_axis = nullptr;
    QCheckBox* m_logScale = nullptr;
    QSlider* m_smoothing = nullptr;
    QLabel* m_speed = nullptr;
    QLabel* m_elapsed = nullptr;
    QLabel* m_eta = nullptr;
    QLabel* m_usage = nullptr;
    QLabel* m_checkpoint = nullptr;
    QListWidget* m_previews = nullptr;
    SpectrogramView* m_previewMel = nullptr;
    QPushButton* m_playPreview = nullptr;
    QTreeWidget* m_runs = nullptr;
    QPushButton* m_resume = nullptr;

    QPointer<TrainJob> m_job;
    QPointer<ValueJob> m_readinessJob;
    QPointer<ValueJob> m_runsJob;
    QPointer<ValueJob> m_updateJob;
    QPointer<AudioLoadJob> m_previewJob;
    std::shared_ptr<const LoadedAudio> m_previewAudio;
    bool m_readinessStale = false;  // the setup changed while its readiness was checked
    bool m_runsStale = false;       // the folder changed while its runs were listed
    QString m_listedFolder;

    QString m_followed;        // the run folder whose log is shown
    std::uint64_t m_offset = 0;  // read of its metrics.jsonl so far
    QTimer m_followTimer;
    std::int64_t m_lastStep = 0;
    std::deque<double> m_recentSpeeds;  // steps/s of the latest log lines
    double m_examplesPerSecond = 0.0;
    std::filesystem::path m_lastCheckpoint;

    double m_fraction = 0.0;
    QElapsedTimer m_runClock;
    qint64 m_pausedMs = 0;
    QElapsedTimer m_pausedSince;
    ProcessUsage m_lastUsage;
    QElapsedTimer m_usageClock;
    QTimer m_statisticsTimer;
    QTimer m_runsTimer;
};

}  // namespace muze
