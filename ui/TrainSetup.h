#pragma once

#include "core/models/PresetSizes.h"
#include "core/training/PhaseReadiness.h"
#include "core/training/Training.h"

#include <QWidget>

#include <vector>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QSpinBox;

namespace muze {

class PathField;

// Setting up a training run: the dataset, the model's folder, the phase, the preset (with its size
// and the memory a step needs) and the reference's hyperparameters at their defaults; beneath them,
// what the phase needs of the dataset and whether it has it, with a button that gets what is missing.
class TrainSetup : public QWidget {
    Q_OBJECT

public:
    enum class Fix { None, UpdateDataset, TrainPhaseOne };

    explicit TrainSetup(QWidget* parent = nullptr);

    TrainOptions options() const;
    std::vector<PhaseOneModel> phaseOneModels() const;  // phase 1's parts, in order
    // Shows a run's options (one being resumed, say).
    void showOptions(const TrainOptions& options);
    void setDataset(const QString& path);
    QString dataset() const;
    void setModelFolder(const QString& path);
    QString modelFolder() const;

    // The presets' sizes, counted on a worker (see presetSizes), shown for the chosen phase.
    void setPresetSizes(std::vector<PresetSize> sizes);
    void showReadiness(const PhaseReadiness& readiness);
    void showReadinessUnknown(const QString& why);
    bool isReady() const { return m_ready; }

signals:
    void changed();                 // anything that could change what the phase needs
    void fixRequested(muze::TrainSetup::Fix fix);

private:
    void showPresetSize();
    int phaseChoice() const;

    PathField* m_dataset;
    PathField* m_folder;
    QComboBox* m_phase;
    QComboBox* m_preset;
    QLabel* m_presetSize;
    QSpinBox* m_epochs;
    QSpinBox* m_batch;
    QDoubleSpinBox* m_learningRate;
    QDoubleSpinBox* m_cfgDropout;
    QDoubleSpinBox* m_voiceDropout;
    QComboBox* m_keys;
    QSpinBox* m_transpose;
    QSpinBox* m_seed;
    QSpinBox* m_minutes;
    QLabel* m_needs;
    QPushButton* m_fix;
    std::vector<PresetSize> m_sizes;
    Fix m_fixKind = Fix::None;
    bool m_ready = false;
};

}  // namespace muze
