#include "workers/AudioLoadJob.h"

#include "core/audio/AudioDecoder.h"
#include "core/audio/Resampler.h"
#include "core/dsp/LogMel.h"
#include "core/dsp/MelFilterbank.h"

#include <algorithm>
#include <cmath>

namespace muze {
namespace {

// Shares of the whole job each stage takes, measured roughly on a three-minute MP3.
constexpr double kDecodeEnd = 0.55;
constexpr double kWaveformEnd = 0.65;
constexpr double kResampleEnd = 0.8;

QImage logMelImage(const FloatMatrix& logMel, double topDb)
{
    QImage image(logMel.cols, logMel.rows, QImage::Format_Grayscale8);
    if (logMel.values.empty())
        return image;
    const float loudest = *std::max_element(logMel.values.begin(), logMel.values.end());
    const float scale = 255.0f / static_cast<float>(topDb);
    for (int band = 0; band < logMel.rows; ++band) {
        uchar* line = image.scanLine(logMel.rows - 1 - band);  // low bands at the bottom
        const float* values = logMel.row(band);
        for (int frame = 0; frame < logMel.cols; ++frame) {
            const float level = (values[frame] - loudest) * scale + 255.0f;
            line[frame] = static_cast<uchar>(std::clamp(level, 0.0f, 255.0f));
        }
    }
    return image;
}

}  // namespace

double logMelAxisPosition(double hz)
{
    const LogMelParams params;
    const double bottom = hzToMel(params.fMin);
    const double top = hzToMel(params.effectiveFMax());
    return (hzToMel(hz) - bottom) / (top - bottom);
}

AudioLoadJob::AudioLoadJob(QString path, double maxDurationSeconds, QObject* parent)
    : Job(parent), m_path(std::move(path)), m_maxDurationSeconds(maxDurationSeconds)
{
}

void AudioLoadJob::execute(const JobControl& control)
{
    DecodeOptions options;
    options.sampleRate = 0;  // play at the file's own rate
    options.channels = ChannelMode::UpToStereo;
    options.limits.maxDurationSeconds = m_maxDurationSeconds;
    DecodedAudio decoded = decodeAudioFile(m_path.toStdString(), options, control.slice(0.0, kDecodeEnd));

    auto result = std::make_shared<LoadedAudio>();
    result->info = decoded.info;
    result->corruptPackets = decoded.corruptPackets;
    auto playback = std::make_shared<const AudioBuffer>(std::move(decoded.audio));
    result->playback = playback;
    result->waveform = std::make_shared<const WaveformSummary>(playback, control.slice(kDecodeEnd, kWaveformEnd));

    const LogMelParams params;
    const AudioBuffer modelView = resampleAudio(mixToMono(*playback), params.sampleRate, control.slice(kWaveformEnd, kResampleEnd));
    const FloatMatrix logMel = logMelSpectrogram(modelView.samples.data(), modelView.frames(), params, control.slice(kResampleEnd, 1.0));
    result->logMel = logMelImage(logMel, params.topDb);
    result->logMelFramesPerSecond = static_cast<double>(params.sampleRate) / params.stft.hopLength;
    control.throwIfCancelled();
    emit loaded(result);
}

}  // namespace muze
