#include "core/audio/FfmpegSupport.h"

#include "core/common/PathText.h"

extern "C" {
#include <libavformat/avformat.h>
#include <libavutil/dict.h>
#include <libavutil/error.h>
#include <libavutil/log.h>
}

#include <algorithm>
#include <cctype>
#include <fstream>
#include <initializer_list>
#include <mutex>
#include <vector>

namespace muze {
namespace {

std::string trimmed(const char* text)
{
    std::string value(text);
    const auto notSpace = [](unsigned char c) { return !std::isspace(c); };
    value.erase(value.begin(), std::find_if(value.begin(), value.end(), notSpace));
    value.erase(std::find_if(value.rbegin(), value.rend(), notSpace).base(), value.end());
    return value;
}

std::string lowercase(std::string text)
{
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

// The first non-empty value under any of `keys` (FFmpeg matches keys without regard to case).
std::string firstTag(const AVDictionary* container, const AVDictionary* stream, std::initializer_list<const char*> keys)
{
    for (const AVDictionary* dictionary : {container, stream}) {
        for (const char* key : keys) {
            const AVDictionaryEntry* entry = av_dict_get(dictionary, key, nullptr, 0);
            if (entry != nullptr && entry->value != nullptr) {
                std::string value = textFromBytes(trimmed(entry->value));
                if (!value.empty())
                    return value;
            }
        }
    }
    return {};
}

// ID3's USLT frame arrives as "lyrics-eng" (the language appended), Vorbis comments as LYRICS or
// UNSYNCEDLYRICS, MP4's ©lyr as "lyrics".
bool isLyricsKey(const std::string& key)
{
    const std::string lower = lowercase(key);
    return lower.rfind("lyrics", 0) == 0 || lower == "unsyncedlyrics" || lower == "unsynced lyrics";
}

std::string findLyrics(const AVDictionary* container, const AVDictionary* stream)
{
    for (const AVDictionary* dictionary : {container, stream}) {
        const AVDictionaryEntry* entry = nullptr;
        while ((entry = av_dict_get(dictionary, "", entry, AV_DICT_IGNORE_SUFFIX)) != nullptr) {
            if (entry->value != nullptr && isLyricsKey(entry->key)) {
                std::string value = textFromBytes(trimmed(entry->value));
                if (!value.empty())
                    return value;
            }
        }
    }
    return {};
}

std::optional<int> yearIn(const std::string& date)
{
    for (std::size_t i = 0; i + 4 <= date.size(); ++i) {
        if (std::all_of(date.begin() + static_cast<long>(i), date.begin() + static_cast<long>(i + 4),
                        [](unsigned char c) { return std::isdigit(c); })) {
            const bool standsAlone = (i == 0 || !std::isdigit(static_cast<unsigned char>(date[i - 1]))) &&
                                     (i + 4 == date.size() || !std::isdigit(static_cast<unsigned char>(date[i + 4])));
            if (standsAlone)
                return std::stoi(date.substr(i, 4));
        }
    }
    return std::nullopt;
}

std::optional<int> leadingNumber(const std::string& text)
{
    std::size_t digits = 0;
    while (digits < text.size() && digits < 6 && std::isdigit(static_cast<unsigned char>(text[digits])))
        ++digits;
    if (digits == 0)
        return std::nullopt;
    return std::stoi(text.substr(0, digits));
}

}  // namespace

void silenceFfmpegLog()
{
    static std::once_flag once;
    std::call_once(once, [] { av_log_set_level(AV_LOG_QUIET); });
}

std::string ffmpegErrorText(int code)
{
    char text[AV_ERROR_MAX_STRING_SIZE] = {};
    av_strerror(code, text, sizeof text);
    return text;
}

ProbedFormat probeFormat(const std::filesystem::path& path)
{
    constexpr std::size_t kProbeBytes = 1 << 16;
    std::vector<unsigned char> bytes(kProbeBytes + AVPROBE_PADDING_SIZE, 0);
    std::ifstream file(path, std::ios::binary);
    file.read(reinterpret_cast<char*>(bytes.data()), kProbeBytes);
    const std::string filename = path.string();
    AVProbeData probe{};
    probe.filename = filename.c_str();
    probe.buf = bytes.data();
    probe.buf_size = static_cast<int>(file.gcount());
    ProbedFormat result;
    const AVInputFormat* format = av_probe_input_format3(&probe, 1, &result.score);
    if (format == nullptr)
        return result;
    result.name = format->name;
    // FFmpeg's name for plain text shown as ANSI art.
    result.longName = result.name == "tty" ? "text" : (format->long_name != nullptr ? format->long_name : format->name);
    return result;
}

AudioTags readTags(const AVDictionary* container, const AVDictionary* stream)
{
    AudioTags tags;
    tags.title = firstTag(container, stream, {"title"});
    tags.artist = firstTag(container, stream, {"artist", "album_artist", "performer"});
    tags.album = firstTag(container, stream, {"album"});
    tags.genre = firstTag(container, stream, {"genre"});
    tags.date = firstTag(container, stream, {"date", "year", "originaldate", "TDRC", "TYER"});
    tags.year = yearIn(tags.date);
    tags.trackNumber = leadingNumber(firstTag(container, stream, {"track", "tracknumber"}));
    tags.lyrics = findLyrics(container, stream);
    return tags;
}

}  // namespace muze
