#include "core/common/TextFormat.h"

#include <cmath>
#include <cstdio>

namespace muze {

std::string formatClock(double seconds)
{
    const long total = std::isfinite(seconds) && seconds > 0 ? static_cast<long>(std::floor(seconds)) : 0;
    char text[32];
    if (total >= 3600)
        std::snprintf(text, sizeof text, "%ld:%02ld:%02ld", total / 3600, (total / 60) % 60, total % 60);
    else
        std::snprintf(text, sizeof text, "%ld:%02ld", total / 60, total % 60);
    return text;
}

}  // namespace muze
