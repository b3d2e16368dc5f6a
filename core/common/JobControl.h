#pragma once

#include "core/common/Error.h"

#include <atomic>
#include <functional>
#include <string>

namespace muze {

// Set from any thread to ask a running job to stop; the job notices at its next check.
class CancelToken {
public:
    void cancel() noexcept { m_cancelled.store(true, std::memory_order_relaxed); }
    bool isCancelled() const noexcept { return m_cancelled.load(std::memory_order_relaxed); }

private:
    std::atomic<bool> m_cancelled{false};
};

// Called by a job as it advances. `fraction` is the share of the whole job done, 0..1, and never
// decreases; `stage` names what the job is doing now ("decoding", "log-mel").
using ProgressFn = std::function<void(const std::string& stage, double fraction)>;

// What every long engine function takes: where to report progress and how to learn it should stop.
// Both parts are optional, so tests and one-off calls can pass JobControl{}.
struct JobControl {
    ProgressFn progress;
    const CancelToken* cancel = nullptr;

    void report(const std::string& stage, double fraction) const
    {
        if (progress)
            progress(stage, fraction);
    }

    bool isCancelled() const { return cancel != nullptr && cancel->isCancelled(); }

    void throwIfCancelled() const
    {
        if (isCancelled())
            throw Error(ErrorKind::Cancelled, "Cancelled.");
    }

    // The same control for a sub-task that covers [begin, end) of this job's progress.
    JobControl slice(double begin, double end) const
    {
        JobControl part{nullptr, cancel};
        if (progress) {
            ProgressFn outer = progress;
            part.progress = [outer, begin, end](const std::string& stage, double fraction) {
                outer(stage, begin + (end - begin) * fraction);
            };
        }
        return part;
    }
};

}  // namespace muze
