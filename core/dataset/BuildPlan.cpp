#include "core/dataset/BuildPlan.h"

#include "core/dataset/SourceFingerprint.h"

#include <algorithm>
#include <set>

namespace muze {
namespace {

bool isUnder(const std::string& path, const std::string& folder)
{
    return path == folder || (path.size() > folder.size() && path.compare(0, folder.size(), folder) == 0 && path[folder.size()] == '/');
}

// An absolute path or one that climbs out of the folder names a file the scan never looks at.
bool isOutsideFolder(const std::string& path)
{
    return path.empty() || path[0] == '/' || path == ".." || path.rfind("../", 0) == 0;
}

}  // namespace

bool Shard::holds(const std::string& audioPath) const
{
    return count <= 1 || static_cast<int>(stableHash(audioPath) % static_cast<std::uint64_t>(count)) == index - 1;
}

BuildPlan planBuild(const BuildPlanInput& input, const std::function<FilePresence(const std::string&)>& presence)
{
    BuildPlan plan;
    for (const std::string& path : input.found)
        if (input.shard.holds(path) && (!input.maxTracks || static_cast<int>(plan.visit.size()) < *input.maxTracks))
            plan.visit.push_back(path);
    plan.folderEmpty = input.found.empty();

    const std::set<std::string> visited(plan.visit.begin(), plan.visit.end());
    const std::set<std::string> found(input.found.begin(), input.found.end());
    for (const std::string& path : input.previous) {
        if (visited.count(path) != 0)
            continue;
        const bool unlooked = found.count(path) != 0 || !input.shard.holds(path) || plan.folderEmpty || isOutsideFolder(path) ||
                              std::any_of(input.unreadable.begin(), input.unreadable.end(),
                                          [&](const std::string& folder) { return isUnder(path, folder); });
        if (!unlooked && presence(path) == FilePresence::Gone)
            plan.gone.push_back(path);
        else
            plan.keep.push_back(path);
    }
    return plan;
}

}  // namespace muze
