#pragma once

#include "core/audio/AudioBuffer.h"
#include "core/audio/SpscRing.h"

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <thread>

namespace muze {

// The device-independent half of playback: a feeder thread copies the source, block by block, into
// a lock-free ring, and render() -- called by the audio device's callback -- plays from the ring.
// render() never allocates, locks or waits.
//
// Positions are in frames of the source. They are sample-accurate: after seek(n) the first frame
// render() plays is frame n, and pause() keeps the exact frame where playing resumes. Blocks queued
// before a seek carry an older generation number and are dropped unplayed, by render(): the device
// keeps calling it while paused, so a full ring of them never blocks the feeder for long.
//
// Thread contract: setSource, play, pause, stop and seek from one control thread; render from the
// audio thread; position, isPlaying, length and reachedEnd from any thread.
class PlaybackEngine {
public:
    static constexpr int kMaxSourceChannels = 2;

    PlaybackEngine();
    ~PlaybackEngine();
    PlaybackEngine(const PlaybackEngine&) = delete;
    PlaybackEngine& operator=(const PlaybackEngine&) = delete;

    // Pauses and moves to frame 0 of the new source (nullptr for none). Throws Error(Unsupported)
    // for more than two channels.
    void setSource(std::shared_ptr<const AudioBuffer> source);
    std::shared_ptr<const AudioBuffer> source() const;

    void play();   // from the current position; from the start when at the end
    void pause();
    void stop();   // pause and return to frame 0
    void seek(std::int64_t frame);  // clamped to [0, length]

    bool isPlaying() const { return m_playing.load(std::memory_order_acquire); }
    bool reachedEnd() const { return m_reachedEnd.load(std::memory_order_acquire); }
    std::int64_t position() const;
    std::int64_t length() const { return m_length.load(std::memory_order_acquire); }

    // Fills `frames` interleaved frames of `outputChannels` channels: the source while playing,
    // silence otherwise. A mono source is played on every output channel.
    void render(float* out, int frames, int outputChannels) noexcept;

    // The source frame up to which audio is queued for render() since the last seek; the seek
    // target itself until the feeder has queued a block.
    std::int64_t queuedUntil() const;

    // How many times render() found the ring empty while playing (the feeder fell behind).
    std::int64_t underruns() const { return m_underruns.load(std::memory_order_relaxed); }

private:
    static constexpr int kBlockFrames = 512;
    struct Block {
        std::uint64_t generation = 0;
        std::int64_t sourceFrame = 0;  // source position of the block's first frame
        int frames = 0;
        int channels = 0;
        float samples[kBlockFrames * kMaxSourceChannels];
    };

    void feedLoop();
    bool feedOneBlock();
    void restartFeedAt(std::int64_t frame);
    void copyFromBlock(const Block& block, int offset, float* out, int frames, int outputChannels) noexcept;

    SpscRing<Block, 16> m_ring;

    // Shared by the control and feeder threads.
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::shared_ptr<const AudioBuffer> m_source;
    std::int64_t m_feedPosition = 0;
    bool m_quit = false;

    std::atomic<std::uint64_t> m_generation{1};
    std::atomic<std::uint64_t> m_exhaustedGeneration{0};
    std::atomic<std::int64_t> m_queuedUntil{0};
    std::atomic<std::uint64_t> m_queuedGeneration{0};  // the feeder has queued the source's last frame
    std::atomic<std::int64_t> m_seekTarget{0};
    std::atomic<std::int64_t> m_length{0};
    std::atomic<bool> m_playing{false};
    std::atomic<bool> m_reachedEnd{false};

    // Written by render() only.
    std::atomic<std::int64_t> m_renderedPosition{0};
    std::atomic<std::uint64_t> m_renderedGeneration{0};
    std::atomic<std::int64_t> m_underruns{0};
    int m_blockOffset = 0;

    std::thread m_feeder;
};

}  // namespace muze
