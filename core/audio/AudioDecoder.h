#pragma once

#include "core/audio/AudioBuffer.h"
#include "core/audio/AudioFileInfo.h"
#include "core/common/JobControl.h"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <filesystem>
#include <memory>
#include <vector>

namespace muze {

// The model works at this rate, as the reference does.
inline constexpr int kModelSampleRate = 32000;

enum class ChannelMode {
    Mono,        // the mean of all channels (librosa's to_mono)
    Stereo,      // mono is duplicated; more than two channels are downmixed by FFmpeg's matrix
    UpToStereo,  // mono stays mono, everything else becomes stereo: what a listener hears
};

// Safety limits for files from anywhere. A file past a limit fails with ErrorKind::LimitExceeded
// before much work is done.
struct DecodeLimits {
    double maxDurationSeconds = 30 * 60;
    int maxChannels = 32;
    int maxSampleRate = 384000;  // Hz
    // A damaged packet is skipped and counted. Decoding fails once more than `corruptPacketAllowance`
    // packets were damaged and they are more than `maxCorruptShare` of the packets read so far.
    int corruptPacketAllowance = 16;
    double maxCorruptShare = 0.05;
};

struct DecodeOptions {
    int sampleRate = kModelSampleRate;  // Hz of the output; 0 keeps the file's own rate
    ChannelMode channels = ChannelMode::Mono;
    DecodeLimits limits;
};

struct DecodedAudio {
    AudioBuffer audio;
    AudioFileInfo info;
    int corruptPackets = 0;         // damaged packets that were skipped
    std::size_t invalidSamples = 0; // NaN or infinite samples, replaced by silence
};

// Streams one file through FFmpeg, a chunk at a time, so memory stays bounded whatever the file's
// length. Only local files are opened (FFmpeg's protocol whitelist is "file"), and only audio
// container formats are probed.
//
// Thread contract: one decoder belongs to one thread at a time; separate decoders may run concurrently.
class AudioDecoder {
public:
    // Opens and checks the file; throws Error naming the file and the reason when it cannot be used.
    AudioDecoder(const std::filesystem::path& path, const DecodeOptions& options);
    ~AudioDecoder();
    AudioDecoder(const AudioDecoder&) = delete;
    AudioDecoder& operator=(const AudioDecoder&) = delete;

    const AudioFileInfo& info() const;
    int outputSampleRate() const;
    int outputChannels() const;

    // Appends decoded, converted frames (interleaved) to `out`, roughly `wantedFrames` of them or
    // fewer at the end; returns how many it appended, 0 once the file is exhausted.
    std::size_t read(std::vector<float>& out, std::size_t wantedFrames);

    double fractionRead() const;  // share of the file's bytes consumed, 0..1
    int corruptPackets() const;

private:
    struct State;
    std::unique_ptr<State> m_state;
};

// Reads a file's format, duration and tags without decoding it.
AudioFileInfo probeAudioFile(const std::filesystem::path& path, const DecodeLimits& limits = {});

// What decodeAudioFileInBlocks read.
struct DecodeSummary {
    AudioFileInfo info;
    int sampleRate = 0;              // Hz of the blocks
    int channels = 0;                // of the blocks
    std::int64_t frames = 0;         // in all the blocks
    int corruptPackets = 0;          // damaged packets that were skipped
    std::size_t invalidSamples = 0;  // NaN or infinite samples, replaced by silence

    double durationSeconds() const { return sampleRate > 0 ? static_cast<double>(frames) / sampleRate : 0.0; }
};

// Receives the next block of a file, and what was read before it.
using AudioBlockSink = std::function<void(const AudioBuffer& block, const DecodeSummary& before)>;

// Decodes a whole file a block at a time (about two seconds each) and hands each block to `sink` in
// order, for work that need not hold the whole song. Reports progress and stops when cancelled.
// Samples that are not finite become silence; a file where they are more than maxCorruptShare of
// the samples fails once it has been read.
DecodeSummary decodeAudioFileInBlocks(const std::filesystem::path& path, const DecodeOptions& options, const AudioBlockSink& sink,
                                      const JobControl& control = {});

// Decodes a whole file into memory, reporting progress and stopping when cancelled. Samples that
// are not finite (float files) become silence; a file where they are more than maxCorruptShare of
// the samples fails.
DecodedAudio decodeAudioFile(const std::filesystem::path& path, const DecodeOptions& options,
                             const JobControl& control = {});

}  // namespace muze
