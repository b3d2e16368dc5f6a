#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace muze {

// One line of lyrics, with its start time when the source gives one (an .lrc file).
struct LyricLine {
    std::optional<double> start;  // seconds
    std::string text;
};

struct Lyrics {
    std::vector<LyricLine> lines;
    std::string source;  // "tag", "lrc", "txt" or "asr"
    std::optional<double> confidence;  // for "asr": the recogniser's mean word posterior, 0..1

    std::string text() const;  // the lines joined by newlines
    bool timed() const;
};

// Lines of an LRC file's text ("[01:02.50] words"); ID tags ("[ar:...]") are skipped, and a line
// with several time stamps repeats at each. Untimed lines keep no time. Sorted by time.
std::vector<LyricLine> parseLrc(const std::string& content);

// Plain lyrics: one line a line, blank lines dropped, surrounding white space trimmed.
std::vector<LyricLine> parsePlainLyrics(const std::string& content);

// Lyrics in a file beside `audio` with the same stem: NAME.lrc first, then NAME.txt. Files over
// 1 MiB are not lyrics and are ignored.
std::optional<Lyrics> sidecarLyrics(const std::filesystem::path& audio);

}  // namespace muze
