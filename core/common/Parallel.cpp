#include "core/common/Parallel.h"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <sched.h>
#include <thread>
#include <vector>

namespace muze {
namespace {

// The cores this process may run on: fewer than the machine's under taskset, or in a container
// limited by cpuset, as for each rank of a distributed run sharing one machine.
int coreCount()
{
    cpu_set_t allowed;
    if (sched_getaffinity(0, sizeof(allowed), &allowed) == 0)
        return std::max(1, CPU_COUNT(&allowed));
    return std::max(1u, std::thread::hardware_concurrency());
}

std::atomic<int> g_threads{0};
thread_local bool t_serial = false;

}  // namespace

int computeThreads()
{
    const int threads = g_threads.load(std::memory_order_relaxed);
    return threads > 0 ? threads : coreCount();
}

void setEngineThreads(int threads)
{
    g_threads.store(threads > 0 ? threads : coreCount(), std::memory_order_relaxed);
}

SerialScope::SerialScope() : m_previous(t_serial)
{
    t_serial = true;
}

SerialScope::~SerialScope()
{
    t_serial = m_previous;
}

void parallelFor(std::int64_t count, const std::function<void(std::int64_t, std::int64_t)>& body, std::int64_t minimumPerThread)
{
    if (count <= 0)
        return;
    const std::int64_t byWork = std::max<std::int64_t>(1, count / std::max<std::int64_t>(minimumPerThread, 1));
    const int threads = t_serial ? 1 : static_cast<int>(std::min<std::int64_t>(computeThreads(), byWork));
    if (threads <= 1) {
        body(0, count);
        return;
    }
    std::exception_ptr failure;
    std::mutex failureMutex;
    auto runSlice = [&](int index) {
        const std::int64_t begin = count * index / threads;
        const std::int64_t end = count * (index + 1) / threads;
        try {
            body(begin, end);
        } catch (...) {
            std::lock_guard<std::mutex> lock(failureMutex);
            if (!failure)
                failure = std::current_exception();
        }
    };
    std::vector<std::thread> helpers;
    helpers.reserve(static_cast<std::size_t>(threads - 1));
    for (int index = 1; index < threads; ++index)
        helpers.emplace_back(runSlice, index);
    runSlice(0);
    for (std::thread& helper : helpers)
        helper.join();
    if (failure)
        std::rethrow_exception(failure);
}

}  // namespace muze
