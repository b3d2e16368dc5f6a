#include "core/common/PathText.h"

#include <optional>
#include <sys/stat.h>

namespace muze {
namespace {

// The length of the valid UTF-8 sequence at `at`, or 0 (overlong forms, surrogates and code points
// past U+10FFFF are invalid, as RFC 3629 says).
std::size_t utf8SequenceLength(std::string_view bytes, std::size_t at)
{
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(bytes[i]); };
    const unsigned char lead = byte(at);
    std::size_t length = 0;
    unsigned char low = 0x80;
    unsigned char high = 0xBF;
    if (lead < 0x80)
        return 1;
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        low = lead == 0xE0 ? 0xA0 : 0x80;
        high = lead == 0xED ? 0x9F : 0xBF;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        low = lead == 0xF0 ? 0x90 : 0x80;
        high = lead == 0xF4 ? 0x8F : 0xBF;
    } else {
        return 0;
    }
    if (at + length > bytes.size())
        return 0;
    if (byte(at + 1) < low || byte(at + 1) > high)
        return 0;
    for (std::size_t i = 2; i < length; ++i)
        if (byte(at + i) < 0x80 || byte(at + i) > 0xBF)
            return 0;
    return length;
}

void appendLatin1(std::string& out, unsigned char byte)
{
    out += static_cast<char>(0xC0 | (byte >> 6));
    out += static_cast<char>(0x80 | (byte & 0x3F));
}

// The Latin-1 bytes of UTF-8 text whose characters are all below U+0100, or nothing.
std::optional<std::string> latin1Bytes(const std::string& text)
{
    std::string out;
    bool changed = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c < 0x80) {
            out += static_cast<char>(c);
        } else if ((c == 0xC2 || c == 0xC3) && i + 1 < text.size()) {
            out += static_cast<char>(((c & 0x03) << 6) | (static_cast<unsigned char>(text[++i]) & 0x3F));
            changed = true;
        } else {
            return std::nullopt;
        }
    }
    if (!changed)
        return std::nullopt;
    return out;
}

bool entryExists(const std::filesystem::path& path)
{
    struct stat status {};
    return ::lstat(path.c_str(), &status) == 0;
}

}  // namespace

std::string textFromBytes(std::string_view bytes)
{
    std::string out;
    out.reserve(bytes.size());
    for (std::size_t at = 0; at < bytes.size();) {
        const std::size_t length = utf8SequenceLength(bytes, at);
        if (length == 0) {
            appendLatin1(out, static_cast<unsigned char>(bytes[at]));
            ++at;
        } else {
            out.append(bytes.substr(at, length));
            at += length;
        }
    }
    return out;
}

std::filesystem::path pathFromText(const std::filesystem::path& base, const std::string& text)
{
    const std::filesystem::path named(text);
    std::filesystem::path resolved = named.is_absolute() ? std::filesystem::path("/") : base;
    for (const std::filesystem::path& component : named.relative_path()) {
        std::filesystem::path candidate = resolved / component;
        if (!entryExists(candidate))
            if (const auto latin1 = latin1Bytes(component.string()); latin1 && entryExists(resolved / *latin1))
                candidate = resolved / *latin1;
        resolved = std::move(candidate);
    }
    return resolved;
}

}  // namespace muze
