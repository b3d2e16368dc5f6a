#include "app/cli/Terminal.h"

#include "core/common/TextFormat.h"

#include <csignal>
#include <cstdio>
#include <unistd.h>

namespace muze::cli {
namespace {

CancelToken g_interrupt;

extern "C" void onInterrupt(int)
{
    g_interrupt.cancel();  // an atomic store: safe in a signal handler
}

}  // namespace

const CancelToken& interruptToken()
{
    return g_interrupt;
}

void installInterruptHandler()
{
    std::signal(SIGINT, onInterrupt);
    std::signal(SIGTERM, onInterrupt);
}

ProgressLine::ProgressLine() : m_enabled(::isatty(STDERR_FILENO) == 1)
{
    m_eta.start();
}

ProgressLine::~ProgressLine()
{
    if (m_drawn)
        std::fputs("\r\033[K", stderr);
}

JobControl ProgressLine::control()
{
    return JobControl{[this](const std::string& stage, double fraction) { show(stage, fraction); }, &g_interrupt};
}

void ProgressLine::show(const std::string& stage, double fraction)
{
    if (!m_enabled)
        return;
    const auto now = std::chrono::steady_clock::now();
    if (now - m_lastDraw < std::chrono::milliseconds(100) && fraction < 1.0)
        return;
    m_lastDraw = now;
    const auto remaining = m_eta.remainingSeconds(fraction, now);
    std::fprintf(stderr, "\r\033[K%s %5.1f%%%s", stage.c_str(), 100.0 * fraction,
                 remaining ? (", " + formatClock(*remaining) + " left").c_str() : "");
    std::fflush(stderr);
    m_drawn = true;
}

}  // namespace muze::cli
