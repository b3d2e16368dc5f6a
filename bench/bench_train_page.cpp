// The Train page with a run of 100,000 steps: how long the GUI thread spends while the page reads the
// run's whole log (on a worker) and draws it, then on each line the run appends as it trains, and
// on changing the smoothing, the axis and the scale. Run with QT_QPA_PLATFORM=offscreen on a
// headless machine.
// usage: bench_train_page [STEPS]

#include "bench/GuiTimes.h"
#include "ui/TrainPage.h"
#include "widgets/LossPlot.h"
#include "workers/PlaybackController.h"

#include <QApplication>
#include <QTemporaryDir>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>

using namespace muze;
using muze::bench::longestStallMs;
using muze::bench::milliseconds;

namespace {

constexpr int kLogEvery = 10;
constexpr int kValidateEvery = 100;

// A phase 3 log as the training loop writes it: a line every 10 steps, a validation every 100.
void writeLog(const std::filesystem::path& path, int steps)
{
    std::filesystem::create_directories(path.parent_path());
    std::ofstream log(path);
    std::mt19937 random(5);
    std::normal_distribution<double> noise(0.0, 0.05);
    const double start = 1.7e9;
    for (int step = 0; step <= steps; step += kLogEvery) {
        const double loss = 0.5 + 0.5 * std::exp(-step / 20000.0);
        const double time = start + step / 1.6;
        if (step % kValidateEvery == 0)
            log << R"({"step":)" << step << R"(,"epoch":0,"validation_loss":)" << loss << R"(,"validation_loss_ema":)" << loss * 0.98
                << R"(,"time":)" << time << "}\n";
        if (step > 0)
            log << R"({"step":)" << step << R"(,"epoch":0,"loss":)" << loss + noise(random) << R"(,"lr":0.0002,"grad_norm":)"
                << 0.3 + noise(random) << R"(,"steps_per_s":1.6,"examples_per_s":25.6,"skipped_steps":0,"time":)" << time << "}\n";
    }
}

void report(const char* what, double ms)
{
    std::printf("%-52s %9.1f ms\n", what, ms);
}

}  // namespace

int main(int argc, char** argv)
{
    QApplication application(argc, argv);
    const int steps = argc > 1 ? std::atoi(argv[1]) : 100000;
    QTemporaryDir folder;
    const std::filesystem::path models = folder.filePath("models").toStdString();
    writeLog(models / "ldm/metrics.jsonl", steps);
    std::printf("a run of %d steps: %.1f MB of metrics log\n\n", steps, std::filesystem::file_size(models / "ldm/metrics.jsonl") / 1e6);

    PlaybackController playback;
    TrainPage page(playback);
    page.resize(1400, 900);
    page.show();
    const int lines = steps / kLogEvery;
    QElapsedTimer sinceDrawn;
    const double open = longestStallMs([&] { page.setModelFolder(QString::fromStdString(models.string())); }, [&] {
        if (page.plot()->pointCount("loss") < lines)
            return true;
        if (!sinceDrawn.isValid())
            sinceDrawn.start();
        return sinceDrawn.elapsed() < 500;  // the drawing it asked for
    });
    report("open the run: longest GUI stall while read and drawn", open);

    LossPlot& plot = *page.plot();
    double worst = 0.0;
    double total = 0.0;
    constexpr int kAppends = 200;
    for (int i = 1; i <= kAppends; ++i) {
        const double step = steps + i * kLogEvery;
        const double ms = milliseconds([&] {  // the replot they ask for comes with the events
            plot.appendPoints("loss", {step}, {1.7e9 + step / 1.6}, {0.5});
            plot.appendPoints("grad_norm", {step}, {1.7e9 + step / 1.6}, {0.3});
        });
        worst = std::max(worst, ms);
        total += ms;
    }
    report("a new log line, appended and redrawn (mean)", total / kAppends);
    report("a new log line, appended and redrawn (worst)", worst);
    report("smoothing changed, all redrawn", milliseconds([&] { plot.setSmoothing(0.9); }));
    report("against time, all redrawn", milliseconds([&] { plot.setAxis(LossPlot::Axis::Time); }));
    report("log scale, all redrawn", milliseconds([&] { plot.setLogScale(true); }));
    return 0;
}
