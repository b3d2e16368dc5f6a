#pragma once

#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QVector>

#include <memory>

namespace muze {

class PlaybackController;
class TimelineWidget;
class TransportBar;
class WaveformOverview;
struct AudioBuffer;

// Ties a page's views to the shared playback: the transport's buttons, seeking where a view is
// clicked, and the playhead moving in every view at 60 frames a second while playing (the first
// view also turns its pages to follow it). Only while the audio playing is the page's own: another
// page may have taken the player since. A page takes the player when it is asked to play, or when
// it is given audio while nothing plays: a song shown on one page does not stop another's.
class PlaybackBinder : public QObject {
    Q_OBJECT

public:
    PlaybackBinder(PlaybackController& playback, TransportBar* transport, QObject* parent = nullptr);

    void addTimeline(TimelineWidget* view);
    void setOverview(WaveformOverview* overview);
    // The page's audio, its playhead at the start; handed to the player now unless another page's
    // audio is playing.
    void setSource(std::shared_ptr<const AudioBuffer> audio);
    // Hands other audio to the player at the moment the current one is at, playing on if it was
    // playing: for hearing two takes one after the other, in step.
    void switchSource(std::shared_ptr<const AudioBuffer> audio);
    bool ownsPlayback() const;
    bool hasAudio() const { return m_audio != nullptr; }

signals:
    // Wherever the playhead is drawn: at every tick while playing, and after a seek or a new source.
    void positionShown(double seconds);

public slots:
    void togglePlayPause();
    void stop();
    void seekTo(double seconds);
    void seekBy(double seconds);

private:
    double duration() const;
    // Hands the page's audio to the player, at the page's playhead, unless the player has it already;
    // false when the page has no audio.
    bool takePlayer();
    void showPosition(double seconds);
    void startTicking();
    void tick();

    PlaybackController& m_playback;
    TransportBar* m_transport;
    QVector<QPointer<TimelineWidget>> m_timelines;
    QPointer<WaveformOverview> m_overview;
    QTimer m_timer;
    std::shared_ptr<const AudioBuffer> m_audio;
    int m_generation = -1;  // of the player's source while it is the page's audio
    double m_shownSeconds = 0.0;
};

}  // namespace muze
