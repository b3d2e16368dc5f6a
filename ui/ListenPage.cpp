#include "ui/ListenPage.h"

#include "ui/PlaybackBinder.h"
#include "ui/SummaryWaveformSource.h"
#include "widgets/MessageBar.h"
#include "widgets/SpectrogramView.h"
#include "widgets/TimeText.h"
#include "widgets/TransportBar.h"
#include "widgets/WaveformOverview.h"
#include "widgets/WaveformView.h"
#include "workers/AudioLoadJob.h"
#include "workers/PlaybackController.h"

#include <QFileInfo>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

#include <cmath>

namespace muze {
namespace {

QVector<SpectrogramView::FrequencyTick> frequencyTicks()
{
    QVector<SpectrogramView::FrequencyTick> ticks;
    for (const auto& [hz, label] : {std::pair{100.0, "100"}, {500.0, "500"}, {1000.0, "1k"}, {2000.0, "2k"},
                                   {4000.0, "4k"}, {8000.0, "8k"}, {15000.0, "15k"}})
        ticks.push_back({logMelAxisPosition(hz), QString::fromLatin1(label)});
    return ticks;
}

// "MP3", "FLAC", "PCM 16-bit": how a musician names the format.
QString codecText(const std::string& codec)
{
    const QString name = QString::fromStdString(codec);
    if (name.startsWith(QLatin1String("pcm_")))
        return ListenPage::tr("PCM %1-bit").arg(name.mid(5).section(QLatin1Char('l'), 0, 0).section(QLatin1Char('b'), 0, 0));
    return name.toUpper();
}

QString channelsText(int channels)
{
    if (channels == 1)
        return ListenPage::tr("mono");
    if (channels == 2)
        return ListenPage::tr("stereo");
    return ListenPage::tr("%n channels", nullptr, channels);
}

}  // namespace

ListenPage::ListenPage(PlaybackController& playback, QWidget* parent)
    : QWidget(parent),
      m_playback(playback),
      m_messages(new MessageBar(this)),
      m_title(new QLabel(this)),
      m_details(new QLabel(this)),
      m_loadingRow(new QWidget(this)),
      m_progress(new QProgressBar(m_loadingRow)),
      m_progressText(new QLabel(m_loadingRow)),
      m_cancel(new QPushButton(tr("Cancel"), m_loadingRow)),
      m_overview(new WaveformOverview(this)),
      m_waveform(new WaveformView(this)),
      m_spectrogram(new SpectrogramView(this)),
      m_transport(new TransportBar(this)),
      m_binder(new PlaybackBinder(playback, m_transport, this))
{
    m_title->setObjectName(QStringLiteral("title"));
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setText(tr("Listen"));
    m_details->setObjectName(QStringLiteral("details"));
    m_details->setText(tr("Open a song with File ▸ Open Song (Ctrl+O), or drop it here."));
    m_progress->setRange(0, 1000);
    m_progressText->setMinimumWidth(240);

    auto* loadingLayout = new QHBoxLayout(m_loadingRow);
    loadingLayout->setContentsMargins(0, 0, 0, 0);
    loadingLayout->addWidget(m_progress, 1);
    loadingLayout->addWidget(m_progressText);
    loadingLayout->addWidget(m_cancel);
    m_loadingRow->hide();

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_messages);
    layout->addWidget(m_title);
    layout->addWidget(m_details);
    layout->addWidget(m_loadingRow);
    layout->addWidget(m_overview);
    layout->addWidget(m_waveform, 3);
    layout->addWidget(m_spectrogram, 2);
    layout->addWidget(m_transport);

    m_spectrogram->setFrequencyTicks(frequencyTicks());

    // The waveform leads; the spectrogram and the overview follow its view.
    connect(m_waveform, &TimelineWidget::viewChanged, m_spectrogram, &TimelineWidget::setView);
    connect(m_spectrogram, &TimelineWidget::viewChanged, m_waveform, &TimelineWidget::setView);
    connect(m_waveform, &TimelineWidget::viewChanged, m_overview, &WaveformOverview::setView);
    connect(m_overview, &WaveformOverview::centreRequested, this, [this](double seconds) {
        const double half = (m_waveform->viewEnd() - m_waveform->viewStart()) / 2;
        m_waveform->setView(seconds - half, seconds + half);
    });
    m_binder->addTimeline(m_waveform);
    m_binder->addTimeline(m_spectrogram);
    m_binder->setOverview(m_overview);
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        if (m_job)
            m_job->cancel();
    });
    connect(&m_playback, &PlaybackController::failed, this, [this](const QString& message) {
        if (isVisible())
            m_messages->showMessage(message, MessageBar::Kind::Error);
    });
}

ListenPage::~ListenPage() = default;

void ListenPage::openFile(const QString& path, double maxDurationMinutes)
{
    if (m_job) {  // superseded: stop it, and let it go once its thread has ended
        m_job->disconnect(this);
        m_job->cancel();
        connect(m_job, &Job::finished, m_job, &QObject::deleteLater);
        if (!m_job->isRunning())
            m_job->deleteLater();  // safe to call twice, should finished() be on its way
    }
    m_messages->hide();
    m_loadingFile = path;
    m_job = new AudioLoadJob(path, maxDurationMinutes * 60.0, this);
    connect(m_job, &AudioLoadJob::loaded, this, [this](const std::shared_ptr<const LoadedAudio>& audio) {
        showLoaded(audio, m_loadClock.elapsed());
    });
    connect(m_job, &Job::progressChanged, this, &ListenPage::showProgress);
    connect(m_job, &Job::failed, this, &ListenPage::showLoadFailure);
    connect(m_job, &Job::cancelled, this, [this] { emit statusMessage(tr("Opening cancelled.")); });
    connect(m_job, &Job::finished, this, [this] {
        m_loadingRow->hide();
        m_job->deleteLater();
    });
    m_progress->setValue(0);
    m_progressText->setText(tr("Opening %1…").arg(QFileInfo(path).fileName()));
    m_loadingRow->show();
    m_loadClock.start();
    m_job->start();
}

bool ListenPage::isLoading() const
{
    return m_job && m_job->isRunning();
}

QString ListenPage::errorText() const
{
    return m_messages->text();
}

void ListenPage::showProgress(const QString& stage, double fraction, double secondsLeft)
{
    m_progress->setValue(static_cast<int>(std::round(fraction * 1000)));
    const QString what = stage == QLatin1String("decoding")   ? tr("Decoding")
                         : stage == QLatin1String("waveform") ? tr("Drawing the waveform")
                                                              : tr("Computing the spectrogram");
    m_progressText->setText(secondsLeft >= 0 ? tr("%1, %2 left").arg(what, positionText(secondsLeft)) : what);
}

void ListenPage::showLoadFailure(const QString& message)
{
    m_messages->showMessage(tr("Could not open %1.\n%2").arg(QFileInfo(m_loadingFile).fileName(), message), MessageBar::Kind::Error);
    m_playWhenLoaded = false;
}

void ListenPage::showLoaded(const std::shared_ptr<const LoadedAudio>& audio, qint64 loadMilliseconds)
{
    m_currentFile = m_loadingFile;
    const double duration = audio->playback->durationSeconds();
    auto source = std::make_shared<SummaryWaveformSource>(audio->waveform);
    m_waveform->setSource(source);
    m_overview->setSource(source);
    m_spectrogram->setSpectrogram(audio->logMel, audio->logMelFramesPerSecond, duration);
    m_binder->setSource(audio->playback);

    const QString title = audio->info.tags.title.empty() ? QFileInfo(m_currentFile).completeBaseName()
                                                         : QString::fromStdString(audio->info.tags.title);
    m_title->setText(title);
    m_details->setText(describe(*audio));
    if (audio->corruptPackets > 0)
        m_messages->showMessage(tr("%n damaged packet(s) in this file were skipped; you may hear gaps.", nullptr, audio->corruptPackets),
                                MessageBar::Kind::Information);
    emit fileLoaded(m_currentFile, title);
    emit statusMessage(tr("Opened %1 in %2 s.").arg(QFileInfo(m_currentFile).fileName()).arg(loadMilliseconds / 1000.0, 0, 'f', 1));
    if (m_playWhenLoaded) {
        m_playWhenLoaded = false;
        togglePlayPause();
    }
}

QString ListenPage::describe(const LoadedAudio& audio) const
{
    QStringList parts;
    if (!audio.info.tags.artist.empty())
        parts << QString::fromStdString(audio.info.tags.artist);
    if (!audio.info.tags.album.empty())
        parts << QString::fromStdString(audio.info.tags.album);
    parts << codecText(audio.info.codec) << tr("%1 kHz").arg(audio.info.sampleRate / 1000.0, 0, 'g', 3)
          << channelsText(audio.info.channels) << positionText(audio.playback->durationSeconds());
    return parts.join(QStringLiteral(" · "));
}

void ListenPage::togglePlayPause()
{
    m_binder->togglePlayPause();
}

void ListenPage::stop()
{
    m_binder->stop();
}

void ListenPage::goToStart()
{
    m_binder->seekTo(0.0);
}

void ListenPage::seekBy(double seconds)
{
    m_binder->seekBy(seconds);
}

void ListenPage::zoomIn() { m_waveform->zoomIn(); }
void ListenPage::zoomOut() { m_waveform->zoomOut(); }
void ListenPage::zoomToFit() { m_waveform->zoomToFit(); }

void ListenPage::playWhenLoaded()
{
    if (m_binder->hasAudio() && !isLoading())
        togglePlayPause();
    else
        m_playWhenLoaded = true;
}

}  // namespace muze
