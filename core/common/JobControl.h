#pragma once

#include "core/common/Error.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
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

// Set from any thread to hold a job at its next step boundary, and to let it go on. A job that takes
// steps (training) checks it; others ignore it.
class PauseGate {
public:
    void pause()
    {
        const std::lock_guard<std::mutex> lock(m_mutex);
        m_paused = true;
    }
    void resume()
    {
        {
            const std::lock_guard<std::mutex> lock(m_mutex);
            m_paused = false;
        }
        m_changed.notify_all();
    }
    bool isPaused() const
    {
        const std::lock_guard<std::mutex> lock(m_mutex);
        return m_paused;
    }
    // Blocks, using no CPU, while paused and `cancel` is not set (looked at every 100 ms).
    void waitWhilePaused(const CancelToken* cancel) const
    {
        std::unique_lock<std::mutex> lock(m_mutex);
        while (m_paused && (cancel == nullptr || !cancel->isCancelled()))
            m_changed.wait_for(lock, std::chrono::milliseconds(100));
    }

private:
    mutable std::mutex m_mutex;
    mutable std::condition_variable m_changed;
    bool m_paused = false;
};

// Called by a job as it advances. `fraction` is the share of the whole job done, 0..1, and never
// decreases; `stage` names what the job is doing now ("decoding", "log-mel").
using ProgressFn = std::function<void(const std::string& stage, double fraction)>;

// What every long engine function takes: where to report progress and how to learn it should stop.
// Both parts are optional, so tests and one-off calls can pass JobControl{}.
struct JobControl {
    ProgressFn progress;
    const CancelToken* cancel = nullptr;
    const PauseGate* pause = nullptr;

    void report(const std::string& stage, double fraction) const
    {
        if (progress)
            progress(stage, fraction);
    }

    bool isCancelled() const { return cancel != nullptr && cancel->isCancelled(); }
    bool isPaused() const { return pause != nullptr && pause->isPaused(); }
    void waitWhilePaused() const
    {
        if (pause != nullptr)
            pause->waitWhilePaused(cancel);
    }

    void throwIfCancelled() const
    {
        if (isCancelled())
            throw Error(ErrorKind::Cancelled, "Cancelled.");
    }

    // The same control for a sub-task that covers [begin, end) of this job's progress.
    JobControl slice(double begin, double end) const
    {
        JobControl part{nullptr, cancel, pause};
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
