#include "ui/BuildDatasetDialog.h"

#include "core/common/Error.h"
#include "core/dataset/TrackAnalyzer.h"
#include "ui/AppSettings.h"
#include "widgets/PathField.h"
#include "widgets/TimeText.h"
#include "workers/DatasetJobs.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QStackedWidget>
#include <QStyle>
#include <QVBoxLayout>

namespace muze {
namespace {

QString encoderSummary(const EncoderFiles& files)
{
    const auto name = [](const std::filesystem::path& file) { return QString::fromStdString(file.filename().string()); };
    QStringList voiceFiles;
    for (const std::filesystem::path& file : {files.voice, files.ecapa})
        if (!file.empty())
            voiceFiles << name(file);
    const QString voice = voiceFiles.isEmpty() ? BuildDatasetDialog::tr("built-in voice embeddings")
                                               : BuildDatasetDialog::tr("voice from %1").arg(voiceFiles.join(QStringLiteral(", ")));
    const QString clap = files.clap.empty() ? BuildDatasetDialog::tr("no CLAP") : BuildDatasetDialog::tr("CLAP from %1").arg(name(files.clap));
    return BuildDatasetDialog::tr("%1, %2 (change them in Preferences)").arg(voice, clap);
}

}  // namespace

BuildDatasetDialog::BuildDatasetDialog(const QString& audioFolder, const QString& output, QWidget* parent)
    : QDialog(parent),
      m_audioFolder(audioFolder),
      m_pages(new QStackedWidget(this)),
      m_output(new PathField(PathField::Mode::SaveFile, tr("Dataset File"), tr("Dataset (*.json)"), this))
{
    m_output->setPath(output);
    setWindowTitle(tr("Build a Dataset"));
    m_pages->addWidget(createOptionsPage());
    m_pages->addWidget(createProgressPage());
    useSavedSettings();
    m_buttons = new QDialogButtonBox(this);
    QPushButton* build = m_buttons->addButton(tr("Build"), QDialogButtonBox::AcceptRole);
    build->setObjectName(QStringLiteral("build"));
    m_buttons->addButton(QDialogButtonBox::Cancel);
    connect(build, &QPushButton::clicked, this, &BuildDatasetDialog::start);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &BuildDatasetDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_pages);
    layout->addWidget(m_buttons);
    resize(640, 520);
}

BuildDatasetDialog::~BuildDatasetDialog() = default;

QWidget* BuildDatasetDialog::createOptionsPage()
{
    auto* page = new QWidget(this);
    m_jobs = new QSpinBox(page);
    m_jobs->setObjectName(QStringLiteral("jobs"));
    m_jobs->setRange(0, 64);
    m_jobs->setSpecialValueText(tr("Automatic"));
    m_jobs->setToolTip(tr("Songs analysed at once. Automatic: one per processor core, fewer when free memory would not hold them."));
    m_separateVocals = new QCheckBox(tr("Write each song's vocal estimate beside the dataset"), page);
    m_speech = new QCheckBox(tr("Recognise sung words when a song has no lyrics tag or sidecar file"), page);
    m_speech->setChecked(true);
    m_speech->setObjectName(QStringLiteral("speech"));
    m_separateVocals->setObjectName(QStringLiteral("separateVocals"));
    m_speech->setToolTip(tr("Slow, and only words the recogniser is sure of are kept."));
    m_language = new QComboBox(page);
    for (const char* code : {"en", "pl", "de", "fr", "es", "it", "pt", "nl", "sv", "cs"})
        m_language->addItem(QString::fromLatin1(code), QString::fromLatin1(code));
    m_language->setToolTip(tr("The lyrics' language, for their phonemes."));
    m_maxTracks = new QSpinBox(page);
    m_maxTracks->setRange(0, 1000000);
    m_maxTracks->setSpecialValueText(tr("all"));
    m_maxMinutes = new QSpinBox(page);
    m_maxMinutes->setRange(1, 600);
    m_maxMinutes->setValue(static_cast<int>(AppSettings().maxDurationMinutes()));
    m_maxMinutes->setSuffix(tr(" min"));
    auto* form = new QFormLayout(page);
    form->addRow(tr("Songs in:"), new QLabel(m_audioFolder, page));
    form->addRow(tr("Dataset file:"), m_output);
    form->addRow(tr("At once:"), m_jobs);
    form->addRow(QString(), m_separateVocals);
    form->addRow(QString(), m_speech);
    form->addRow(tr("Lyrics language:"), m_language);
    form->addRow(tr("Only the first:"), m_maxTracks);
    form->addRow(tr("Longest song:"), m_maxMinutes);
    form->addRow(tr("Embeddings:"), new QLabel(encoderSummary(AppSettings().encoderFiles()), page));
    auto* note = new QLabel(tr("A dataset that exists is updated: only new and changed songs are analysed, and your edits are kept."), page);
    note->setWordWrap(true);
    form->addRow(note);
    return page;
}

QWidget* BuildDatasetDialog::createProgressPage()
{
    auto* page = new QWidget(this);
    m_progress = new QProgressBar(page);
    m_progress->setRange(0, 1000);
    m_status = new QLabel(page);
    m_status->setObjectName(QStringLiteral("status"));
    m_status->setWordWrap(true);
    m_tracks = new QListWidget(page);
    m_tracks->setObjectName(QStringLiteral("tracks"));
    m_errorsTitle = new QLabel(tr("Files that could not be used"), page);
    m_errors = new QListWidget(page);
    m_errors->setObjectName(QStringLiteral("errors"));
    m_errors->setWordWrap(true);
    m_errorsTitle->hide();
    m_errors->hide();
    auto* layout = new QVBoxLayout(page);
    layout->addWidget(m_progress);
    layout->addWidget(m_status);
    layout->addWidget(m_tracks, 2);
    layout->addWidget(m_errorsTitle);
    layout->addWidget(m_errors, 1);
    return page;
}

// An update analyses as the dataset was built, unless the user changes an option here.
void BuildDatasetDialog::useSavedSettings()
{
    std::optional<BuildSettings> saved;
    try {
        saved = readBuildSettings(output().toStdString());
    } catch (const Error&) {
        return;  // damaged: the defaults stand, and the build writes new settings
    }
    if (!saved)
        return;
    m_separateVocals->setChecked(saved->separateVocals);
    m_speech->setChecked(saved->recognizeSpeech);
    const int language = m_language->findData(QString::fromStdString(saved->language));
    if (language < 0)
        m_language->addItem(QString::fromStdString(saved->language), QString::fromStdString(saved->language));
    m_language->setCurrentIndex(m_language->findData(QString::fromStdString(saved->language)));
}

QString BuildDatasetDialog::output() const
{
    return m_output->path();
}

void BuildDatasetDialog::start()
{
    if (m_job)
        return;
    BuildOptions options;
    options.audioDir = m_audioFolder.toStdString();
    options.output = m_output->path().toStdString();
    options.jobs = m_jobs->value();
    if (m_maxTracks->value() > 0)
        options.maxTracks = m_maxTracks->value();
    options.separateVocals = m_separateVocals->isChecked();
    options.analysis.recognizeSpeech = m_speech->isChecked();
    options.analysis.language = m_language->currentData().toString().toStdString();
    options.analysis.maxDurationSeconds = m_maxMinutes->value() * 60.0;
    options.encoders = AppSettings().encoderFiles();

    m_pages->setCurrentIndex(1);
    m_buttons->clear();
    m_buttons->addButton(QDialogButtonBox::Cancel);
    m_status->setText(tr("Looking for songs…"));
    m_job = new DatasetBuildJob(options, this);
    m_job->setDropQuestion(m_askDrop);
    connect(m_job, &DatasetBuildJob::trackProgress, this, &BuildDatasetDialog::showTrack);
    connect(m_job, &Job::progressChanged, this, [this](const QString&, double fraction, double left) { showProgress(fraction, left); });
    connect(m_job, &DatasetBuildJob::built, this, &BuildDatasetDialog::showBuilt);
    connect(m_job, &Job::failed, this, [this](const QString& message) { finish(tr("The build stopped: %1").arg(message)); });
    connect(m_job, &Job::cancelled, this, [this] {
        finish(tr("Cancelled. What was analysed is kept: building again carries on from there."));
    });
    m_job->start();
}

void BuildDatasetDialog::showBuilt(const BuildSummary& summary)
{
    m_succeeded = true;
    QString text = tr("Done: %1 analysed, %2 unchanged, %3 could not be used.").arg(summary.analyzed).arg(summary.reused).arg(summary.failed);
    if (summary.kept > 0)
        text += QLatin1Char(' ') + tr("%n record(s) kept without a look at their songs.", nullptr, summary.kept);
    if (summary.keptGone > 0)
        text += QLatin1Char(' ') + tr("%n record(s) of songs no longer in the folder kept, as you chose.", nullptr, summary.keptGone);
    if (summary.folderEmpty && summary.kept > 0)
        text += QLatin1Char(' ') + tr("The folder holds no songs (is it empty, or a drive that is not connected?), so nothing was dropped.");
    if (summary.dropped > 0) {
        text += QLatin1Char(' ') + tr("%n record(s) of songs no longer in the folder were dropped:", nullptr, summary.dropped);
        for (const std::string& path : summary.droppedPaths)
            m_errors->addItem(tr("Dropped: %1").arg(QString::fromStdString(path)));
        m_errorsTitle->show();
        m_errors->show();
    }
    finish(text);
    emit datasetBuilt(output());
}

QString describeSongsAtOnce(const AnalysisJobs& jobs)
{
    const bool memoryCut = !jobs.requested && jobs.memoryFits && jobs.jobs < jobs.cores;
    if (memoryCut)
        return BuildDatasetDialog::tr("%n at once: free memory would not hold more analyses of the longest song", nullptr, jobs.jobs);
    return BuildDatasetDialog::tr("%n at once", nullptr, jobs.jobs);
}

void BuildDatasetDialog::showTrack(const TrackProgress& progress)
{
    m_total = progress.total;
    m_atOnce = describeSongsAtOnce(progress.jobs);
    if (progress.started) {
        auto* item = new QListWidgetItem(style()->standardIcon(QStyle::SP_BrowserReload), progress.audioPath, m_tracks);
        item->setData(Qt::UserRole, progress.audioPath);
        m_tracks->scrollToItem(item);
        return;
    }
    m_finished = progress.finished;
    showStatus();  // the count moves now, not at the next (throttled) progress report
    QListWidgetItem* item = nullptr;
    for (int i = m_tracks->count() - 1; i >= 0 && !item; --i)
        if (m_tracks->item(i)->data(Qt::UserRole).toString() == progress.audioPath)
            item = m_tracks->item(i);
    if (!item) {
        item = new QListWidgetItem(progress.audioPath, m_tracks);
        item->setData(Qt::UserRole, progress.audioPath);
    }
    if (progress.outcome == TrackOutcome::Failed) {
        item->setIcon(style()->standardIcon(QStyle::SP_MessageBoxWarning));
        item->setToolTip(progress.reason);
        m_errors->addItem(progress.reason);
        m_errorsTitle->show();
        m_errors->show();
    } else {
        item->setIcon(style()->standardIcon(QStyle::SP_DialogApplyButton));
    }
}

void BuildDatasetDialog::showProgress(double fraction, double secondsLeft)
{
    m_progress->setValue(static_cast<int>(fraction * 1000));
    m_secondsLeft = secondsLeft;
    showStatus();
}

void BuildDatasetDialog::showStatus()
{
    QString text = m_total > 0 ? tr("%1 of %2 songs").arg(m_finished).arg(m_total) : tr("Looking for songs…");
    if (!m_atOnce.isEmpty())
        text += QStringLiteral(" · ") + m_atOnce;
    if (m_secondsLeft >= 0)
        text += QStringLiteral(" · ") + tr("%1 left").arg(positionText(m_secondsLeft).section(QLatin1Char('.'), 0, 0));
    m_status->setText(text);
}

void BuildDatasetDialog::finish(const QString& summary)
{
    m_status->setText(summary);
    if (m_succeeded)
        m_progress->setValue(1000);
    m_buttons->clear();
    m_buttons->addButton(QDialogButtonBox::Close);
}

void BuildDatasetDialog::reject()
{
    if (m_job && m_job->isRunning()) {
        m_status->setText(tr("Cancelling after the songs in progress…"));
        m_job->cancel();
        return;
    }
    QDialog::reject();
}

}  // namespace muze
