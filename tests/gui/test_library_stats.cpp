// The Library's Statistics view on a small dataset whose numbers are known: its charts and
// warnings follow the filter, and a click on a bar or a warning filters the table to its tracks.

#include "core/dataset/DatasetFile.h"
#include "tests/support/TestSupport.h"
#include "ui/AppSettings.h"
#include "ui/LibraryModel.h"
#include "ui/LibraryPage.h"
#include "ui/Language.h"
#include "ui/LibraryStatsView.h"
#include "ui/MainWindow.h"
#include "widgets/BarChart.h"

#include <QComboBox>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QtTest>

using namespace muze;
namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;
using Chart = StatsChoice::Chart;

namespace {

Record track(const std::string& path, double tempo, const std::string& key, const std::string& genre, bool vocals)
{
    return {{"audio_path", path},
            {"artist", "Ana"},
            {"genre", genre},
            {"duration", 120.0},
            {"tempo", tempo},
            {"key", key},
            {"time_signature", "4/4"},
            {"has_vocals", vocals},
            {"num_beats", 200},
            {"segments", Json::array({{{"type", "verse"}, {"start", 0.0}, {"end", 60.0}}, {{"type", "chorus"}, {"start", 60.0}, {"end", 120.0}}})},
            {"source_file", {{"size", 1000}, {"fnv1a64", path}}}};
}

// Six rock songs in C major at 120-125 BPM, two jazz songs in A minor at 90, one of them the same
// file as a rock song, and one folk song in F# major at 61 BPM without beats or sections.
std::vector<Record> knownRecords()
{
    std::vector<Record> records;
    for (int i = 0; i < 6; ++i)
        records.push_back(track("rock" + std::to_string(i) + ".mp3", 120.0 + i, "C major", "rock", true));
    records.push_back(track("jazz0.mp3", 90.0, "A minor", "jazz", false));
    records.push_back(track("jazz1.mp3", 91.0, "A minor", "jazz", false));
    records.back()["source_file"] = records[2]["source_file"];
    Record folk = track("folk.mp3", 61.0, "F# major", "folk", true);
    folk["num_beats"] = 0;
    folk["segments"] = Json::array();
    records.push_back(folk);
    return records;
}

QVector<double> countsOf(const BarChart* chart)
{
    QVector<double> counts;
    for (int bar = 0; bar < chart->barCount(); ++bar)
        counts << chart->count(bar);
    return counts;
}

}  // namespace

class LibraryStatsTest : public QObject {
    Q_OBJECT

private:
    AppSettings m_settings;
    std::unique_ptr<MainWindow> m_window;

    LibraryPage* page() const { return m_window->libraryPage(); }
    LibraryStatsView* view() const { return page()->statistics(); }
    BarChart* chart(Chart which) const { return view()->chart(which); }

    void waitForCount(int tracks)
    {
        QTRY_VERIFY_WITH_TIMEOUT(!page()->isCountingStatistics() && view()->stats() && view()->stats()->tracks == tracks, 5000);
        QTest::qWait(20);  // the queued replots lay the charts out
    }

    void clickBar(Chart which, const QString& name)
    {
        BarChart* bars = chart(which);
        for (int bar = 0; bar < bars->barCount(); ++bar)
            if (bars->barName(bar) == name) {
                QTest::mouseClick(bars->canvas(), Qt::LeftButton, {}, bars->barCentre(bar));
                return;
            }
        QFAIL(qPrintable("no bar " + name));
    }

    QStringList shownPaths() const
    {
        QStringList paths;
        for (int row = 0; row < page()->filter()->rowCount(); ++row)
            paths << page()->filter()->index(row, LibraryModel::Path).data().toString();
        paths.sort();
        return paths;
    }

private slots:
    void initTestCase() { installTranslations(*QCoreApplication::instance(), QStringLiteral("en")); }

    void init()
    {
        const fs::path dataset = test::scratchFolder("library_stats") / "data.json";
        writeDataset(dataset, knownRecords());
        m_window = std::make_unique<MainWindow>(m_settings);
        m_window->resize(1400, 900);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        page()->openDataset(QString::fromStdString(dataset.string()));
        QTRY_VERIFY_WITH_TIMEOUT(!page()->isLoading() && page()->model()->rowCount() == 9, 10000);
        page()->showStatistics(true);
        waitForCount(9);
    }

    void cleanup() { m_window.reset(); }

    void chartsAndWarningsShowWhatTheDatasetHolds()
    {
        QCOMPARE(chart(Chart::Keys)->barName(0), QString("C major"));
        QCOMPARE(countsOf(chart(Chart::Keys)), (QVector<double>{6, 2, 1}));
        QCOMPARE(countsOf(chart(Chart::Vocals)), (QVector<double>{7, 2}));
        QCOMPARE(countsOf(chart(Chart::SectionTypes)), (QVector<double>{8, 8}));
        // Tempo in 10 BPM bins from 40: 61 in the third, 90-91 in the sixth, 120-125 in the ninth.
        const QVector<double> tempo = countsOf(chart(Chart::Tempo));
        QCOMPARE(tempo[2], 1.0);
        QCOMPARE(tempo[5], 2.0);
        QCOMPARE(tempo[8], 6.0);
        QVERIFY(view()->findChild<QLabel*>("statsSummary")->text().contains("9 tracks"));

        QStringList warnings;
        for (int i = 0; i < view()->warnings()->count(); ++i)
            warnings << view()->warnings()->item(i)->text();
        QVERIFY2(warnings.contains("Only 2 songs in A minor: the model will hardly learn it."), qPrintable(warnings.join('\n')));
        QVERIFY(warnings.contains("Only 1 song in F# major: the model will hardly learn it."));
        QVERIFY(warnings.contains("No beats were found in 1 song: its tempo, chords and sections are doubtful."));
        QVERIFY(warnings.contains("The same audio 2 times: it would weigh more than other songs in training."));
    }

    void theStatisticsFollowTheFilter()
    {
        auto* genre = page()->findChild<QComboBox*>("genreFilter");
        genre->setCurrentIndex(genre->findData("jazz"));
        waitForCount(2);
        QCOMPARE(countsOf(chart(Chart::Keys)), (QVector<double>{2}));
        QCOMPARE(countsOf(chart(Chart::Vocals)), (QVector<double>{0, 2}));

        genre->setCurrentIndex(0);
        waitForCount(9);
        page()->showStatistics(false);
        genre->setCurrentIndex(genre->findData("rock"));  // not counted while the table is in front
        QTest::qWait(300);
        QCOMPARE(view()->stats()->tracks, 9);
        QApplication::setActiveWindow(m_window.get());
        QTest::keyClick(m_window.get(), Qt::Key_T, Qt::ControlModifier | Qt::ShiftModifier);  // View ▸ Library Statistics
        QVERIFY(view()->isVisible());
        waitForCount(6);
    }

    void clickingABarFiltersTheTable()
    {
        clickBar(Chart::Keys, "A minor");
        QCOMPARE(page()->findChild<QComboBox*>("keyFilter")->currentData().toString(), QString("A minor"));
        QCOMPARE(shownPaths(), (QStringList{"jazz0.mp3", "jazz1.mp3"}));
        QVERIFY(!page()->statistics()->isVisible());  // the table is in front

        page()->findChild<QComboBox*>("keyFilter")->setCurrentIndex(0);
        page()->showStatistics(true);
        waitForCount(9);
        clickBar(Chart::Tempo, "120–130 BPM");
        QCOMPARE(shownPaths().size(), 6);
        auto* chosen = page()->findChild<QPushButton*>("chosenFilter");
        QVERIFY(chosen->isVisible());
        QVERIFY(chosen->text().startsWith("Tempo: 120–130 BPM"));

        page()->showStatistics(true);
        waitForCount(6);  // the statistics of the chosen tracks
        QCOMPARE(countsOf(chart(Chart::Keys)), (QVector<double>{6}));

        chosen->click();
        QVERIFY(!chosen->isVisible());
        QCOMPARE(shownPaths().size(), 9);
        waitForCount(9);
        clickBar(Chart::Modes, "minor");
        QCOMPARE(shownPaths(), (QStringList{"jazz0.mp3", "jazz1.mp3"}));
    }

    void clickingAWarningShowsItsTracks()
    {
        for (int i = 0; i < view()->warnings()->count(); ++i) {
            QListWidgetItem* item = view()->warnings()->item(i);
            if (!item->text().startsWith("The same audio"))
                continue;
            const QRect where = view()->warnings()->visualItemRect(item);
            QTest::mouseClick(view()->warnings()->viewport(), Qt::LeftButton, {}, where.center());
            QCOMPARE(shownPaths(), (QStringList{"jazz1.mp3", "rock2.mp3"}));
            return;
        }
        QFAIL("no duplicate warning");
    }

    void anEditIsCountedAgain()
    {
        Record edited = page()->model()->dataset()->record(8);
        QCOMPARE(edited["audio_path"].get<std::string>(), std::string("folk.mp3"));
        edited["key"] = "C major";
        page()->applyRecord(8, edited);
        QTRY_COMPARE_WITH_TIMEOUT(countsOf(chart(Chart::Keys)), (QVector<double>{7, 2}), 5000);
    }
};

QTEST_MAIN(LibraryStatsTest)
#include "test_library_stats.moc"
