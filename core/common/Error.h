#pragma once

#include <stdexcept>
#include <string>

namespace muze {

// What went wrong, in terms a caller can act on: the CLI maps it to an exit status, the GUI to a message.
enum class ErrorKind {
    InvalidArgument,   // the caller asked for something impossible (bad option, bad range)
    NotFound,          // a file or device that does not exist
    PermissionDenied,  // it exists but may not be read or written
    Unsupported,       // a format, codec or layout the engine does not handle
    Corrupt,           // the data is damaged beyond what the engine tolerates
    LimitExceeded,     // the input is larger than a configured safety limit
    Io,                // the operating system refused a read or write
    DiskFull,          // no space left (or the file size limit reached): nothing more can be written
    Device,            // the audio device failed
    Cancelled,         // the user asked the job to stop
};

// The one exception type the engine throws. what() is a complete sentence meant for the user:
// it names the file or thing involved and, where possible, what to do about it.
class Error : public std::runtime_error {
public:
    Error(ErrorKind kind, const std::string& message) : std::runtime_error(message), m_kind(kind) {}
    ErrorKind kind() const noexcept { return m_kind; }

private:
    ErrorKind m_kind;
};

}  // namespace muze
