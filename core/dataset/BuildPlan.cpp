#include "core/dataset/BuildPlan.h"

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

BuildPlan planBuild(const BuildPlanInput& input, const std::function<FilePresence(const std::string&)>& presence)
{
    BuildPlan plan;
    std::size_t visitCount = input.found.size();
    if (input.maxTracks)
        visitCount = std::min(visitCount, static_cast<std::size_t>(std::max(0, *input.maxTracks)));
    plan.visit.assign(input.found.begin(), input.found.begin() + static_cast<std::ptrdiff_t>(visitCount));
    plan.folderEmpty = input.found.empty();

    const std::set<std::string> visited(plan.visit.begin(), plan.visit.end());
    const std::set<std::string> found(input.found.begin(), input.found.end());
    for (const std::string& path : input.previous) {
        if (visited.count(path) != 0)
            continue;
        const bool unlooked = found.count(path) != 0 || plan.folderEmpty || isOutsideFolder(path) ||
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
