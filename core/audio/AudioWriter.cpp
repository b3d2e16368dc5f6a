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

void writeAudioFile(const std::filesystem::path& path, const AudioBuffer& audio, const AudioWriteOptions& options)
{
    if (audio.channels <= 0 || audio.sampleRate <= 0)
        throw Error(ErrorKind::InvalidArgument, "Cannot write " + path.string() + ": the audio has no channels or no sample rate.");
    SF_INFO format{};
    format.samplerate = audio.sampleRate;
    format.channels = audio.channels;
    format.format = sndfileFormat(options, path);
    if (!sf_format_check(&format))
        throw Error(ErrorKind::Unsupported, "Cannot write " + path.string() + ": libsndfile does not support " +
                                                std::to_string(audio.channels) + " channels at " +
                                                std::to_string(audio.sampleRate) + " Hz in this format.");

    AtomicFile file(path);
    {
        std::unique_ptr<SNDFILE, SndfileCloser> sound(sf_open_fd(file.descriptor(), SFM_WRITE, &format, SF_FALSE));
        if (!sound)
            throw Error(ErrorKind::Io, "Cannot write " + path.string() + ": " + sf_strerror(nullptr) + ".");
        sf_command(sound.get(), SFC_SET_CLIPPING, nullptr, SF_TRUE);
        const sf_count_t frames = audio.frames();
        if (sf_writef_float(sound.get(), audio.samples.data(), frames) != frames)
            throw Error(ErrorKind::Io, "Cannot write " + path.string() + ": " + sf_strerror(sound.get()) +
                                           ". If the disk is full, free some space; the previous file is unchanged.");
        // Closing writes the final header sizes, so its failure matters as much as a write's.
        if (sf_close(sound.release()) != 0)
            throw Error(ErrorKind::Io, "Cannot finish writing " + path.string() + ": " + sf_strerror(nullptr) + ".");
    }
    file.commit();
}

}  // namespace muze
