#pragma once

#include "core/audio/AudioBuffer.h"

#include <cstdint>
#include <filesystem>
#include <memory>

namespace muze {

enum class AudioFileType { Wav, Flac };
enum class SampleFormat { Pcm16, Pcm24, Float32 };

struct AudioWriteOptions {
    AudioFileType type = AudioFileType::Wav;
    SampleFormat format = SampleFormat::Pcm16;  // FLAC holds Pcm16 or Pcm24 only
};

// The type a file name asks for: ".wav" or ".flac" (any case). Throws Error(InvalidArgument) otherwise.
AudioFileType audioFileTypeFor(const std::filesystem::path& path);

// An audio file written a block at a time through libsndfile, atomically (see AtomicFile): nothing
// appears under the target's name until commit(), and destroying the writer before that leaves the
// target as it was. Samples outside [-1, 1] are clipped in integer formats. Throws Error naming the
// file.
//
// Not thread-safe: one writer belongs to one thread at a time.
class AudioFileWriter {
public:
    AudioFileWriter(const std::filesystem::path& path, int sampleRate, int channels, const AudioWriteOptions& options);
    ~AudioFileWriter();
    AudioFileWriter(const AudioFileWriter&) = delete;
    AudioFileWriter& operator=(const AudioFileWriter&) = delete;

    // `frames` interleaved frames of the writer's channel count.
    void write(const float* interleaved, std::int64_t frames);
    void commit();

private:
    struct State;
    std::unique_ptr<State> m_state;
};

// Writes `audio` through libsndfile, atomically (see AtomicFile): the target is either untouched or
// complete. Samples outside [-1, 1] are clipped in integer formats. Throws Error naming the file.
void writeAudioFile(const std::filesystem::path& path, const AudioBuffer& audio, const AudioWriteOptions& options);

}  // namespace muze
