#include "ui/PlaybackBinder.h"

#include "widgets/TimelineWidget.h"
#include "widgets/TransportBar.h"
#include "widgets/WaveformOverview.h"
#include "workers/PlaybackController.h"

#include <algorithm>

namespace muze {
namespace {

constexpr int kPlayheadIntervalMs = 16;

}  // namespace

PlaybackBinder::PlaybackBinder(PlaybackController& playback, TransportBar* transport, QObject* parent)
    : QObject(parent), m_playback(playback), m_transport(transport)
{
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setInterval(kPlayheadIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &PlaybackBinder::tick);
    connect(m_transport, &TransportBar::playPauseClicked, this, &PlaybackBinder::togglePlayPause);
    connect(m_transport, &TransportBar::stopClicked, this, &PlaybackBinder::stop);
}

void PlaybackBinder::addTimeline(TimelineWidget* view)
{
    m_timelines.push_back(view);
    connect(view, &TimelineWidget::seekRequested, this, &PlaybackBinder::seekTo);
}

void PlaybackBinder::setOverview(WaveformOverview* overview)
{
    m_overview = overview;
}

void PlaybackBinder::setSource(std::shared_ptr<const AudioBuffer> audio)
{
    const bool anotherPageIsPlaying = !ownsPlayback() && m_playback.isActive();
    m_audio = std::move(audio);
    m_generation = anotherPageIsPlaying ? -1 : m_playback.setSource(m_audio);
    m_transport->setDuration(duration());
    m_transport->setPlaying(false);
    m_transport->setReady(duration() > 0);
    showPosition(0.0);
}

double PlaybackBinder::duration() const
{
    return m_audio ? m_audio->durationSeconds() : 0.0;
}

bool PlaybackBinder::takePlayer()
{
    if (ownsPlayback())
        return true;
    if (!m_audio)
        return false;
    const double at = m_shownSeconds;
    m_generation = m_playback.setSource(m_audio);
    if (at > 0)
        m_playback.seekSeconds(at);
    return true;
}

void PlaybackBinder::switchSource(std::shared_ptr<const AudioBuffer> audio)
{
    const bool playing = ownsPlayback() && m_playback.isActive();
    // A seek still on its way to the player is where the listener already is.
    const double at = !ownsPlayback() ? 0.0 : m_playback.hasPendingCommands() ? m_shownSeconds : m_playback.positionSeconds();
    setSource(std::move(audio));
    seekTo(at);
    if (playing) {
        m_playback.play();
        startTicking();
    }
}

bool PlaybackBinder::ownsPlayback() const
{
    return m_generation >= 0 && m_playback.generation() == m_generation;
}

void PlaybackBinder::togglePlayPause()
{
    if (ownsPlayback())
        m_playback.togglePlayPause();
    else if (takePlayer())
        m_playback.play();  // not a toggle: until the player has the page's audio, it reports the last page's state
    else
        return;
    startTicking();
}

void PlaybackBinder::stop()
{
    showPosition(0.0);
    if (!ownsPlayback())
        return;
    m_playback.stop();
    startTicking();
}

void PlaybackBinder::seekBy(double seconds)
{
    seekTo((ownsPlayback() ? m_playback.positionSeconds() : m_shownSeconds) + seconds);
}

void PlaybackBinder::seekTo(double seconds)
{
    seconds = std::clamp(seconds, 0.0, duration());
    showPosition(seconds);
    if (!ownsPlayback())
        return;  // the page's playhead stands there until it takes the player
    m_playback.seekSeconds(seconds);
    startTicking();
}

void PlaybackBinder::showPosition(double seconds)
{
    for (const auto& view : m_timelines)
        if (view)
            view->setPlayhead(seconds);
    if (m_overview)
        m_overview->setPlayhead(seconds);
    m_transport->setPosition(seconds);
    m_shownSeconds = seconds;
    emit positionShown(seconds);
}

void PlaybackBinder::startTicking()
{
    if (!m_timer.isActive())
        m_timer.start();
}

// One last tick after playing stops brings the transport up to date.
void PlaybackBinder::tick()
{
    if (!ownsPlayback()) {
        m_transport->setPlaying(false);
        m_timer.stop();
        return;
    }
    if (m_playback.hasPendingCommands())
        return;  // the player has not yet done what it was asked: its position would be stale
    const bool playing = m_playback.isActive();
    showPosition(m_playback.positionSeconds());
    m_transport->setPlaying(playing);
    if (playing && !m_timelines.isEmpty() && m_timelines.front())
        m_timelines.front()->followPlayhead();
    else if (!playing)
        m_timer.stop();
}

}  // namespace muze
