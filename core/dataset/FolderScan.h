#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace muze {

// A folder or file the scan could not examine, and why.
struct ScanProblem {
    std::filesystem::path path;
    std::string reason;
};

struct FolderScan {
    std::vector<std::filesystem::path> files;  // audio files, sorted by path
    std::vector<ScanProblem> unreadable;       // what could not be examined: nothing under these was seen
};

// Audio files under `folder`, recursively. Symbolic links to folders are not followed (so a link
// loop cannot trap the scan) and `skip` folders are left out. A subfolder that cannot be listed, or
// whose listing breaks off, is reported in `unreadable` and the scan goes on with the rest. Throws
// Error when `folder` itself is not a readable folder.
FolderScan scanAudioFolder(const std::filesystem::path& folder, const std::vector<std::filesystem::path>& skip = {});

bool isAudioFileName(const std::filesystem::path& path);

}  // namespace muze
