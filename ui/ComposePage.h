#pragma once

#include "core/generation/SongPlan.h"

#include <QPointer>
#include <QWidget>

#include <filesystem>
#include <optional>

class QAction;
class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QSplitter;
class QUndoStack;

namespace muze {

class GenerateJob;
class MessageBar;
class PathField;
class PlanEditor;
class PlaybackBinder;
class PlaybackController;
class SectionForm;
class SectionTimeline;
class TakesPanel;
class ValueJob;
class VocalSettings;
struct TakeRequest;
struct TemplateRequest;

// Laying out a song and generating it: the prompt and a template laid over a duration, the sections
// on a timeline (drag to move and resize by bars; each section's fields beside it; every edit
// undoable), the sampler's settings, what makes the sound (the vocoder or Griffin-Lim), the vocals, and Generate (Ctrl+Enter) on a worker with progress
// per section and Cancel. Every generation is kept as a take, a folder in the model folder's takes/
// with the files `muze generate` writes (TakesPanel shows, plays, compares and exports them); a
// take's plan loads back into the editor, and one of its sections can be made anew, as the editor
// now has it and with a new seed, into a new take.
class ComposePage : public QWidget {
    Q_OBJECT

public:
    ComposePage(PlaybackController& playback, QWidget* parent = nullptr);
    ~ComposePage() override;

    QUndoStack* undoStack() const;
    PlanEditor* editor() const { return m_editor; }
    QAction* generateAction() const { return m_generateAction; }
    QAction* openPlanAction() const { return m_openPlan; }
    QAction* savePlanAction() const { return m_savePlan; }
    bool isGenerating() const;
    QString errorText() const;
    bool usesDemoModel() const;  // the demo model, chosen while the model folder has nothing trained
    QStringList takes() const;  // the takes' folders, oldest first
    PlaybackBinder* player() const;  // the selected take's playback
    QString selectedTake() const;
    TakesPanel* takesPanel() const { return m_takes; }

public slots:
    void setModelFolder(const QString& path);
    void setDataset(const QString& path);  // whose artists "Sound like" may name
    void layOutTemplate();
    void generate();
    void regenerateSection();
    void cancel();
    void editTakePlan();
    void openPlan(const QString& path);    // undoable; a file that is not a plan is refused and said
    void savePlanAs(const QString& path);

signals:
    void statusMessage(const QString& text);

protected:
    void showEvent(QShowEvent* event) override;

private:
    void showDemoModelNotice();
    QWidget* createSong();
    QWidget* createSections();
    QWidget* createSettings();
    void createTakeActions();
    void choosePlanToOpen();
    void choosePlanFileToSave();
    void showPlan();
    void showSelectedSection();
    void showEditRefusal(const std::optional<QString>& refusal);
    std::filesystem::path plannerCheckpoint() const;
    void showFormChoices();  // the planner's proposal among the templates when the models have a planner
    void proposePlan(const TemplateRequest& request);
    void showLaidOut(SongPlan plan, const QString& what);
    void startGenerating(TakeRequest request);
    // Adds the vocals of `plan` (the take's as it will be) to the request when they are asked for;
    // false (and said) when they cannot be.
    bool addSinging(TakeRequest& request, const SongPlan& plan);
    // The voice to sound like into the request: a recording, or an artist of the dataset; false (and
    // said) when it is neither.
    bool addStyle(TakeRequest& request);
    std::filesystem::path nextTakeFolder() const;
    // The model folder's takes/; the demo model's, which is read-only, are kept with the user's data.
    QString takesFolder() const;
    void useModelFolder();  // the takes, forms and notes of the folder the field names
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
    PathField* m_style = nullptr;
    PathField* m_models = nullptr;
    QLabel* m_demoNote = nullptr;  // shown while the models are the demo model
    SectionTimeline* m_timeline = nullptr;
    SectionForm* m_section = nullptr;
    QDoubleSpinBox* m_cfgScale = nullptr;
    QDoubleSpinBox* m_beatGuidance = nullptr;
    QSpinBox* m_steps = nullptr;
    QComboBox* m_sampler = nullptr;
    QComboBox* m_decoder = nullptr;  // the trained vocoder, or Griffin-Lim
    QSpinBox* m_seed = nullptr;
    QCheckBox* m_lockSeed = nullptr;
    VocalSettings* m_vocals = nullptr;
    QAction* m_generateAction;
    QAction* m_openPlan;
    QAction* m_savePlan;
    QAction* m_regenerate;
    QAction* m_editTakePlan;
    QPushButton* m_cancel = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_state = nullptr;
    TakesPanel* m_takes;
    QSplitter* m_columns;  // the plan's side and the takes'
    bool m_columnsSized = false;

    QString m_dataset;
    QPointer<GenerateJob> m_job;
    QPointer<ValueJob> m_proposal;
};

}  // namespace muze
