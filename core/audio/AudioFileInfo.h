#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace muze {

// The tags a music file carries, as the container or stream metadata gives them. Empty strings and
// empty optionals mean the file does not say.
struct AudioTags {
    std::string title;
    std::string artist;
    std::string album;
    std::string genre;
    std::string date;               // as written in the file: "2023", "2023-05-01", ...
    std::optional<int> year;        // the four-digit year found in `date`
    std::optional<int> trackNumber; // from "3" or "3/12"
    std::string lyrics;             // unsynchronised lyrics (ID3 USLT, Vorbis LYRICS, MP4 ©lyr)
};

// What a file is, before any sample is decoded.
struct AudioFileInfo {
    std::filesystem::path path;
    std::string container;      // FFmpeg demuxer name: "mp3", "ogg", "flac", "wav", "mov,mp4,m4a,3gp,3g2,mj2"
    std::string codec;          // FFmpeg codec name: "mp3", "vorbis", "opus", "aac", "flac", "pcm_s16le"
    int sampleRate = 0;         // Hz, as stored in the file
    int channels = 0;           // as stored in the file
    double durationSeconds = 0; // from the container; may be an estimate for streams without an index
    std::int64_t bitRate = 0;   // bits per second, 0 when unknown
    AudioTags tags;
};

}  // namespace muze
