// The Library at 10,000 tracks: how long the GUI thread spends on each thing a musician does
// (showing the table, sorting, typing a search, filtering, scrolling), on a generated dataset
// whose records carry arrays as large as a three-minute song's. Reading the file runs on a worker
// in the studio; its time is shown apart. Last, the Library page saves an edit before it would open
// another dataset, and the longest the GUI thread went without handling events meanwhile is
// reported, and the same while the Statistics view counts and draws the whole dataset, a filtered
// part of it, and the tracks of a clicked bar. Run with QT_QPA_PLATFORM=offscreen on a headless
// machine.
// usage: bench_library [TRACKS]

#include "bench/GuiTimes.h"
#include "core/dataset/DatasetFile.h"
#include "core/dataset/LibraryDataset.h"
#include "ui/LibraryModel.h"
#include "ui/LibraryPage.h"
#include "ui/LibraryStatsView.h"
#include "workers/PlaybackController.h"

#include <QApplication>
#include <QComboBox>
#include <QElapsedTimer>
#include <QHeaderView>
#include <QTableView>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>
#include <functional>
#include <random>

using namespace muze;
using muze::bench::longestStallMs;
using muze::bench::milliseconds;

namespace {

Record syntheticRecord(int index, std::mt19937& random)
{
    static const char* genres[] = {"rock", "pop", "jazz", "electronic", "folk", "hip-hop", "classical", "metal"};
    static const char* keys[] = {"C major", "A minor", "G major", "E minor", "D major", "B minor", "F major", "D minor"};
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    Record record;
    record["audio_path"] = "artist" + std::to_string(index % 400) + "/album" + std::to_string(index % 37) + "/song" + std::to_string(index) + ".mp3";
    record["track_id"] = index;
    record["artist"] = "Artist " + std::to_string(index % 400);
    record["title"] = "Song " + std::to_string(index);
    record["genre"] = genres[index % 8];
    record["prompt"] = "Energetic song at 120 BPM in C major with vocals, verse-chorus structure.";
    record["duration"] = 120.0 + 120.0 * unit(random);
    record["tempo"] = 60.0 + 120.0 * unit(random);
    record["key"] = keys[index % 8];
    record["time_signature"] = index % 5 == 0 ? "3/4" : "4/4";
    record["energy"] = unit(random);
    record["has_vocals"] = index % 3 != 0;
    record["lyrics"] = "la la la la la la la la la la la la la la la la la la la la";
    std::vector<double> embedding(256);
    for (double& v : embedding)
        v = std::round((unit(random) - 0.5) * 1e5) / 1e5;
    record["voice_embedding"] = embedding;
    record["ecapa_embedding"] = std::vector<double>(embedding.begin(), embedding.begin() + 192);
    std::vector<double> f0(3600);
    for (double& v : f0)
        v = std::round((100.0 + 300.0 * unit(random)) * 10.0) / 10.0;
    record["f0_contour"] = f0;
    record["f0_voiced_mask"] = std::vector<bool>(3600, true);
    Record beats = Record::array();
    for (int b = 0; b < 400; ++b)
        beats.push_back({b * 0.5, b * 0.5 + 0.5});
    record["beat_positions"] = beats;
    Record chords = Record::array();
    for (int c = 0; c < 100; ++c)
        chords.push_back({{"start", c * 2.0}, {"end", c * 2.0 + 2.0}, {"label", "C:maj"}});
    record["chords"] = chords;
    Record segments = Record::array();
    for (int s = 0; s < 8; ++s)
        segments.push_back({{"type", "verse"}, {"start", s * 25.0}, {"end", s * 25.0 + 25.0}, {"energy", 0.5}, {"has_vocals", true}});
    record["segments"] = segments;
    return record;
}

// The Library page with the dataset open: an edit, then what opening another dataset does first.
void benchmarkSaveBeforeSwitching(const std::filesystem::path& path, int tracks)
{
    PlaybackController playback;
    LibraryPage page(playback);
    page.openDataset(QString::fromStdString(path.string()));
    longestStallMs([] {}, [&] { return page.isLoading() || page.model()->rowCount() != tracks; });
    Record record = page.model()->dataset()->record(static_cast<std::size_t>(tracks / 2));
    record["prompt"] = "an edit to save";
    page.applyRecord(tracks / 2, record);
    bool saved = false;
    QElapsedTimer clock;
    clock.start();
    const double stall = longestStallMs([&] { page.whenSaved([&] { saved = true; }); }, [&] { return !saved; });
    std::printf("%-44s %9.1f ms  (saved in %.0f ms on a worker)\n", "save an edit before switching: longest stall", stall,
                static_cast<double>(clock.nsecsElapsed()) / 1e6);
}

// The longest GUI stall while `action` makes the Statistics view count and draw, until it has drawn.
double statisticsStall(LibraryPage& page, const std::function<void()>& action, double* tookMs)
{
    constexpr double kDrawingMs = 300.0;  // the charts' queued redraws, after the count arrives
    QElapsedTimer clock, sinceCounted;
    clock.start();
    double counted = -1.0;
    const double stall = longestStallMs(action, [&] {
        if (page.isCountingStatistics())
            return true;
        if (counted < 0) {
            counted = static_cast<double>(clock.nsecsElapsed()) / 1e6;
            sinceCounted.start();
        }
        return sinceCounted.elapsed() < kDrawingMs;
    });
    *tookMs = counted;
    return stall;
}

void benchmarkStatistics(const std::filesystem::path& path, int tracks)
{
    PlaybackController playback;
    LibraryPage page(playback);
    page.resize(1400, 900);
    page.show();
    page.openDataset(QString::fromStdString(path.string()));
    longestStallMs([] {}, [&] { return page.isLoading() || page.model()->rowCount() != tracks; });
    auto report = [](const char* what, double stall, double took) {
        std::printf("%-44s %9.1f ms  (counted in %.0f ms)\n", what, stall, took);
    };
    double took = 0.0;
    double stall = statisticsStall(page, [&] { page.showStatistics(true); }, &took);
    report("statistics of every track: longest stall", stall, took);
    auto* genre = page.findChild<QComboBox*>(QStringLiteral("genreFilter"));
    stall = statisticsStall(page, [&] { genre->setCurrentIndex(genre->findData(QStringLiteral("jazz"))); }, &took);
    report("statistics follow a genre filter", stall, took);
    genre->setCurrentIndex(0);
    statisticsStall(page, [] {}, &took);
    const StatsChoice minor{StatsChoice::Chart::Modes, QStringLiteral("minor"), 0.0, 0.0, QStringLiteral("Mode: minor")};
    std::printf("%-44s %9.1f ms\n", "click a bar: the table shows its tracks",
                milliseconds([&] { emit page.statistics()->barChosen(minor); }));
    stall = statisticsStall(page, [&] { page.showStatistics(true); }, &took);
    report("statistics of the clicked bar's tracks", stall, took);
}

}  // namespace

int main(int argc, char** argv)
{
    QApplication application(argc, argv);
    const int tracks = argc > 1 ? std::atoi(argv[1]) : 10000;
    QTemporaryDir folder;
    const std::filesystem::path path = folder.filePath("library.json").toStdString();
    {
        std::mt19937 random(1);
        std::vector<Record> records;
        records.reserve(static_cast<std::size_t>(tracks));
        for (int i = 0; i < tracks; ++i)
            records.push_back(syntheticRecord(i, random));
        writeDataset(path, records);
    }
    std::printf("%d tracks, %.0f MB of dataset JSON\n\n", tracks, std::filesystem::file_size(path) / 1e6);

    std::shared_ptr<LibraryDataset> dataset;
    const double load = milliseconds([&] { dataset = std::make_shared<LibraryDataset>(LibraryDataset::load(path)); });
    std::printf("%-44s %9.0f ms  (worker thread)\n", "read and index the file", load);

    LibraryModel model;
    TrackFilterModel filter;
    filter.setSourceModel(&model);
    QTableView table;
    table.setModel(&filter);
    table.setSortingEnabled(true);
    table.verticalHeader()->setDefaultSectionSize(22);
    table.resize(1200, 800);
    table.show();

    std::printf("%-44s %9s\n", "on the GUI thread", "time");
    auto report = [](const char* what, double ms) { std::printf("%-44s %9.1f ms\n", what, ms); };
    report("show the dataset in the table", milliseconds([&] { model.setDataset(dataset); }));
    report("sort by tempo", milliseconds([&] { table.sortByColumn(LibraryModel::Tempo, Qt::DescendingOrder); }));
    report("sort by title", milliseconds([&] { table.sortByColumn(LibraryModel::Title, Qt::AscendingOrder); }));
    report("sort by artist", milliseconds([&] { table.sortByColumn(LibraryModel::Artist, Qt::AscendingOrder); }));
    double worstKey = 0.0;
    QString typed;
    for (QChar c : QStringLiteral("song 12")) {
        typed += c;
        worstKey = std::max(worstKey, milliseconds([&] { filter.setText(typed); }));
    }
    report("type \"song 12\" in the search (worst key)", worstKey);
    report("clear the search", milliseconds([&] { filter.setText({}); }));
    report("filter by genre", milliseconds([&] { filter.setGenre("jazz"); }));
    report("filter by tempo 100-130 BPM", milliseconds([&] { filter.setTempoRange(100, 130); }));
    report("clear the filters", milliseconds([&] {
               filter.setGenre({});
               filter.setTempoRange(0, 0);
           }));
    report("scroll to the end and paint", milliseconds([&] {
               table.scrollToBottom();
               table.viewport()->repaint();
           }));
    report("open a record for the detail panel", milliseconds([&] { (void)dataset->record(static_cast<std::size_t>(tracks / 2)); }));
    benchmarkSaveBeforeSwitching(path, tracks);
    benchmarkStatistics(path, tracks);
    return 0;
}
