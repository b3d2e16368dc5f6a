#include "widgets/TimeText.h"

#include <cmath>

namespace muze {

QString positionText(double seconds)
{
    const long long tenths = std::isfinite(seconds) && seconds > 0 ? static_cast<long long>(std::floor(seconds * 10.0)) : 0;
    const long long minutes = tenths / 600;
    const long long wholeSeconds = (tenths / 10) % 60;
    return QStringLiteral("%1:%2.%3").arg(minutes).arg(wholeSeconds, 2, 10, QLatin1Char('0')).arg(tenths % 10);
}

}  // namespace muze
