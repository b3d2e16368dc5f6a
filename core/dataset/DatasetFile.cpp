#include "core/dataset/DatasetFile.h"

#include "core/common/AtomicFile.h"
#include "core/common/Error.h"

#include <fstream>
#include <map>
#include <sstream>

namespace muze {

std::vector<Record> readDataset(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw Error(ErrorKind::NotFound, "The dataset \"" + path.string() + "\" cannot be opened.");
    Record parsed;
    try {
        parsed = Record::parse(in);
    } catch (const nlohmann::json::parse_error& error) {
        throw Error(ErrorKind::Corrupt, "The dataset \"" + path.string() + "\" is not valid JSON (byte " + std::to_string(error.byte) +
                                            "): " + error.what() + ". Fix or restore it; nothing was changed.");
    }
    if (!parsed.is_array())
        throw Error(ErrorKind::Corrupt, "The dataset \"" + path.string() + "\" is not a JSON array of records.");
    std::vector<Record> records;
    records.reserve(parsed.size());
    for (std::size_t i = 0; i < parsed.size(); ++i) {
        Record& record = parsed[i];
        if (!record.is_object() || !record.contains(field::kAudioPath) || !record[field::kAudioPath].is_string())
            throw Error(ErrorKind::Corrupt, "The dataset \"" + path.string() + "\": record " + std::to_string(i + 1) +
                                                " is not an object with an audio_path.");
        records.push_back(std::move(record));
    }
    return records;
}

void writeDataset(const std::filesystem::path& path, const std::vector<Record>& records)
{
    AtomicFile file(path);
    file.write("[\n");
    for (std::size_t i = 0; i < records.size(); ++i) {
        file.write(records[i].dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
        file.write(i + 1 < records.size() ? ",\n" : "\n");
    }
    file.write("]\n");
    file.commit();
}

std::vector<Record> mergeDatasets(const std::vector<std::vector<Record>>& inputs)
{
    std::map<std::string, Record> byPath;
    for (const auto& input : inputs)
        for (const Record& record : input)
            byPath[record[field::kAudioPath].get<std::string>()] = record;
    std::vector<Record> merged;
    merged.reserve(byPath.size());
    for (auto& [path, record] : byPath)
        merged.push_back(std::move(record));
    return merged;
}

}  // namespace muze
