#pragma once

#include <cstdint>

namespace muze {

struct ProcessUsage {
    double cpuSeconds = 0.0;         // user and system time of all the process's threads so far
    std::int64_t residentBytes = 0;  // in memory now; 0 where the system does not say
};

ProcessUsage processUsage();

// Memory the system can give without swapping (MemAvailable); 0 where the system does not say.
std::int64_t availableMemoryBytes();

}  // namespace muze
