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

// What FFmpeg's prober thinks a file is ("text", "JPEG image"), for messages about refused files;
// empty when it has no idea.
std::string detectedFormatName(const std::filesystem::path& path);

// Tags from the container's metadata, completed by the audio stream's (where Ogg keeps them).
AudioTags readTags(const AVDictionary* containerMetadata, const AVDictionary* streamMetadata);

}  // namespace muze
