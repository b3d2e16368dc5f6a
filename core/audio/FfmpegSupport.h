#pragma once

// Small helpers shared by the FFmpeg-based parts of core/audio. Not a public engine header.

#include "core/audio/AudioFileInfo.h"

#include <filesystem>
#include <string>

struct AVDictionary;

namespace muze {

// FFmpeg writes its own diagnostics to stderr unless told otherwise; the engine reports through
// its errors instead. Safe to call from any thread, any number of times.
void silenceFfmpegLog();

// av_strerror's text for an FFmpeg status code.
std::string ffmpegErrorText(int code);

// What FFmpeg's prober makes of a file's first 64 KiB, for explaining why a file was refused.
struct ProbedFormat {
    std::string name;      // demuxer name, "" when nothing matched
    std::string longName;  // for people: "text", "Apple HTTP Live Streaming"
    int score = 0;         // 0..100; below 25 FFmpeg itself would keep reading to be sure
};
ProbedFormat probeFormat(const std::filesystem::path& path);

// Tags from the container's metadata, completed by the audio stream's (where Ogg keeps them).
AudioTags readTags(const AVDictionary* containerMetadata, const AVDictionary* streamMetadata);

}  // namespace muze
