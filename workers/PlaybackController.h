#pragma once

#include "core/audio/AudioBuffer.h"
#include "core/audio/AudioPlayer.h"

#include <QObject>
#include <QString>
#include <QStringList>

#include <atomic>
#include <memory>

class QThread;

namespace muze {

// Drives an AudioPlayer from the GUI without blocking it: every command runs on the controller's
// own thread, where opening or closing the audio device may take as long as it needs. The state
// queries (position, playing) read the player's atomics and are safe to call at any rate.
//
// Thread contract: commands and queries from the GUI thread; signals arrive there queued.
class PlaybackController : public QObject {
    Q_OBJECT

public:
    explicit PlaybackController(QObject* parent = nullptr);
    ~PlaybackController() override;

    void setOptions(const PlayerOptions& options);
    // Returns the source's generation: views that set a source compare it with generation() to
    // know whether the playing audio is still theirs.
    int setSource(std::shared_ptr<const AudioBuffer> source);
    int generation() const { return m_generation.load(); }
    void play();
    void pause();
    void togglePlayPause();
    void stop();
    void seekSeconds(double seconds);
    // Asks for the output devices; outputDevicesListed() answers. Probing devices takes a sound
    // server round trip or more (~0.1 s), which is why it happens on the controller's thread.
    void listOutputDevices();

    bool hasSource() const { return m_sampleRate.load() > 0; }
    // Commands still on their way to the player: until they arrive, its position is the old one.
    bool hasPendingCommands() const { return m_pending.load() > 0; }
    // Playing, or asked to play and about to.
    bool isActive() const;
    double positionSeconds() const;
    double durationSeconds() const;

signals:
    void failed(const QString& message);
    // Keys (for PlayerOptions::device) and names to show, in the same order, the default first.
    void outputDevicesListed(const QStringList& keys, const QStringList& names);

private:
    static QString outputFailure(const char* reason);
    template <class Command>
    void post(Command command);

    std::unique_ptr<AudioPlayer> m_player;
    std::unique_ptr<QThread> m_thread;
    QObject* m_agent = nullptr;  // lives on m_thread; commands run in its context
    std::atomic<int> m_pending{0};
    std::atomic<bool> m_wantsToPlay{false};
    std::atomic<int> m_sampleRate{0};
    std::atomic<int> m_generation{0};
    std::atomic<long long> m_frames{0};
};

}  // namespace muze
