#include "core/audio/AudioWriter.h"

#include "core/common/AtomicFile.h"
#include "core/common/Error.h"

#include <sndfile.h>

#include <algorithm>
#include <cctype>
#include <string>

namespace muze {
namespace {

int sndfileFormat(const AudioWriteOptions& options, const std::filesystem::path& path)
{
    const int container = options.type == AudioFileType::Wav ? SF_FORMAT_WAV : SF_FORMAT_FLAC;
    switch (options.format) {
    case SampleFormat::Pcm16:
        return container | SF_FORMAT_PCM_16;
    case SampleFormat::Pcm24:
        return container | SF_FORMAT_PCM_24;
    case SampleFormat::Float32:
        if (options.type == AudioFileType::Flac)
            throw Error(ErrorKind::InvalidArgument,
                        "Cannot write " + path.string() + ": FLAC stores 16- or 24-bit samples, not 32-bit float.");
        return container | SF_FORMAT_FLOAT;
    }
    return container | SF_FORMAT_PCM_16;
}

struct SndfileCloser {
    void operator()(SNDFILE* file) const { sf_close(file); }
};

}  // namespace

AudioFileType audioFileTypeFor(const std::filesystem::path& path)
{
    std::string extension = path.extension().string();
    std::transform(extension.begin(), extension.end(), extension.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (extension == ".wav")
        return AudioFileType::Wav;
    if (extension == ".flac")
        return AudioFileType::Flac;
    throw Error(ErrorKind::InvalidArgument, "Cannot write " + path.string() + ": name the file .wav or .flac.");
}

struct AudioFileWriter::State {
    std::filesystem::path path;
    AtomicFile file;
    std::unique_ptr<SNDFILE, SndfileCloser> sound;

    explicit State(const std::filesystem::path& target) : path(target), file(target) {}
};

AudioFileWriter::AudioFileWriter(const std::filesystem::path& path, int sampleRate, int channels, const AudioWriteOptions& options)
{
    if (channels <= 0 || sampleRate <= 0)
        throw Error(ErrorKind::InvalidArgument, "Cannot write " + path.string() + ": the audio has no channels or no sample rate.");
    SF_INFO format{};
    format.samplerate = sampleRate;
    format.channels = channels;
    format.format = sndfileFormat(options, path);
    if (!sf_format_check(&format))
        throw Error(ErrorKind::Unsupported, "Cannot write " + path.string() + ": libsndfile does not support " + std::to_string(channels) +
                                                " channels at " + std::to_string(sampleRate) + " Hz in this format.");
    m_state = std::make_unique<State>(path);
    m_state->sound.reset(sf_open_fd(m_state->file.descriptor(), SFM_WRITE, &format, SF_FALSE));
    if (!m_state->sound)
        throw Error(ErrorKind::Io, "Cannot write " + path.string() + ": " + sf_strerror(nullptr) + ".");
    sf_command(m_state->sound.get(), SFC_SET_CLIPPING, nullptr, SF_TRUE);
}

AudioFileWriter::~AudioFileWriter() = default;

void AudioFileWriter::write(const float* interleaved, std::int64_t frames)
{
    if (sf_writef_float(m_state->sound.get(), interleaved, frames) != frames)
        throw Error(ErrorKind::Io, "Cannot write " + m_state->path.string() + ": " + sf_strerror(m_state->sound.get()) +
                                       ". If the disk is full, free some space; the previous file is unchanged.");
}

void AudioFileWriter::commit()
{
    // Closing writes the final header sizes, so its failure matters as much as a write's.
    if (sf_close(m_state->sound.release()) != 0)
        throw Error(ErrorKind::Io, "Cannot finish writing " + m_state->path.string() + ": " + sf_strerror(nullptr) + ".");
    m_state->file.commit();
}

void writeAudioFile(const std::filesystem::path& path, const AudioBuffer& audio, const AudioWriteOptions& options)
{
    AudioFileWriter writer(path, audio.sampleRate, audio.channels, options);
    writer.write(audio.samples.data(), audio.frames());
    writer.commit();
}

}  // namespace muze
