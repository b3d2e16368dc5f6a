// Atomic writes: readers see the old file or the whole new one, whatever happens in between.

#include "core/common/AtomicFile.h"
#include "core/common/Error.h"
#include "tests/support/TestSupport.h"

#include <QtTest>

#include <chrono>
#include <csignal>
#include <fstream>
#include <sstream>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

using namespace muze;
namespace fs = std::filesystem;

namespace {

std::string readAll(const fs::path& path)
{
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

// Files in `folder` other than `keep`: leftovers of a write.
std::vector<fs::path> othersIn(const fs::path& folder, const fs::path& keep)
{
    std::vector<fs::path> found;
    for (const auto& entry : fs::directory_iterator(folder))
        if (entry.path() != keep)
            found.push_back(entry.path());
    return found;
}

}  // namespace

class AtomicFileTest : public QObject {
    Q_OBJECT

private slots:
    void replacesContentAndLeavesNothingBehind()
    {
        const auto folder = test::scratchFolder("atomic_replace");
        const auto target = folder / "data.json";
        writeFileAtomically(target, "first");
        writeFileAtomically(target, "second, longer");
        QCOMPARE(readAll(target), std::string("second, longer"));
        QVERIFY(othersIn(folder, target).empty());
    }

    void newFilesGetUsualPermissions()
    {
        const auto folder = test::scratchFolder("atomic_mode");
        const auto target = folder / "plain.txt";
        const mode_t previous = ::umask(022);
        writeFileAtomically(target, "x");
        ::umask(previous);
        struct stat status {};
        QCOMPARE(::stat(target.c_str(), &status), 0);
        QCOMPARE(status.st_mode & 0777, mode_t(0644));
    }

    void abandonedWriteKeepsTheOldFile()
    {
        const auto folder = test::scratchFolder("atomic_abandon");
        const auto target = folder / "plan.json";
        writeFileAtomically(target, "old");
        {
            AtomicFile file(target);
            file.write("half of the new conte");
            QVERIFY(fs::exists(file.temporaryPath()));
        }  // destroyed without commit, as when an exception unwinds
        QCOMPARE(readAll(target), std::string("old"));
        QVERIFY(othersIn(folder, target).empty());
    }

    void killedWriterLeavesTheOldFile()
    {
        const auto folder = test::scratchFolder("atomic_kill");
        const auto target = folder / "dataset.json";
        writeFileAtomically(target, "old content");
        const pid_t child = ::fork();
        if (child == 0) {
            AtomicFile file(target);
            const std::string chunk(1 << 16, 'x');
            for (;;)  // writes until killed; never commits
                file.write(chunk);
        }
        // Kill it once the temporary file holds a megabyte: in the middle of writing.
        fs::path temporary;
        for (int i = 0; i < 500 && temporary.empty(); ++i) {
            for (const auto& entry : fs::directory_iterator(folder))
                if (entry.path() != target && fs::file_size(entry.path()) > (1 << 20))
                    temporary = entry.path();
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
        ::kill(child, SIGKILL);
        int status = 0;
        ::waitpid(child, &status, 0);
        QVERIFY(WIFSIGNALED(status));
        QVERIFY2(!temporary.empty(), "the writer never got going");
        QCOMPARE(readAll(target), std::string("old content"));
        QVERIFY(temporary.filename().string().rfind(".dataset.json.tmp-", 0) == 0);
    }

    void failedWriteSaysWhyAndCleansUp()
    {
        // A file-size limit makes write() fail as a full disk would (EFBIG rather than ENOSPC).
        const auto folder = test::scratchFolder("atomic_full");
        const auto target = folder / "song.wav";
        writeFileAtomically(target, "old");
        const pid_t child = ::fork();
        if (child == 0) {
            std::signal(SIGXFSZ, SIG_IGN);
            const rlimit limit{4096, 4096};
            ::setrlimit(RLIMIT_FSIZE, &limit);
            try {
                writeFileAtomically(target, std::string(1 << 20, 'y'));
            } catch (const Error& error) {
                const std::string message = error.what();
                ::_exit(error.kind() == ErrorKind::DiskFull && message.find("song.wav") != std::string::npos ? 0 : 2);
            }
            ::_exit(1);
        }
        int status = 0;
        ::waitpid(child, &status, 0);
        QVERIFY(WIFEXITED(status));
        QCOMPARE(WEXITSTATUS(status), 0);
        QCOMPARE(readAll(target), std::string("old"));
        QVERIFY(othersIn(folder, target).empty());
    }

    void writesThroughASymbolicLink()
    {
        const auto folder = test::scratchFolder("atomic_link");
        fs::create_directory(folder / "real");
        writeFileAtomically(folder / "real/data.json", "old");
        fs::create_symlink("real/data.json", folder / "link.json");
        writeFileAtomically(folder / "link.json", "new");
        QVERIFY(fs::is_symlink(folder / "link.json"));
        QCOMPARE(readAll(folder / "real/data.json"), std::string("new"));
    }

    void aLongNameStillWorks()
    {
        const auto folder = test::scratchFolder("atomic_long_name");
        const auto target = folder / (std::string(250, 'n') + ".json");  // the longest a name may be, nearly
        writeFileAtomically(target, "x");
        QCOMPARE(readAll(target), std::string("x"));
        QCOMPARE(othersIn(folder, target).size(), std::size_t(0));
    }

    void leftoversOfKilledWritersAreRemoved()
    {
        const auto folder = test::scratchFolder("atomic_leftovers");
        const pid_t dead = ::fork();
        if (dead == 0)
            ::_exit(0);
        ::waitpid(dead, nullptr, 0);
        const fs::path leftover = folder / (".data.json.tmp-" + std::to_string(dead) + "-a1B2c3");
        const fs::path live = folder / (".data.json.tmp-" + std::to_string(::getppid()) + "-a1B2c3");  // a writer still running
        const fs::path unrelated = folder / ".hidden.tmp-notes";
        for (const fs::path& path : {leftover, live, unrelated})
            std::ofstream(path) << "partial";
        writeFileAtomically(folder / "other.json", "x");
        QVERIFY(!fs::exists(leftover));
        QVERIFY(fs::exists(live));
        QVERIFY(fs::exists(unrelated));
    }

    void aFolderThatCannotBeSyncedIsReported()
    {
        // Write and enter, but not read: the rename succeeds, the folder cannot be opened to sync it.
        const auto folder = test::scratchFolder("atomic_dir_sync");
        ::chmod(folder.c_str(), 0333);
        const pid_t child = ::fork();
        if (child == 0) {
            if (::setgid(65534) != 0 || ::setuid(65534) != 0)
                ::_exit(3);
            try {
                writeFileAtomically(folder / "x.json", "x");
            } catch (const Error& error) {
                ::_exit(std::string(error.what()).find("could not be synced") != std::string::npos ? 0 : 2);
            }
            ::_exit(1);
        }
        int status = 0;
        ::waitpid(child, &status, 0);
        ::chmod(folder.c_str(), 0755);
        QVERIFY(WIFEXITED(status));
        QCOMPARE(WEXITSTATUS(status), 0);
        QCOMPARE(readAll(folder / "x.json"), std::string("x"));
    }

    void missingFolderIsReported()
    {
        try {
            writeFileAtomically("/nonexistent-folder/x.json", "x");
            QFAIL("no error");
        } catch (const Error& error) {
            QCOMPARE(error.kind(), ErrorKind::NotFound);
            QVERIFY(std::string(error.what()).find("/nonexistent-folder/x.json") != std::string::npos);
        }
    }
};

QTEST_GUILESS_MAIN(AtomicFileTest)
#include "test_atomic_file.moc"
