#include "workers/PlaybackController.h"

#include "core/common/Error.h"

#include <QThread>

#include <cmath>

namespace muze {

PlaybackController::PlaybackController(QObject* parent)
    : QObject(parent), m_player(std::make_unique<AudioPlayer>()), m_thread(std::make_unique<QThread>())
{
    m_thread->setObjectName(QStringLiteral("muze-playback"));
    m_player->setErrorHandler([this](const std::string& message) {
        m_wantsToPlay = false;
        emit failed(QString::fromStdString(message));
    });
    m_agent = new QObject;
    m_agent->moveToThread(m_thread.get());
    connect(m_thread.get(), &QThread::finished, m_agent, &QObject::deleteLater);
    m_thread->start();
}

PlaybackController::~PlaybackController()
{
    m_thread->quit();
    m_thread->wait();
    m_player.reset();  // closes the device from this thread, now that the agent's thread is gone
}

QString PlaybackController::outputFailure(const char* reason)
{
    return tr("The audio output failed: %1").arg(QString::fromUtf8(reason));
}

template <class Command>
void PlaybackController::post(Command command)
{
    ++m_pending;
    QMetaObject::invokeMethod(m_agent, [this, command] {
        try {
            command(*m_player);
        } catch (const Error& error) {
            m_wantsToPlay = false;
            emit failed(QString::fromStdString(error.what()));
        } catch (const std::exception& error) {  // an audio library's own exception: no crash, a message
            m_wantsToPlay = false;
            emit failed(outputFailure(error.what()));
        }
        --m_pending;
    }, Qt::QueuedConnection);
}

void PlaybackController::setOptions(const PlayerOptions& options)
{
    m_wantsToPlay = false;
    post([options](AudioPlayer& player) { player.setOptions(options); });
}

int PlaybackController::setSource(std::shared_ptr<const AudioBuffer> source)
{
    m_wantsToPlay = false;
    m_sampleRate = source ? source->sampleRate : 0;
    m_frames = source ? source->frames() : 0;
    post([source](AudioPlayer& player) { player.setSource(source); });
    return ++m_generation;
}

void PlaybackController::play()
{
    if (!hasSource())
        return;
    m_wantsToPlay = true;
    post([this](AudioPlayer& player) {
        player.play();
        m_wantsToPlay = false;
    });
}

void PlaybackController::pause()
{
    m_wantsToPlay = false;
    post([](AudioPlayer& player) { player.pause(); });
}

void PlaybackController::togglePlayPause()
{
    if (isActive())
        pause();
    else
        play();
}

void PlaybackController::stop()
{
    m_wantsToPlay = false;
    post([](AudioPlayer& player) { player.stop(); });
}

void PlaybackController::seekSeconds(double seconds)
{
    const int rate = m_sampleRate.load();
    if (rate <= 0)
        return;
    const auto frame = static_cast<std::int64_t>(std::llround(std::max(0.0, seconds) * rate));
    post([frame](AudioPlayer& player) { player.seek(frame); });
}

void PlaybackController::listOutputDevices()
{
    post([this](AudioPlayer&) {
        QStringList keys;
        QStringList names;
        for (const OutputDevice& device : AudioPlayer::outputDevices()) {
            keys << QString::fromStdString(device.key());
            names << QStringLiteral("%1 (%2)").arg(QString::fromStdString(device.name), QString::fromStdString(device.api));
        }
        emit outputDevicesListed(keys, names);
    });
}

bool PlaybackController::isActive() const
{
    return m_wantsToPlay.load() || m_player->isPlaying();
}

double PlaybackController::positionSeconds() const
{
    const int rate = m_sampleRate.load();
    return rate > 0 ? static_cast<double>(m_player->position()) / rate : 0.0;
}

double PlaybackController::durationSeconds() const
{
    const int rate = m_sampleRate.load();
    return rate > 0 ? static_cast<double>(m_frames.load()) / rate : 0.0;
}

}  // namespace muze
