#pragma once

#include "core/common/AppendOnlyFile.h"
#include "core/dataset/TrackRecord.h"

#include <filesystem>
#include <map>
#include <string>

namespace muze {

// What an unfinished build left: the last entry for each audio_path, a record or an error.
struct JournalEntries {
    std::map<std::string, Record> records;
    std::map<std::string, nlohmann::ordered_json> errors;
};

// The progress of a build, one JSON line per finished track, synced at once, so that a killed
// build loses at most the tracks in flight (see AppendOnlyFile).
//
// Thread-safe: the build's workers append at once.
class BuildJournal {
public:
    explicit BuildJournal(const std::filesystem::path& path) : m_file(path) {}

    // Throws Error (DiskFull when the disk is full) when the entry could not be made durable.
    void appendRecord(const std::string& audioPath, const Record& record);
    void appendError(const std::string& audioPath, const nlohmann::ordered_json& error);

    // Every complete entry of a journal; lines that do not parse are skipped. No file: no entries.
    static JournalEntries load(const std::filesystem::path& path);

private:
    AppendOnlyFile m_file;
};

}  // namespace muze
