#pragma once

#include "core/generation/SongPlan.h"

#include <QPointer>
#include <QWidget>

#include <filesystem>
#include <memory>
#include <optional>

class QAction;
class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QUndoStack;

namespace muze {

class AudioLoadJob;
class GenerateJob;
class MessageBar;
class PathField;
class PlanEditor;
class PlaybackBinder;
class PlaybackController;
class SectionForm;
class SectionTimeline;
class TransportBar;
class WaveformView;
struct LoadedAudio;
struct TakeRequest;

// Laying out a song and generating it: the prompt and a template laid over a duration, the sections
// on a timeline (drag to move and resize by bars; each section's fields beside it; every edit
// undoable), the sampler's settings, and Generate (Ctrl+Enter) on a worker with progress per section
// and Cancel. Every generation is kept as a take, a folder in the model folder's takes/ with the files
// `muze generate` writes; a take plays with its sections over its waveform, its plan loads back into
// the editor, and one of its sections can be made anew into a new take.
class ComposePage : public QWidget {
    Q_OBJECT

public:
    ComposePage(PlaybackController& playback, QWidget* parent = nullptr);
    ~ComposePage() override;

    QUndoStack* undoStack() const;
    PlanEditor* editor() const { return m_editor; }
    QAction* generateAction() const { return m_generateAction; }
    bool isGenerating() const;
    QString errorText() const;
    QStringList takes() const;  // the takes' folders, oldest first
    PlaybackBinder* player() const { return m_binder; }  // the selected take's playback
    QString selectedTake() const;

public slots:
    void setModelFolder(const QString& path);
    void layOutTemplate();
    void generate();
    void regenerateSection();
    void cancel();
    void selectTake(const QString& folder);
    void editTakePlan();

signals:
    void statusMessage(const QString& text);

private:
    QWidget* createSong();
    QWidget* createSections();
    QWidget* createSettings();
    QWidget* createTakes();
    void showPlan();
    void showSelectedSection();
    void showEditRefusal(const std::optional<QString>& refusal);
    void startGenerating(TakeRequest request);
    void listTakes();
    void showTake(const std::shared_ptr<const LoadedAudio>& audio);
    std::filesystem::path nextTakeFolder() const;
    std::uint64_t nextSeed();
    void updateControls();

    PlaybackController& m_playback;
    PlanEditor* m_editor;
    MessageBar* m_message;
    QLineEdit* m_prompt = nullptr;
    QComboBox* m_template = nullptr;
    QDoubleSpinBox* m_duration = nullptr;
    QDoubleSpinBox* m_tempo = nullptr;
    QLineEdit* m_key = nullptr;
    PathField* m_models = nullptr;
    SectionTimeline* m_timeline = nullptr;
    SectionForm* m_section = nullptr;
    QDoubleSpinBox* m_cfgScale = nullptr;
    QSpinBox* m_steps = nullptr;
    QComboBox* m_sampler = nullptr;
    QSpinBox* m_seed = nullptr;
    QCheckBox* m_lockSeed = nullptr;
    QAction* m_generateAction;
    QPushButton* m_cancel = nullptr;
    QPushButton* m_regenerate = nullptr;
    QPushButton* m_editTakePlan = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_state = nullptr;
    QListWidget* m_takes = nullptr;
    WaveformView* m_waveform = nullptr;
    TransportBar* m_transport = nullptr;
    PlaybackBinder* m_binder = nullptr;

    QPointer<GenerateJob> m_job;
    QPointer<AudioLoadJob> m_takeLoad;
};

}  // namespace muze
