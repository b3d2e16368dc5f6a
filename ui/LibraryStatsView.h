#pragma once

#include "core/dataset/DatasetStats.h"

#include <QString>
#include <QWidget>

#include <map>
#include <memory>

class QLabel;
class QListWidget;

namespace muze {

class BarChart;

// A bar of the Library's statistics that the user clicked: a named category of a chart, or a bin
// [from, to) of a histogram (open-ended at the histogram's ends).
struct StatsChoice {
    enum class Chart { Tempo, Keys, Modes, Meters, Genres, Artists, Years, Vocals, Duration, Loudness, Energy, SectionTypes, SectionSeconds, MissingFields };
    Chart chart = Chart::Keys;
    QString name;
    double from = 0.0;
    double to = 0.0;
    QString label;  // what it shows as a filter, e.g. "Mode: minor"
};

// Whether a track falls in the bar the user chose.
bool matches(const TrackFacts& track, const StatsChoice& choice);

// The Library's Statistics view: the distributions of `muze dataset-stats` as bar charts and the
// warnings a trainer needs, for the tracks the Library's filter lets through. A click on a bar or
// a warning asks the page to filter the table by it.
class LibraryStatsView : public QWidget {
    Q_OBJECT

public:
    explicit LibraryStatsView(QWidget* parent = nullptr);

    void showStats(std::shared_ptr<const DatasetStats> stats);
    void showComputing();
    const DatasetStats* stats() const { return m_stats.get(); }
    BarChart* chart(StatsChoice::Chart chart) const { return m_charts.at(chart); }
    QListWidget* warnings() const { return m_warnings; }

    static QString warningText(const StatsWarning& warning);

signals:
    void barChosen(const muze::StatsChoice& choice);
    void warningChosen(const muze::StatsWarning& warning);

private:
    BarChart* addChart(StatsChoice::Chart chart, const QString& title);
    void chooseBar(StatsChoice::Chart chart, int bar);
    void showSummary(const DatasetStats& stats);
    void showWarnings(const DatasetStats& stats);
    void showCharts(const DatasetStats& stats);

    QLabel* m_summary;
    QListWidget* m_warnings;
    std::map<StatsChoice::Chart, BarChart*> m_charts;
    std::shared_ptr<const DatasetStats> m_stats;
};

}  // namespace muze

Q_DECLARE_METATYPE(muze::StatsChoice)
Q_DECLARE_METATYPE(muze::StatsWarning)
Q_DECLARE_METATYPE(std::shared_ptr<const muze::DatasetStats>)
