#pragma once

#include <string>

namespace muze {

// "3:07" under an hour, "1:02:03" from an hour on; negative and non-finite values print as "0:00".
std::string formatClock(double seconds);

}  // namespace muze
