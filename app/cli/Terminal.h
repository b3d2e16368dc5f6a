#pragma once

#include "core/common/EtaEstimator.h"
#include "core/common/JobControl.h"

#include <chrono>
#include <string>

namespace muze::cli {

// The cancel token Ctrl+C sets: the running job stops at its next check and the command exits 130.
const CancelToken& interruptToken();
void installInterruptHandler();

// Progress on stderr, one line redrawn at most ten times a second, with the time left. Silent when
// stderr is not a terminal, so logs and pipes stay clean.
class ProgressLine {
public:
    ProgressLine();
    ~ProgressLine();
    JobControl control();  // reports here, cancels on Ctrl+C

private:
    void show(const std::string& stage, double fraction);

    bool m_enabled;
    bool m_drawn = false;
    EtaEstimator m_eta;
    std::chrono::steady_clock::time_point m_lastDraw{};
};

}  // namespace muze::cli
