#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

#include <nlohmann/json.hpp>

namespace muze {

// What identifies a source file's content: its size and modification time (cheap), and a hash of
// its bytes (read only when size or time changed, to tell a real edit from a copy or a touch).
struct SourceFingerprint {
    std::uintmax_t size = 0;
    std::int64_t modified = 0;  // nanoseconds since the epoch
    std::uint64_t hash = 0;     // FNV-1a 64 of the whole file; 0 until computed

    // "size:hash": what the feature cache is keyed on, so that a touched file keeps its features.
    std::string contentKey() const;
    nlohmann::ordered_json toJson() const;
    static SourceFingerprint fromJson(const nlohmann::ordered_json& json);
};

// Size and time only; throws Error naming the file when it cannot be read.
SourceFingerprint statFingerprint(const std::filesystem::path& path);
// With the content hash.
SourceFingerprint fullFingerprint(const std::filesystem::path& path);

// FNV-1a 64 of a text: stable ids for records (track_id) from their relative path.
std::uint64_t stableHash(const std::string& text);

}  // namespace muze
