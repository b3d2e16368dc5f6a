#include "core/dataset/FolderScan.h"

#include "core/common/Error.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <set>

namespace muze {
namespace {

namespace fs = std::filesystem;

std::string describe(const std::error_code& error)
{
    return error.value() == ELOOP ? "a symbolic link that loops back on itself" : error.message();
}

class Scanner {
public:
    explicit Scanner(const std::vector<fs::path>& skip)
    {
        for (const fs::path& path : skip)
            m_skipped.push_back(fs::absolute(path).lexically_normal());
    }

    // Lists one folder; its subfolders are queued. Iterating by hand, one folder at a time, is what
    // lets the scan go on after an error: recursive_directory_iterator ends at the first one.
    void scanFolder(const fs::path& folder, std::vector<fs::path>& pending)
    {
        std::error_code error;
        fs::directory_iterator it(folder, error);
        if (error) {
            m_result.unreadable.push_back({folder, "the folder cannot be read: " + describe(error)});
            return;
        }
        for (; it != fs::directory_iterator(); it.increment(error)) {
            examine(it->path(), pending);
            if (error)
                break;
        }
        if (error)  // the iterator is at its end now: whatever followed in this folder was not seen
            m_result.unreadable.push_back({folder, "the folder could not be read to its end: " + describe(error)});
    }

    FolderScan result()
    {
        std::sort(m_result.files.begin(), m_result.files.end());
        return std::move(m_result);
    }

private:
    void examine(const fs::path& path, std::vector<fs::path>& pending)
    {
        std::error_code error;
        const fs::file_status own = fs::symlink_status(path, error);
        if (error) {
            m_result.unreadable.push_back({path, describe(error)});
            return;
        }
        if (fs::is_directory(own)) {
            if (std::find(m_skipped.begin(), m_skipped.end(), fs::absolute(path).lexically_normal()) == m_skipped.end())
                pending.push_back(path);
            return;
        }
        if (!isAudioFileName(path))
            return;
        const fs::file_status target = fs::status(path, error);  // follows links: a loop fails here
        if (error)
            m_result.unreadable.push_back({path, describe(error)});
        else if (fs::is_regular_file(target))
            m_result.files.push_back(path);
    }

    std::vector<fs::path> m_skipped;
    FolderScan m_result;
};

}  // namespace

bool isAudioFileName(const fs::path& path)
{
    static const std::set<std::string> extensions = {".wav", ".flac", ".mp3", ".ogg", ".oga", ".opus", ".m4a", ".aac",
                                                     ".aif", ".aiff", ".wv", ".mka", ".webm", ".wma", ".ape", ".mp2"};
    std::string extension = path.extension().string();
    std::transform(extension.begin(), extension.end(), extension.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return extensions.count(extension) != 0;
}

FolderScan scanAudioFolder(const fs::path& folder, const std::vector<fs::path>& skip)
{
    std::error_code error;
    if (!fs::is_directory(folder, error))
        throw Error(ErrorKind::NotFound, "The audio folder \"" + folder.string() + "\" does not exist or is not a folder.");
    fs::directory_iterator probe(folder, error);
    if (error)
        throw Error(ErrorKind::PermissionDenied, "The audio folder \"" + folder.string() + "\" cannot be read: " + error.message() + ".");
    Scanner scanner(skip);
    std::vector<fs::path> pending{folder};
    while (!pending.empty()) {
        const fs::path next = pending.back();
        pending.pop_back();
        scanner.scanFolder(next, pending);
    }
    return scanner.result();
}

}  // namespace muze
