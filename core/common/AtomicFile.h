#pragma once

#include <cstddef>
#include <filesystem>
#include <string_view>

namespace muze {

// Writes a file so that its readers only ever see the old content or the complete new content.
//
// The data goes to a hidden temporary file in the target's folder (".NAME.tmp-PID-XXXXXX"); commit()
// flushes it to disk, renames it over the target and syncs the folder, and throws Error when any
// of these fails (the folder's sync after the rename included). A crash, a kill or an exception
// before commit() leaves the target untouched; the destructor removes the temporary file where it
// can, and the first write into a folder removes what killed writers left there. A target that is
// a symbolic link is written through: the file it points at gets the new content. Errors of a full
// disk are ErrorKind::DiskFull. Every file the project writes goes through this class.
//
// Not thread-safe: one AtomicFile belongs to one thread at a time.
enum class FileAccess {
    Usual,      // as the target had, or 0666 minus the umask for a new file
    OwnerOnly,  // 0600, for secrets; never readable by others, not even for a moment
};

class AtomicFile {
public:
    explicit AtomicFile(std::filesystem::path target, FileAccess access = FileAccess::Usual);
    ~AtomicFile();
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;

    // The open temporary file, for libraries that write through a descriptor (libsndfile).
    int descriptor() const { return m_fd; }
    const std::filesystem::path& temporaryPath() const { return m_temporary; }
    const std::filesystem::path& targetPath() const { return m_target; }

    // Appends bytes; throws Error(Io) naming the target when the disk is full or the write fails.
    void write(const void* data, std::size_t size);
    void write(std::string_view text) { write(text.data(), text.size()); }

    // Makes the new content durable and visible under the target name. Call once.
    void commit();

private:
    void closeDescriptor();

    std::filesystem::path m_target;
    std::filesystem::path m_temporary;
    int m_fd = -1;
    bool m_committed = false;
};

// The whole content at once: the common case for JSON and other text files.
void writeFileAtomically(const std::filesystem::path& target, std::string_view contents, FileAccess access = FileAccess::Usual);

}  // namespace muze
