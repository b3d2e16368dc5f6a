// Updates of a dataset keep every record and every edit they did not look at: --max_tracks, empty and
// unreadable folders, cancelled builds, changed options, failing tracks, a full disk, a torn journal
// and names that are not UTF-8.

#include "core/common/Error.h"
#include "core/common/PathText.h"
#include "core/dataset/BuildJournal.h"
#include "core/dataset/DatasetBuilder.h"
#include "core/dataset/DatasetFile.h"
#include "tests/support/TestSupport.h"

#include <QtTest>

#include <csignal>
#include <fstream>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace muze;
namespace fs = std::filesystem;

namespace {

// A library of the rendered fixture songs: `songs` maps a fixture under library/ to its name here.
BuildOptions makeLibrary(const std::string& name, const std::vector<std::pair<std::string, std::string>>& songs)
{
    const fs::path folder = test::scratchFolder(name);
    for (const auto& [from, to] : songs) {
        fs::create_directories((folder / "library" / to).parent_path());
        fs::copy_file(test::fixture("library/" + from), folder / "library" / to);
    }
    BuildOptions options;
    options.audioDir = folder / "library";
    options.output = folder / "data.json";
    options.analysis.recognizeSpeech = false;
    options.jobs = 1;
    return options;
}

const std::vector<std::pair<std::string, std::string>> kThreeSongs = {
    {"Artist A/song_a.mp3", "a.mp3"}, {"Artist A/song_b.flac", "b.flac"}, {"Artist A/song_b.lrc", "b.lrc"}, {"song_c.ogg", "c.ogg"}};

std::map<std::string, Record> byPath(const fs::path& dataset)
{
    std::map<std::string, Record> map;
    for (const Record& record : readDataset(dataset))
        map[record["audio_path"].get<std::string>()] = record;
    return map;
}

std::string contents(const fs::path& path)
{
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

Record readJson(const fs::path& path)
{
    std::ifstream in(path);
    return Record::parse(in);
}

// The three songs built into a dataset whose records all need analysing again.
BuildOptions builtAndOutdated(const std::string& name)
{
    const BuildOptions options = makeLibrary(name, kThreeSongs);
    buildDataset(options);
    auto records = readDataset(options.output);
    for (Record& record : records)
        record["analysis_version"] = "an older analysis";
    writeDataset(options.output, records);
    return options;
}

void editPrompt(const fs::path& dataset, const std::string& audioPath, const std::string& prompt)
{
    auto records = readDataset(dataset);
    for (Record& record : records)
        if (record["audio_path"] == audioPath) {
            record["prompt"] = prompt;
            record["user_edited"] = {"prompt"};
        }
    writeDataset(dataset, records);
}

// Runs `body` in a child process, returning its exit status; `asNobody` first makes it the user
// "nobody", since root reads anything.
int inChild(const std::function<int()>& body, bool asNobody = false)
{
    const pid_t child = ::fork();
    if (child == 0) {
        if (asNobody && ::geteuid() == 0 && (::setgid(65534) != 0 || ::setuid(65534) != 0))
            ::_exit(90);
        try {
            ::_exit(body());
        } catch (...) {
            ::_exit(91);
        }
    }
    int status = 0;
    ::waitpid(child, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

void openUp(const fs::path& folder)
{
    ::chmod(folder.c_str(), 0777);
    for (const auto& entry : fs::recursive_directory_iterator(folder))
        ::chmod(entry.path().c_str(), entry.is_directory() ? 0777 : 0666);
}

}  // namespace

class DatasetUpdatesTest : public QObject {
    Q_OBJECT

private slots:
    void maxTracksKeepsTheOtherRecords()
    {
        BuildOptions options = makeLibrary("update_max_tracks", kThreeSongs);
        QCOMPARE(buildDataset(options).analyzed, 3);
        editPrompt(options.output, "c.ogg", "my words");
        options.maxTracks = 1;
        const BuildSummary summary = buildDataset(options);
        QCOMPARE(summary.reused, 1);
        QCOMPARE(summary.dropped, 0);
        QCOMPARE(summary.kept, 2);
        const auto records = byPath(options.output);
        QCOMPARE(records.size(), std::size_t(3));
        QCOMPARE(records.at("c.ogg")["prompt"].get<std::string>(), std::string("my words"));
    }

    void anEmptyFolderDropsNothing()
    {
        BuildOptions options = makeLibrary("update_empty", kThreeSongs);
        buildDataset(options);
        const fs::path moved = options.audioDir.parent_path() / "elsewhere";
        fs::rename(options.audioDir, moved);
        fs::create_directory(options.audioDir);  // an unmounted drive's mount point
        const BuildSummary summary = buildDataset(options);
        QVERIFY(summary.folderEmpty);
        QCOMPARE(summary.dropped, 0);
        QCOMPARE(byPath(options.output).size(), std::size_t(3));
    }

    void aFolderThatCannotBeReadKeepsItsRecordsAndIsReported()
    {
        BuildOptions options = makeLibrary("update_unreadable", {{"song_c.ogg", "open.ogg"}, {"Artist A/song_a.mp3", "locked/a.mp3"}});
        buildDataset(options);
        openUp(options.output.parent_path());
        const fs::path locked = options.audioDir / "locked";
        ::chmod(locked.c_str(), 0);
        const int status = inChild(
            [&] {
                const BuildSummary summary = buildDataset(options);
                return summary.dropped == 0 && summary.kept == 1 && summary.unreadable == 1 ? 0 : 1;
            },
            true);
        ::chmod(locked.c_str(), 0777);
        QCOMPARE(status, 0);
        QCOMPARE(byPath(options.output).count("locked/a.mp3"), std::size_t(1));
        const Record errors = readJson(DatasetPaths::forDataset(options.output).errors);
        QCOMPARE(errors.size(), std::size_t(1));
        QCOMPARE(errors[0]["audio_path"].get<std::string>(), std::string("locked"));
        QCOMPARE(errors[0]["kind"].get<std::string>(), std::string("unreadable"));
    }

    void goneFilesAreDroppedByNameOrKeptWhenTheUserSaysSo()
    {
        BuildOptions options = makeLibrary("update_gone", kThreeSongs);
        buildDataset(options);
        fs::remove(options.audioDir / "b.flac");
        std::vector<std::string> asked;
        options.confirmDrop = [&](const std::vector<std::string>& gone) {
            asked = gone;
            return false;
        };
        BuildSummary summary = buildDataset(options);
        QCOMPARE(asked, std::vector<std::string>{"b.flac"});
        QCOMPARE(summary.dropped, 0);
        QCOMPARE(summary.keptGone, 1);
        QCOMPARE(byPath(options.output).count("b.flac"), std::size_t(1));

        options.confirmDrop = {};
        summary = buildDataset(options);
        QCOMPARE(summary.droppedPaths, std::vector<std::string>{"b.flac"});
        QCOMPARE(byPath(options.output).count("b.flac"), std::size_t(0));
    }

    void theJournalNeverOverwritesALaterEdit()
    {
        const BuildOptions options = builtAndOutdated("update_journal_edit");

        // A build analyses one song into its journal and is cancelled ...
        CancelToken cancel;
        QVERIFY_THROWS_EXCEPTION(Error, buildDataset(options, JobControl{nullptr, &cancel}, [&](const TrackEvent& event) {
            if (!event.started)
                cancel.cancel();
        }));
        const auto journalled = readDataset(options.output);  // unchanged: a cancelled build writes no dataset
        QCOMPARE(journalled.size(), std::size_t(3));
        QVERIFY(fs::exists(DatasetPaths::forDataset(options.output).journal));
        // ... then the user edits that song in the Library, and the next build resumes.
        editPrompt(options.output, "a.mp3", "written after the journal");
        const BuildSummary summary = buildDataset(options);
        QCOMPARE(summary.reused, 1);  // from the journal
        QCOMPARE(byPath(options.output).at("a.mp3")["prompt"].get<std::string>(), std::string("written after the journal"));
    }

    void aTornJournalLineKeepsEveryCompleteEntry()
    {
        BuildOptions options = makeLibrary("update_torn_journal", kThreeSongs);
        CancelToken cancel;
        int analysed = 0;
        QVERIFY_THROWS_EXCEPTION(Error, buildDataset(options, JobControl{nullptr, &cancel}, [&](const TrackEvent& event) {
            if (!event.started && ++analysed == 2)
                cancel.cancel();
        }));
        const fs::path journal = DatasetPaths::forDataset(options.output).journal;
        { std::ofstream(journal, std::ios::app) << "{\"audio_path\": \"c.ogg\", \"record\": {\"audio_pa"; }  // killed mid-write

        // The next build's entry starts on a line of its own, so it is kept too.
        CancelToken again;
        QVERIFY_THROWS_EXCEPTION(Error, buildDataset(options, JobControl{nullptr, &again}, [&](const TrackEvent& event) {
            if (!event.started && event.outcome == TrackOutcome::Analyzed)
                again.cancel();
        }));
        QCOMPARE(BuildJournal::load(journal).records.size(), std::size_t(3));
        const BuildSummary summary = buildDataset(options);
        QCOMPARE(summary.reused, 3);
        QCOMPARE(byPath(options.output).size(), std::size_t(3));
    }

    void aChangedOptionReanalysesWhatItChanges()
    {
        BuildOptions options = makeLibrary("update_options", kThreeSongs);
        buildDataset(options);
        const auto saved = readBuildSettings(options.output);
        QVERIFY(saved && !saved->separateVocals && !saved->recognizeSpeech && saved->language == "en");

        // Vocal separation turned on: every song is analysed again and gets its vocals written.
        options.separateVocals = true;
        QCOMPARE(buildDataset(options).analyzed, 3);
        const fs::path vocals = DatasetPaths::forDataset(options.output).vocals;
        for (const auto& [path, record] : byPath(options.output))
            QVERIFY2(fs::exists(separatedVocalsPath(vocals, path, record["track_id"].get<std::int64_t>())), path.c_str());
        QCOMPARE(buildDataset(options).reused, 3);

        // Another language changes only the songs with lyrics (b has an .lrc, c a lyrics tag).
        options.analysis.language = "pl";
        std::vector<std::string> analysed;
        buildDataset(options, {}, [&](const TrackEvent& event) {
            if (!event.started && event.outcome == TrackOutcome::Analyzed)
                analysed.push_back(event.audioPath);
        });
        QCOMPARE(analysed.size(), std::size_t(2));
        QCOMPARE(byPath(options.output).at("a.mp3")["analysis_options"]["language"].get<std::string>(), std::string("pl"));
        QCOMPARE(readBuildSettings(options.output)->language, std::string("pl"));
    }

    void anyFailureOfATrackIsRecordedAndTheBuildGoesOn()
    {
        BuildOptions options = makeLibrary("update_exceptions", kThreeSongs);
        // The callback runs on the worker threads inside each track's work, like any engine code.
        const BuildSummary summary = buildDataset(options, {}, [](const TrackEvent& event) {
            if (event.started && event.audioPath == "a.mp3")
                throw std::bad_alloc();
            if (event.started && event.audioPath == "b.flac")
                throw std::runtime_error("a LibTorch-style failure");
        });
        QCOMPARE(summary.analyzed, 1);
        QCOMPARE(summary.failed, 2);
        std::map<std::string, std::string> kinds;
        for (const auto& error : readJson(DatasetPaths::forDataset(options.output).errors))
            kinds[error["audio_path"].get<std::string>()] = error["kind"].get<std::string>();
        QCOMPARE(kinds.at("a.mp3"), std::string("out_of_memory"));
        QCOMPARE(kinds.at("b.flac"), std::string("internal"));
    }

    void recordsWithWrongTypesAreReanalysedNotFatal()
    {
        BuildOptions options = makeLibrary("update_wrong_types", kThreeSongs);
        buildDataset(options);
        auto records = readDataset(options.output);
        records[0]["source_file"] = "not an object";
        records[0]["include_in_training"] = 1;
        records[1]["embedding_encoders"] = 7;
        records[1]["user_edited"] = 5;
        records[2]["lyrics"] = 12;
        records[2]["user_edited"] = {"lyrics", 3};
        records[2]["analysis_options"] = "en";
        writeDataset(options.output, records);
        const BuildSummary summary = buildDataset(options);
        QCOMPARE(summary.failed, 0);
        QCOMPARE(summary.analyzed + summary.reused, 3);
        QCOMPARE(byPath(options.output).size(), std::size_t(3));
    }

    void aFullDiskStopsTheBuildCleanly()
    {
        const BuildOptions options = builtAndOutdated("update_disk_full");
        const std::string before = contents(options.output);

        // A file size limit fails writes as a full disk does (EFBIG, then ENOSPC's handling).
        const int status = inChild([&] {
            std::signal(SIGXFSZ, SIG_IGN);
            const rlimit limit{200 * 1024, 200 * 1024};
            ::setrlimit(RLIMIT_FSIZE, &limit);
            try {
                buildDataset(options);
                return 1;
            } catch (const Error& error) {
                return error.kind() == ErrorKind::DiskFull && std::string(error.what()).find("disk space") != std::string::npos ? 0 : 2;
            }
        });
        QCOMPARE(status, 0);
        QCOMPARE(contents(options.output), before);
        std::ifstream journal(DatasetPaths::forDataset(options.output).journal);
        for (std::string line; std::getline(journal, line);)
            QVERIFY(Record::accept(line));
        QCOMPARE(buildDataset(options).failed, 0);  // with space again, it finishes
    }

    void namesThatAreNotUtf8RoundTrip()
    {
        BuildOptions options = makeLibrary("update_latin1", {{"song_c.ogg", "Bj\xF6rk/caf\xE9.ogg"}, {"bad/empty.mp3", "\xE9mpty.mp3"}});
        QCOMPARE(buildDataset(options).analyzed, 1);
        const auto records = byPath(options.output);
        QCOMPARE(records.count("Björk/café.ogg"), std::size_t(1));
        const Record errors = readJson(DatasetPaths::forDataset(options.output).errors);
        QCOMPARE(errors[0]["audio_path"].get<std::string>(), std::string("émpty.mp3"));
        QVERIFY(errors[0]["reason"].get<std::string>().find("émpty.mp3") != std::string::npos);
        const BuildSummary again = buildDataset(options);
        QCOMPARE(again.reused, 1);
        QCOMPARE(again.dropped, 0);
    }

    void aLatin1AudioFolderIsFoundAgainFromTheSettings()
    {
        BuildOptions options = makeLibrary("update_latin1_folder", {{"song_c.ogg", "c.ogg"}});
        const fs::path folder = options.audioDir.parent_path() / "m\xFAsica";
        fs::rename(options.audioDir, folder);
        options.audioDir = folder;
        buildDataset(options);
        QVERIFY(contents(DatasetPaths::forDataset(options.output).settings).find("música") != std::string::npos);
        QCOMPARE(readBuildSettings(options.output)->audioDir, fs::absolute(folder));
    }

    void aDamagedSettingsFileIsAnErrorNotAnotherFolder()
    {
        BuildOptions options = makeLibrary("update_damaged_settings", {{"song_c.ogg", "c.ogg"}});
        buildDataset(options);
        std::ofstream(DatasetPaths::forDataset(options.output).settings) << "{\"audio_dir\": ";
        try {
            readBuildSettings(options.output);
            QFAIL("damaged settings were read");
        } catch (const Error& error) {
            QCOMPARE(error.kind(), ErrorKind::Corrupt);
        }
        fs::remove(DatasetPaths::forDataset(options.output).settings);
        QVERIFY(!readBuildSettings(options.output).has_value());
    }
};

QTEST_GUILESS_MAIN(DatasetUpdatesTest)
#include "test_dataset_updates.moc"
