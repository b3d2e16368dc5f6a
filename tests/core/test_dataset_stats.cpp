// Dataset statistics on a small dataset whose numbers are known: counts, histograms, null fields,
// tracks left out, the hours each phase sees, and each kind of warning.

#include "core/dataset/DatasetStats.h"

#include <QtTest>

using namespace muze;
using Json = nlohmann::ordered_json;

namespace {

Record track(const std::string& path, double tempo, const std::string& key, double seconds)
{
    return {{"audio_path", path},
            {"artist", "Ana"},
            {"genre", "folk"},
            {"year", 1999},
            {"duration", seconds},
            {"tempo", tempo},
            {"key", key},
            {"time_signature", "4/4"},
            {"loudness_db", -14.0},
            {"energy", 0.55},
            {"has_vocals", true},
            {"num_beats", 100},
            {"segments", Json::array({{{"type", "verse"}, {"start", 0.0}, {"end", seconds / 2}}, {{"type", "chorus"}, {"start", seconds / 2}, {"end", seconds}}})},
            {"source_file", {{"size", 1000 + static_cast<int>(tempo)}, {"fnv1a64", path}}}};
}

int countOf(const std::vector<Count>& counts, const std::string& name)
{
    for (const Count& count : counts)
        if (count.name == name)
            return count.tracks;
    return 0;
}

const StatsWarning* warningOf(const DatasetStats& stats, const std::string& kind)
{
    for (const StatsWarning& warning : stats.warnings)
        if (warning.kind == kind)
            return &warning;
    return nullptr;
}

}  // namespace

class DatasetStatsTest : public QObject {
    Q_OBJECT

private slots:
    void aSmallDatasetIsCountedAsItIs()
    {
        std::vector<Record> records;
        for (int i = 0; i < 6; ++i)
            records.push_back(track("c" + std::to_string(i) + ".mp3", 121.0 + i, "C major", 120.0));
        records.push_back(track("a.mp3", 95.0, "A minor", 180.0));
        records.back()["include_in_training"] = false;
        records.back()["genre"] = nullptr;
        Record copy = track("copy.mp3", 124.0, "C major", 120.0);
        copy["source_file"] = records[3]["source_file"];  // the same file as c3 under another name
        records.push_back(copy);
        Record doubtful = track("doubtful.wav", 60.0, "F# major", 90.0);
        doubtful["num_beats"] = 0;
        doubtful["segments"] = Json::array();
        doubtful.erase("year");
        records.push_back(doubtful);
        // Sections by time: 0.2 and 0.9 are sure enough on average; 0.3 and 0.4 are not; a section
        // renamed by hand has no confidence and counts as sure.
        const auto rate = [&](int track, double verse, std::optional<double> chorus) {
            records[static_cast<std::size_t>(track)]["segments"][0]["confidence"] = verse;
            if (chorus)
                records[static_cast<std::size_t>(track)]["segments"][1]["confidence"] = *chorus;
        };
        rate(0, 0.2, 0.9);
        rate(1, 0.3, 0.4);
        rate(2, 0.1, std::nullopt);

        const DatasetStats stats = datasetStats(records);
        QCOMPARE(stats.tracks, 9);
        QCOMPARE(stats.included, 8);
        QCOMPARE(stats.withVocals, 9);
        QVERIFY(std::abs(stats.hours - (7 * 120.0 + 180.0 + 90.0) / 3600.0) < 1e-12);
        QVERIFY(std::abs(stats.phaseHours.vaeAndVocoder - (7 * 120.0 + 90.0) / 3600.0) < 1e-12);
        QVERIFY(std::abs(stats.phaseHours.planner - 7 * 120.0 / 3600.0) < 1e-12);  // the doubtful one has no sections
        QCOMPARE(stats.keys.front().name, std::string("C major"));
        QCOMPARE(stats.keys.front().tracks, 7);
        QCOMPARE(countOf(stats.modes, "major"), 8);
        QCOMPARE(countOf(stats.modes, "minor"), 1);
        QCOMPARE(countOf(stats.genres, "folk"), 8);
        QCOMPARE(countOf(stats.years, "1999"), 8);
        QCOMPARE(countOf(stats.sectionTypes, "chorus"), 8);
        QCOMPARE(stats.leftOut, std::vector<std::string>{"a.mp3"});
        QCOMPARE(countOf(stats.nullFields, "genre"), 1);
        QCOMPARE(countOf(stats.nullFields, "year"), 1);
        QCOMPARE(countOf(stats.nullFields, "tempo"), 0);
        QCOMPARE(countOf(stats.nullFields, "include_in_training"), 8);  // absent: included

        // Tempo in 10 BPM bins from 40: 60 is the third bin, 95 the sixth, 121-126 the ninth.
        QCOMPARE(stats.tempo.counts[2], 1);
        QCOMPARE(stats.tempo.counts[5], 1);
        QCOMPARE(stats.tempo.counts[8], 7);
        QCOMPARE(std::accumulate(stats.sectionSeconds.counts.begin(), stats.sectionSeconds.counts.end(), 0), 16);

        const StatsWarning* thin = warningOf(stats, "thin_key");
        QVERIFY(thin != nullptr);
        QVERIFY(QString::fromStdString(thin->message).contains("A minor") || QString::fromStdString(thin->message).contains("F# major"));
        QCOMPARE(std::count_if(stats.warnings.begin(), stats.warnings.end(), [](const StatsWarning& w) { return w.kind == "thin_key"; }), 2);
        QCOMPARE(std::count_if(stats.warnings.begin(), stats.warnings.end(), [](const StatsWarning& w) { return w.kind == "thin_tempo"; }), 2);
        QCOMPARE(warningOf(stats, "no_beats")->tracks, std::vector<std::string>{"doubtful.wav"});
        QCOMPARE(warningOf(stats, "no_sections")->tracks, std::vector<std::string>{"doubtful.wav"});
        QCOMPARE(warningOf(stats, "doubtful_sections")->tracks, std::vector<std::string>{"c1.mp3"});
        QCOMPARE(warningOf(stats, "duplicate")->tracks, (std::vector<std::string>{"c3.mp3", "copy.mp3"}));

        const Json json = toJson(stats);
        QCOMPARE(json["keys"]["C major"].get<int>(), 7);
        QCOMPARE(json["phase_hours"]["planner"].get<double>(), stats.phaseHours.planner);
        QCOMPARE(json["warnings"].size(), stats.warnings.size());
    }

    void anEmptyDatasetHasNothingToSay()
    {
        const DatasetStats stats = datasetStats(std::vector<Record>{});
        QCOMPARE(stats.tracks, 0);
        QVERIFY(stats.warnings.empty());
        QCOMPARE(std::accumulate(stats.tempo.counts.begin(), stats.tempo.counts.end(), 0), 0);
    }
};

QTEST_GUILESS_MAIN(DatasetStatsTest)
#include "test_dataset_stats.moc"
