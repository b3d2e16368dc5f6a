#include "core/common/AtomicFile.h"

#include "core/common/Error.h"

#include <cerrno>
#include <csignal>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <fstream>
#include <mutex>
#include <set>
#include <string>
#include <sys/stat.h>
#include <unistd.h>

namespace muze {
namespace {

constexpr const char* kTemporaryMark = ".tmp-";
constexpr std::size_t kMaxNameBytes = 255;  // NAME_MAX on Linux file systems
constexpr int kMaxLinkHops = 40;            // as the kernel's ELOOP limit

ErrorKind kindForErrno(int error)
{
    switch (error) {
    case ENOENT:
    case ENOTDIR:
        return ErrorKind::NotFound;
    case EACCES:
    case EPERM:
    case EROFS:
        return ErrorKind::PermissionDenied;
    case ENOSPC:
    case EDQUOT:
    case EFBIG:
        return ErrorKind::DiskFull;
    default:
        return ErrorKind::Io;
    }
}

[[noreturn]] void throwWriteError(const std::filesystem::path& target, const char* action, int error)
{
    std::string message = "Could not " + std::string(action) + " " + target.string() + ": " + std::strerror(error) + ".";
    if (kindForErrno(error) == ErrorKind::DiskFull)
        message += " Free some disk space and try again; the previous file, if any, is unchanged.";
    throw Error(kindForErrno(error), message);
}

// New files get the usual permissions (0666 minus the umask), not mkstemp's 0600. The umask is read
// from /proc rather than with umask(2), which would change it for every thread while it is read.
mode_t permissionsForNewFile(const std::filesystem::path& target)
{
    struct stat existing {};
    if (::stat(target.c_str(), &existing) == 0)
        return existing.st_mode & 07777;
    mode_t mask = 022;
    std::ifstream status("/proc/self/status");
    for (std::string line; std::getline(status, line);) {
        if (line.rfind("Umask:", 0) == 0) {
            mask = static_cast<mode_t>(std::stoul(line.substr(6), nullptr, 8));
            break;
        }
    }
    return 0666 & ~mask;
}

std::filesystem::path folderOf(const std::filesystem::path& path)
{
    return path.parent_path().empty() ? std::filesystem::path(".") : path.parent_path();
}

// A symbolic link is written through: the file it points at is replaced, and the link stays.
std::filesystem::path followLinks(std::filesystem::path target)
{
    for (int hop = 0; hop < kMaxLinkHops; ++hop) {
        std::error_code error;
        if (!std::filesystem::is_symlink(std::filesystem::symlink_status(target, error)))
            return target;
        const std::filesystem::path next = std::filesystem::read_symlink(target, error);
        if (error)
            return target;
        target = next.is_absolute() ? next : folderOf(target) / next;
    }
    throwWriteError(target, "follow the links to", ELOOP);
}

// ".NAME.tmp-PID-XXXXXX", with NAME shortened where the whole would not fit in a file name.
std::string temporaryName(const std::filesystem::path& target)
{
    const std::string suffix = std::string(kTemporaryMark) + std::to_string(::getpid()) + "-XXXXXX";
    std::string name = target.filename().string();
    const std::size_t room = kMaxNameBytes - 1 - suffix.size();
    if (name.size() > room)
        name.resize(room);
    return "." + name + suffix;
}

// The writer's process id in a temporary name of ours, or 0.
pid_t writerOf(const std::string& name)
{
    if (name.empty() || name[0] != '.')
        return 0;
    const std::size_t mark = name.rfind(kTemporaryMark);
    if (mark == std::string::npos)
        return 0;
    const std::string rest = name.substr(mark + std::strlen(kTemporaryMark));
    const std::size_t dash = rest.find('-');
    if (dash == std::string::npos || dash == 0 || rest.size() - dash - 1 != 6)
        return 0;
    pid_t pid = 0;
    for (std::size_t i = 0; i < dash; ++i) {
        if (rest[i] < '0' || rest[i] > '9')
            return 0;
        pid = pid * 10 + (rest[i] - '0');
    }
    return pid;
}

// Temporary files whose writer was killed before it could remove them. Each folder is looked at once
// per process, on its first write: a folder of thousands of cached features is not listed at every one.
void removeLeftoverTemporaries(const std::filesystem::path& folder)
{
    static std::mutex mutex;
    static std::set<std::string> cleaned;
    {
        std::lock_guard<std::mutex> lock(mutex);
        if (!cleaned.insert(std::filesystem::absolute(folder).lexically_normal().string()).second)
            return;
    }
    DIR* directory = ::opendir(folder.c_str());
    if (directory == nullptr)
        return;
    while (const dirent* entry = ::readdir(directory)) {
        const pid_t writer = writerOf(entry->d_name);
        if (writer > 0 && writer != ::getpid() && ::kill(writer, 0) != 0 && errno == ESRCH)
            ::unlinkat(::dirfd(directory), entry->d_name, 0);
    }
    ::closedir(directory);
}

// After the rename: without this the new name may not survive a power cut.
void syncDirectory(const std::filesystem::path& target)
{
    const std::filesystem::path directory = folderOf(target);
    const int fd = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0 || ::fsync(fd) != 0) {
        const int error = errno;
        if (fd >= 0)
            ::close(fd);
        throw Error(ErrorKind::Io, target.string() + " was written, but its folder could not be synced to disk (" + std::strerror(error) +
                                       "): the new file may be lost if the power fails now.");
    }
    ::close(fd);
}

}  // namespace

AtomicFile::AtomicFile(std::filesystem::path target, FileAccess access) : m_target(followLinks(std::move(target)))
{
    const std::filesystem::path folder = folderOf(m_target);
    removeLeftoverTemporaries(folder);
    std::string pattern = (folder / temporaryName(m_target)).string();
    m_fd = ::mkostemp(pattern.data(), O_CLOEXEC);
    if (m_fd < 0)
        throwWriteError(m_target, "create a temporary file to write", errno);
    m_temporary = pattern;
    ::fchmod(m_fd, access == FileAccess::OwnerOnly ? 0600 : permissionsForNewFile(m_target));
}

AtomicFile::~AtomicFile()
{
    closeDescriptor();
    if (!m_committed && !m_temporary.empty())
        ::unlink(m_temporary.c_str());
}

void AtomicFile::write(const void* data, std::size_t size)
{
    const char* bytes = static_cast<const char*>(data);
    while (size > 0) {
        ssize_t written = ::write(m_fd, bytes, size);
        if (written < 0) {
            if (errno == EINTR)
                continue;
            throwWriteError(m_target, "write", errno);
        }
        bytes += written;
        size -= static_cast<std::size_t>(written);
    }
}

void AtomicFile::commit()
{
    if (m_committed || m_fd < 0)
        throw Error(ErrorKind::InvalidArgument, "AtomicFile::commit called twice for " + m_target.string() + ".");
    if (::fsync(m_fd) != 0)
        throwWriteError(m_target, "flush", errno);
    int fd = m_fd;
    m_fd = -1;
    if (::close(fd) != 0)
        throwWriteError(m_target, "close", errno);
    if (::rename(m_temporary.c_str(), m_target.c_str()) != 0)
        throwWriteError(m_target, "replace", errno);
    m_committed = true;
    syncDirectory(m_target);
}

void AtomicFile::closeDescriptor()
{
    if (m_fd >= 0) {
        ::close(m_fd);
        m_fd = -1;
    }
}

void writeFileAtomically(const std::filesystem::path& target, std::string_view contents, FileAccess access)
{
    AtomicFile file(target, access);
    file.write(contents);
    file.commit();
}

}  // namespace muze
