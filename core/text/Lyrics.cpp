#include "core/text/Lyrics.h"

#include "core/common/PathText.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <regex>
#include <sstream>

namespace muze {
namespace {

constexpr std::uintmax_t kLargestLyricsFile = 1 << 20;

std::string trim(const std::string& text)
{
    const auto first = std::find_if(text.begin(), text.end(), [](unsigned char c) { return !std::isspace(c); });
    const auto last = std::find_if(text.rbegin(), text.rend(), [](unsigned char c) { return !std::isspace(c); }).base();
    return first < last ? std::string(first, last) : std::string();
}

std::optional<std::string> readSmallFile(const std::filesystem::path& path)
{
    std::error_code error;
    if (!std::filesystem::is_regular_file(path, error) || std::filesystem::file_size(path, error) > kLargestLyricsFile || error)
        return std::nullopt;
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return std::nullopt;
    std::stringstream content;
    content << in.rdbuf();
    std::string text = content.str();
    if (text.rfind("\xEF\xBB\xBF", 0) == 0)  // UTF-8 byte order mark
        text.erase(0, 3);
    return textFromBytes(text);  // sidecars written in Latin-1 are common
}

}  // namespace

std::string Lyrics::text() const
{
    std::string out;
    for (const LyricLine& line : lines)
        out += (out.empty() ? "" : "\n") + line.text;
    return out;
}

bool Lyrics::timed() const
{
    return std::any_of(lines.begin(), lines.end(), [](const LyricLine& l) { return l.start.has_value(); });
}

std::vector<LyricLine> parseLrc(const std::string& content)
{
    static const std::regex stamp(R"(\[(\d{1,3}):(\d{1,2}(?:[.:]\d{1,3})?)\])");
    std::vector<LyricLine> lines;
    std::istringstream stream(content);
    for (std::string line; std::getline(stream, line);) {
        std::vector<double> times;
        std::size_t rest = 0;
        for (auto it = std::sregex_iterator(line.begin(), line.end(), stamp); it != std::sregex_iterator(); ++it) {
            if (static_cast<std::size_t>(it->position()) != rest)
                break;  // stamps only count at the start of the line
            std::string seconds = (*it)[2];
            std::replace(seconds.begin(), seconds.end(), ':', '.');
            times.push_back(std::stoi((*it)[1]) * 60.0 + std::stod(seconds));
            rest = static_cast<std::size_t>(it->position() + it->length());
        }
        const std::string text = trim(line.substr(rest));
        if (times.empty()) {
            const bool idTag = !text.empty() && text.front() == '[' && text.back() == ']';
            if (!text.empty() && !idTag)
                lines.push_back({std::nullopt, text});
            continue;
        }
        if (text.empty())
            continue;
        for (double time : times)
            lines.push_back({time, text});
    }
    std::stable_sort(lines.begin(), lines.end(), [](const LyricLine& a, const LyricLine& b) {
        return a.start.value_or(1e18) < b.start.value_or(1e18);
    });
    return lines;
}

std::vector<LyricLine> parsePlainLyrics(const std::string& content)
{
    std::vector<LyricLine> lines;
    std::istringstream stream(content);
    for (std::string line; std::getline(stream, line);) {
        const std::string text = trim(line);
        if (!text.empty())
            lines.push_back({std::nullopt, text});
    }
    return lines;
}

std::optional<Lyrics> sidecarLyrics(const std::filesystem::path& audio)
{
    for (const char* extension : {".lrc", ".txt"}) {
        std::filesystem::path candidate = audio;
        candidate.replace_extension(extension);
        const std::optional<std::string> content = readSmallFile(candidate);
        if (!content)
            continue;
        Lyrics lyrics;
        lyrics.source = extension + 1;
        lyrics.lines = std::string(extension) == ".lrc" ? parseLrc(*content) : parsePlainLyrics(*content);
        if (!lyrics.lines.empty())
            return lyrics;
    }
    return std::nullopt;
}

}  // namespace muze
