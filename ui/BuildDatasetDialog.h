#pragma once

#include <QDialog>
#include <QElapsedTimer>
#include <QPointer>

#include <filesystem>
#include <functional>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QListWidget;
class QProgressBar;
class QSpinBox;
class QStackedWidget;

namespace muze {

class DatasetBuildJob;
class PathField;
struct BuildSummary;
struct AnalysisJobs;
struct TrackProgress;

// "2 at once", and why when free memory cut the number, for the progress line.
QString describeSongsAtOnce(const AnalysisJobs& jobs);

// Builds or updates a dataset from a folder of songs: first the options, then each file's
// progress, the time left, a Cancel button and the files that failed, with their reasons.
class BuildDatasetDialog : public QDialog {
    Q_OBJECT

public:
    BuildDatasetDialog(const QString& audioFolder, const QString& output, QWidget* parent = nullptr);
    ~BuildDatasetDialog() override;

    QString output() const;
    bool succeeded() const { return m_succeeded; }
    // How to ask before dropping the records of songs gone from the folder (see DatasetBuildJob).
    void setDropQuestion(std::function<bool(const QStringList& gone)> ask) { m_askDrop = std::move(ask); }

public slots:
    void start();

signals:
    void datasetBuilt(const QString& path);

protected:
    void reject() override;

private:
    void showTrack(const TrackProgress& progress);
    void showProgress(double fraction, double secondsLeft);
    void showStatus();
    void finish(const QString& summary);
    void showBuilt(const BuildSummary& summary);
    void useSavedSettings();
    QWidget* createOptionsPage();
    QWidget* createProgressPage();

    QString m_audioFolder;
    QStackedWidget* m_pages;
    PathField* m_output;
    QSpinBox* m_jobs;
    QCheckBox* m_separateVocals;
    QCheckBox* m_speech;
    QComboBox* m_language;
    QSpinBox* m_maxTracks;
    QSpinBox* m_maxMinutes;
    QProgressBar* m_progress;
    QLabel* m_status;
    QListWidget* m_tracks;
    QListWidget* m_errors;
    QLabel* m_errorsTitle;
    QDialogButtonBox* m_buttons;
    QPointer<DatasetBuildJob> m_job;
    std::function<bool(const QStringList&)> m_askDrop;
    int m_finished = 0;
    int m_total = 0;
    QString m_atOnce;
    double m_secondsLeft = -1.0;  // none known yet
    bool m_succeeded = false;
};

}  // namespace muze
