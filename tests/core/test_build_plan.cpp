// planBuild, the step of a dataset update that decides what to analyse, keep and drop, on its own:
// a record is dropped only when its file was looked for and is gone.

#include "core/dataset/BuildPlan.h"

#include <QtTest>

#include <set>

using namespace muze;
using Paths = std::vector<std::string>;

namespace {

// A file system where only `present` exist and lookups under `failing` fail.
std::function<FilePresence(const std::string&)> lookups(std::set<std::string> present, std::string failing = "\x01")
{
    return [present = std::move(present), failing](const std::string& path) {
        if (path.rfind(failing, 0) == 0)
            return FilePresence::Unknown;
        return present.count(path) ? FilePresence::Present : FilePresence::Gone;
    };
}

std::set<std::string> asSet(const Paths& paths)
{
    return {paths.begin(), paths.end()};
}

}  // namespace

class BuildPlanTest : public QObject {
    Q_OBJECT

private slots:
    void visitsWhatItFindsAndDropsWhatIsGone()
    {
        const BuildPlan plan = planBuild({{"a.mp3", "b.mp3", "removed.mp3"}, {"a.mp3", "b.mp3", "new.mp3"}, {}, std::nullopt, {}},
                                         lookups({"a.mp3", "b.mp3", "new.mp3"}));
        QCOMPARE(plan.visit, (Paths{"a.mp3", "b.mp3", "new.mp3"}));
        QCOMPARE(plan.gone, (Paths{"removed.mp3"}));
        QVERIFY(plan.keep.empty());
    }

    void maxTracksKeepsTheRecordsOfFilesItDidNotVisit()
    {
        // The case: 12 songs, an update of the first 2 must keep the other 10.
        Paths songs;
        for (int i = 0; i < 12; ++i)
            songs.push_back("song" + std::to_string(10 + i) + ".mp3");
        const BuildPlan plan = planBuild({songs, songs, {}, 2, {}}, lookups(asSet(songs)));
        QCOMPARE(plan.visit, (Paths{"song10.mp3", "song11.mp3"}));
        QCOMPARE(plan.keep.size(), std::size_t(10));
        QVERIFY(plan.gone.empty());
    }

    void maxTracksStillDropsWhatIsGone()
    {
        const BuildPlan plan = planBuild({{"a.mp3", "b.mp3", "gone.mp3"}, {"a.mp3", "b.mp3"}, {}, 1, {}}, lookups({"a.mp3", "b.mp3"}));
        QCOMPARE(plan.visit, (Paths{"a.mp3"}));
        QCOMPARE(plan.keep, (Paths{"b.mp3"}));
        QCOMPARE(plan.gone, (Paths{"gone.mp3"}));
    }

    void shardsSplitTheFolderAndKeepEachOthersRecords()
    {
        Paths songs;
        for (int i = 0; i < 40; ++i)
            songs.push_back("artist" + std::to_string(i % 3) + "/song" + std::to_string(i) + ".mp3");
        Paths visited;
        for (int index = 1; index <= 3; ++index) {
            BuildPlanInput input{songs, songs, {}, std::nullopt, Shard{index, 3}};
            const BuildPlan plan = planBuild(input, lookups({}));  // every lookup says "gone": nothing found may drop
            QVERIFY2(plan.visit.size() > 5, "each of three shards holds a fair part of 40 songs");
            QVERIFY(plan.gone.empty());
            QCOMPARE(plan.keep.size() + plan.visit.size(), songs.size());
            for (const std::string& path : plan.visit)
                QVERIFY((Shard{index, 3}.holds(path) && !Shard{index % 3 + 1, 3}.holds(path)));
            visited.insert(visited.end(), plan.visit.begin(), plan.visit.end());
        }
        std::sort(visited.begin(), visited.end());
        Paths all = songs;
        std::sort(all.begin(), all.end());
        QCOMPARE(visited, all);  // every file in exactly one shard
    }

    void aShardStillDropsItsOwnGoneFiles()
    {
        const Paths previous{"a.mp3", "b.mp3", "c.mp3", "d.mp3", "e.mp3", "f.mp3", "g.mp3", "h.mp3"};
        const Shard first{1, 2};
        const BuildPlan plan = planBuild({previous, {"new.mp3"}, {}, std::nullopt, first}, lookups({"new.mp3"}));
        Paths ours, theirs;
        for (const std::string& path : previous) {
            if (first.holds(path))
                ours.push_back(path);
            else
                theirs.push_back(path);
        }
        QVERIFY(!ours.empty() && !theirs.empty());
        QCOMPARE(plan.gone, ours);     // looked for, and gone
        QCOMPARE(plan.keep, theirs);   // another machine's to decide
    }

    void anEmptyOrUnmountedFolderDropsNothing()
    {
        const BuildPlan plan = planBuild({{"a.mp3", "b/c.mp3"}, {}, {}, std::nullopt, {}}, lookups({}));
        QVERIFY(plan.folderEmpty);
        QVERIFY(plan.visit.empty());
        QCOMPARE(plan.keep, (Paths{"a.mp3", "b/c.mp3"}));
        QVERIFY(plan.gone.empty());
    }

    void anUnreadableFolderKeepsTheRecordsUnderIt()
    {
        const BuildPlan plan = planBuild({{"locked/a.mp3", "locked/deep/b.mp3", "lockedness.mp3", "open.mp3"}, {"open.mp3"}, {"locked"}, std::nullopt, {}},
                                         lookups({"open.mp3"}));
        QCOMPARE(plan.keep, (Paths{"locked/a.mp3", "locked/deep/b.mp3"}));
        QCOMPARE(plan.gone, (Paths{"lockedness.mp3"}));  // a sibling whose name starts the same is not under it
    }

    void aFailedLookupIsNotAbsence()
    {
        const BuildPlan plan = planBuild({{"io/a.mp3", "b.mp3"}, {"c.mp3"}, {}, std::nullopt, {}}, lookups({"c.mp3"}, "io/"));
        QCOMPARE(plan.keep, (Paths{"io/a.mp3"}));
        QCOMPARE(plan.gone, (Paths{"b.mp3"}));
    }

    void recordsOutsideTheFolderAreNotLookedFor()
    {
        const BuildPlan plan = planBuild({{"/elsewhere/a.mp3", "../b.mp3", "c.mp3"}, {"c.mp3"}, {}, std::nullopt, {}}, lookups({"c.mp3"}));
        QCOMPARE(plan.keep, (Paths{"/elsewhere/a.mp3", "../b.mp3"}));
        QVERIFY(plan.gone.empty());
    }

    void aFilePresentButNotAudioIsKept()
    {
        // Renamed to an extension the scan skips, or a folder now: there, so not gone.
        const BuildPlan plan = planBuild({{"a.mp3", "b.mp3"}, {"b.mp3"}, {}, std::nullopt, {}}, lookups({"a.mp3", "b.mp3"}));
        QCOMPARE(plan.keep, (Paths{"a.mp3"}));
        QVERIFY(plan.gone.empty());
    }

    void everyRecordLandsInExactlyOnePlace()
    {
        const Paths previous = {"a", "b", "c", "d/e", "f", "g"};
        const BuildPlan plan = planBuild({previous, {"a", "b", "c"}, {"d"}, 2, {}}, lookups({"a", "b", "c"}));
        std::multiset<std::string> all(plan.visit.begin(), plan.visit.end());
        all.insert(plan.keep.begin(), plan.keep.end());
        all.insert(plan.gone.begin(), plan.gone.end());
        for (const std::string& path : previous)
            QCOMPARE(all.count(path), std::size_t(1));
    }
};

QTEST_GUILESS_MAIN(BuildPlanTest)
#include "test_build_plan.moc"
