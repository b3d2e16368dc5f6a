#pragma once

#include <cstdint>
#include <functional>

namespace muze {

// How many threads the engine's own parallel loops use (and LibTorch's intra-op pool, see
// configureComputeThreads). Defaults to the number of cores.
int computeThreads();

// Sets the engine's thread count (values below 1 mean "the number of cores") and LibTorch's
// intra-op pool to match. Call once at start-up, before any engine work runs.
void configureComputeThreads(int threads);

// Readies a thread the program started itself (not LibTorch's) for LibTorch's parallel work, with
// the pool configureComputeThreads set. Call on that thread before its first tensor operation.
void prepareComputeThread();

// Sets only the engine's own thread count, leaving LibTorch's pool alone.
void setEngineThreads(int threads);

// While one exists on a thread, parallelFor on that thread runs serially: for work that already
// runs one job per core (the dataset builder's tracks), where nesting would only oversubscribe.
class SerialScope {
public:
    SerialScope();
    ~SerialScope();
    SerialScope(const SerialScope&) = delete;
    SerialScope& operator=(const SerialScope&) = delete;

private:
    bool m_previous;
};

// Runs body(begin, end) over contiguous slices of [0, count) on up to computeThreads() threads and
// waits for all of them. The first exception thrown by a slice is rethrown here after every slice
// has finished. `minimumPerThread` keeps small jobs on one thread.
void parallelFor(std::int64_t count, const std::function<void(std::int64_t begin, std::int64_t end)>& body,
                 std::int64_t minimumPerThread = 1);

}  // namespace muze
