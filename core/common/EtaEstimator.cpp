#include "core/common/EtaEstimator.h"

namespace muze {
namespace {

constexpr double kMinimumElapsedSeconds = 0.5;
constexpr double kMinimumFraction = 0.02;

}  // namespace

double EtaEstimator::elapsedSeconds(Clock::time_point now) const
{
    return std::chrono::duration<double>(now - m_start).count();
}

std::optional<double> EtaEstimator::remainingSeconds(double fraction, Clock::time_point now) const
{
    const double elapsed = elapsedSeconds(now);
    if (elapsed < kMinimumElapsedSeconds || fraction < kMinimumFraction)
        return std::nullopt;
    if (fraction >= 1.0)
        return 0.0;
    return elapsed * (1.0 - fraction) / fraction;
}

}  // namespace muze
