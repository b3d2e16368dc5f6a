#pragma once

#include "core/dataset/TrackRecord.h"

#include <QPointer>
#include <QTimer>
#include <QWidget>

#include <memory>
#include <optional>
#include <string>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QTableWidget;
class QTableWidgetItem;

namespace muze {

class AudioLoadJob;
class PlaybackBinder;
class PlaybackController;
class TransportBar;
class WaveformView;
struct LoadedAudio;

// One track of the Library in detail: its waveform with sections, beats and chords, playable from
// any point; and the fields a musician edits (prompt, lyrics, genre, sections, whether to train on
// it). Edits leave as edited() signals, for the page's undo stack; typing is gathered into one
// edit per pause.
class TrackDetailPanel : public QWidget {
    Q_OBJECT

public:
    // Edits of one field merge in the undo stack while the same track stays selected.
    enum EditKind { PromptEdit = 1, LyricsEdit, GenreEdit, IncludeEdit, SectionsEdit };

    TrackDetailPanel(PlaybackController& playback, QWidget* parent = nullptr);
    ~TrackDetailPanel() override;

    // `audioFile`: where the song is, or empty when it cannot be found (the panel says so).
    void showTrack(int index, const Record& record, const QString& audioFile);
    void clear();
    // The record changed from outside (undo, redo): show it without producing an edit.
    void refresh(const Record& record);
    int currentIndex() const { return m_index; }
    // The espeak-ng voice that turns edited lyrics into phonemes: the dataset's build language.
    void setLyricsLanguage(const std::string& language) { m_lyricsLanguage = language; }

public slots:
    void togglePlayPause();
    void stop();
    void seekBy(double seconds);

signals:
    void edited(int index, const muze::Record& before, const muze::Record& after, const QString& description, int kind);

private:
    void commitPending();
    void commit(EditKind kind, const char* field, const nlohmann::ordered_json& value, const QString& description);
    void updateDerivedFields(EditKind kind, Record& record) const;
    void showFields();
    void showAnnotations();
    void loadAudio(const QString& file);
    nlohmann::ordered_json sectionsFromTable() const;
    static QTableWidgetItem* confidenceItem(std::optional<double> confidence);
    void addSection();
    void removeSection();

    QLabel* m_title;
    QLabel* m_details;
    WaveformView* m_waveform;
    TransportBar* m_transport;
    PlaybackBinder* m_binder;
    QPlainTextEdit* m_prompt;
    QPlainTextEdit* m_lyrics;
    QLineEdit* m_genre;
    QCheckBox* m_include;
    QTableWidget* m_sections;
    QTimer m_typingPause;
    QPointer<AudioLoadJob> m_job;
    Record m_record;
    int m_index = -1;
    std::string m_lyricsLanguage = "en";
    bool m_updating = false;  // true while the panel fills its own editors
};

}  // namespace muze
