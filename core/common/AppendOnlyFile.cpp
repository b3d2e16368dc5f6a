#include "core/common/AppendOnlyFile.h"

#include "core/common/Error.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace muze {
namespace {

[[noreturn]] void throwAppendError(const std::filesystem::path& path, int error)
{
    const bool full = error == ENOSPC || error == EDQUOT || error == EFBIG;
    throw Error(full ? ErrorKind::DiskFull : ErrorKind::Io, "Cannot write " + path.string() + ": " + std::strerror(error) + "." +
                                                                (full ? " Free some disk space and try again; what was written is kept." : ""));
}

bool endsWithLineBreak(int fd)
{
    struct stat status {};
    if (::fstat(fd, &status) != 0 || status.st_size == 0)
        return true;
    char last = '\n';
    return ::pread(fd, &last, 1, status.st_size - 1) != 1 || last == '\n';
}

}  // namespace

AppendOnlyFile::AppendOnlyFile(std::filesystem::path path) : m_path(std::move(path))
{
    m_fd = ::open(m_path.c_str(), O_RDWR | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    if (m_fd < 0)
        throwAppendError(m_path, errno);
    if (!endsWithLineBreak(m_fd))
        write("\n");
}

AppendOnlyFile::~AppendOnlyFile()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

void AppendOnlyFile::appendLine(const std::string& line)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    write(line + "\n");
}

void AppendOnlyFile::write(const std::string& bytes)
{
    std::size_t written = 0;
    while (written < bytes.size()) {
        const ssize_t n = ::write(m_fd, bytes.data() + written, bytes.size() - written);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            throwAppendError(m_path, errno);
        written += static_cast<std::size_t>(n);
    }
    if (::fsync(m_fd) != 0)
        throwAppendError(m_path, errno);
}

}  // namespace muze
