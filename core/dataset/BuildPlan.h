#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace muze {

// What a file system lookup of a record's file said.
enum class FilePresence {
    Present,  // there (perhaps not an audio file, or outside the scanned folder)
    Gone,     // looked for, and no such file
    Unknown,  // the lookup failed (permissions, I/O): nothing can be concluded
};

// One of N parts of a folder, so that N machines build one dataset: part `index` (1 to `count`)
// holds the files whose audio_path hashes to it, the same on every machine.
struct Shard {
    int index = 1;
    int count = 1;

    bool holds(const std::string& audioPath) const;
};

// What a build knows before it analyses anything. Paths are audio_path texts.
struct BuildPlanInput {
    std::vector<std::string> previous;    // the records the dataset and the journal of an unfinished build hold
    std::vector<std::string> found;       // the audio files the scan found, in path order
    std::vector<std::string> unreadable;  // folders and files the scan could not examine
    std::optional<int> maxTracks;         // visit only the first N found (of the shard's)
    Shard shard;                          // visit only the files of this shard
};

// What a build does with each file and record. Every previous record is in exactly one of visit,
// keep and gone.
struct BuildPlan {
    std::vector<std::string> visit;  // analysed, or reused where unchanged
    std::vector<std::string> keep;   // kept as they are: their files were not looked at this time
    std::vector<std::string> gone;   // their files were looked for and are gone
    bool folderEmpty = false;        // the scan found no audio at all (an empty or unmounted folder)
};

// Decides, without touching anything but `presence`, what to analyse, keep and drop. A record is
// gone only when its file was looked for and is not there: never for files past maxTracks or of
// another shard, under a folder that could not be read, outside the folder (absolute or ../
// paths), when the folder holds no audio at all, or when the lookup failed.
BuildPlan planBuild(const BuildPlanInput& input, const std::function<FilePresence(const std::string& audioPath)>& presence);

}  // namespace muze
