#pragma once

#include "core/generation/FirstModelEstimate.h"

#include <QPointer>
#include <QWidget>

#include <optional>
#include <vector>

class QLabel;
class QProgressBar;
class QPushButton;

namespace muze {

class ValueJob;

// The guided first run: a folder of songs, then its dataset, a model trained on it by the recipe,
// and a song, each one click, with what each takes on this machine, measured when the folder is
// chosen (core/generation/FirstModelEstimate.h). The dataset goes into the folder as
// muze-dataset.json (as the Library builds it) and the model beside it in muze-model/. The guide
// asks the window to do each step and is told when it is done.
class FirstRunGuide : public QWidget {
    Q_OBJECT

public:
    enum class Step { Songs, Dataset, Train, Compose };

    explicit FirstRunGuide(QWidget* parent = nullptr);
    ~FirstRunGuide() override;

    QString songsFolder() const { return m_songs; }
    QString datasetPath() const;
    QString modelFolder() const;
    bool isMeasuring() const;
    const std::optional<FirstModelEstimate>& estimate() const { return m_estimate; }
    QPushButton* button(Step step) const;
    QString detailText(Step step) const;

public slots:
    void chooseSongsFolder();
    void setSongsFolder(const QString& folder);  // and measures what the steps take
    void datasetOpened(const QString& path);     // any dataset the Library opens; the guide's own counts
    void trainingEnded();
    void updateSteps();

signals:
    void buildRequested(const QString& songsFolder);
    void trainRequested(const QString& dataset, const QString& modelFolder, const std::vector<double>& secondsOfEach);
    void composeRequested(const QString& modelFolder);

private:
    struct StepRow {
        QLabel* mark = nullptr;
        QLabel* detail = nullptr;
        QPushButton* button = nullptr;
    };
    void measure();
    void showEstimate();
    void showDone(const StepRow& row, bool done, int number);
    bool datasetReady() const;
    bool modelReady() const;

    std::vector<StepRow> m_steps;
    QProgressBar* m_progress;
    QLabel* m_measuring;
    QString m_songs;
    QPointer<ValueJob> m_measureJob;
    std::optional<FirstModelEstimate> m_estimate;
};

}  // namespace muze
