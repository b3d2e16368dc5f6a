#include "core/common/AtomicFile.h"

#include "core/common/Error.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <string>
#include <sys/stat.h>
#include <unistd.h>

namespace muze {
namespace {

std::string describeErrno(int error)
{
    return std::strerror(error);
}

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
    default:
        return ErrorKind::Io;
    }
}

[[noreturn]] void throwWriteError(const std::filesystem::path& target, const char* action, int error)
{
    std::string message = "Could not " + std::string(action) + " " + target.string() + ": " + describeErrno(error) + ".";
    if (error == ENOSPC || error == EDQUOT)
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

void syncDirectory(const std::filesystem::path& directory)
{
    int fd = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return;  // the rename is done; a folder that cannot be opened for sync is not worth failing over
    ::fsync(fd);
    ::close(fd);
}

}  // namespace

AtomicFile::AtomicFile(std::filesystem::path target) : m_target(std::move(target))
{
    std::filesystem::path folder = m_target.parent_path();
    if (folder.empty())
        folder = ".";
    std::string pattern = (folder / ("." + m_target.filename().string() + ".tmp-XXXXXX")).string();
    m_fd = ::mkostemp(pattern.data(), O_CLOEXEC);
    if (m_fd < 0)
        throwWriteError(m_target, "create a temporary file to write", errno);
    m_temporary = pattern;
    ::fchmod(m_fd, permissionsForNewFile(m_target));
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
    syncDirectory(m_target.parent_path().empty() ? std::filesystem::path(".") : m_target.parent_path());
}

void AtomicFile::closeDescriptor()
{
    if (m_fd >= 0) {
        ::close(m_fd);
        m_fd = -1;
    }
}

void writeFileAtomically(const std::filesystem::path& target, std::string_view contents)
{
    AtomicFile file(target);
    file.write(contents);
    file.commit();
}

}  // namespace muze
