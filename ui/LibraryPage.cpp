#include "ui/LibraryPage.h"

#include "core/common/Error.h"
#include "core/common/PathText.h"
#include "core/dataset/DatasetBuilder.h"
#include "core/dataset/TextFields.h"
#include "ui/BuildDatasetDialog.h"
#include "ui/LibraryModel.h"
#include "ui/LibraryStatsView.h"
#include "ui/TrackDetailPanel.h"
#include "widgets/MessageBar.h"
#include "widgets/TimeText.h"
#include "workers/DatasetJobs.h"
#include "workers/PlaybackController.h"
#include "workers/ValueJob.h"

#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProgressDialog>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QUndoCommand>
#include <QUndoStack>
#include <QVBoxLayout>

#include <set>

namespace muze {
namespace {

constexpr int kSaveDelayMs = 1500;
constexpr int kStatsDelayMs = 150;  // a typed search counts once it pauses

// One edit of one record: the whole record before and after, so that any field's edit (and any
// mix of them) undoes exactly. Consecutive edits of one field of one track merge into one step.
class RecordEditCommand : public QUndoCommand {
public:
    RecordEditCommand(LibraryPage& page, int index, Record before, Record after, const QString& text, int kind)
        : QUndoCommand(text), m_page(page), m_index(index), m_before(std::move(before)), m_after(std::move(after)), m_kind(kind)
    {
    }

    void undo() override { m_page.applyRecord(m_index, m_before); }
    void redo() override { m_page.applyRecord(m_index, m_after); }
    int id() const override { return m_kind; }
    bool mergeWith(const QUndoCommand* other) override
    {
        const auto* edit = static_cast<const RecordEditCommand*>(other);
        if (edit->m_index != m_index)
            return false;
        m_after = edit->m_after;
        return true;
    }

private:
    LibraryPage& m_page;
    int m_index;
    Record m_before;
    Record m_after;
    int m_kind;
};

void fillChoices(QComboBox* combo, const QString& anyText, const std::set<QString>& values)
{
    const QString current = combo->currentData().toString();
    combo->blockSignals(true);
    combo->clear();
    combo->addItem(anyText, QString());
    for (const QString& value : values)
        if (!value.isEmpty())
            combo->addItem(value, value);
    combo->setCurrentIndex(std::max(0, combo->findData(current)));
    combo->blockSignals(false);
}

}  // namespace

LibraryPage::LibraryPage(PlaybackController& playback, QWidget* parent)
    : QWidget(parent),
      m_playback(playback),
      m_messages(new MessageBar(this)),
      m_summary(new QLabel(this)),
      m_model(new LibraryModel(this)),
      m_filter(new TrackFilterModel(this)),
      m_table(new QTableView(this)),
      m_detail(new TrackDetailPanel(playback, this)),
      m_stats(new LibraryStatsView(this)),
      m_views(new QTabWidget(this)),
      m_undo(new QUndoStack(this)),
      m_ask(LibraryQuestions::dialogs())
{
    m_summary->setObjectName(QStringLiteral("summary"));
    auto* newButton = new QPushButton(tr("New from Folder…"), this);
    auto* openButton = new QPushButton(tr("Open Dataset…"), this);
    auto* updateButton = new QPushButton(tr("Update"), this);
    updateButton->setToolTip(tr("Analyse the songs added or changed in the folder since the last build."));
    auto* saveButton = new QPushButton(tr("Save"), this);
    auto* bar = new QHBoxLayout;
    bar->addWidget(newButton);
    bar->addWidget(openButton);
    bar->addWidget(updateButton);
    bar->addWidget(saveButton);
    bar->addStretch(1);
    bar->addWidget(m_summary);

    m_filter->setSourceModel(m_model);
    m_table->setObjectName(QStringLiteral("tracks"));
    m_table->setModel(m_filter);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(LibraryModel::Title, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(22);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setWordWrap(false);

    auto* splitter = new QSplitter(this);
    splitter->addWidget(m_table);
    splitter->addWidget(m_detail);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setSizes({620, 520});
    const std::pair<int, int> widths[] = {{LibraryModel::Title, 190}, {LibraryModel::Artist, 120}, {LibraryModel::Genre, 90},
                                          {LibraryModel::Tempo, 56}, {LibraryModel::Key, 80}, {LibraryModel::Meter, 48},
                                          {LibraryModel::Duration, 56}, {LibraryModel::Vocals, 52}, {LibraryModel::Energy, 54},
                                          {LibraryModel::Included, 46}};
    for (const auto& [column, width] : widths)
        m_table->setColumnWidth(column, width);

    m_views->setObjectName(QStringLiteral("libraryViews"));
    m_views->setDocumentMode(true);
    m_views->addTab(splitter, tr("Tracks"));
    m_views->addTab(m_stats, tr("Statistics"));

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_messages);
    layout->addLayout(bar);
    layout->addWidget(createFilterBar());
    layout->addWidget(m_views, 1);

    connect(newButton, &QPushButton::clicked, this, &LibraryPage::buildFromFolder);
    connect(openButton, &QPushButton::clicked, this, &LibraryPage::chooseDataset);
    connect(updateButton, &QPushButton::clicked, this, &LibraryPage::updateDataset);
    connect(saveButton, &QPushButton::clicked, this, &LibraryPage::save);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &LibraryPage::showSelected);
    connect(m_table, &QTableView::clicked, this, [this](const QModelIndex& index) {
        if (index.column() != LibraryModel::Included)
            return;
        const int row = m_filter->mapToSource(index).row();
        Record after = m_model->dataset()->record(static_cast<std::size_t>(row));
        const bool include = !valueOr(after, field::kIncluded, true);
        const Record before = after;
        after[field::kIncluded] = include;
        m_undo->push(new RecordEditCommand(*this, row, before, after, include ? tr("Include in training") : tr("Leave out of training"),
                                           TrackDetailPanel::IncludeEdit));
    });
    connect(m_detail, &TrackDetailPanel::edited, this,
            [this](int index, const Record& before, const Record& after, const QString& description, int kind) {
                m_undo->push(new RecordEditCommand(*this, index, before, after, description, kind));
            });
    connect(&m_playback, &PlaybackController::failed, this, [this](const QString& message) {
        if (isVisible())
            m_messages->showMessage(message, MessageBar::Kind::Error);
    });
    m_saveDelay.setSingleShot(true);
    m_saveDelay.setInterval(kSaveDelayMs);
    connect(&m_saveDelay, &QTimer::timeout, this, &LibraryPage::save);
    m_summary->setText(tr("No dataset open: build one from a folder of songs, or open one."));

    m_statsDelay.setSingleShot(true);
    m_statsDelay.setInterval(kStatsDelayMs);
    connect(&m_statsDelay, &QTimer::timeout, this, &LibraryPage::countStatistics);
    const auto recount = [this] { m_statsDelay.start(); };
    connect(m_filter, &QAbstractItemModel::rowsInserted, this, recount);
    connect(m_filter, &QAbstractItemModel::rowsRemoved, this, recount);
    connect(m_filter, &QAbstractItemModel::modelReset, this, recount);
    connect(m_filter, &QAbstractItemModel::layoutChanged, this, recount);
    connect(m_filter, &QAbstractItemModel::dataChanged, this, recount);
    connect(m_views, &QTabWidget::currentChanged, this, recount);
    connect(m_stats, &LibraryStatsView::barChosen, this, &LibraryPage::filterByBar);
    connect(m_stats, &LibraryStatsView::warningChosen, this, &LibraryPage::filterByWarning);
}

LibraryPage::~LibraryPage() = default;

QWidget* LibraryPage::createFilterBar()
{
    auto* bar = new QWidget(this);
    m_search = new QLineEdit(bar);
    m_search->setObjectName(QStringLiteral("search"));
    m_search->setPlaceholderText(tr("Search title, artist, genre, file…"));
    m_search->setClearButtonEnabled(true);
    m_genre = new QComboBox(bar);
    m_genre->setObjectName(QStringLiteral("genreFilter"));
    m_artist = new QComboBox(bar);
    m_artist->setObjectName(QStringLiteral("artistFilter"));
    m_key = new QComboBox(bar);
    m_key->setObjectName(QStringLiteral("keyFilter"));
    m_vocals = new QComboBox(bar);
    m_vocals->setObjectName(QStringLiteral("vocalsFilter"));
    m_vocals->addItem(tr("With or without vocals"), int(TrackFilterModel::Vocals::Any));
    m_vocals->addItem(tr("With vocals"), int(TrackFilterModel::Vocals::With));
    m_vocals->addItem(tr("Instrumental"), int(TrackFilterModel::Vocals::Without));
    m_tempoMin = new QDoubleSpinBox(bar);
    m_tempoMax = new QDoubleSpinBox(bar);
    for (QDoubleSpinBox* box : {m_tempoMin, m_tempoMax}) {
        box->setRange(0, 400);
        box->setDecimals(0);
        box->setSuffix(tr(" BPM"));
        box->setSpecialValueText(tr("any"));
    }
    m_tempoMin->setObjectName(QStringLiteral("tempoMin"));
    m_tempoMax->setObjectName(QStringLiteral("tempoMax"));
    fillChoices(m_genre, tr("Any genre"), {});
    fillChoices(m_artist, tr("Any artist"), {});
    fillChoices(m_key, tr("Any key"), {});

    auto* layout = new QHBoxLayout(bar);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_search, 2);
    layout->addWidget(m_genre);
    layout->addWidget(m_artist);
    layout->addWidget(m_key);
    layout->addWidget(m_vocals);
    layout->addWidget(new QLabel(tr("Tempo"), bar));
    layout->addWidget(m_tempoMin);
    layout->addWidget(new QLabel(QStringLiteral("–"), bar));
    layout->addWidget(m_tempoMax);

    connect(m_search, &QLineEdit::textChanged, m_filter, &TrackFilterModel::setText);
    connect(m_genre, &QComboBox::currentIndexChanged, this, [this] { m_filter->setGenre(m_genre->currentData().toString()); });
    connect(m_artist, &QComboBox::currentIndexChanged, this, [this] { m_filter->setArtist(m_artist->currentData().toString()); });
    connect(m_key, &QComboBox::currentIndexChanged, this, [this] { m_filter->setKey(m_key->currentData().toString()); });
    connect(m_vocals, &QComboBox::currentIndexChanged, this,
            [this] { m_filter->setVocals(static_cast<TrackFilterModel::Vocals>(m_vocals->currentData().toInt())); });
    for (QDoubleSpinBox* box : {m_tempoMin, m_tempoMax})
        connect(box, &QDoubleSpinBox::valueChanged, this, [this] { m_filter->setTempoRange(m_tempoMin->value(), m_tempoMax->value()); });
    m_chosen = new QPushButton(bar);
    m_chosen->setObjectName(QStringLiteral("chosenFilter"));
    m_chosen->hide();
    layout->addWidget(m_chosen);
    connect(m_chosen, &QPushButton::clicked, this, [this] { chooseRows({}, QString()); });
    return bar;
}

bool LibraryPage::isLoading() const
{
    return m_loadJob && m_loadJob->isRunning();
}

bool LibraryPage::hasUnsavedChanges() const
{
    return m_model->dataset() && m_model->dataset()->isModified();
}

bool LibraryPage::isSaving() const
{
    return m_saveJob != nullptr;
}

QString LibraryPage::datasetPath() const
{
    return QString::fromStdString(m_path.string());
}

void LibraryPage::chooseDataset()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open a Dataset"), datasetPath(), tr("Datasets (*.json)"));
    if (!path.isEmpty())
        openDataset(path);
}

void LibraryPage::openDataset(const QString& path)
{
    whenSaved([this, path] { startLoading(path); });
}

void LibraryPage::startLoading(const QString& path)
{
    if (m_loadJob) {  // superseded by this one
        m_loadJob->disconnect(this);
        m_loadJob->cancel();
    }
    m_messages->hide();
    m_summary->setText(tr("Reading %1…").arg(QFileInfo(path).fileName()));
    m_loadJob = new DatasetLoadJob(path.toStdString(), this);
    connect(m_loadJob, &DatasetLoadJob::loaded, this, [this, path](const std::shared_ptr<LibraryDataset>& dataset) {
        m_path = path.toStdString();
        showDataset(dataset);
        emit datasetOpened(path);
    });
    connect(m_loadJob, &Job::failed, this, [this, path](const QString& message) {
        m_messages->showMessage(tr("Could not open the dataset %1.\n%2").arg(QFileInfo(path).fileName(), message), MessageBar::Kind::Error);
        m_summary->clear();
    });
    connect(m_loadJob, &Job::finished, m_loadJob, &QObject::deleteLater);
    m_loadJob->start();
}

void LibraryPage::showDataset(std::shared_ptr<LibraryDataset> dataset)
{
    if (m_promptJob) {  // its rows are another dataset's
        m_promptJob->disconnect(this);
        m_promptJob->cancel();
    }
    m_undo->clear();
    m_detail->clear();
    chooseRows({}, QString());
    m_model->setDataset(std::move(dataset));
    std::optional<BuildSettings> settings;
    try {
        settings = readBuildSettings(m_path);
    } catch (const Error& error) {
        m_messages->showMessage(QString::fromStdString(error.what()), MessageBar::Kind::Error);
    }
    m_audioDir = settings ? settings->audioDir : std::filesystem::path();
    m_detail->setLyricsLanguage(settings ? settings->language : "en");
    updateFilterChoices();
    m_summary->setText(tr("%n track(s)", nullptr, m_model->rowCount()));
    if (m_filter->rowCount() > 0)
        m_table->selectRow(0);
}

void LibraryPage::updateFilterChoices()
{
    std::set<QString> genres;
    std::set<QString> artists;
    std::set<QString> keys;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        genres.insert(m_model->row(row).genre);
        artists.insert(m_model->row(row).artist);
        keys.insert(m_model->row(row).key);
    }
    fillChoices(m_genre, tr("Any genre"), genres);
    fillChoices(m_artist, tr("Any artist"), artists);
    fillChoices(m_key, tr("Any key"), keys);
}

// Where the record's song is: under the audio folder, or (for a dataset that does not say where its
// songs are) beside the dataset. Only for listening: an update asks for the folder instead.
QString LibraryPage::audioFileFor(int index)
{
    const std::string relative = m_model->dataset()->summary(static_cast<std::size_t>(index)).audioPath;
    for (const std::filesystem::path& base : {m_audioDir, m_path.parent_path()}) {
        if (base.empty())
            continue;
        const std::filesystem::path candidate = pathFromText(base, relative);
        std::error_code error;
        if (std::filesystem::is_regular_file(candidate, error))
            return QString::fromStdString(candidate.string());
    }
    return {};
}

void LibraryPage::showSelected()
{
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    if (!current.isValid() || !m_model->dataset()) {
        m_detail->clear();
        return;
    }
    const int row = m_filter->mapToSource(current).row();
    try {
        m_detail->showTrack(row, m_model->dataset()->record(static_cast<std::size_t>(row)), audioFileFor(row));
    } catch (const std::exception& error) {
        m_messages->showMessage(tr("This record cannot be read: %1").arg(QString::fromUtf8(error.what())), MessageBar::Kind::Error);
    }
}

void LibraryPage::applyRecord(int index, const Record& record)
{
    m_model->dataset()->setRecord(static_cast<std::size_t>(index), record);
    m_model->refreshRow(index);
    if (m_detail->currentIndex() == index)
        m_detail->refresh(record);
    m_summary->setText(tr("%n track(s)", nullptr, m_model->rowCount()) + QStringLiteral(" · ") + tr("edited"));
    scheduleSave();
}

void LibraryPage::scheduleSave()
{
    m_saveDelay.start();
}

void LibraryPage::save()
{
    m_saveDelay.stop();
    if (!hasUnsavedChanges() || m_path.empty())
        return;
    if (m_saveJob) {
        m_saveAgain = true;  // a save is writing: another follows with the newer edits
        return;
    }
    m_saveJob = new DatasetSaveJob(m_model->dataset()->snapshot(), m_path, this);
    const std::shared_ptr<LibraryDataset> dataset = m_model->dataset();
    connect(m_saveJob, &DatasetSaveJob::saved, this, [this, dataset] {
        m_saveError.clear();
        dataset->markSaved(m_saveJob->snapshot());
        if (dataset == m_model->dataset())
            m_summary->setText(tr("%n track(s)", nullptr, m_model->rowCount()) + QStringLiteral(" · ") + tr("saved"));
    });
    connect(m_saveJob, &Job::failed, this, [this](const QString& message) {
        m_saveError = message;
        m_messages->showMessage(tr("The dataset could not be saved; your edits are still here.\n%1").arg(message), MessageBar::Kind::Error);
    });
    connect(m_saveJob, &Job::finished, this, &LibraryPage::saveFinished);
    m_saveJob->start();
}

void LibraryPage::saveFinished()
{
    m_saveJob->deleteLater();
    m_saveJob = nullptr;
    if (std::exchange(m_saveAgain, false) && m_saveError.isEmpty()) {
        save();
        return;
    }
    if (!m_afterSave)
        return;
    if (!m_saveError.isEmpty())
        askAfterFailedSave();
    else if (hasUnsavedChanges())
        save();  // edits made while it wrote
    else
        continueAfterSave();
}

void LibraryPage::whenSaved(std::function<void()> next)
{
    m_afterSave = std::move(next);
    m_saveDelay.stop();
    if (m_saveJob)
        return;  // its end carries on
    if (!hasUnsavedChanges() || m_path.empty())
        continueAfterSave();
    else
        save();
}

void LibraryPage::askAfterFailedSave()
{
    switch (m_ask.afterFailedSave(this, m_saveError)) {
    case LibraryQuestions::AfterFailedSave::Retry:
        save();
        break;
    case LibraryQuestions::AfterFailedSave::SaveElsewhere: {
        const QString path = m_ask.saveFile(this, tr("Save the Dataset Elsewhere"), datasetPath());
        if (path.isEmpty()) {
            askAfterFailedSave();
            return;
        }
        m_path = path.toStdString();
        emit datasetOpened(path);
        save();
        break;
    }
    case LibraryQuestions::AfterFailedSave::Discard:
        m_saveError.clear();
        m_model->dataset()->forgetUnsavedEdits();
        m_messages->hide();
        continueAfterSave();
        break;
    case LibraryQuestions::AfterFailedSave::Cancel:
        m_afterSave = {};
        break;
    }
}

void LibraryPage::continueAfterSave()
{
    if (std::function<void()> next = std::exchange(m_afterSave, {}))
        next();
}

void LibraryPage::buildFromFolderAt(const QString& folder)
{
    runBuildDialog(folder, QDir(folder).filePath(QStringLiteral("muze-dataset.json")), false);
}

void LibraryPage::buildFromFolderNow(const QString& folder)
{
    runBuildDialog(folder, QDir(folder).filePath(QStringLiteral("muze-dataset.json")), true);
}

void LibraryPage::buildFromFolder()
{
    const QString folder = m_ask.folder(this, tr("Choose the Folder of Songs"), QString::fromStdString(m_audioDir.string()));
    if (!folder.isEmpty())
        buildFromFolderAt(folder);
}

void LibraryPage::updateDataset()
{
    if (m_path.empty()) {
        buildFromFolder();
        return;
    }
    if (m_audioDir.empty()) {  // no settings, or damaged ones: never guess the folder
        const QString folder = m_ask.folder(this, tr("Where Are the Songs of %1?").arg(QFileInfo(datasetPath()).fileName()),
                                            QString::fromStdString(m_path.parent_path().string()));
        if (folder.isEmpty())
            return;
        m_audioDir = folder.toStdString();
    }
    runBuildDialog(QString::fromStdString(m_audioDir.string()), datasetPath(), false);
}

void LibraryPage::runBuildDialog(const QString& folder, const QString& output, bool startAtOnce)
{
    whenSaved([this, folder, output, startAtOnce] {  // the build keeps the edits it finds in the file
        BuildDatasetDialog dialog(folder, output, this);
        dialog.setDropQuestion([this](const QStringList& gone) { return m_ask.dropGone(this, gone); });
        connect(&dialog, &BuildDatasetDialog::datasetBuilt, this, &LibraryPage::openDataset);
        if (startAtOnce)
            QTimer::singleShot(0, &dialog, &BuildDatasetDialog::start);
        dialog.exec();
    });
}

bool LibraryPage::isCountingStatistics() const
{
    return m_statsDelay.isActive() || (m_statsJob && m_statsJob->isRunning());
}

void LibraryPage::showStatistics(bool shown)
{
    m_views->setCurrentWidget(shown ? static_cast<QWidget*>(m_stats) : m_views->widget(0));
}

void LibraryPage::toggleStatistics()
{
    showStatistics(m_views->currentWidget() != m_stats);
}

// Counts the statistics of the tracks the filter lets through, when they are shown. The facts are
// gathered here (pointers, no JSON) and counted on a worker; a newer count supersedes an older one.
void LibraryPage::countStatistics()
{
    if (m_views->currentWidget() != m_stats || !m_model->dataset())
        return;
    if (m_statsJob) {
        m_statsJob->disconnect(this);
        m_statsJob->cancel();
    }
    std::vector<std::shared_ptr<const TrackFacts>> tracks;
    tracks.reserve(static_cast<std::size_t>(m_filter->rowCount()));
    for (int row = 0; row < m_model->rowCount(); ++row)
        if (m_filter->accepts(row))
            tracks.push_back(m_model->dataset()->facts(static_cast<std::size_t>(row)));
    m_stats->showComputing();
    m_statsJob = new ValueJob([tracks = std::move(tracks)](const JobControl& control) {
        std::vector<const TrackFacts*> facts;
        facts.reserve(tracks.size());
        for (const auto& track : tracks)
            facts.push_back(track.get());
        control.throwIfCancelled();
        return QVariant::fromValue(std::make_shared<const DatasetStats>(datasetStats(facts)));
    }, this);
    connect(m_statsJob, &ValueJob::computed, this,
            [this](const QVariant& stats) { m_stats->showStats(stats.value<std::shared_ptr<const DatasetStats>>()); });
    connect(m_statsJob, &Job::failed, this, [this](const QString& message) { m_messages->showMessage(message, MessageBar::Kind::Error); });
    connect(m_statsJob, &Job::finished, m_statsJob, &QObject::deleteLater);
    m_statsJob->start();
}

void LibraryPage::filterByBar(const StatsChoice& choice)
{
    using Chart = StatsChoice::Chart;
    const auto select = [](QComboBox* combo, const QVariant& value) { combo->setCurrentIndex(std::max(0, combo->findData(value))); };
    switch (choice.chart) {
    case Chart::Keys: select(m_key, choice.name); break;
    case Chart::Genres: select(m_genre, choice.name); break;
    case Chart::Artists: select(m_artist, choice.name); break;
    case Chart::Vocals:
        select(m_vocals, int(choice.name == QStringLiteral("with") ? TrackFilterModel::Vocals::With : TrackFilterModel::Vocals::Without));
        break;
    default: {
        std::vector<bool> rows(static_cast<std::size_t>(m_model->rowCount()));
        for (std::size_t row = 0; row < rows.size(); ++row)
            rows[row] = matches(*m_model->dataset()->facts(row), choice);
        chooseRows(std::move(rows), choice.label);
        break;
    }
    }
    showStatistics(false);
}

void LibraryPage::filterByWarning(const StatsWarning& warning)
{
    const std::set<std::string> paths(warning.tracks.begin(), warning.tracks.end());
    std::vector<bool> rows(static_cast<std::size_t>(m_model->rowCount()));
    for (std::size_t row = 0; row < rows.size(); ++row)
        rows[row] = paths.count(m_model->dataset()->summary(row).audioPath) > 0;
    chooseRows(std::move(rows), LibraryStatsView::warningText(warning));
    showStatistics(false);
}

void LibraryPage::chooseRows(std::vector<bool> rows, const QString& label)
{
    m_chosen->setVisible(!rows.empty());
    m_chosen->setText(QStringLiteral("%1  ✕").arg(label.size() > 48 ? label.left(47) + QStringLiteral("…") : label));
    m_chosen->setToolTip(label + QStringLiteral("\n") + tr("Click to show all the tracks again."));
    m_filter->setChosenRows(std::move(rows));
}

std::vector<int> LibraryPage::selectedRows() const
{
    std::vector<int> rows;
    for (const QModelIndex& index : m_table->selectionModel()->selectedRows())
        rows.push_back(m_filter->mapToSource(index).row());
    std::sort(rows.begin(), rows.end());
    return rows;
}

void LibraryPage::rewritePrompts()
{
    const std::vector<int> rows = m_model->dataset() ? selectedRows() : std::vector<int>{};
    if (rows.empty()) {
        m_messages->showMessage(tr("Select the tracks whose prompts a language model should rewrite."), MessageBar::Kind::Information);
        return;
    }
    if (m_promptJob)
        return;
    const std::optional<PromptLlm> llm = m_ask.promptLlm(this, static_cast<int>(rows.size()));
    if (!llm)
        return;
    std::vector<std::pair<int, Record>> records;
    for (int row : rows)
        records.emplace_back(row, m_model->dataset()->record(static_cast<std::size_t>(row)));
    m_promptJob = new PromptRewriteJob(*llm, std::move(records), this);
    auto* progress = new QProgressDialog(tr("Asking %1 for %n prompt(s)…", nullptr, static_cast<int>(rows.size())).arg(QString::fromStdString(promptSourceOf(*llm))),
                                         tr("Cancel"), 0, 1000, this);
    progress->setObjectName(QStringLiteral("promptProgress"));
    progress->setWindowModality(Qt::WindowModal);
    progress->setMinimumDuration(300);
    connect(progress, &QProgressDialog::canceled, m_promptJob, &Job::cancel);
    connect(m_promptJob, &Job::progressChanged, progress, [progress](const QString&, double fraction, double secondsLeft) {
        progress->setValue(static_cast<int>(fraction * 1000));
        if (secondsLeft >= 0)
            progress->setLabelText(progress->labelText().section(QStringLiteral(" · "), 0, 0) + QStringLiteral(" · ") +
                                   tr("%1 left").arg(positionText(secondsLeft).section(QLatin1Char('.'), 0, 0)));
    });
    connect(m_promptJob, &PromptRewriteJob::rewritten, this,
            [this, source = promptSourceOf(*llm)](const RewrittenPrompts& result) { applyRewrittenPrompts(result, source); });
    connect(m_promptJob, &Job::failed, this, [this](const QString& message) { m_messages->showMessage(message, MessageBar::Kind::Error); });
    connect(m_promptJob, &Job::finished, progress, &QObject::deleteLater);
    connect(m_promptJob, &Job::finished, m_promptJob, &QObject::deleteLater);
    m_promptJob->start();
}

void LibraryPage::applyRewrittenPrompts(const RewrittenPrompts& result, const std::string& source)
{
    if (!result.prompts.empty()) {
        m_undo->beginMacro(tr("Rewrite %n prompt(s)", nullptr, static_cast<int>(result.prompts.size())));
        for (const auto& [row, prompt] : result.prompts) {
            const Record before = m_model->dataset()->record(static_cast<std::size_t>(row));
            Record after = before;
            after[field::kPrompt] = prompt;
            after[kPromptSource] = source;
            markUserEdited(after, field::kPrompt);
            refreshPromptFields(after, nullptr);
            m_undo->push(new RecordEditCommand(*this, row, before, after, tr("Rewrite prompt"), -1));
        }
        m_undo->endMacro();
    }
    QString text = tr("%1 wrote %n prompt(s).", nullptr, static_cast<int>(result.prompts.size())).arg(QString::fromStdString(source));
    if (result.missed > 0)
        text += QStringLiteral(" ") + tr("%n track(s) kept their prompt: %1", nullptr, result.missed).arg(result.problem);
    m_messages->showMessage(text, result.missed > 0 ? MessageBar::Kind::Error : MessageBar::Kind::Information);
}

}  // namespace muze
