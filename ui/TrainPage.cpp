#include "ui/TrainPage.h"

#include "core/training/Recipe.h"
#include "widgets/LossPlot.h"
#include "widgets/MessageBar.h"
#include "widgets/SpectrogramView.h"
#include "workers/AudioLoadJob.h"
#include "workers/PlaybackController.h"
#include "workers/TrainingJobs.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSlider>
#include <QSplitter>
#include <QThread>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <cmath>
#include <numeric>

namespace muze {
namespace {

constexpr int kFollowIntervalMs = 1000;
constexpr int kRunsIntervalMs = 15000;  // the runs list's steps and losses, while training
constexpr std::size_t kSpeedLines = 5;  // log lines the pace is averaged over
constexpr double kLongestPreviewSeconds = 600.0;

enum CurveChoice { Losses, LossTerms, LearningRate, GradientNorm };

const QStringList kNotLossTerms{"loss", "validation_loss", "lr", "grad_norm", "steps_per_s", "examples_per_s", "skipped_steps"};

QString clockText(double seconds)
{
    const auto total = static_cast<qint64>(std::max(0.0, std::round(seconds)));
    return QStringLiteral("%1:%2:%3").arg(total / 3600).arg(total / 60 % 60, 2, 10, QLatin1Char('0')).arg(total % 60, 2, 10, QLatin1Char('0'));
}

QString nativePath(const std::filesystem::path& path)
{
    return QDir::toNativeSeparators(QString::fromStdString(path.string()));
}

QString curveLabel(const QString& measure)
{
    if (measure == QLatin1String("loss"))
        return TrainPage::tr("training loss");
    if (measure == QLatin1String("validation_loss"))
        return TrainPage::tr("validation loss");
    if (measure == QLatin1String("lr"))
        return TrainPage::tr("learning rate");
    if (measure == QLatin1String("grad_norm"))
        return TrainPage::tr("gradient norm");
    return measure;  // the phase's own terms, as its log names them
}

bool isValidationMeasure(const QString& measure)
{
    return measure.startsWith(QLatin1String("validation_"));
}

QVector<double> stepsOf(const std::vector<MetricPoint>& points)
{
    QVector<double> steps;
    for (const MetricPoint& point : points)
        steps.append(static_cast<double>(point.step));
    return steps;
}

QVector<double> timesOf(const std::vector<MetricPoint>& points)
{
    QVector<double> times;
    for (const MetricPoint& point : points)
        times.append(point.time);
    return times;
}

QVector<double> valuesOf(const std::vector<MetricPoint>& points)
{
    QVector<double> values;
    for (const MetricPoint& point : points)
        values.append(point.value);
    return values;
}

}  // namespace

TrainPage::TrainPage(PlaybackController& playback, QWidget* parent)
    : QWidget(parent),
      m_playback(playback),
      m_message(new MessageBar(this)),
      m_setup(new TrainSetup(this)),
      m_startAction(new QAction(tr("&Start Training"), this)),
      m_pauseAction(new QAction(tr("&Pause Training"), this)),
      m_stopAction(new QAction(tr("S&top Training"), this))
{
    m_startAction->setShortcut(QKeySequence(Qt::Key_F5));
    m_pauseAction->setShortcut(QKeySequence(Qt::Key_F6));
    m_stopAction->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F5));
    connect(m_startAction, &QAction::triggered, this, &TrainPage::start);
    connect(m_pauseAction, &QAction::triggered, this, &TrainPage::togglePause);
    connect(m_stopAction, &QAction::triggered, this, &TrainPage::stop);

    auto* setupBox = new QGroupBox(tr("Run"), this);
    auto* setupLayout = new QVBoxLayout(setupBox);
    setupLayout->addWidget(m_setup, 1);
    setupLayout->addWidget(createControls());
    auto* setupScroll = new QScrollArea(this);
    setupScroll->setWidget(setupBox);
    setupScroll->setWidgetResizable(true);
    setupScroll->setFrameShape(QFrame::NoFrame);
    setupScroll->setMinimumWidth(380);

    auto* lower = new QSplitter(Qt::Horizontal, this);
    lower->addWidget(createPreviews());
    lower->addWidget(createRuns());
    lower->setStretchFactor(0, 2);
    lower->setStretchFactor(1, 3);
    auto* right = new QSplitter(Qt::Vertical, this);
    right->addWidget(createCurves());
    right->addWidget(lower);
    right->setStretchFactor(0, 3);
    right->setStretchFactor(1, 2);
    auto* columns = new QSplitter(Qt::Horizontal, this);
    columns->addWidget(setupScroll);
    columns->addWidget(right);
    columns->setStretchFactor(1, 1);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_message);
    layout->addWidget(columns, 1);

    connect(m_setup, &TrainSetup::changed, this, &TrainPage::checkReadiness);
    connect(m_setup, &TrainSetup::changed, this, [this] {
        if (m_setup->modelFolder() != m_listedFolder) {
            m_listedFolder = m_setup->modelFolder();
            emit modelFolderChanged(m_listedFolder);
            if (!isTraining())
                follow(QString());  // the newest run of the new folder, once listed
            listRuns();
        }
    });
    connect(m_setup, &TrainSetup::fixRequested, this, &TrainPage::fix);
    m_followTimer.setInterval(kFollowIntervalMs);
    connect(&m_followTimer, &QTimer::timeout, this, &TrainPage::readFollowedRun);
    m_statisticsTimer.setInterval(1000);
    connect(&m_statisticsTimer, &QTimer::timeout, this, &TrainPage::showStatistics);
    m_runsTimer.setInterval(kRunsIntervalMs);
    connect(&m_runsTimer, &QTimer::timeout, this, &TrainPage::listRuns);

    auto* sizes = new ValueJob([](const JobControl&) { return QVariant::fromValue(presetSizes()); }, this);
    connect(sizes, &ValueJob::computed, this, [this](const QVariant& value) { m_setup->setPresetSizes(value.value<std::vector<PresetSize>>()); });
    connect(sizes, &Job::finished, sizes, &QObject::deleteLater);
    sizes->start();
    updateControls();
    checkReadiness();
}

TrainPage::~TrainPage() = default;

QWidget* TrainPage::createControls()
{
    auto* controls = new QWidget(this);
    auto* start = new QPushButton(tr("Start"), controls);
    auto* pause = new QPushButton(tr("Pause"), controls);
    auto* stop = new QPushButton(tr("Stop"), controls);
    start->setObjectName(QStringLiteral("startTraining"));
    pause->setObjectName(QStringLiteral("pauseTraining"));
    stop->setObjectName(QStringLiteral("stopTraining"));
    connect(start, &QPushButton::clicked, m_startAction, &QAction::trigger);
    connect(pause, &QPushButton::clicked, m_pauseAction, &QAction::trigger);
    connect(stop, &QPushButton::clicked, m_stopAction, &QAction::trigger);
    const auto mirror = [](QAction* action, QPushButton* button) {
        connect(action, &QAction::changed, button, [action, button] {
            button->setEnabled(action->isEnabled());
            button->setText(action->iconText());
            button->setToolTip(action->toolTip() + QStringLiteral(" (%1)").arg(action->shortcut().toString(QKeySequence::NativeText)));
        });
    };
    mirror(m_startAction, start);
    mirror(m_pauseAction, pause);
    mirror(m_stopAction, stop);
    m_progress = new QProgressBar(controls);
    m_progress->setRange(0, 1000);
    m_progress->setTextVisible(false);
    m_state = new QLabel(tr("Not training."), controls);
    m_state->setObjectName(QStringLiteral("trainingState"));
    m_state->setWordWrap(true);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(start);
    buttons->addWidget(pause);
    buttons->addWidget(stop);
    auto* layout = new QVBoxLayout(controls);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(buttons);
    layout->addWidget(m_progress);
    layout->addWidget(m_state);
    return controls;
}

QWidget* TrainPage::createCurves()
{
    auto* box = new QGroupBox(tr("Curves"), this);
    m_plot = new LossPlot(box);
    m_curveChoice = new QComboBox(box);
    m_curveChoice->setObjectName(QStringLiteral("curveChoice"));
    m_curveChoice->addItems({tr("Loss"), tr("Loss terms"), tr("Learning rate"), tr("Gradient norm")});
    m_axis = new QComboBox(box);
    m_axis->setObjectName(QStringLiteral("curveAxis"));
    m_axis->addItems({tr("against step"), tr("against time")});
    m_logScale = new QCheckBox(tr("Log scale"), box);
    m_smoothing = new QSlider(Qt::Horizontal, box);
    m_smoothing->setObjectName(QStringLiteral("smoothing"));
    m_smoothing->setRange(0, 99);
    m_smoothing->setValue(60);
    m_smoothing->setMaximumWidth(160);
    m_smoothing->setToolTip(tr("Smoothing: an exponential moving average of the values, the raw ones drawn faint beneath"));
    m_plot->setSmoothing(0.6);

    connect(m_curveChoice, &QComboBox::currentIndexChanged, this, &TrainPage::showCurveChoice);
    connect(m_axis, &QComboBox::currentIndexChanged, this,
            [this](int index) { m_plot->setAxis(index == 0 ? LossPlot::Axis::Step : LossPlot::Axis::Time); });
    connect(m_logScale, &QCheckBox::toggled, m_plot, &LossPlot::setLogScale);
    connect(m_smoothing, &QSlider::valueChanged, this, [this](int value) { m_plot->setSmoothing(value / 100.0); });

    auto* options = new QHBoxLayout;
    options->addWidget(m_curveChoice);
    options->addWidget(m_axis);
    options->addWidget(m_logScale);
    options->addStretch(1);
    options->addWidget(new QLabel(tr("Smoothing:"), box));
    options->addWidget(m_smoothing);
    auto* layout = new QVBoxLayout(box);
    layout->addLayout(options);
    m_plot->setMinimumHeight(240);
    layout->addWidget(m_plot, 1);
    layout->addWidget(createStatistics());
    showCurveChoice();
    return box;
}

QWidget* TrainPage::createStatistics()
{
    auto* statistics = new QWidget(this);
    m_speed = new QLabel(statistics);
    m_elapsed = new QLabel(statistics);
    m_eta = new QLabel(statistics);
    m_usage = new QLabel(statistics);
    m_checkpoint = new QLabel(statistics);
    m_speed->setObjectName(QStringLiteral("trainingSpeed"));
    m_eta->setObjectName(QStringLiteral("trainingEta"));
    m_usage->setObjectName(QStringLiteral("trainingUsage"));
    m_checkpoint->setObjectName(QStringLiteral("lastCheckpoint"));
    m_checkpoint->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* left = new QFormLayout;
    left->addRow(tr("Speed:"), m_speed);
    left->addRow(tr("Elapsed:"), m_elapsed);
    left->addRow(tr("Time left:"), m_eta);
    auto* right = new QFormLayout;
    right->addRow(tr("In use:"), m_usage);
    right->addRow(tr("Last checkpoint:"), m_checkpoint);
    auto* layout = new QHBoxLayout(statistics);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(left, 1);
    layout->addLayout(right, 1);
    return statistics;
}

QWidget* TrainPage::createPreviews()
{
    auto* box = new QGroupBox(tr("Previews"), this);
    m_previews = new QListWidget(box);
    m_previews->setObjectName(QStringLiteral("previews"));
    m_previewMel = new SpectrogramView(box);
    m_previewMel->setMinimumHeight(80);
    m_previews->setMinimumWidth(220);
    m_playPreview = new QPushButton(tr("Play"), box);
    m_playPreview->setObjectName(QStringLiteral("playPreview"));
    m_playPreview->setEnabled(false);
    connect(m_previews, &QListWidget::currentRowChanged, this, &TrainPage::showPreview);
    connect(m_previews, &QListWidget::itemActivated, this, &TrainPage::playPreview);
    connect(m_playPreview, &QPushButton::clicked, this, &TrainPage::playPreview);
    auto* layout = new QVBoxLayout(box);
    layout->addWidget(m_previews, 1);
    layout->addWidget(m_previewMel, 1);
    layout->addWidget(m_playPreview, 0, Qt::AlignLeft);
    return box;
}

QWidget* TrainPage::createRuns()
{
    auto* box = new QGroupBox(tr("Runs in the model folder"), this);
    m_runs = new QTreeWidget(box);
    m_runs->setObjectName(QStringLiteral("runs"));
    m_runs->setRootIsDecorated(false);
    m_runs->setHeaderLabels({tr("Part"), tr("Phase"), tr("Preset"), tr("Steps"), tr("Best validation"), tr("Checkpoints"), tr("Written"),
                             tr("Folder")});
    m_runs->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_resume = new QPushButton(tr("Resume This Run"), box);
    m_resume->setObjectName(QStringLiteral("resumeRun"));
    m_resume->setEnabled(false);
    connect(m_runs, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem* item) {
        updateControls();
        if (item != nullptr)
            follow(item->data(0, Qt::UserRole).toString());
    });
    connect(m_resume, &QPushButton::clicked, this, &TrainPage::resumeSelectedRun);
    auto* layout = new QVBoxLayout(box);
    layout->addWidget(m_runs, 1);
    layout->addWidget(m_resume, 0, Qt::AlignLeft);
    return box;
}

// Until the job's finished() has been handled here, so that its last signals have arrived.
bool TrainPage::isTraining() const
{
    return m_job != nullptr;
}

bool TrainPage::isPaused() const
{
    return isTraining() && m_job->isPaused();
}

QString TrainPage::errorText() const
{
    return m_message->text();
}

void TrainPage::setDataset(const QString& path)
{
    if (!isTraining())
        m_setup->setDataset(path);
}

void TrainPage::setModelFolder(const QString& path)
{
    m_setup->setModelFolder(path);
}

void TrainPage::start()
{
    startTraining(m_setup->options(), false);
}

void TrainPage::startRecipe(const QString& dataset, const QString& modelFolder, const std::vector<double>& secondsOfEach)
{
    if (isTraining())
        return;
    m_setup->setDataset(dataset);
    m_setup->setModelFolder(modelFolder);
    std::vector<TrainOptions> runs;  // what is left of it: a part stopped before carries on from its checkpoint
    std::vector<double> weights;
    const std::vector<TrainOptions> recipe = recipeRuns(dataset.toStdString(), modelFolder.toStdString());
    for (std::size_t i = 0; i < recipe.size(); ++i) {
        const RunProgress progress = runProgress(recipe[i]);
        if (progress == RunProgress::Finished)
            continue;
        runs.push_back(recipe[i]);
        runs.back().resume = progress == RunProgress::Started;
        weights.push_back(i < secondsOfEach.size() ? secondsOfEach[i] : 1.0);
    }
    startRuns(runs, weights, false);
}

void TrainPage::resumeSelectedRun()
{
    QTreeWidgetItem* item = m_runs->currentItem();
    if (item == nullptr || isTraining())
        return;
    try {
        const TrainOptions options = optionsToResume(item->data(0, Qt::UserRole).toString().toStdString(), m_setup->options());
        m_setup->showOptions(options);
        startTraining(options, true);
    } catch (const std::exception& error) {
        m_message->showMessage(tr("This run cannot be resumed: %1").arg(QString::fromStdString(error.what())), MessageBar::Kind::Error);
    }
}

void TrainPage::startTraining(const TrainOptions& options, bool resuming)
{
    startRuns(phaseRuns(options, m_setup->phaseOneModels()), {}, resuming);
}

void TrainPage::startRuns(const std::vector<TrainOptions>& runs, const std::vector<double>& weights, bool resuming)
{
    if (isTraining() || runs.empty())
        return;
    const TrainOptions& options = runs.front();
    if (options.annotations.empty() || options.outDir.empty()) {
        m_message->showMessage(tr("Choose the dataset to train on and the folder the model goes to."), MessageBar::Kind::Error);
        return;
    }
    m_message->hide();
    m_job = new TrainJob(runs, weights, this);
    connect(m_job, &TrainJob::partStarted, this, &TrainPage::follow);
    connect(m_job, &TrainJob::partTrained, this, [this](const QString& folder, qint64 steps, double loss) {
        emit statusMessage(tr("Trained %1 to step %2; validation loss %3.").arg(QFileInfo(folder).fileName()).arg(steps).arg(loss, 0, 'g', 4));
        listRuns();
    });
    connect(m_job, &Job::progressChanged, this, [this](const QString& stage, double fraction) { showProgress(stage, fraction); });
    connect(m_job, &Job::failed, this, [this](const QString& error) {
        m_message->showMessage(tr("Training stopped: %1").arg(error), MessageBar::Kind::Error);
    });
    connect(m_job, &Job::cancelled, this, [this] { emit statusMessage(tr("Training stopped; its last checkpoint is written.")); });
    connect(m_job, &Job::finished, this, &TrainPage::trainingFinished);
    m_fraction = 0.0;
    m_pausedMs = 0;
    m_runClock.start();
    m_lastUsage = processUsage();
    m_usageClock.start();
    m_statisticsTimer.start();
    m_runsTimer.start();
    m_state->setText(resuming ? tr("Resuming…") : tr("Starting…"));
    m_job->start();
    updateControls();
}

void TrainPage::togglePause()
{
    if (!isTraining())
        return;
    if (m_job->isPaused()) {
        m_job->resume();
        m_pausedMs += m_pausedSince.elapsed();
        m_state->setText(tr("Training."));
    } else {
        m_job->pause();
        m_pausedSince.start();
        m_state->setText(tr("Pausing at the end of this step…"));
    }
    updateControls();
}

void TrainPage::stop()
{
    if (!isTraining())
        return;
    m_job->cancel();
    m_state->setText(tr("Stopping: writing a checkpoint…"));
    updateControls();
}

void TrainPage::trainingFinished()
{
    m_job->deleteLater();
    m_job = nullptr;
    m_statisticsTimer.stop();
    m_runsTimer.stop();
    showStatistics();
    m_state->setText(m_message->isVisible() ? tr("Stopped by an error (above).") : tr("Not training."));
    readFollowedRun();
    listRuns();
    checkReadiness();
    updateControls();
    emit trainingEnded();
}

void TrainPage::updateControls()
{
    const bool training = isTraining();
    const bool stopping = training && m_job->isCancelling();
    m_startAction->setEnabled(!training && m_setup->isReady());
    m_startAction->setToolTip(m_setup->isReady() ? tr("Start training the phase") : tr("The phase needs more of the dataset (see above)"));
    m_pauseAction->setEnabled(training && !stopping);
    m_pauseAction->setText(isPaused() ? tr("&Resume Training") : tr("&Pause Training"));
    m_pauseAction->setIconText(isPaused() ? tr("Resume") : tr("Pause"));
    m_stopAction->setEnabled(training && !stopping);
    m_startAction->setIconText(tr("Start"));
    m_stopAction->setIconText(tr("Stop"));
    m_setup->setEnabled(!training);
    m_resume->setEnabled(!training && m_runs->currentItem() != nullptr);
}

void TrainPage::fix(TrainSetup::Fix kind)
{
    switch (kind) {
    case TrainSetup::Fix::UpdateDataset:
        emit updateDatasetRequested(m_setup->dataset());
        break;
    case TrainSetup::Fix::TrainPhaseOne: {
        TrainOptions options = m_setup->options();
        options.phase = 1;
        options.model = PhaseOneModel::Vae;
        m_setup->showOptions(options);
        break;
    }
    case TrainSetup::Fix::None:
        break;
    }
}

void TrainPage::checkReadiness()
{
    if (m_setup->dataset().isEmpty()) {
        m_setup->showReadinessUnknown(tr("Choose a dataset: the one open in the Library, or a dataset JSON built by the studio or `muze build-dataset`."));
        updateControls();
        return;
    }
    if (m_readinessJob) {
        m_readinessStale = true;
        return;
    }
    m_readinessStale = false;
    m_readinessJob = readinessJob(m_setup->options(), this);
    connect(m_readinessJob, &ValueJob::computed, this, [this](const QVariant& value) { showReadiness(value.value<PhaseReadiness>()); });
    connect(m_readinessJob, &Job::failed, this, [this](const QString& error) { m_setup->showReadinessUnknown(error); });
    connect(m_readinessJob, &Job::finished, this, [this] {
        m_readinessJob->deleteLater();
        updateControls();
        if (m_readinessStale)
            QTimer::singleShot(0, this, &TrainPage::checkReadiness);
    });
    m_readinessJob->start();
}

void TrainPage::showReadiness(const PhaseReadiness& readiness)
{
    m_setup->showReadiness(readiness);
    updateControls();
}

void TrainPage::listRuns()
{
    const QString folder = m_setup->modelFolder();
    if (folder.isEmpty())
        return;
    if (m_runsJob) {
        m_runsStale = true;
        return;
    }
    m_runsStale = false;
    m_runsJob = runListJob(folder.toStdString(), this);
    connect(m_runsJob, &ValueJob::computed, this, [this](const QVariant& value) { showRuns(value.value<std::vector<RunSummary>>()); });
    connect(m_runsJob, &Job::finished, this, [this] {
        m_runsJob->deleteLater();
        if (m_runsStale)
            QTimer::singleShot(0, this, &TrainPage::listRuns);
    });
    m_runsJob->start();
}

void TrainPage::showRuns(const std::vector<RunSummary>& runs)
{
    const QSignalBlocker blocker(m_runs);
    const QString selected = m_runs->currentItem() != nullptr ? m_runs->currentItem()->data(0, Qt::UserRole).toString() : m_followed;
    m_runs->clear();
    for (const RunSummary& run : runs) {
        const QString folder = QString::fromStdString(run.folder.string());
        const QDateTime written = QFileInfo(folder + QStringLiteral("/metrics.jsonl")).lastModified();
        auto* item = new QTreeWidgetItem(m_runs, {QString::fromStdString(run.part), QString::number(run.phase),
                                                  run.preset.empty() ? QStringLiteral("—") : QString::fromStdString(run.preset), QLocale().toString(run.steps),
                                                  run.bestValidationLoss ? QString::number(*run.bestValidationLoss, 'g', 4) : QStringLiteral("—"),
                                                  QString::number(run.checkpoints.size()), QLocale().toString(written, QLocale::ShortFormat),
                                                  QDir::toNativeSeparators(folder)});
        item->setData(0, Qt::UserRole, folder);
        if (folder == selected)
            m_runs->setCurrentItem(item);
    }
    if (m_followed.isEmpty() && m_runs->topLevelItemCount() > 0) {
        m_runs->setCurrentItem(m_runs->topLevelItem(0));  // the newest
        follow(m_runs->topLevelItem(0)->data(0, Qt::UserRole).toString());
    }
    updateControls();
}

void TrainPage::follow(const QString& runFolder)
{
    if (runFolder == m_followed)
        return;
    m_followed = runFolder;
    m_offset = 0;
    m_lastStep = 0;
    m_recentSpeeds.clear();
    m_lastCheckpoint.clear();
    m_plot->clear();
    for (const QString& first : {QStringLiteral("loss"), QStringLiteral("validation_loss")})  // the palette's first colours
        m_plot->describeCurve(first, curveLabel(first), !isValidationMeasure(first));
    m_previews->clear();
    m_previewMel->clear();
    m_playPreview->setEnabled(false);
    showCurveChoice();
    showStatistics();
    if (runFolder.isEmpty()) {
        m_followTimer.stop();
        return;
    }
    readFollowedRun();
    m_followTimer.start();
}

void TrainPage::readFollowedRun()
{
    if (m_followed.isEmpty() || m_updateJob)
        return;
    m_updateJob = runUpdateJob(m_followed.toStdString(), m_offset, this);
    const QString folder = m_followed;
    connect(m_updateJob, &ValueJob::computed, this, [this, folder](const QVariant& value) {
        if (folder == m_followed)
            showUpdate(value.value<RunUpdate>());
    });
    connect(m_updateJob, &Job::finished, m_updateJob, &QObject::deleteLater);
    m_updateJob->start();
}

void TrainPage::showUpdate(const RunUpdate& update)
{
    m_offset = update.metrics.nextOffset;
    for (const auto& [name, points] : update.metrics.measures) {
        const QString curve = QString::fromStdString(name);
        if (!m_plot->curves().contains(curve))
            m_plot->describeCurve(curve, curveLabel(curve), !isValidationMeasure(curve));
        m_plot->appendPoints(curve, stepsOf(points), timesOf(points), valuesOf(points));
        m_lastStep = std::max(m_lastStep, points.back().step);
    }
    if (const auto speed = update.metrics.measures.find("steps_per_s"); speed != update.metrics.measures.end())
        for (const MetricPoint& point : speed->second) {
            m_recentSpeeds.push_back(point.value);
            if (m_recentSpeeds.size() > kSpeedLines)
                m_recentSpeeds.pop_front();
        }
    if (const auto examples = update.metrics.measures.find("examples_per_s"); examples != update.metrics.measures.end())
        m_examplesPerSecond = examples->second.back().value;
    if (!update.metrics.measures.empty())
        showCurveChoice();
    if (!update.checkpoints.empty())
        m_lastCheckpoint = update.checkpoints.front();
    for (std::size_t i = static_cast<std::size_t>(m_previews->count()); i < update.previews.size(); ++i) {
        const RunPreview& preview = update.previews[i];
        const QString what = QString::fromStdString(preview.what);
        const QString name = preview.step < 0 ? QString(what).replace(QLatin1Char('-'), QStringLiteral(" · "))
                                              : tr("step %1 · %2").arg(QLocale().toString(preview.step), what);
        auto* item = new QListWidgetItem(name, m_previews);
        item->setData(Qt::UserRole, QString::fromStdString(preview.file.string()));
    }
    showStatistics();
}

void TrainPage::showCurveChoice()
{
    QStringList shown;
    switch (m_curveChoice->currentIndex()) {
    case Losses:
        shown = {"loss", "validation_loss"};
        break;
    case LossTerms:
        for (const QString& curve : m_plot->curves())
            if (!kNotLossTerms.contains(curve))
                shown << curve;
        break;
    case LearningRate:
        shown = {"lr"};
        break;
    case GradientNorm:
        shown = {"grad_norm"};
        break;
    }
    if (shown != m_plot->shownCurves())
        m_plot->setShownCurves(shown);
}

void TrainPage::showProgress(const QString& stage, double fraction)
{
    m_fraction = fraction;
    m_progress->setValue(static_cast<int>(std::round(fraction * 1000)));
    if (stage == QLatin1String("paused"))
        m_state->setText(tr("Paused at step %1. Resume to go on.").arg(QLocale().toString(m_lastStep)));
    else if (!m_job->isCancelling() && !m_job->isPaused())
        m_state->setText(tr("Training: %1% of the run.").arg(fraction * 100.0, 0, 'f', 1));
}

void TrainPage::showStatistics()
{
    const double speed = m_recentSpeeds.empty() ? 0.0 : std::accumulate(m_recentSpeeds.begin(), m_recentSpeeds.end(), 0.0) / static_cast<double>(m_recentSpeeds.size());
    m_speed->setText(speed > 0 ? tr("%1 steps/s · %2 examples/s").arg(speed, 0, 'f', 2).arg(m_examplesPerSecond, 0, 'f', 1) : QStringLiteral("—"));
    m_checkpoint->setText(m_lastCheckpoint.empty() ? tr("none yet")
                                                   : tr("%1, written %2")
                                                         .arg(nativePath(m_lastCheckpoint.filename()),
                                                              QLocale().toString(QFileInfo(QString::fromStdString(m_lastCheckpoint.string())).lastModified().time())));
    if (!isTraining()) {
        m_eta->setText(QStringLiteral("—"));
        m_usage->setText(QStringLiteral("—"));
        return;
    }
    const qint64 pausedMs = m_pausedMs + (m_job->isPaused() && m_pausedSince.isValid() ? m_pausedSince.elapsed() : 0);
    m_elapsed->setText(clockText(static_cast<double>(m_runClock.elapsed() - pausedMs) / 1000.0));
    if (speed > 0 && m_fraction > 0 && m_lastStep > 0) {
        const double totalSteps = static_cast<double>(m_lastStep) / m_fraction;
        m_eta->setText(tr("≈ %1").arg(clockText((totalSteps - static_cast<double>(m_lastStep)) / speed)));
    } else {
        m_eta->setText(tr("estimating…"));
    }
    const ProcessUsage usage = processUsage();
    const double wall = static_cast<double>(m_usageClock.restart()) / 1000.0;
    const int cores = QThread::idealThreadCount();
    const double cpu = wall > 0 ? std::min(100.0 * cores, 100.0 * (usage.cpuSeconds - m_lastUsage.cpuSeconds) / wall) : 0.0;
    m_lastUsage = usage;
    m_usage->setText(tr("CPU %1% of %2% · memory %3")
                         .arg(cpu, 0, 'f', 0)
                         .arg(100 * cores)
                         .arg(QLocale().formattedDataSize(usage.residentBytes, 1)));
}

void TrainPage::showPreview()
{
    QListWidgetItem* item = m_previews->currentItem();
    m_playPreview->setEnabled(false);
    if (item == nullptr)
        return;
    if (m_previewJob)
        m_previewJob->cancel();
    m_previewJob = new AudioLoadJob(item->data(Qt::UserRole).toString(), kLongestPreviewSeconds, this);
    connect(m_previewJob, &AudioLoadJob::loaded, this, [this](std::shared_ptr<const LoadedAudio> audio) {
        m_previewAudio = std::move(audio);
        m_previewMel->setSpectrogram(m_previewAudio->logMel, m_previewAudio->logMelFramesPerSecond, m_previewAudio->playback->durationSeconds());
        m_playPreview->setEnabled(true);
    });
    connect(m_previewJob, &Job::failed, this, [this](const QString& error) {
        m_message->showMessage(tr("The preview cannot be read: %1").arg(error), MessageBar::Kind::Error);
    });
    connect(m_previewJob, &Job::finished, m_previewJob, &QObject::deleteLater);
    m_previewJob->start();
}

void TrainPage::playPreview()
{
    if (!m_previewAudio)
        return;
    m_playback.setSource(m_previewAudio->playback);
    m_playback.play();
}

}  // namespace muze
