#pragma once

#include <filesystem>
#include <mutex>
#include <string>

namespace muze {

// A file that only grows, a line at a time, each line synced to disk before append() returns: a
// kill loses at most the line being written. A last line cut short by an earlier kill is closed
// with a line break on opening, so the next line starts on its own.
//
// Thread-safe: lines from several threads never interleave.
class AppendOnlyFile {
public:
    // Throws Error (DiskFull when the disk is full) naming the file.
    explicit AppendOnlyFile(std::filesystem::path path);
    ~AppendOnlyFile();
    AppendOnlyFile(const AppendOnlyFile&) = delete;
    AppendOnlyFile& operator=(const AppendOnlyFile&) = delete;

    // `line` without its line break. Throws Error (DiskFull when the disk is full) naming the file.
    void appendLine(const std::string& line);
    const std::filesystem::path& path() const { return m_path; }

private:
    void write(const std::string& bytes);

    std::filesystem::path m_path;
    int m_fd = -1;
    std::mutex m_mutex;
};

}  // namespace muze
