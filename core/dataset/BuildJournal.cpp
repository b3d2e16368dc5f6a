#include "core/dataset/BuildJournal.h"

#include <fstream>

namespace muze {

using Json = nlohmann::ordered_json;

void BuildJournal::appendRecord(const std::string& audioPath, const Record& record)
{
    m_file.appendLine(Json{{"audio_path", audioPath}, {"record", record}}.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

void BuildJournal::appendError(const std::string& audioPath, const Json& error)
{
    m_file.appendLine(Json{{"audio_path", audioPath}, {"error", error}}.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

JournalEntries BuildJournal::load(const std::filesystem::path& path)
{
    JournalEntries entries;
    std::ifstream in(path);
    for (std::string line; std::getline(in, line);) {
        Json entry;
        try {
            entry = Json::parse(line);
        } catch (const nlohmann::json::exception&) {
            continue;
        }
        if (!entry.is_object() || !entry.contains("audio_path") || !entry["audio_path"].is_string())
            continue;
        const std::string audioPath = entry["audio_path"];
        if (entry.contains("record") && entry["record"].is_object()) {
            entries.records[audioPath] = entry["record"];
            entries.errors.erase(audioPath);
        } else if (entry.contains("error")) {
            entries.errors[audioPath] = entry["error"];
            entries.records.erase(audioPath);
        }
    }
    return entries;
}

}  // namespace muze
