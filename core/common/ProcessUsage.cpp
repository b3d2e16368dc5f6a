#include "core/common/ProcessUsage.h"

#include <sys/resource.h>
#include <unistd.h>

#include <fstream>
#include <string>

namespace muze {

ProcessUsage processUsage()
{
    ProcessUsage usage;
    rusage self{};
    if (getrusage(RUSAGE_SELF, &self) == 0)
        usage.cpuSeconds = static_cast<double>(self.ru_utime.tv_sec + self.ru_stime.tv_sec) +
                           static_cast<double>(self.ru_utime.tv_usec + self.ru_stime.tv_usec) * 1e-6;
    std::ifstream statm("/proc/self/statm");
    std::int64_t sizePages = 0;
    std::int64_t residentPages = 0;
    if (statm >> sizePages >> residentPages)
        usage.residentBytes = residentPages * sysconf(_SC_PAGESIZE);
    return usage;
}

std::int64_t availableMemoryBytes()
{
    std::ifstream meminfo("/proc/meminfo");
    const std::string field = "MemAvailable:";
    for (std::string line; std::getline(meminfo, line);)
        if (line.rfind(field, 0) == 0)
            return std::stoll(line.substr(field.size())) * 1024;  // in kB
    return 0;
}

}  // namespace muze
