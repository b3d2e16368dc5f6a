#include "core/dataset/BuildJournal.h"

#include "core/common/Error.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <sys/stat.h>
#include <unistd.h>

namespace muze {
namespace {

using Json = nlohmann::ordered_json;

[[noreturn]] void throwJournalError(const std::filesystem::path& path, int error)
{
    const bool full = error == ENOSPC || error == EDQUOT || error == EFBIG;
    throw Error(full ? ErrorKind::DiskFull : ErrorKind::Io,
                "Cannot write the build journal " + path.string() + ": " + std::strerror(error) + "." +
                    (full ? " Free some disk space and build again: the songs analysed so far are kept." : ""));
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

BuildJournal::BuildJournal(const std::filesystem::path& path) : m_path(path)
{
    m_fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    if (m_fd < 0)
        throwJournalError(path, errno);
    if (!endsWithLineBreak(m_fd))
        append("\n");
}

BuildJournal::~BuildJournal()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

void BuildJournal::appendRecord(const std::string& audioPath, const Record& record)
{
    append(Json{{"audio_path", audioPath}, {"record", record}}.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
}

void BuildJournal::appendError(const std::string& audioPath, const Json& error)
{
    append(Json{{"audio_path", audioPath}, {"error", error}}.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
}

void BuildJournal::append(const std::string& line)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    std::size_t written = 0;
    while (written < line.size()) {
        const ssize_t n = ::write(m_fd, line.data() + written, line.size() - written);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            throwJournalError(m_path, errno);
        written += static_cast<std::size_t>(n);
    }
    if (::fsync(m_fd) != 0)
        throwJournalError(m_path, errno);
}

JournalEntries BuildJournal::load(const std::filesystem::path& path)
{
    JournalEntries entries;
    std::ifstream in(path);
    for (std::string line; std::getline(in, line);) {
        Json entry;
        try {
            entry = Json::parse(line);
        } catch (const nlohmann::json::exception&) {
            continue;
        }
        if (!entry.is_object() || !entry.contains("audio_path") || !entry["audio_path"].is_string())
            continue;
        const std::string audioPath = entry["audio_path"];
        if (entry.contains("record") && entry["record"].is_object()) {
            entries.records[audioPath] = entry["record"];
            entries.errors.erase(audioPath);
        } else if (entry.contains("error")) {
            entries.errors[audioPath] = entry["error"];
            entries.records.erase(audioPath);
        }
    }
    return entries;
}

}  // namespace muze
