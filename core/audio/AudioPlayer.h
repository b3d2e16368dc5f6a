#pragma once

#include "core/audio/AudioBuffer.h"

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace muze {

class PlaybackEngine;

struct OutputDevice {
    std::string api;   // "pulse", "alsa", "jack"
    std::string name;  // as the API names it
    bool isDefault = false;

    std::string key() const { return api + ":" + name; }  // what PlayerOptions::device takes
};

struct PlayerOptions {
    std::string device;          // an OutputDevice::key(); empty for the system's default output
    unsigned bufferFrames = 512; // frames per device callback: smaller answers faster, larger is safer
};

// Plays an AudioBuffer on an output device through RtAudio. The device callback only copies
// prepared blocks (see PlaybackEngine); opening the device happens on the first play().
//
// Thread contract: every method but position(), isPlaying(), reachedEnd() and length() from one
// control thread; those four from any thread.
class AudioPlayer {
public:
    explicit AudioPlayer(PlayerOptions options = {});
    ~AudioPlayer();
    AudioPlayer(const AudioPlayer&) = delete;
    AudioPlayer& operator=(const AudioPlayer&) = delete;

    // Output devices on this machine, the default first within each API.
    static std::vector<OutputDevice> outputDevices();

    // Takes effect at the next play(); closes the device now.
    void setOptions(const PlayerOptions& options);
    const PlayerOptions& options() const { return m_options; }

    // Mono or stereo audio; pauses and moves to its start.
    void setSource(std::shared_ptr<const AudioBuffer> source);

    // Called, from the audio system's thread, with a message for the user when an open output fails
    // while it plays (its sound server went away). Set it before play().
    void setErrorHandler(std::function<void(const std::string&)> handler);

    // Throws Error(Device) with the device's reason when no output can be opened.
    void play();
    void pause();
    void stop();
    void seek(std::int64_t frame);

    bool isPlaying() const;
    bool reachedEnd() const;
    std::int64_t length() const;
    // The frame being heard now. Sound servers take audio in chunks (often 100 ms), so the frame
    // last handed over jumps; this follows the clock between chunks instead, never running ahead
    // of what was handed over, for a playhead that moves smoothly. Paused, it is exact.
    std::int64_t position() const;
    int sampleRate() const;

private:
    struct Device;
    void openDevice();
    void closeDevice();
    void restartClock();

    PlayerOptions m_options;
    std::function<void(const std::string&)> m_errorHandler;
    std::unique_ptr<PlaybackEngine> m_engine;
    std::unique_ptr<Device> m_device;

    // The smoothed position: where it was last reported and when. Guarded by m_clockMutex, which
    // only the control and querying threads take, never the audio callback.
    mutable std::mutex m_clockMutex;
    mutable double m_clockFrame = 0.0;
    mutable std::chrono::steady_clock::time_point m_clockTime;
};

}  // namespace muze
