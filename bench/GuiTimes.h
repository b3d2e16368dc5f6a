#pragma once

// What the benchmarks of the studio's pages measure of the GUI thread.

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTimer>

#include <algorithm>

namespace muze::bench {

// The longest time the GUI thread went without serving its event loop from `start` on, while
// `running` held.
template <class Start, class Running>
double longestStallMs(Start start, Running running)
{
    QElapsedTimer sinceTick;
    double longest = 0.0;
    QTimer ticks;
    ticks.setInterval(0);
    QObject::connect(&ticks, &QTimer::timeout, [&] {
        longest = std::max(longest, static_cast<double>(sinceTick.nsecsElapsed()) / 1e6);
        sinceTick.restart();
    });
    sinceTick.start();
    ticks.start();
    start();
    while (running())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    return std::max(longest, static_cast<double>(sinceTick.nsecsElapsed()) / 1e6);
}

// How long `action` and the events it posts take on the GUI thread.
template <class Action>
double milliseconds(Action action)
{
    QElapsedTimer clock;
    clock.start();
    action();
    QCoreApplication::processEvents();
    return static_cast<double>(clock.nsecsElapsed()) / 1e6;
}

}  // namespace muze::bench
