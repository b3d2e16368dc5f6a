#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace muze {

// File names and tags are bytes; JSON and the GUI need UTF-8. Every place that turns one into the
// other goes through these functions, so that a name means the same file everywhere.
//
// Valid UTF-8 is kept as it is. A byte that is not part of a valid UTF-8 sequence is read as
// Latin-1 (ISO 8859-1), the usual encoding of such names and of RIFF INFO tags: "caf\xE9.mp3"
// becomes "café.mp3".
std::string textFromBytes(std::string_view bytes);

// The text of a path, as records, errors and settings store it.
inline std::string pathText(const std::filesystem::path& path)
{
    return textFromBytes(path.generic_string());
}

// The file that `text` (from pathText, relative to `base` or absolute) names. Each component is
// looked up as UTF-8 first and, where no such entry exists, as Latin-1 bytes, so a name written
// by pathText leads back to its file. When neither exists the UTF-8 form is returned.
std::filesystem::path pathFromText(const std::filesystem::path& base, const std::string& text);

}  // namespace muze
