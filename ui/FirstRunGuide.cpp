#include "ui/FirstRunGuide.h"

#include "core/common/Parallel.h"
#include "core/generation/DemoModel.h"
#include "core/generation/SongFiles.h"
#include "workers/ValueJob.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

#include <cmath>

Q_DECLARE_METATYPE(muze::FirstModelEstimate)

namespace muze {
namespace {

constexpr int kMinimumWidth = 280;

// "40 s", "12 min", "1 h 15 min": how long a step takes, to the precision an estimate has.
QString roughDuration(double seconds)
{
    if (seconds < 90)
        return FirstRunGuide::tr("%1 s").arg(std::max(1L, std::lround(seconds)));
    const long minutes = std::lround(seconds / 60);
    if (minutes < 90)
        return FirstRunGuide::tr("%1 min").arg(minutes);
    return FirstRunGuide::tr("%1 h %2 min").arg(minutes / 60).arg(minutes % 60);
}

}  // namespace

FirstRunGuide::FirstRunGuide(QWidget* parent)
    : QWidget(parent), m_progress(new QProgressBar(this)), m_measuring(new QLabel(tr("Measuring what each step takes on this machine…"), this))
{
    setObjectName(QStringLiteral("firstRunGuide"));
    setMinimumWidth(kMinimumWidth);
    auto* intro = new QLabel(tr("<b>Your own model, in four steps.</b> Each is one click; the times are measured on this machine "
                                "when you choose your songs."),
                             this);
    intro->setWordWrap(true);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    auto* grid = new QGridLayout;
    grid->setColumnStretch(1, 1);
    layout->addLayout(grid);
    const auto add = [&](const QString& title, const QString& buttonText) {
        const int number = static_cast<int>(m_steps.size()) + 1;
        StepRow row;
        row.mark = new QLabel(this);
        row.detail = new QLabel(this);
        row.detail->setWordWrap(true);
        row.button = new QPushButton(buttonText, this);
        auto* heading = new QLabel(QStringLiteral("<b>%1</b>").arg(title.toHtmlEscaped()), this);
        const int line = 2 * (number - 1);
        grid->addWidget(row.mark, line, 0, 2, 1, Qt::AlignTop);
        grid->addWidget(heading, line, 1);
        grid->addWidget(row.button, line, 2);
        grid->addWidget(row.detail, line + 1, 1, 1, 2);
        m_steps.push_back(row);
    };
    add(tr("Choose your songs"), tr("Choose Folder…"));
    add(tr("Build the dataset"), tr("Build Dataset"));
    add(tr("Train the model"), tr("Train"));
    add(tr("Compose a song"), tr("Compose"));
    m_progress->setRange(0, 1000);
    layout->addWidget(m_measuring);
    layout->addWidget(m_progress);
    layout->addStretch(1);
    m_measuring->hide();
    m_progress->hide();

    connect(button(Step::Songs), &QPushButton::clicked, this, &FirstRunGuide::chooseSongsFolder);
    connect(button(Step::Dataset), &QPushButton::clicked, this, [this] { emit buildRequested(m_songs); });
    connect(button(Step::Train), &QPushButton::clicked, this, [this] {
        emit trainRequested(datasetPath(), modelFolder(), m_estimate ? m_estimate->trainingRunSeconds : std::vector<double>{});
    });
    connect(button(Step::Compose), &QPushButton::clicked, this, [this] { emit composeRequested(modelFolder()); });
    updateSteps();
}

FirstRunGuide::~FirstRunGuide() = default;

QString FirstRunGuide::datasetPath() const
{
    return m_songs.isEmpty() ? QString() : QDir(m_songs).filePath(QStringLiteral("muze-dataset.json"));
}

QString FirstRunGuide::modelFolder() const
{
    return m_songs.isEmpty() ? QString() : QDir(m_songs).filePath(QStringLiteral("muze-model"));
}

bool FirstRunGuide::isMeasuring() const
{
    return m_measureJob != nullptr;
}

QPushButton* FirstRunGuide::button(Step step) const
{
    return m_steps[static_cast<std::size_t>(step)].button;
}

QString FirstRunGuide::detailText(Step step) const
{
    return m_steps[static_cast<std::size_t>(step)].detail->text();
}

void FirstRunGuide::chooseSongsFolder()
{
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Choose the Folder of Your Songs"), m_songs);
    if (!folder.isEmpty())
        setSongsFolder(folder);
}

void FirstRunGuide::setSongsFolder(const QString& folder)
{
    m_songs = folder;
    m_estimate.reset();
    measure();
    updateSteps();
}

void FirstRunGuide::measure()
{
    if (m_measureJob)
        m_measureJob->cancel();
    AnalysisOptions analysis;  // as the Build dialog starts: lyrics recognised where a song has none
    const std::filesystem::path songs = m_songs.toStdString();
    const std::filesystem::path demo = demoModelFolder();
    auto* job = new ValueJob(
        [songs, analysis, demo](const JobControl& control) {
            prepareComputeThread();
            return QVariant::fromValue(estimateFirstModel(songs, analysis, demo, control));
        },
        this);
    m_measureJob = job;
    connect(job, &ValueJob::computed, this, [this, job](const QVariant& value) {
        if (job == m_measureJob)
            m_estimate = value.value<FirstModelEstimate>();
    });
    connect(job, &Job::progressChanged, this, [this](const QString&, double fraction) { m_progress->setValue(static_cast<int>(fraction * 1000)); });
    connect(job, &Job::failed, this, [this, job](const QString& error) {
        if (job == m_measureJob)
            m_measuring->setText(tr("What the steps take could not be measured: %1").arg(error));
    });
    connect(job, &Job::finished, this, [this, job] {
        job->deleteLater();
        if (job != m_measureJob)
            return;
        m_measureJob = nullptr;
        m_progress->hide();
        m_measuring->setVisible(!m_estimate);
        updateSteps();
    });
    m_measuring->setText(tr("Measuring what each step takes on this machine…"));
    m_measuring->show();
    m_progress->setValue(0);
    m_progress->show();
    job->start();
}

void FirstRunGuide::datasetOpened(const QString& path)
{
    if (!m_songs.isEmpty() && QFileInfo(path) == QFileInfo(datasetPath()))
        updateSteps();
}

void FirstRunGuide::trainingEnded()
{
    updateSteps();
}

bool FirstRunGuide::datasetReady() const
{
    return !m_songs.isEmpty() && QFileInfo::exists(datasetPath());
}

bool FirstRunGuide::modelReady() const
{
    return !m_songs.isEmpty() && holdsTrainedModel(modelFolder().toStdString());
}

void FirstRunGuide::showDone(const StepRow& row, bool done, int number)
{
    row.mark->setText(done ? QStringLiteral("✓") : QStringLiteral("%1.").arg(number));
}

void FirstRunGuide::updateSteps()
{
    const bool measuring = isMeasuring();
    showDone(m_steps[0], !m_songs.isEmpty(), 1);
    showDone(m_steps[1], datasetReady(), 2);
    showDone(m_steps[2], modelReady(), 3);
    showDone(m_steps[3], false, 4);
    button(Step::Dataset)->setEnabled(!m_songs.isEmpty() && !measuring);
    button(Step::Train)->setEnabled(datasetReady() && !measuring);
    button(Step::Compose)->setEnabled(modelReady());
    showEstimate();
}

void FirstRunGuide::showEstimate()
{
    const auto detail = [this](Step step) { return m_steps[static_cast<std::size_t>(step)].detail; };
    if (m_songs.isEmpty()) {
        detail(Step::Songs)->setText(tr("The folder of songs the model is to learn from: a few dozen or more, in any format the studio plays."));
    } else if (m_estimate) {
        detail(Step::Songs)->setText(tr("%1 songs, %2 of audio, in %3.")
                                         .arg(m_estimate->dataset.songs)
                                         .arg(roughDuration(m_estimate->dataset.audioSeconds), QDir::toNativeSeparators(m_songs)));
    } else {
        detail(Step::Songs)->setText(QDir::toNativeSeparators(m_songs));
    }
    QString dataset = tr("Each song's tempo, beats, key, chords, sections, pitch and lyrics, analysed into %1.").arg(QStringLiteral("muze-dataset.json"));
    QString train = tr("The vocoder, the VAE, the planner and the diffusion model, each at the tiny size for a fixed number of steps: "
                       "the recipe the demo model was made by. Into %1 beside the songs.")
                        .arg(QStringLiteral("muze-model"));
    QString compose = tr("A song from a template, made by the model you trained.");
    if (m_estimate) {
        const AnalysisEstimate& analysis = m_estimate->dataset;
        dataset += QLatin1Char(' ') + tr("About %1 here (measured: excerpts of %2 songs, %3 s in all, analysed in %4 s, %5 at once).")
                                          .arg(roughDuration(analysis.seconds))
                                          .arg(analysis.measuredOn.size())
                                          .arg(std::lround(analysis.excerptSeconds))
                                          .arg(analysis.measuredSeconds, 0, 'f', 1)
                                          .arg(analysis.atOnce);
        train += QLatin1Char(' ') + tr("About %1 here (measured: training steps of each part, and moving the songs to C; one of the diffusion model's steps takes %2 s).")
                                        .arg(roughDuration(m_estimate->trainingSeconds()))
                                        .arg(m_estimate->trainingStep.ldm, 0, 'f', 2);
        if (m_estimate->song)
            compose += QLatin1Char(' ') + tr("A %1 s song in about %2 here (measured with the demo model, which has the same size).")
                                              .arg(std::lround(m_estimate->song->songSeconds))
                                              .arg(roughDuration(m_estimate->song->seconds));
    }
    if (datasetReady())
        dataset += QLatin1Char(' ') + tr("The dataset is there: building again analyses only new and changed songs.");
    detail(Step::Dataset)->setText(dataset);
    detail(Step::Train)->setText(train);
    detail(Step::Compose)->setText(compose);
}

}  // namespace muze
