#include "core/audio/AudioPlayer.h"

#include "core/audio/PlaybackEngine.h"
#include "core/common/Error.h"

#include <rtaudio/RtAudio.h>

#include <algorithm>
#include <mutex>
#include <set>

namespace muze {
namespace {

// The APIs offered, in order of preference. JACK is left out: probing it without a running server
// makes libjack print to the terminal, and PulseAudio (or PipeWire's Pulse server) covers desktops.
const std::vector<RtAudio::Api>& usableApis()
{
    static const std::vector<RtAudio::Api> apis = [] {
        std::vector<RtAudio::Api> compiled;
        RtAudio::getCompiledApi(compiled);
        std::vector<RtAudio::Api> chosen;
        for (RtAudio::Api api : {RtAudio::LINUX_PULSE, RtAudio::LINUX_ALSA})
            if (std::find(compiled.begin(), compiled.end(), api) != compiled.end())
                chosen.push_back(api);
        return chosen;
    }();
    return apis;
}

constexpr int kOutputChannels = 2;

int renderCallback(void* output, void*, unsigned int frames, double, RtAudioStreamStatus, void* engine)
{
    static_cast<PlaybackEngine*>(engine)->render(static_cast<float*>(output), static_cast<int>(frames), kOutputChannels);
    return 0;
}

// RtAudio reports a failing stream (a sound server that went away) through a plain function with no
// user data, so the players with an open device are found here.
class OpenPlayers {
public:
    static OpenPlayers& instance()
    {
        static OpenPlayers players;
        return players;
    }
    void add(const std::function<void(const std::string&)>* handler)
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_handlers.insert(handler);
    }
    void remove(const std::function<void(const std::string&)>* handler)
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_handlers.erase(handler);
    }
    static void report(RtAudioError::Type type, const std::string& text)
    {
        if (type == RtAudioError::WARNING || type == RtAudioError::DEBUG_WARNING)
            return;
        OpenPlayers& players = instance();
        std::lock_guard<std::mutex> lock(players.m_mutex);
        for (const auto* handler : players.m_handlers)
            if (*handler)
                (*handler)("The audio output stopped: " + text + ". Check the sound server, or choose another output in the settings.");
    }

private:
    std::mutex m_mutex;
    std::set<const std::function<void(const std::string&)>*> m_handlers;
};

struct DeviceChoice {
    RtAudio::Api api = RtAudio::UNSPECIFIED;
    unsigned index = 0;
};

DeviceChoice findDevice(const std::string& key)
{
    for (RtAudio::Api api : usableApis()) {
        RtAudio audio(api);
        audio.showWarnings(false);
        const unsigned count = audio.getDeviceCount();
        if (key.empty()) {
            if (count > 0)
                return {api, audio.getDefaultOutputDevice()};
            continue;
        }
        for (unsigned index = 0; index < count; ++index) {
            RtAudio::DeviceInfo info = audio.getDeviceInfo(index);
            if (info.probed && info.outputChannels > 0 && RtAudio::getApiName(api) + ":" + info.name == key)
                return {api, index};
        }
    }
    throw Error(ErrorKind::Device, key.empty() ? "No audio output device was found."
                                               : "The audio output \"" + key + "\" is not available; choose another in the settings.");
}

}  // namespace

struct AudioPlayer::Device {
    std::unique_ptr<RtAudio> audio;
    int sampleRate = 0;
};

AudioPlayer::AudioPlayer(PlayerOptions options) : m_options(std::move(options)), m_engine(std::make_unique<PlaybackEngine>()) {}

AudioPlayer::~AudioPlayer()
{
    closeDevice();
}

std::vector<OutputDevice> AudioPlayer::outputDevices()
{
    std::vector<OutputDevice> devices;
    for (RtAudio::Api api : usableApis()) {
        try {
            RtAudio audio(api);
            audio.showWarnings(false);
            const unsigned count = audio.getDeviceCount();
            for (unsigned index = 0; index < count; ++index) {
                RtAudio::DeviceInfo info = audio.getDeviceInfo(index);
                if (info.probed && info.outputChannels > 0)
                    devices.push_back({RtAudio::getApiName(api), info.name, info.isDefaultOutput});
            }
        } catch (const RtAudioError&) {
            // An API whose server is not running has no devices to offer.
        }
    }
    std::stable_partition(devices.begin(), devices.end(), [](const OutputDevice& d) { return d.isDefault; });
    return devices;
}

void AudioPlayer::setOptions(const PlayerOptions& options)
{
    pause();
    closeDevice();
    m_options = options;
}

void AudioPlayer::setSource(std::shared_ptr<const AudioBuffer> source)
{
    const int rate = source ? source->sampleRate : 0;
    m_engine->setSource(std::move(source));
    restartClock();
    if (m_device && m_device->sampleRate != rate)
        closeDevice();
}

void AudioPlayer::play()
{
    if (m_engine->length() == 0)
        return;
    if (!m_device)
        openDevice();
    m_engine->play();
    restartClock();
}

void AudioPlayer::pause()
{
    m_engine->pause();
    restartClock();
}

void AudioPlayer::stop()
{
    m_engine->stop();
    restartClock();
}

void AudioPlayer::seek(std::int64_t frame)
{
    m_engine->seek(frame);
    restartClock();
}
bool AudioPlayer::isPlaying() const { return m_engine->isPlaying(); }
bool AudioPlayer::reachedEnd() const { return m_engine->reachedEnd(); }
std::int64_t AudioPlayer::length() const { return m_engine->length(); }

int AudioPlayer::sampleRate() const
{
    auto source = m_engine->source();
    return source ? source->sampleRate : 0;
}

std::int64_t AudioPlayer::position() const
{
    const std::int64_t handedOver = m_engine->position();
    const auto now = std::chrono::steady_clock::now();
    std::lock_guard<std::mutex> lock(m_clockMutex);
    if (!m_engine->isPlaying()) {
        m_clockFrame = static_cast<double>(handedOver);
    } else {
        const double elapsed = std::chrono::duration<double>(now - m_clockTime).count();
        m_clockFrame = std::min(m_clockFrame + elapsed * sampleRate(), std::max(static_cast<double>(handedOver), m_clockFrame));
    }
    m_clockTime = now;
    return static_cast<std::int64_t>(m_clockFrame);
}

// After a command that moves the position: the clock starts again from the engine's position.
void AudioPlayer::restartClock()
{
    std::lock_guard<std::mutex> lock(m_clockMutex);
    m_clockFrame = static_cast<double>(m_engine->position());
    m_clockTime = std::chrono::steady_clock::now();
}

void AudioPlayer::setErrorHandler(std::function<void(const std::string&)> handler)
{
    m_errorHandler = std::move(handler);
}

void AudioPlayer::openDevice()
{
    auto source = m_engine->source();
    if (!source)
        return;
    auto device = std::make_unique<Device>();
    device->sampleRate = source->sampleRate;
    try {
        const DeviceChoice choice = findDevice(m_options.device);
        device->audio = std::make_unique<RtAudio>(choice.api);
        device->audio->showWarnings(false);
        RtAudio::StreamParameters parameters;
        parameters.deviceId = choice.index;
        parameters.nChannels = kOutputChannels;
        unsigned int bufferFrames = std::clamp(m_options.bufferFrames, 32u, 8192u);
        RtAudio::StreamOptions streamOptions;
        streamOptions.streamName = "Muze Studio";
        streamOptions.numberOfBuffers = 4;
        device->audio->openStream(&parameters, nullptr, RTAUDIO_FLOAT32, static_cast<unsigned>(source->sampleRate), &bufferFrames,
                                  &renderCallback, m_engine.get(), &streamOptions, &OpenPlayers::report);
        device->audio->startStream();
    } catch (const RtAudioError& error) {
        throw Error(ErrorKind::Device, "Cannot play through the audio output: " + error.getMessage() +
                                           ". Check that a sound server (PulseAudio or PipeWire) is running, or choose another output in the settings.");
    }
    m_device = std::move(device);
    OpenPlayers::instance().add(&m_errorHandler);
}

void AudioPlayer::closeDevice()
{
    if (!m_device)
        return;
    OpenPlayers::instance().remove(&m_errorHandler);
    try {
        if (m_device->audio->isStreamRunning())
            m_device->audio->stopStream();
        if (m_device->audio->isStreamOpen())
            m_device->audio->closeStream();
    } catch (const RtAudioError&) {
        // Closing a device that already failed has nothing left to report.
    }
    m_device.reset();
}

}  // namespace muze
