#pragma once

#include "core/audio/AudioBuffer.h"

#include <filesystem>

namespace muze {

enum class AudioFileType { Wav, Flac };
enum class SampleFormat { Pcm16, Pcm24, Float32 };

struct AudioWriteOptions {
    AudioFileType type = AudioFileType::Wav;
    SampleFormat format = SampleFormat::Pcm16;  // FLAC holds Pcm16 or Pcm24 only
};

// The type a file name asks for: ".wav" or ".flac" (any case). Throws Error(InvalidArgument) otherwise.
AudioFileType audioFileTypeFor(const std::filesystem::path& path);

// Writes `audio` through libsndfile, atomically (see AtomicFile): the target is either untouched or
// complete. Samples outside [-1, 1] are clipped in integer formats. Throws Error naming the file.
void writeAudioFile(const std::filesystem::path& path, const AudioBuffer& audio, const AudioWriteOptions& options);

}  // namespace muze
