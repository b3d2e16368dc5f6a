#pragma once

#include <QString>

namespace muze {

// "1:05.3": minutes, seconds and tenths, for positions a musician reads while listening.
QString positionText(double seconds);

}  // namespace muze
