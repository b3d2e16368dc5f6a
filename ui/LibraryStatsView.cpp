#include "ui/LibraryStatsView.h"

#include "widgets/BarChart.h"

#include <QGridLayout>
#include <QLabel>
#include <QListWidget>
#include <QScrollArea>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <limits>

namespace muze {
namespace {

using Chart = StatsChoice::Chart;

constexpr int kMostNamed = 15;  // bars of a chart of names (genres, artists, years)
constexpr int kChartColumns = 3;
constexpr double kOpen = std::numeric_limits<double>::infinity();

bool within(const std::optional<double>& value, const StatsChoice& choice)
{
    return value && *value >= choice.from && *value < choice.to;
}

bool is(const std::optional<std::string>& text, const std::string& name)
{
    return text && *text == name;
}

QVector<double> countsOf(const std::vector<Count>& counts)
{
    QVector<double> values;
    for (const Count& count : counts)
        values << count.tracks;
    return values;
}

QStringList namesOf(const std::vector<Count>& counts)
{
    QStringList names;
    for (const Count& count : counts)
        names << QString::fromStdString(count.name);
    return names;
}

std::vector<Count> most(const std::vector<Count>& counts)
{
    return {counts.begin(), counts.begin() + std::min<std::ptrdiff_t>(kMostNamed, static_cast<std::ptrdiff_t>(counts.size()))};
}

QVector<double> binCounts(const Histogram& histogram)
{
    return {histogram.counts.begin(), histogram.counts.end()};
}

// A chart's histogram in the units it is drawn in: durations in minutes.
Histogram drawnHistogram(const DatasetStats& stats, Chart chart)
{
    switch (chart) {
    case Chart::Tempo: return stats.tempo;
    case Chart::Duration: return {stats.duration.start / 60.0, stats.duration.width / 60.0, stats.duration.counts};
    case Chart::Loudness: return stats.loudness;
    case Chart::Energy: return stats.energy;
    case Chart::SectionSeconds: return stats.sectionSeconds;
    default: return {};
    }
}

bool isHistogram(Chart chart)
{
    return chart == Chart::Tempo || chart == Chart::Duration || chart == Chart::Loudness || chart == Chart::Energy ||
           chart == Chart::SectionSeconds;
}

}  // namespace

bool matches(const TrackFacts& track, const StatsChoice& choice)
{
    const std::string name = choice.name.toStdString();
    switch (choice.chart) {
    case Chart::Tempo: return within(track.tempo, choice);
    case Chart::Keys: return is(track.key, name);
    case Chart::Modes: return track.key && modeOf(*track.key) == name;
    case Chart::Meters: return is(track.timeSignature, name);
    case Chart::Genres: return is(track.genre, name);
    case Chart::Artists: return is(track.artist, name);
    case Chart::Years: return is(track.year, name);
    case Chart::Vocals: return track.vocals == (name == "with");
    case Chart::Duration: return track.seconds > 0 && within(track.seconds / 60.0, choice);
    case Chart::Loudness: return within(track.loudness, choice);
    case Chart::Energy: return within(track.energy, choice);
    case Chart::SectionTypes:
        return std::any_of(track.sections.begin(), track.sections.end(), [&](const auto& section) { return section.first == name; });
    case Chart::SectionSeconds:
        return std::any_of(track.sections.begin(), track.sections.end(),
                           [&](const auto& section) { return section.second >= 0 && within(section.second, choice); });
    case Chart::MissingFields:
        return std::none_of(track.fields.begin(), track.fields.end(), [&](const auto& field) { return field.first == name && !field.second; });
    }
    return false;
}

LibraryStatsView::LibraryStatsView(QWidget* parent)
    : QWidget(parent), m_summary(new QLabel(this)), m_warnings(new QListWidget(this))
{
    m_summary->setObjectName(QStringLiteral("statsSummary"));
    m_summary->setWordWrap(true);
    m_warnings->setObjectName(QStringLiteral("warnings"));
    m_warnings->setMaximumHeight(110);
    m_warnings->setToolTip(tr("Click a warning to see its tracks in the table."));

    auto* charts = new QWidget;
    auto* grid = new QGridLayout(charts);
    const std::pair<Chart, QString> titles[] = {
        {Chart::Tempo, tr("Tempo")},         {Chart::Keys, tr("Key")},
        {Chart::Modes, tr("Mode")},          {Chart::Meters, tr("Time signature")},
        {Chart::Genres, tr("Genre")},        {Chart::Artists, tr("Artist")},
        {Chart::Years, tr("Year")},          {Chart::Vocals, tr("Vocals")},
        {Chart::Duration, tr("Duration")},   {Chart::Loudness, tr("Loudness")},
        {Chart::Energy, tr("Energy")},       {Chart::SectionTypes, tr("Sections")},
        {Chart::SectionSeconds, tr("Section length")}, {Chart::MissingFields, tr("Fields missing (null or absent)")}};
    int at = 0;
    for (const auto& [chart, title] : titles) {
        grid->addWidget(addChart(chart, title), at / kChartColumns, at % kChartColumns);
        ++at;
    }
    auto* scroll = new QScrollArea(this);
    scroll->setWidget(charts);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_summary);
    layout->addWidget(m_warnings);
    layout->addWidget(scroll, 1);

    connect(m_warnings, &QListWidget::itemClicked, this, [this](QListWidgetItem* item) {
        const int index = item->data(Qt::UserRole).toInt();
        if (m_stats && index >= 0 && index < static_cast<int>(m_stats->warnings.size()))
            emit warningChosen(m_stats->warnings[static_cast<std::size_t>(index)]);
    });
    showComputing();
}

BarChart* LibraryStatsView::addChart(Chart chart, const QString& title)
{
    auto* bars = new BarChart(title, this);
    bars->setToolTip(tr("Click a bar to filter the table to its tracks."));
    m_charts[chart] = bars;
    connect(bars, &BarChart::barClicked, this, [this, chart](int bar) { chooseBar(chart, bar); });
    return bars;
}

void LibraryStatsView::showComputing()
{
    m_summary->setText(tr("Counting…"));
}

void LibraryStatsView::showStats(std::shared_ptr<const DatasetStats> stats)
{
    m_stats = std::move(stats);
    showSummary(*m_stats);
    showWarnings(*m_stats);
    showCharts(*m_stats);
}

void LibraryStatsView::showSummary(const DatasetStats& stats)
{
    const auto hours = [](double value) { return QString::number(value, 'f', 1); };
    m_summary->setText(tr("%n track(s), %1 hours of audio; %2 in training.", nullptr, stats.tracks).arg(hours(stats.hours)).arg(stats.included) +
                       QStringLiteral(" ") +
                       tr("Hours each phase would see: VAE and vocoder %1, planner %2 (tracks with sections), diffusion %3.")
                           .arg(hours(stats.phaseHours.vaeAndVocoder), hours(stats.phaseHours.planner), hours(stats.phaseHours.diffusion)));
}

QString LibraryStatsView::warningText(const StatsWarning& warning)
{
    const int tracks = static_cast<int>(warning.tracks.size());
    const QString subject = QString::fromStdString(warning.subject);
    if (warning.kind == "thin_key")
        return tr("Only %n song(s) in %1: the model will hardly learn it.", nullptr, tracks).arg(subject);
    if (warning.kind == "thin_tempo")
        return tr("Only %n song(s) between %1 BPM.", nullptr, tracks).arg(subject);
    if (warning.kind == "no_beats")
        return tr("No beats were found in %n song(s): their tempo, chords and sections are doubtful.", nullptr, tracks);
    if (warning.kind == "no_sections")
        return tr("A minute or more without sections in %n song(s): the planner learns no form from them.", nullptr, tracks);
    if (warning.kind == "doubtful_sections")
        return tr("The analysis doubts the sections of %n song(s): check their names and boundaries.", nullptr, tracks);
    if (warning.kind == "duplicate")
        return tr("The same audio %n time(s): it would weigh more than other songs in training.", nullptr, tracks);
    return QString::fromStdString(warning.message);
}

void LibraryStatsView::showWarnings(const DatasetStats& stats)
{
    m_warnings->clear();
    for (std::size_t i = 0; i < stats.warnings.size(); ++i) {
        const StatsWarning& warning = stats.warnings[i];
        auto* item = new QListWidgetItem(warningText(warning), m_warnings);
        item->setData(Qt::UserRole, static_cast<int>(i));
        QStringList tracks;
        for (std::size_t t = 0; t < std::min<std::size_t>(warning.tracks.size(), 10); ++t)
            tracks << QString::fromStdString(warning.tracks[t]);
        if (warning.tracks.size() > 10)
            tracks << QStringLiteral("…");
        item->setToolTip(tracks.join(QLatin1Char('\n')));
    }
    if (stats.warnings.empty())
        new QListWidgetItem(tr("No warnings: nothing looks thin, doubtful or doubled."), m_warnings);
}

void LibraryStatsView::showCharts(const DatasetStats& stats)
{
    for (Chart chart : {Chart::Tempo, Chart::Duration, Chart::Loudness, Chart::Energy, Chart::SectionSeconds}) {
        const Histogram h = drawnHistogram(stats, chart);
        const QString unit = chart == Chart::Tempo ? tr("BPM") : chart == Chart::Duration ? tr("min") : chart == Chart::Loudness ? tr("dB")
                                                   : chart == Chart::SectionSeconds ? tr("s") : QString();
        m_charts[chart]->setHistogram(h.start, h.width, binCounts(h), unit);
    }
    std::vector<Count> years = most(stats.years);
    std::sort(years.begin(), years.end(), [](const Count& a, const Count& b) { return a.name < b.name; });
    const std::pair<Chart, std::vector<Count>> named[] = {
        {Chart::Keys, stats.keys},           {Chart::Modes, stats.modes},       {Chart::Meters, stats.timeSignatures},
        {Chart::Genres, most(stats.genres)}, {Chart::Artists, most(stats.artists)}, {Chart::Years, years},
        {Chart::SectionTypes, stats.sectionTypes}, {Chart::MissingFields, stats.nullFields}};
    for (const auto& [chart, counts] : named)
        m_charts[chart]->setCategories(namesOf(counts), countsOf(counts));
    m_charts[Chart::Vocals]->setCategories({tr("with vocals"), tr("instrumental")},
                                           {double(stats.withVocals), double(stats.tracks - stats.withVocals)});
}

void LibraryStatsView::chooseBar(Chart chart, int bar)
{
    if (!m_stats)
        return;
    BarChart* bars = m_charts.at(chart);
    StatsChoice choice{chart, bars->barName(bar), 0.0, 0.0, bars->title() + QStringLiteral(": ") + bars->barName(bar)};
    if (chart == Chart::Vocals)
        choice.name = bar == 0 ? QStringLiteral("with") : QStringLiteral("without");
    if (isHistogram(chart)) {
        const Histogram h = drawnHistogram(*m_stats, chart);
        const int last = static_cast<int>(h.counts.size()) - 1;
        choice.from = bar == 0 ? -kOpen : h.start + bar * h.width;
        choice.to = bar == last ? kOpen : h.start + (bar + 1) * h.width;
    }
    emit barChosen(choice);
}

}  // namespace muze
