#pragma once

#include "core/generation/SongVocals.h"
#include "widgets/WaveformView.h"

#include <QGroupBox>
#include <QPointer>

#include <memory>
#include <vector>

class QAction;
class QHBoxLayout;
class QLabel;
class QListWidget;

namespace muze {

class AudioLoadJob;
class PlaybackBinder;
class PlaybackController;
class TransportBar;
class ValueJob;
struct LoadedAudio;

// The takes of a model folder (its takes/take-NNN folders, as the Compose page writes them): the
// list; the selected take's waveform with its sections, playing with its lyrics shown in time; A/B
// against a take marked for comparison, switched with one key at the same moment; and export to WAV
// or FLAC with its stems and LRC. Actions on the selected take that need the page (regenerate a
// section, edit its plan) come in through addTakeAction().
class TakesPanel : public QGroupBox {
    Q_OBJECT

public:
    TakesPanel(PlaybackController& playback, QWidget* parent = nullptr);
    ~TakesPanel() override;

    void setTakesFolder(const QString& folder);  // where the takes are (take-NNN/), and selects the latest
    void addTakeAction(QAction* action);  // a button under the take

    QStringList takes() const;  // the takes' folders, oldest first
    QString selectedTake() const;
    QString comparedTake() const;  // "" until one is marked
    QString heardTake() const;     // the selected take, or the compared one after switching to it
    QString lyricLine() const;     // the line sung at the playhead
    PlaybackBinder* player() const { return m_binder; }
    QAction* switchAction() const { return m_switch; }

public slots:
    void refresh();  // lists the takes again, keeping the selection
    void selectTake(const QString& folder);
    void markForComparison();
    void switchTakes();
    void exportTake(const QString& target);  // TARGET.wav or .flac, at 44.1 kHz stereo
    void chooseExport();

signals:
    void selectionChanged();
    void failed(const QString& message);
    void statusMessage(const QString& text);

private:
    // A take as heard: its audio, sections and lyrics.
    struct Shown {
        QString folder;
        std::shared_ptr<const LoadedAudio> audio;
        TimelineAnnotations sections;
        std::vector<TimedLine> lyrics;
    };

    void loaded(const QString& folder, const std::shared_ptr<const LoadedAudio>& audio);
    void hear(const Shown& take, bool inStep);
    void showLyric(double seconds);
    void updateActions();

    QString m_folder;
    QListWidget* m_list;
    WaveformView* m_waveform;
    TransportBar* m_transport;
    PlaybackBinder* m_binder;
    QLabel* m_lyric;
    QLabel* m_comparison;
    QAction* m_mark;
    QAction* m_switch;
    QAction* m_export;
    QHBoxLayout* m_buttons;
    QHBoxLayout* m_takeActions;  // the buttons of addTakeAction, a row of their own

    Shown m_selected;
    Shown m_compared;
    bool m_hearingCompared = false;
    QPointer<AudioLoadJob> m_load;
    int m_loadsStarted = 0;  // a load finishing after a newer one started is not heard
    QPointer<ValueJob> m_exportJob;
};

}  // namespace muze
