#pragma once

#include <chrono>
#include <optional>

namespace muze {

// Estimates the time left in a job from the share done so far, assuming the rest goes at the
// average pace since start(). No estimate until the job has run for a moment and done a little,
// because early paces (opening files, warming caches) mislead.
class EtaEstimator {
public:
    using Clock = std::chrono::steady_clock;

    void start(Clock::time_point now = Clock::now()) { m_start = now; }
    double elapsedSeconds(Clock::time_point now = Clock::now()) const;
    std::optional<double> remainingSeconds(double fraction, Clock::time_point now = Clock::now()) const;

private:
    Clock::time_point m_start = Clock::now();
};

}  // namespace muze
