#pragma once

#include <nlohmann/json.hpp>

#include <algorithm>
#include <string>
#include <type_traits>

namespace muze {

// A dataset record: one JSON object per track with the reference's v3.1 field names (see README's
// dataset section). Kept as JSON rather than a struct so that a record keeps fields it does not
// know, fields stay absent where a reference dataset lacks them, and its field order survives.
using Record = nlohmann::ordered_json;

// Fields the studio itself reads or writes beyond the analysis.
namespace field {
inline constexpr const char* kAudioPath = "audio_path";
inline constexpr const char* kTrackId = "track_id";
inline constexpr const char* kArtist = "artist";
inline constexpr const char* kTitle = "title";
inline constexpr const char* kGenre = "genre";
inline constexpr const char* kPrompt = "prompt";
inline constexpr const char* kLyrics = "lyrics";
inline constexpr const char* kSegments = "segments";
inline constexpr const char* kVoiceEmbedding = "voice_embedding";
inline constexpr const char* kAnalysisVersion = "analysis_version";
inline constexpr const char* kEncoders = "embedding_encoders";  // which encoder made each embedding
inline constexpr const char* kAnalysisOptions = "analysis_options";  // language and speech recognition it was made with
inline constexpr const char* kSource = "source_file";            // size, mtime and content hash
inline constexpr const char* kUserEdited = "user_edited";        // names of fields the user changed
inline constexpr const char* kIncluded = "include_in_training";  // false: kept, but not trained on
}  // namespace field

// The fields a user may edit in the Library; a re-analysis keeps their values when edited.
inline constexpr const char* kEditableFields[] = {"prompt", "lyrics", "genre", "segments", "title", "artist"};

// Whether the user edited the field `name` in the Library (it is listed in user_edited).
inline bool isUserEdited(const Record& record, const char* name)
{
    const auto edited = record.find(field::kUserEdited);
    return edited != record.end() && edited->is_array() && std::find(edited->begin(), edited->end(), name) != edited->end();
}

// Lists `name` in the record's user_edited, once.
inline void markUserEdited(Record& record, const char* name)
{
    if (!record.contains(field::kUserEdited) || !record[field::kUserEdited].is_array())
        record[field::kUserEdited] = Record::array();
    if (!isUserEdited(record, name))
        record[field::kUserEdited].push_back(name);
}

// A field's value when the record has it with the type asked for, otherwise `fallback`: records
// written by other tools or by hand may hold anything (1 for true, null for a number, "120" for 120).
template <typename T>
T valueOr(const nlohmann::ordered_json& record, const char* name, T fallback)
{
    const auto found = record.find(name);
    if (found == record.end())
        return fallback;
    if constexpr (std::is_same_v<T, bool>)
        return found->is_boolean() ? found->template get<bool>() : fallback;
    else if constexpr (std::is_arithmetic_v<T>)
        return found->is_number() ? found->template get<T>() : fallback;
    else
        return found->is_string() ? found->template get<std::string>() : fallback;
}

// Raised whenever an analysis gives different results, so that re-runs analyse every track again.
inline constexpr const char* kAnalysisVersion = "muze-analysis-3";

}  // namespace muze
