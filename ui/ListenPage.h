#pragma once

#include <QElapsedTimer>
#include <QPointer>
#include <QWidget>

#include <memory>

class QLabel;
class QProgressBar;
class QPushButton;

namespace muze {

class AudioLoadJob;
class MessageBar;
class PlaybackBinder;
class PlaybackController;
class SpectrogramView;
class TransportBar;
class WaveformOverview;
class WaveformView;
struct LoadedAudio;

// Open any song, see its waveform and log-mel spectrogram, and hear it.
class ListenPage : public QWidget {
    Q_OBJECT

public:
    ListenPage(PlaybackController& playback, QWidget* parent = nullptr);
    ~ListenPage() override;

    // Starts loading `path`; a load in progress is cancelled. Files longer than the limit are refused.
    void openFile(const QString& path, double maxDurationMinutes);
    bool isLoading() const;
    QString currentFile() const { return m_currentFile; }
    QString errorText() const;

public slots:
    void togglePlayPause();
    void stop();
    void goToStart();
    void seekBy(double seconds);
    void zoomIn();
    void zoomOut();
    void zoomToFit();
    void playWhenLoaded();

signals:
    void fileLoaded(const QString& path, const QString& title);
    void statusMessage(const QString& text);

private:
    void showLoaded(const std::shared_ptr<const LoadedAudio>& audio, qint64 loadMilliseconds);
    void showLoadFailure(const QString& message);
    void showProgress(const QString& stage, double fraction, double secondsLeft);
    QString describe(const LoadedAudio& audio) const;

    PlaybackController& m_playback;
    MessageBar* m_messages;
    QLabel* m_title;
    QLabel* m_details;
    QWidget* m_loadingRow;
    QProgressBar* m_progress;
    QLabel* m_progressText;
    QPushButton* m_cancel;
    WaveformOverview* m_overview;
    WaveformView* m_waveform;
    SpectrogramView* m_spectrogram;
    TransportBar* m_transport;
    PlaybackBinder* m_binder;
    QPointer<AudioLoadJob> m_job;
    QElapsedTimer m_loadClock;
    QString m_currentFile;
    QString m_loadingFile;
    bool m_playWhenLoaded = false;
};

}  // namespace muze
