// File names and tags that are not UTF-8: one reading everywhere, and back to the same file.

#include "core/common/PathText.h"
#include "tests/support/TestSupport.h"

#include <QtTest>

#include <fstream>

using namespace muze;
namespace fs = std::filesystem;

class PathTextTest : public QObject {
    Q_OBJECT

private slots:
    void keepsValidUtf8()
    {
        QCOMPARE(textFromBytes("Zażółć gęślą jaźń — 日本 🎵"), std::string("Zażółć gęślą jaźń — 日本 🎵"));
        QCOMPARE(textFromBytes(""), std::string());
    }

    void readsStrayBytesAsLatin1()
    {
        QCOMPARE(textFromBytes("caf\xE9.mp3"), std::string("café.mp3"));
        QCOMPARE(textFromBytes("Bj\xF6rk \xC3\xA9"), std::string("Björk é"));  // mixed: the valid part stays
        // Overlong forms, surrogates and a cut sequence are not UTF-8.
        QCOMPARE(textFromBytes("\xC0\xAF"), std::string("À¯"));
        QCOMPARE(textFromBytes("\xED\xA0\x80"), std::string("í\xC2\xA0\xC2\x80"));
        QCOMPARE(textFromBytes("a\xE2\x82"), std::string("aâ\xC2\x82"));
    }

    void textLeadsBackToTheFile()
    {
        const fs::path folder = test::scratchFolder("path_text");
        const fs::path latin1Folder = folder / "Bj\xF6rk";
        fs::create_directories(latin1Folder);
        std::ofstream(latin1Folder / "caf\xE9.mp3") << "x";
        std::ofstream(folder / "d\xC3\xA9j\xC3\xA0.mp3") << "y";

        const std::string text = pathText(fs::path("Bj\xF6rk") / "caf\xE9.mp3");
        QCOMPARE(text, std::string("Björk/café.mp3"));
        QCOMPARE(pathFromText(folder, text), latin1Folder / "caf\xE9.mp3");
        QCOMPARE(pathFromText(folder, "déjà.mp3"), folder / "d\xC3\xA9j\xC3\xA0.mp3");
        QCOMPARE(pathFromText({}, pathText(latin1Folder)), latin1Folder);  // absolute
        QCOMPARE(pathFromText(folder, "missing é.mp3"), folder / "missing é.mp3");
    }
};

QTEST_GUILESS_MAIN(PathTextTest)
#include "test_path_text.moc"
