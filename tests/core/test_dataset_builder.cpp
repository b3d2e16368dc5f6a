// The dataset builder on a small library of rendered songs and broken files (tests/fixtures): the
// records' fields, incremental re-runs that keep the user's edits, errors, cancelling and resuming.

#include "core/common/Error.h"
#include "core/dataset/AnalysisJobs.h"
#include "core/dataset/DatasetBuilder.h"
#include "core/dataset/DatasetFile.h"
#include "core/dataset/FeatureCache.h"
#include "core/dataset/LibraryDataset.h"
#include "core/text/Phonemes.h"
#include "tests/support/TestSupport.h"

#include <QtTest>

#include <algorithm>
#include <fstream>
#include <set>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace muze;
namespace fs = std::filesystem;

namespace {

fs::path copyLibrary(const std::string& name)
{
    const fs::path folder = test::scratchFolder(name);
    fs::copy(test::fixture("library"), folder / "library", fs::copy_options::recursive | fs::copy_options::copy_symlinks);
    return folder;
}

BuildOptions optionsFor(const fs::path& folder)
{
    BuildOptions options;
    options.audioDir = folder / "library";
    options.output = folder / "data.json";
    options.analysis.recognizeSpeech = false;  // slow, and tested on its own
    return options;
}

std::map<std::string, Record> byPath(const std::vector<Record>& records)
{
    std::map<std::string, Record> map;
    for (const Record& record : records)
        map[record["audio_path"].get<std::string>()] = record;
    return map;
}

std::string bytesOf(const fs::path& path)
{
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

Record readJson(const fs::path& path)
{
    std::ifstream in(path);
    return Record::parse(in);
}

}  // namespace

class DatasetBuilderTest : public QObject {
    Q_OBJECT

private slots:
    void songsAtOnceFollowTheCoresWhenMemoryIsAmple()
    {
        const AnalysisJobs jobs = chooseAnalysisJobs(0, 4, std::int64_t(64) << 30, 180.0);
        QCOMPARE(jobs.jobs, 4);
        QVERIFY(jobs.memoryFits && *jobs.memoryFits > 4);
        QVERIFY(describeAnalysisJobs(jobs).rfind("tracks, 4 at once (4 cores, memory for ", 0) == 0);
    }

    void songsAtOnceAreCutToWhatMemoryHolds()
    {
        const std::int64_t available = analysisPeakBytes(1800.0) * 3 / 2;
        const AnalysisJobs jobs = chooseAnalysisJobs(0, 2, available, 1800.0);
        QCOMPARE(jobs.jobs, 1);
        QCOMPARE(describeAnalysisJobs(jobs), std::string("tracks, 1 at once (2 cores, memory for 1 of the longest)"));
        QCOMPARE(chooseAnalysisJobs(0, 2, available, 300.0).jobs, 2);
    }

    void oneSongRunsEvenWhenMemoryHoldsLessThanOne()
    {
        const AnalysisJobs jobs = chooseAnalysisJobs(0, 2, analysisPeakBytes(600.0), 1800.0);
        QCOMPARE(jobs.jobs, 1);
        QCOMPARE(describeAnalysisJobs(jobs), std::string("tracks, 1 at once (2 cores, memory for less than one of the longest)"));
    }

    void theJobsOptionOverridesCoresAndMemory()
    {
        const AnalysisJobs jobs = chooseAnalysisJobs(3, 2, 1, 1800.0);
        QCOMPARE(jobs.jobs, 3);
        QCOMPARE(describeAnalysisJobs(jobs), std::string("tracks, 3 at once (--jobs)"));
        QCOMPARE(chooseAnalysisJobs(0, 2, 0, 1800.0).jobs, 2);  // memory not known: the cores decide
        QVERIFY(analysisPeakBytes(1800.0) > analysisPeakBytes(300.0));
    }

    void buildsRecordsWithTheReferenceFields()
    {
        const fs::path folder = copyLibrary("dataset_fields");
        const BuildOptions options = optionsFor(folder);
        std::set<std::string> stages;
        const BuildSummary summary = buildDataset(options, JobControl{[&](const std::string& stage, double) { stages.insert(stage); }});
        QVERIFY(std::any_of(stages.begin(), stages.end(), [](const std::string& s) { return s.rfind("tracks, ", 0) == 0 && s.find(" at once (") != std::string::npos; }));
        QCOMPARE(summary.total, 12);
        QCOMPARE(summary.analyzed, 6);  // three songs, silence, a one-second 8-channel file, a truncated MP3
        QCOMPARE(summary.failed, 6);    // both ends of the link loop, empty, NaN, text, two hours

        const auto records = byPath(readDataset(options.output));
        QCOMPARE(records.size(), std::size_t(6));
        const Record golden = readJson(test::testSource("core/dataset/golden/record_fields.json"));
        for (const auto& [path, record] : records) {
            std::vector<std::string> keys;
            for (const auto& item : record.items())
                keys.push_back(item.key());
            QCOMPARE(keys, golden["record_fields"].get<std::vector<std::string>>());
            for (const auto& segment : record["segments"])
                for (const auto& name : golden["segment_fields"])
                    QVERIFY2(segment.contains(name.get<std::string>()), path.c_str());
        }

        const Record& a = records.at("Artist A/song_a.mp3");  // audio_path is relative to --audio_dir
        QCOMPARE(a["artist"].get<std::string>(), std::string("Artist A"));
        QCOMPARE(a["genre"].get<std::string>(), std::string("Rock"));
        QVERIFY(std::abs(a["tempo"].get<double>() - 100.0) < 4.0);
        QCOMPARE(a["key"].get<std::string>(), std::string("D major"));
        QCOMPARE(a["voice_embedding"].size(), std::size_t(256));
        QCOMPARE(a["ecapa_embedding"].size(), std::size_t(192));
        QVERIFY(a["clap_audio_embedding"].is_null());  // no CLAP configured: null, never made up
        QVERIFY(!a["segments"].empty());
        QCOMPARE(a["num_beats"].get<std::size_t>(), a["beat_positions"].size());

        const Record& b = records.at("Artist A/song_b.flac");
        QCOMPARE(b["time_signature"].get<std::string>(), std::string("3/4"));
        QCOMPARE(b["key"].get<std::string>(), std::string("A minor"));
        QCOMPARE(b["lyrics_source"].get<std::string>(), std::string("lrc"));
        QCOMPARE(b["lyrics"].get<std::string>(), std::string("first line of the song\nwe love the sunshine\nand dance all night"));
        QCOMPARE(b["text_sentiment"].get<std::string>(), std::string("positive"));
        QVERIFY(b["phonemes_ipa"].get<std::string>().find("ʌnʃaɪn") != std::string::npos);
        // Phonemes of a timed line start at its time stamp.
        QCOMPARE(b["phoneme_timestamps"][0]["start"].get<double>(), 1.0);

        const Record& c = records.at("song_c.ogg");
        QCOMPARE(c["lyrics_source"].get<std::string>(), std::string("tag"));
        QCOMPARE(c["text_sentiment"].get<std::string>(), std::string("negative"));

        const Record& silence = records.at("bad/silence.wav");
        for (const char* name : {"tempo", "key", "loudness_db", "time_signature"})
            QVERIFY2(silence[name].is_null(), name);
        QCOMPARE(silence["energy"].get<double>(), 0.0);
        QVERIFY(silence["segments"].empty());

        // Beside the dataset: the errors, the artists' voices, the feature cache.
        const Record errors = readJson(DatasetPaths::forDataset(options.output).errors);
        std::map<std::string, std::string> reasons;
        for (const auto& error : errors)
            reasons[error["audio_path"].get<std::string>()] = error["reason"].get<std::string>();
        QVERIFY(reasons.at("bad/empty.mp3").find("empty") != std::string::npos);
        QVERIFY(reasons.at("bad/nan.wav").find("not numbers") != std::string::npos);
        QVERIFY(reasons.at("bad/text_renamed.mp3").find("not an audio file") != std::string::npos);
        QVERIFY(reasons.at("bad/two_hours.flac").find("2:00:00") != std::string::npos);
        QVERIFY(reasons.at("bad/loop_a.mp3").find("loops") != std::string::npos);
        const Record artists = readJson(DatasetPaths::forDataset(options.output).artistEmbeddings);
        QCOMPARE(artists["Artist A"].size(), std::size_t(256));
        const FeatureCache cache(DatasetPaths::forDataset(options.output).cache);
        const SourceFingerprint source = fullFingerprint(options.audioDir / "song_c.ogg");
        const auto features = cache.load(std::to_string(c["track_id"].get<std::int64_t>()), source.contentKey());
        QVERIFY(features.has_value());
        QCOMPARE(features->logMel.rows, 128);
        QVERIFY(std::abs(features->logMel.cols - 2001) <= 1);  // 20 s at 10 ms
        QVERIFY(!fs::exists(DatasetPaths::forDataset(options.output).journal));
    }

    void rerunsAnalyseOnlyWhatChangedAndKeepEdits()
    {
        const fs::path folder = copyLibrary("dataset_rerun");
        const BuildOptions options = optionsFor(folder);
        buildDataset(options);
        auto records = readDataset(options.output);
        for (Record& record : records) {
            if (record["audio_path"] == "Artist A/song_a.mp3") {
                record["prompt"] = "my own words";
                record["user_edited"] = {"prompt"};
                record["include_in_training"] = false;
            }
        }
        writeDataset(options.output, records);

        // A touch changes the time, not the content: nothing to analyse.
        const fs::path c = options.audioDir / "song_c.ogg";
        fs::last_write_time(c, fs::last_write_time(c) + std::chrono::hours(1));
        BuildSummary summary = buildDataset(options);
        QCOMPARE(summary.analyzed, 0);
        QCOMPARE(summary.reused, 6);

        // New content: analysed again; the edited record keeps the user's prompt.
        fs::copy_file(options.audioDir / "Artist A/song_a.mp3", c.parent_path() / "song_c.mp3");
        fs::remove(c);
        std::vector<std::string> analysed;
        summary = buildDataset(options, {}, [&](const TrackEvent& event) {
            if (!event.started && event.outcome == TrackOutcome::Analyzed)
                analysed.push_back(event.audioPath);
        });
        QCOMPARE(analysed, std::vector<std::string>{"song_c.mp3"});
        QCOMPARE(summary.dropped, 1);  // song_c.ogg is gone
        const auto after = byPath(readDataset(options.output));
        QCOMPARE(after.at("Artist A/song_a.mp3")["prompt"].get<std::string>(), std::string("my own words"));
        QCOMPARE(after.at("Artist A/song_a.mp3")["include_in_training"].get<bool>(), false);
        QVERIFY(after.count("song_c.mp3") == 1 && after.count("song_c.ogg") == 0);
    }

    void editedLyricsCarryTheirOwnPhonemesThroughAReanalysis()
    {
        const fs::path folder = copyLibrary("dataset_edited_lyrics");
        const BuildOptions options = optionsFor(folder);
        buildDataset(options);
        auto records = readDataset(options.output);
        for (Record& record : records) {
            record["analysis_version"] = "an older analysis";  // every track is analysed again
            if (record["audio_path"] == "Artist A/song_a.mp3") {
                record["lyrics"] = "love and sunshine\nhappy days";
                record["user_edited"] = {"lyrics"};
            }
        }
        writeDataset(options.output, records);
        QCOMPARE(buildDataset(options).reused, 0);

        const Record song = byPath(readDataset(options.output)).at("Artist A/song_a.mp3");
        QCOMPARE(song["lyrics"].get<std::string>(), std::string("love and sunshine\nhappy days"));
        QCOMPARE(song["phonemes_ipa"].get<std::string>(), toPhonemes("love and sunshine\nhappy days").ipa);
        QCOMPARE(song["text_sentiment"].get<std::string>(), std::string("positive"));
        std::vector<std::pair<double, double>> regions;
        for (const Record& span : song["vocal_regions"])
            regions.emplace_back(span[0].get<double>(), span[1].get<double>());
        QCOMPARE(song["phoneme_timestamps"].empty(), regions.empty());  // placed only where a voice is
        for (const Record& phoneme : song["phoneme_timestamps"]) {
            const double start = phoneme["start"].get<double>();
            QVERIFY(std::any_of(regions.begin(), regions.end(), [&](const auto& r) { return start >= r.first - 1e-3 && start <= r.second; }));
        }
    }

    void cancelledBuildResumesFromItsJournal()
    {
        const fs::path folder = copyLibrary("dataset_resume");
        BuildOptions options = optionsFor(folder);
        options.jobs = 1;
        CancelToken cancel;
        int finished = 0;
        try {
            buildDataset(options, JobControl{nullptr, &cancel}, [&](const TrackEvent& event) {
                if (!event.started && event.outcome == TrackOutcome::Analyzed && ++finished == 2)
                    cancel.cancel();
            });
            QFAIL("a cancelled build returned");
        } catch (const Error& error) {
            QCOMPARE(error.kind(), ErrorKind::Cancelled);
        }
        const DatasetPaths paths = DatasetPaths::forDataset(options.output);
        QVERIFY(!fs::exists(paths.dataset));
        QVERIFY(fs::exists(paths.journal));
        const BuildSummary summary = buildDataset(options);
        QVERIFY2(summary.reused >= 2, qPrintable(QString::number(summary.reused)));
        QCOMPARE(summary.reused + summary.analyzed, 6);
        QCOMPARE(readDataset(options.output).size(), std::size_t(6));
        QVERIFY(!fs::exists(paths.journal));
    }

    void unreadableFilesAreReported()
    {
        // Root reads anything, so as root the build runs in a child that has become "nobody".
        const fs::path folder = test::scratchFolder("dataset_permission");
        fs::create_directories(folder / "library");
        fs::copy_file(test::fixture("library/song_c.ogg"), folder / "library/open.ogg");
        fs::copy_file(test::fixture("library/song_c.ogg"), folder / "library/locked.ogg");
        ::chmod((folder / "library/locked.ogg").c_str(), 0);
        ::chmod(folder.c_str(), 0777);
        ::chmod((folder / "library").c_str(), 0777);
        const pid_t child = ::fork();
        if (child == 0) {
            if (::geteuid() == 0 && (::setgid(65534) != 0 || ::setuid(65534) != 0))
                ::_exit(3);
            try {
                const BuildSummary summary = buildDataset(optionsFor(folder));
                ::_exit(summary.analyzed == 1 && summary.failed == 1 ? 0 : 1);
            } catch (...) {
                ::_exit(2);
            }
        }
        int status = 0;
        ::waitpid(child, &status, 0);
        QVERIFY(WIFEXITED(status));
        QCOMPARE(WEXITSTATUS(status), 0);
        const Record errors = readJson(folder / "data.json.errors.json");
        QCOMPARE(errors.size(), std::size_t(1));
        QCOMPARE(errors[0]["kind"].get<std::string>(), std::string("permission_denied"));
    }

    void refusesToOverwriteADamagedDataset()
    {
        const fs::path folder = copyLibrary("dataset_damaged");
        const BuildOptions options = optionsFor(folder);
        { std::ofstream(options.output) << "[{\"audio_path\": \"x.mp3\", "; }
        try {
            buildDataset(options);
            QFAIL("built over a damaged dataset");
        } catch (const Error& error) {
            QCOMPARE(error.kind(), ErrorKind::Corrupt);
            QVERIFY(std::string(error.what()).find("not valid JSON") != std::string::npos);
        }
        std::ifstream in(options.output);
        std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        QCOMPARE(content, std::string("[{\"audio_path\": \"x.mp3\", "));
    }

    void readsTheReferenceFormatAsItIs()
    {
        const auto records = readDataset(test::testSource("core/dataset/reference_record.json"));
        QCOMPARE(records.size(), std::size_t(2));
        QCOMPARE(records[0]["tempo"].get<double>(), 128.0);
        QVERIFY(!records[1].contains("tempo"));  // absent stays absent
        const fs::path copy = test::scratchFolder("dataset_reference") / "copy.json";
        writeDataset(copy, records);
        const auto again = readDataset(copy);
        QCOMPARE(again[0].dump(), records[0].dump());  // fields and their order survive
        QCOMPARE(again[1].dump(), records[1].dump());
    }

    void keepsItsOwnFoldersOutOfTheScan()
    {
        // A dataset kept inside the music folder, with separated vocals beside it: a re-run must
        // not take the vocals for songs.
        const fs::path folder = test::scratchFolder("dataset_inside");
        fs::create_directories(folder / "music");
        fs::copy_file(test::fixture("library/song_c.ogg"), folder / "music/song_c.ogg");
        BuildOptions options;
        options.audioDir = folder / "music";
        options.output = folder / "music/muze-dataset.json";
        options.separateVocals = true;
        options.analysis.recognizeSpeech = false;
        QCOMPARE(buildDataset(options).analyzed, 1);
        const fs::path vocals = DatasetPaths::forDataset(options.output).vocals;
        QVERIFY(fs::is_directory(vocals) && !fs::is_empty(vocals));
        const BuildSummary again = buildDataset(options);
        QCOMPARE(again.total, 1);
        QCOMPARE(again.reused, 1);
    }

    void libraryDatasetEditsAndSaves()
    {
        const fs::path folder = test::scratchFolder("library_dataset");
        writeDataset(folder / "d.json", {Record{{"audio_path", "a/b.mp3"}, {"tempo", 120.0}, {"note", "{[\"quoted\"]}"}},
                                          Record{{"audio_path", "c.mp3"}, {"title", "C"}, {"include_in_training", false}}});
        LibraryDataset dataset = LibraryDataset::load(folder / "d.json");
        QCOMPARE(dataset.size(), std::size_t(2));
        QCOMPARE(dataset.summary(0).title, std::string("b"));  // no title: the file name
        QCOMPARE(dataset.summary(0).tempo, 120.0);
        QCOMPARE(dataset.summary(1).included, false);
        QCOMPARE(dataset.record(0)["note"].get<std::string>(), std::string("{[\"quoted\"]}"));
        Record edited = dataset.record(1);
        edited["title"] = "New";
        dataset.setRecord(1, edited);
        QVERIFY(dataset.isModified());
        QCOMPARE(dataset.summary(1).title, std::string("New"));
        const LibraryDataset snapshot = dataset.snapshot();
        snapshot.save(folder / "d.json");
        dataset.markSaved(snapshot);
        QVERIFY(!dataset.isModified());
        const auto back = readDataset(folder / "d.json");
        QCOMPARE(back[1]["title"].get<std::string>(), std::string("New"));
        QCOMPARE(back[0].dump(), Record({{"audio_path", "a/b.mp3"}, {"tempo", 120.0}, {"note", "{[\"quoted\"]}"}}).dump());
        std::ofstream(folder / "bad.json") << "[{\"audio_path\": \"x\"},  {\"audio_path\": \"unterminated}]";
        QVERIFY_THROWS_EXCEPTION(Error, LibraryDataset::load(folder / "bad.json"));
    }

    void shardedPartsMergeIntoTheOneMachineBuild()
    {
        const fs::path folder = copyLibrary("dataset_shards");
        BuildOptions whole = optionsFor(folder);
        whole.output = folder / "whole.json";
        buildDataset(whole);
        std::vector<fs::path> parts;
        std::size_t partRecords = 0;
        for (int index = 1; index <= 2; ++index) {
            BuildOptions part = optionsFor(folder);
            part.output = folder / ("part" + std::to_string(index) + ".json");
            part.shard = {index, 2};
            buildDataset(part);
            parts.push_back(part.output);
            partRecords += readDataset(part.output).size();
        }
        const std::vector<Record> expected = readDataset(whole.output);
        QCOMPARE(partRecords, expected.size());  // each song analysed on one machine only
        QVERIFY(readDataset(parts[0]).size() < expected.size() && readDataset(parts[1]).size() < expected.size());

        const fs::path merged = folder / "merged.json";
        QCOMPARE(mergeDatasetFiles(parts, merged), expected.size());
        const std::vector<Record> records = readDataset(merged);
        QCOMPARE(records.size(), expected.size());
        for (std::size_t i = 0; i < records.size(); ++i)
            QCOMPARE(records[i].dump(), expected[i].dump());
        const DatasetPaths one = DatasetPaths::forDataset(whole.output);
        const DatasetPaths joined = DatasetPaths::forDataset(merged);
        for (const Record& record : expected) {
            const std::string id = std::to_string(record["track_id"].get<std::int64_t>());
            QVERIFY2(fs::exists(FeatureCache(one.cache).pathFor(id)), "every analysed song is cached");
            QCOMPARE(bytesOf(FeatureCache(joined.cache).pathFor(id)), bytesOf(FeatureCache(one.cache).pathFor(id)));
        }
        QCOMPARE(readJson(joined.artistEmbeddings), readJson(one.artistEmbeddings));
        std::set<std::string> failedWhole, failedJoined;
        for (const Record& error : readJson(one.errors))
            failedWhole.insert(error["audio_path"].get<std::string>());
        for (const Record& error : readJson(joined.errors))
            failedJoined.insert(error["audio_path"].get<std::string>());
        QVERIFY(!failedWhole.empty());
        QCOMPARE(failedJoined, failedWhole);
        QVERIFY(fs::exists(joined.settings));
    }

    void mergesByAudioPath()
    {
        Record a1 = {{"audio_path", "a.mp3"}, {"prompt", "old"}};
        Record b = {{"audio_path", "b.mp3"}};
        Record a2 = {{"audio_path", "a.mp3"}, {"prompt", "new"}};
        const auto merged = mergeDatasets({{a1, b}, {a2}});
        QCOMPARE(merged.size(), std::size_t(2));
        QCOMPARE(merged[0]["prompt"].get<std::string>(), std::string("new"));
        QCOMPARE(merged[1]["audio_path"].get<std::string>(), std::string("b.mp3"));
    }
};

QTEST_GUILESS_MAIN(DatasetBuilderTest)
#include "test_dataset_builder.moc"
