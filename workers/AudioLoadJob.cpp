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

// The log-mel the model would see, from the playback a block at a time, so that loading a long song
// makes no whole-song copy besides the playback itself.
FloatMatrix modelLogMel(const AudioBuffer& playback, const JobControl& control)
{
    const LogMelParams params;
    StreamResampler resampler(1, playback.sampleRate, params.sampleRate);
    const std::int64_t frames = playback.frames();
    MelStream mel(params, frames * params.sampleRate / std::max(playback.sampleRate, 1) + 1024);
    std::vector<float> mono;
    std::vector<float> resampled;
    constexpr std::int64_t kBlockFrames = 1 << 16;
    for (std::int64_t start = 0; start < frames; start += kBlockFrames) {
        control.throwIfCancelled();
        const std::int64_t count = std::min(kBlockFrames, frames - start);
        mono.resize(static_cast<std::size_t>(count));
        mixToMono(playback.samples.data() + start * playback.channels, count, playback.channels, mono.data());
        resampled.clear();
        resampler.push(mono.data(), count, resampled);
        mel.push(resampled.data(), static_cast<std::int64_t>(resampled.size()));
        control.report("log-mel", static_cast<double>(start + count) / static_cast<double>(frames));
    }
    resampled.clear();
    resampler.drain(resampled);
    mel.push(resampled.data(), static_cast<std::int64_t>(resampled.size()));
    FloatMatrix logMel = mel.finish();
    powerToDb(logMel, params);
    return logMel;
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
    result->logMel = logMelImage(modelLogMel(*playback, control.slice(kWaveformEnd, 1.0)), params.topDb);
    result->logMelFramesPerSecond = static_cast<double>(params.sampleRate) / params.stft.hopLength;
    control.throwIfCancelled();
    emit loaded(result);
}

}  // namespace muze
