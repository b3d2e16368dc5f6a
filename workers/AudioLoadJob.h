#pragma once

#include "core/audio/AudioBuffer.h"
#include "core/audio/AudioFileInfo.h"
#include "core/audio/WaveformSummary.h"
#include "workers/Job.h"

#include <QImage>
#include <QMetaType>
#include <QString>

#include <memory>

namespace muze {

// Everything the Listen page shows of one file.
struct LoadedAudio {
    AudioFileInfo info;
    int corruptPackets = 0;
    std::shared_ptr<const AudioBuffer> playback;       // the file's rate, mono or stereo
    std::shared_ptr<const WaveformSummary> waveform;  // of `playback`
    // The log-mel spectrogram at the model's settings (32 kHz mono, 128 bands, 10 ms hop), as an
    // 8-bit image: row 0 is the highest band, value 0 is 80 dB below the loudest bin, 255 the loudest.
    QImage logMel;
    double logMelFramesPerSecond = 0.0;
};

// Where `hz` sits on the log-mel image's frequency axis: 0 at the bottom row, 1 at the top.
double logMelAxisPosition(double hz);

// Decodes a file for listening, then summarises its waveform and computes its log-mel spectrogram.
class AudioLoadJob final : public Job {
    Q_OBJECT

public:
    AudioLoadJob(QString path, double maxDurationSeconds, QObject* parent = nullptr);
    ~AudioLoadJob() override { stopBeforeDestruction(); }

signals:
    void loaded(std::shared_ptr<const muze::LoadedAudio> audio);

protected:
    void execute(const JobControl& control) override;

private:
    QString m_path;
    double m_maxDurationSeconds;
};

}  // namespace muze

Q_DECLARE_METATYPE(std::shared_ptr<const muze::LoadedAudio>)
