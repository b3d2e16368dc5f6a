#pragma once

#include "core/dataset/TrackRecord.h"

#include <filesystem>
#include <vector>

namespace muze {

// A dataset file is a top-level JSON array of records (the reference's form). Reading refuses
// anything else with an Error(Corrupt) that names the file and where the JSON breaks; a record
// that is not an object or lacks audio_path is refused the same way. Fields are kept as they are.
std::vector<Record> readDataset(const std::filesystem::path& path);

// Written atomically, one record per line, so that diffs and tools that read line by line cope.
void writeDataset(const std::filesystem::path& path, const std::vector<Record>& records);

// Records of all inputs, one per audio_path (a later input's record replaces an earlier one's), in
// audio_path order as a build writes them.
std::vector<Record> mergeDatasets(const std::vector<std::vector<Record>>& inputs);

}  // namespace muze
