#include "ui/TakesPanel.h"

#include "core/generation/SongFiles.h"
#include "core/generation/SongPlan.h"
#include "ui/PlaybackBinder.h"
#include "ui/SummaryWaveformSource.h"
#include "widgets/TransportBar.h"
#include "workers/AudioLoadJob.h"
#include "workers/ValueJob.h"

#include <QAction>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QToolButton>
#include <QVBoxLayout>

#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>

namespace muze {
namespace {

constexpr double kLongestTakeSeconds = 900.0;
constexpr int kExportRate = 44100;

std::filesystem::path pathOf(const QString& text)
{
    return std::filesystem::path(text.toStdString());
}

TimelineAnnotations sectionsOf(const QString& take)
{
    TimelineAnnotations annotations;
    try {
        const auto description = nlohmann::ordered_json::parse(std::ifstream(pathOf(take) / "take.json"));
        for (const PlanSection& section : planFromJson(description.at("plan")).sections)
            annotations.sections.append({section.start, section.end(), QString::fromStdString(section.type)});
    } catch (const std::exception&) {
        // a take without a readable plan still plays; it has no sections to show
    }
    return annotations;
}

std::vector<TimedLine> lyricsOf(const QString& take)
{
    std::ifstream file(pathOf(take) / "take.lrc");
    std::ostringstream text;
    text << file.rdbuf();
    return linesOfLrc(text.str());
}

QToolButton* buttonFor(QAction* action, QWidget* parent)
{
    auto* button = new QToolButton(parent);
    button->setDefaultAction(action);
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    return button;
}

}  // namespace

TakesPanel::TakesPanel(PlaybackController& playback, QWidget* parent)
    : QGroupBox(tr("Takes"), parent),
      m_list(new QListWidget(this)),
      m_waveform(new WaveformView(this)),
      m_transport(new TransportBar(this)),
      m_binder(new PlaybackBinder(playback, m_transport, this)),
      m_lyric(new QLabel(this)),
      m_comparison(new QLabel(this)),
      m_mark(new QAction(tr("Compare With This Take"), this)),
      m_switch(new QAction(tr("Switch A/B"), this)),
      m_export(new QAction(tr("Export…"), this)),
      m_buttons(new QHBoxLayout),
      m_takeActions(new QHBoxLayout)
{
    m_list->setObjectName(QStringLiteral("takes"));
    m_waveform->setMinimumHeight(140);
    m_binder->addTimeline(m_waveform);
    m_lyric->setObjectName(QStringLiteral("lyricLine"));
    m_lyric->setAlignment(Qt::AlignCenter);
    QFont lyricFont = m_lyric->font();
    lyricFont.setPointSizeF(lyricFont.pointSizeF() * 1.3);
    m_lyric->setFont(lyricFont);
    m_comparison->setObjectName(QStringLiteral("comparison"));
    m_mark->setToolTip(tr("Keep this take to compare the next one you select with, switching between them with B"));
    m_switch->setShortcut(QKeySequence(Qt::Key_B));
    m_switch->setToolTip(tr("Hear the other take of the two compared, at the same moment (B)"));
    m_export->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    m_export->setToolTip(tr("Write the take as WAV or FLAC at 44.1 kHz stereo, with its vocals, instrumental and lyrics when it has them (Ctrl+E)"));
    addAction(m_switch);
    addAction(m_export);
    connect(m_list, &QListWidget::currentRowChanged, this, [this] { selectTake(selectedTake()); });
    connect(m_mark, &QAction::triggered, this, &TakesPanel::markForComparison);
    connect(m_switch, &QAction::triggered, this, &TakesPanel::switchTakes);
    connect(m_export, &QAction::triggered, this, &TakesPanel::chooseExport);
    connect(m_binder, &PlaybackBinder::positionShown, this, &TakesPanel::showLyric);

    m_buttons->addWidget(buttonFor(m_mark, this));
    m_buttons->addWidget(buttonFor(m_switch, this));
    m_buttons->addWidget(buttonFor(m_export, this));
    m_buttons->addStretch(1);
    m_takeActions->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_waveform, 2);
    layout->addWidget(m_lyric);
    layout->addWidget(m_transport);
    layout->addWidget(m_comparison);
    layout->addLayout(m_buttons);
    layout->addLayout(m_takeActions);
    updateActions();
}

TakesPanel::~TakesPanel() = default;

void TakesPanel::setTakesFolder(const QString& folder)
{
    m_folder = folder;
    m_compared = {};
    m_hearingCompared = false;
    refresh();
    if (selectedTake().isEmpty() && m_list->count() > 0)
        selectTake(m_list->item(m_list->count() - 1)->data(Qt::UserRole).toString());  // the latest take, as left
}

void TakesPanel::addTakeAction(QAction* action)
{
    m_takeActions->insertWidget(m_takeActions->count() - 1, buttonFor(action, this));
}

QStringList TakesPanel::takes() const
{
    QStringList folders;
    if (m_folder.isEmpty())
        return folders;
    const QDir takesDir(m_folder);
    for (const QString& name : takesDir.entryList({QStringLiteral("take-*")}, QDir::Dirs, QDir::Name))
        if (QFileInfo::exists(takesDir.filePath(name + QStringLiteral("/take.json"))))
            folders << takesDir.filePath(name);
    return folders;
}

QString TakesPanel::selectedTake() const
{
    return m_list->currentItem() ? m_list->currentItem()->data(Qt::UserRole).toString() : QString();
}

QString TakesPanel::comparedTake() const
{
    return m_compared.folder;
}

QString TakesPanel::heardTake() const
{
    return m_hearingCompared ? m_compared.folder : m_selected.folder;
}

QString TakesPanel::lyricLine() const
{
    return m_lyric->text();
}

void TakesPanel::refresh()
{
    const QString selected = selectedTake();
    const QSignalBlocker blocker(m_list);
    m_list->clear();
    for (const QString& folder : takes()) {
        auto* item = new QListWidgetItem(QDir(folder).dirName(), m_list);
        item->setData(Qt::UserRole, folder);
        if (folder == selected)
            m_list->setCurrentItem(item);
    }
    updateActions();
}

void TakesPanel::selectTake(const QString& folder)
{
    for (int i = 0; i < m_list->count(); ++i) {
        if (m_list->item(i)->data(Qt::UserRole).toString() == folder) {
            const QSignalBlocker blocker(m_list);
            m_list->setCurrentRow(i);
        }
    }
    if (m_load)
        m_load->cancel();
    m_load = new AudioLoadJob(QDir(folder).filePath(QStringLiteral("take.wav")), kLongestTakeSeconds, this);
    const int load = ++m_loadsStarted;
    connect(m_load, &AudioLoadJob::loaded, this, [this, folder, load](const std::shared_ptr<const LoadedAudio>& audio) {
        if (load == m_loadsStarted)
            loaded(folder, audio);
    });
    connect(m_load, &Job::failed, this, [this](const QString& error) { emit failed(tr("The take cannot be read: %1").arg(error)); });
    connect(m_load, &Job::finished, m_load, &QObject::deleteLater);
    m_load->start();
    updateActions();
    emit selectionChanged();
}

void TakesPanel::loaded(const QString& folder, const std::shared_ptr<const LoadedAudio>& audio)
{
    m_selected = {folder, audio, sectionsOf(folder), lyricsOf(folder)};
    m_hearingCompared = false;
    hear(m_selected, false);
    updateActions();
}

void TakesPanel::hear(const Shown& take, bool inStep)
{
    m_waveform->setSource(std::make_shared<SummaryWaveformSource>(take.audio->waveform));
    m_waveform->setAnnotations(take.sections);
    if (inStep)
        m_binder->switchSource(take.audio->playback);
    else
        m_binder->setSource(take.audio->playback);
    if (m_compared.audio)
        m_comparison->setText(tr("Hearing %1 (%2); B switches to %3")
                                  .arg(QDir(take.folder).dirName(), m_hearingCompared ? tr("B") : tr("A"),
                                       QDir(m_hearingCompared ? m_selected.folder : m_compared.folder).dirName()));
}

void TakesPanel::markForComparison()
{
    if (!m_selected.audio)
        return;
    m_compared = m_selected;
    m_hearingCompared = false;
    m_comparison->setText(tr("%1 is B: select another take, then press B to switch between them").arg(QDir(m_compared.folder).dirName()));
    updateActions();
}

void TakesPanel::switchTakes()
{
    if (!m_compared.audio || !m_selected.audio)
        return;
    m_hearingCompared = !m_hearingCompared;
    hear(m_hearingCompared ? m_compared : m_selected, true);
}

void TakesPanel::showLyric(double seconds)
{
    const std::vector<TimedLine>& lyrics = m_hearingCompared ? m_compared.lyrics : m_selected.lyrics;
    QString line;
    for (const TimedLine& timed : lyrics)
        if (timed.start <= seconds)
            line = QString::fromStdString(timed.text);
    if (line != m_lyric->text())
        m_lyric->setText(line);
}

void TakesPanel::chooseExport()
{
    const QString take = selectedTake();
    if (take.isEmpty())
        return;
    const QString suggested = QDir(QDir::homePath()).filePath(QDir(take).dirName() + QStringLiteral(".wav"));
    const QString target = QFileDialog::getSaveFileName(this, tr("Export the Take"), suggested, tr("WAV (*.wav);;FLAC (*.flac)"));
    if (!target.isEmpty())
        exportTake(target);
}

void TakesPanel::exportTake(const QString& target)
{
    const QString take = selectedTake();
    if (take.isEmpty() || m_exportJob)
        return;
    const std::filesystem::path song = pathOf(take) / "take.wav";
    const SongOutput output{pathOf(target), kExportRate, 2};
    m_exportJob = new ValueJob([song, output](const JobControl&) { return QVariant(static_cast<int>(exportSong(song, output).size())); }, this);
    connect(m_exportJob, &ValueJob::computed, this, [this, target](const QVariant& files) {
        emit statusMessage(tr("Exported %n file(s) as %1.", nullptr, files.toInt()).arg(QDir::toNativeSeparators(target)));
    });
    connect(m_exportJob, &Job::failed, this, [this](const QString& error) { emit failed(tr("The take was not exported: %1").arg(error)); });
    connect(m_exportJob, &Job::finished, this, [this] {
        m_exportJob->deleteLater();
        m_exportJob = nullptr;
        updateActions();
    });
    m_exportJob->start();
    updateActions();
}

void TakesPanel::updateActions()
{
    m_mark->setEnabled(m_selected.audio != nullptr);
    m_switch->setEnabled(m_compared.audio != nullptr && m_selected.audio != nullptr && m_selected.folder != m_compared.folder);
    m_export->setEnabled(!selectedTake().isEmpty() && !m_exportJob);
}

}  // namespace muze
