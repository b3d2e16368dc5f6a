// What the Listen page and the Library's detail panel cost in memory for one song, against the
// decoded audio itself (the file's rate and channels, as float): resident memory before the song is
// opened, at the peak while it loads, and once it is shown. Run with QT_QPA_PLATFORM=offscreen on a
// headless machine.
// usage: bench_song_memory AUDIO_FILE

#include "core/audio/AudioDecoder.h"
#include "ui/ListenPage.h"
#include "ui/TrackDetailPanel.h"
#include "workers/AudioLoadJob.h"
#include "workers/PlaybackController.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>

#include <cstdio>
#include <fstream>
#include <functional>
#include <string>

using namespace muze;

namespace {

// A field of /proc/self/status in MiB: VmRSS (resident now) or VmHWM (the peak since the last reset).
double statusMiB(const std::string& field)
{
    std::ifstream status("/proc/self/status");
    for (std::string line; std::getline(status, line);)
        if (line.rfind(field + ":", 0) == 0)
            return std::stod(line.substr(field.size() + 1)) / 1024.0;
    return 0.0;
}

// Starts VmHWM again from the current resident size.
void resetPeak()
{
    std::ofstream("/proc/self/clear_refs") << "5";
}

// Lets queued events (a finished job's deleteLater) run for a moment.
void settle()
{
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < 300)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
}

// Opens the song in `owner` with `open`, waits for its load job to end, and prints what it cost.
void measure(const char* what, QObject& owner, const std::function<void()>& open, double decodedMiB)
{
    settle();
    const double before = statusMiB("VmRSS");
    resetPeak();
    open();
    auto* job = owner.findChild<AudioLoadJob*>();
    if (job == nullptr) {
        std::printf("%s: no load job started\n", what);
        return;
    }
    QEventLoop loop;
    QObject::connect(job, &Job::finished, &loop, &QEventLoop::quit);
    QObject::connect(job, &Job::failed, [what](const QString& message) { std::printf("%s: %s\n", what, qPrintable(message)); });
    loop.exec();
    settle();
    const double peak = statusMiB("VmHWM") - before;
    const double held = statusMiB("VmRSS") - before;
    std::printf("%-24s peak %6.0f MiB (%+6.0f beyond the audio), held %6.0f MiB (%+6.0f beyond the audio)\n", what, peak,
                peak - decodedMiB, held, held - decodedMiB);
}

}  // namespace

int main(int argc, char** argv)
{
    QApplication application(argc, argv);
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_song_memory AUDIO_FILE\n");
        return 2;
    }
    const QString file = QString::fromLocal8Bit(argv[1]);
    const AudioFileInfo info = probeAudioFile(argv[1], DecodeLimits{});
    const double decodedMiB = info.durationSeconds * info.sampleRate * std::min(info.channels, 2) * sizeof(float) / (1024.0 * 1024.0);
    std::printf("%s: %.0f s, %d Hz, %d channels: %.0f MiB decoded as float\n\n", argv[1], info.durationSeconds, info.sampleRate,
                info.channels, decodedMiB);

    PlaybackController playback;
    {
        ListenPage listen(playback);
        listen.resize(1200, 700);
        listen.show();
        measure("Listen page", listen, [&] { listen.openFile(file, 60.0); }, decodedMiB);
    }
    {
        TrackDetailPanel panel(playback);
        panel.resize(500, 800);
        panel.show();
        Record record;
        record["audio_path"] = file.toStdString();
        record["duration"] = info.durationSeconds;
        measure("Library detail panel", panel, [&] { panel.showTrack(0, record, file); }, decodedMiB);
    }
    return 0;
}
