#include "ui/ComposePage.h"

#include "core/common/Error.h"
#include "core/generation/SongFiles.h"
#include "core/generation/StructureTemplates.h"
#include "ui/PlanEditor.h"
#include "ui/PlaybackBinder.h"
#include "ui/SectionForm.h"
#include "ui/SummaryWaveformSource.h"
#include "widgets/MessageBar.h"
#include "widgets/PathField.h"
#include "widgets/SectionTimeline.h"
#include "widgets/TransportBar.h"
#include "widgets/WaveformView.h"
#include "workers/AudioLoadJob.h"
#include "workers/GenerateJob.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSpinBox>
#include <QSplitter>
#include <QUndoStack>
#include <QVBoxLayout>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <limits>

namespace muze {
namespace {

constexpr double kLongestTakeSeconds = 900.0;
const char* const kSamplers[] = {"ddim", "dpmpp", "ddpm"};

const QColor kSectionColours[] = {QColor(96, 96, 140),  QColor(70, 110, 170), QColor(60, 150, 160), QColor(180, 95, 60),
                                   QColor(150, 90, 160), QColor(110, 90, 80),  QColor(90, 150, 90),  QColor(120, 120, 120)};

// A colour for each section type, the same wherever it appears.
QColor colourOf(const std::string& type)
{
    const std::vector<std::string> types = planSectionTypes();
    const auto index = static_cast<std::size_t>(std::find(types.begin(), types.end(), type) - types.begin());
    return kSectionColours[index % std::size(kSectionColours)];
}

QString sectionDetails(const PlanSection& section)
{
    QStringList chords;
    for (const std::string& chord : section.chords)
        chords << QString::fromStdString(chord);
    return QStringLiteral("%1 BPM · %2 · %3").arg(section.tempo, 0, 'f', 0).arg(QString::fromStdString(section.key), chords.join(' '));
}

// The engine's stage ("section 3 of 6 (chorus)", "loading the models") in the studio's language.
QString stageText(const QString& stage)
{
    static const QRegularExpression section(QStringLiteral("^section (\\d+) of (\\d+) \\((.*)\\)$"));
    const QRegularExpressionMatch match = section.match(stage);
    if (match.hasMatch())
        return ComposePage::tr("Section %1 of %2 (%3)").arg(match.captured(1), match.captured(2), match.captured(3));
    return stage == QLatin1String("loading the models") ? ComposePage::tr("Loading the models") : stage;
}

std::filesystem::path pathOf(const QString& text)
{
    return std::filesystem::path(text.toStdString());
}

}  // namespace

ComposePage::ComposePage(PlaybackController& playback, QWidget* parent)
    : QWidget(parent),
      m_playback(playback),
      m_editor(new PlanEditor(this)),
      m_message(new MessageBar(this)),
      m_generateAction(new QAction(tr("&Generate"), this))
{
    m_generateAction->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)});
    connect(m_generateAction, &QAction::triggered, this, &ComposePage::generate);

    auto* left = new QWidget(this);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(createSong());
    leftLayout->addWidget(createSections(), 1);
    leftLayout->addWidget(createSettings());
    auto* columns = new QSplitter(Qt::Horizontal, this);
    columns->addWidget(left);
    columns->addWidget(createTakes());
    columns->setStretchFactor(0, 3);
    columns->setStretchFactor(1, 2);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_message);
    layout->addWidget(columns, 1);

    connect(m_editor, &PlanEditor::changed, this, &ComposePage::showPlan);
    layOutTemplate();
    updateControls();
}

ComposePage::~ComposePage() = default;

QWidget* ComposePage::createSong()
{
    auto* box = new QGroupBox(tr("Song"), this);
    m_prompt = new QLineEdit(box);
    m_prompt->setObjectName(QStringLiteral("prompt"));
    m_prompt->setPlaceholderText(tr("What the song should sound like: warm folk with a fingerpicked guitar"));
    m_template = new QComboBox(box);
    m_template->setObjectName(QStringLiteral("template"));
    for (const std::string& name : templateNames())
        m_template->addItem(QString::fromStdString(name));
    m_template->setCurrentText(QStringLiteral("verse_chorus"));
    m_duration = new QDoubleSpinBox(box);
    m_duration->setRange(5, kMaxSongSeconds);
    m_duration->setValue(30);
    m_duration->setSuffix(tr(" s"));
    m_tempo = new QDoubleSpinBox(box);
    m_tempo->setRange(kMinPlanTempo, kMaxPlanTempo);
    m_tempo->setValue(120);
    m_tempo->setSuffix(tr(" BPM"));
    m_key = new QLineEdit(QStringLiteral("C major"), box);
    auto* layOut = new QPushButton(tr("Lay Out"), box);
    layOut->setObjectName(QStringLiteral("layOut"));
    layOut->setToolTip(tr("Replace the sections with the template's, over the duration (undoable)"));
    m_models = new PathField(PathField::Mode::Folder, tr("Model Folder"), QString(), box);
    m_models->setObjectName(QStringLiteral("composeModels"));
    m_models->setPlaceholderText(tr("a model folder the Train page or `muze train` filled"));
    connect(layOut, &QPushButton::clicked, this, &ComposePage::layOutTemplate);
    connect(m_prompt, &QLineEdit::editingFinished, this, [this] { m_editor->setPrompt(m_prompt->text()); });
    connect(m_models, &PathField::pathEdited, this, &ComposePage::listTakes);

    auto* form = new QHBoxLayout;
    form->addWidget(m_template);
    form->addWidget(m_duration);
    form->addWidget(m_tempo);
    form->addWidget(m_key);
    form->addWidget(layOut);
    auto* layout = new QFormLayout(box);
    layout->addRow(tr("Prompt:"), m_prompt);
    layout->addRow(tr("Form:"), form);
    layout->addRow(tr("Models:"), m_models);
    return box;
}

QWidget* ComposePage::createSections()
{
    auto* box = new QGroupBox(tr("Sections"), this);
    m_timeline = new SectionTimeline(box);
    m_timeline->setObjectName(QStringLiteral("sectionTimeline"));
    m_section = new SectionForm(box);
    auto* add = new QPushButton(tr("Add"), box);
    auto* duplicate = new QPushButton(tr("Duplicate"), box);
    auto* remove = new QPushButton(tr("Remove"), box);
    add->setObjectName(QStringLiteral("addSection"));
    duplicate->setObjectName(QStringLiteral("duplicateSection"));
    remove->setObjectName(QStringLiteral("removeSection"));
    connect(add, &QPushButton::clicked, this, [this] { showEditRefusal(m_editor->addSection(m_timeline->selected())); });
    connect(duplicate, &QPushButton::clicked, this, [this] { showEditRefusal(m_editor->duplicateSection(m_timeline->selected())); });
    connect(remove, &QPushButton::clicked, this, [this] { showEditRefusal(m_editor->removeSection(m_timeline->selected())); });
    connect(m_timeline, &SectionTimeline::selectionChanged, this, &ComposePage::showSelectedSection);
    connect(m_timeline, &SectionTimeline::resizeRequested, this, [this](int index, int bars) { showEditRefusal(m_editor->resizeSection(index, bars)); });
    connect(m_timeline, &SectionTimeline::moveRequested, this, [this](int from, int to) {
        showEditRefusal(m_editor->moveSection(from, to));
        m_timeline->setSelected(to);
    });
    connect(m_section, &SectionForm::edited, this, [this](const PlanSection& section) { showEditRefusal(m_editor->editSection(m_timeline->selected(), section)); });

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(duplicate);
    buttons->addWidget(remove);
    buttons->addStretch(1);
    auto* layout = new QVBoxLayout(box);
    layout->addWidget(m_timeline);
    layout->addLayout(buttons);
    layout->addWidget(m_section, 1);
    return box;
}

QWidget* ComposePage::createSettings()
{
    auto* box = new QGroupBox(tr("Generation"), this);
    m_cfgScale = new QDoubleSpinBox(box);
    m_cfgScale->setRange(0.0, 30.0);
    m_cfgScale->setValue(7.5);
    m_cfgScale->setToolTip(tr("Classifier-free guidance: how strongly the prompt and the plan are followed"));
    m_steps = new QSpinBox(box);
    m_steps->setObjectName(QStringLiteral("steps"));
    m_steps->setRange(1, 1000);
    m_steps->setValue(50);
    m_sampler = new QComboBox(box);
    m_sampler->addItems({tr("DDIM"), tr("DPM-Solver++ (10-25 steps)"), tr("DDPM")});
    m_seed = new QSpinBox(box);
    m_seed->setObjectName(QStringLiteral("seed"));
    m_seed->setRange(0, std::numeric_limits<int>::max());
    m_lockSeed = new QCheckBox(tr("Lock"), box);
    m_lockSeed->setObjectName(QStringLiteral("lockSeed"));
    m_lockSeed->setToolTip(tr("Locked, the same seed makes the same song; unlocked, each take gets a new one"));
    auto* generate = new QPushButton(tr("Generate"), box);
    generate->setObjectName(QStringLiteral("generate"));
    generate->setToolTip(tr("Generate a new take (Ctrl+Enter)"));
    connect(generate, &QPushButton::clicked, m_generateAction, &QAction::trigger);
    connect(m_generateAction, &QAction::changed, generate, [this, generate] { generate->setEnabled(m_generateAction->isEnabled()); });
    m_cancel = new QPushButton(tr("Cancel"), box);
    m_cancel->setObjectName(QStringLiteral("cancelGeneration"));
    connect(m_cancel, &QPushButton::clicked, this, &ComposePage::cancel);
    m_progress = new QProgressBar(box);
    m_progress->setRange(0, 1000);
    m_state = new QLabel(box);
    m_state->setObjectName(QStringLiteral("generationState"));

    auto* row = new QHBoxLayout;
    row->addWidget(new QLabel(tr("CFG:"), box));
    row->addWidget(m_cfgScale);
    row->addWidget(new QLabel(tr("Steps:"), box));
    row->addWidget(m_steps);
    row->addWidget(m_sampler);
    row->addWidget(new QLabel(tr("Seed:"), box));
    row->addWidget(m_seed);
    row->addWidget(m_lockSeed);
    auto* run = new QHBoxLayout;
    run->addWidget(generate);
    run->addWidget(m_cancel);
    run->addWidget(m_progress, 1);
    auto* layout = new QVBoxLayout(box);
    layout->addLayout(row);
    layout->addLayout(run);
    layout->addWidget(m_state);
    return box;
}

QWidget* ComposePage::createTakes()
{
    auto* box = new QGroupBox(tr("Takes"), this);
    m_takes = new QListWidget(box);
    m_takes->setObjectName(QStringLiteral("takes"));
    m_waveform = new WaveformView(box);
    m_waveform->setMinimumHeight(140);
    m_transport = new TransportBar(box);
    m_binder = new PlaybackBinder(m_playback, m_transport, this);
    m_binder->addTimeline(m_waveform);
    m_regenerate = new QPushButton(tr("Regenerate the Section"), box);
    m_regenerate->setObjectName(QStringLiteral("regenerateSection"));
    m_regenerate->setToolTip(tr("Make the section selected above anew in this take, with a new seed; the rest stays as it is"));
    m_editTakePlan = new QPushButton(tr("Edit This Take's Plan"), box);
    m_editTakePlan->setObjectName(QStringLiteral("editTakePlan"));
    connect(m_takes, &QListWidget::currentRowChanged, this, [this] { selectTake(selectedTake()); });
    connect(m_regenerate, &QPushButton::clicked, this, &ComposePage::regenerateSection);
    connect(m_editTakePlan, &QPushButton::clicked, this, &ComposePage::editTakePlan);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_regenerate);
    buttons->addWidget(m_editTakePlan);
    buttons->addStretch(1);
    auto* layout = new QVBoxLayout(box);
    layout->addWidget(m_takes, 1);
    layout->addWidget(m_waveform, 2);
    layout->addWidget(m_transport);
    layout->addLayout(buttons);
    return box;
}

QUndoStack* ComposePage::undoStack() const
{
    return m_editor->undoStack();
}

bool ComposePage::isGenerating() const
{
    return m_job != nullptr;
}

QString ComposePage::errorText() const
{
    return m_message->text();
}

void ComposePage::setModelFolder(const QString& path)
{
    m_models->setPath(path);
    listTakes();
}

void ComposePage::layOutTemplate()
{
    TemplateRequest request;
    request.prompt = m_prompt->text().toStdString();
    request.duration = m_duration->value();
    request.tempo = m_tempo->value();
    request.key = m_key->text().trimmed().toStdString();
    try {
        SongPlan plan = planFromTemplate(m_template->currentText().toStdString(), request);
        if (m_editor->plan().sections.empty())
            m_editor->setPlan(std::move(plan));
        else
            m_editor->replacePlan(std::move(plan), tr("Lay out the %1 template").arg(m_template->currentText()));
        m_message->hide();
    } catch (const std::exception& error) {
        m_message->showMessage(QString::fromStdString(error.what()), MessageBar::Kind::Error);
    }
}

void ComposePage::showPlan()
{
    const SongPlan& plan = m_editor->plan();
    QVector<SectionTimeline::Block> blocks;
    for (std::size_t i = 0; i < plan.sections.size(); ++i) {
        const PlanSection& section = plan.sections[i];
        blocks.append({QString::fromStdString(section.type), sectionDetails(section), m_editor->barsOf(static_cast<int>(i)), section.barSeconds(),
                       colourOf(section.type)});
    }
    m_timeline->setBlocks(blocks);
    if (m_timeline->selected() < 0 && !blocks.isEmpty())
        m_timeline->setSelected(0);
    if (m_prompt->text().toStdString() != plan.prompt)
        m_prompt->setText(QString::fromStdString(plan.prompt));
    showSelectedSection();
}

void ComposePage::showSelectedSection()
{
    const int index = m_timeline->selected();
    const SongPlan& plan = m_editor->plan();
    m_section->showSection(index >= 0 && static_cast<std::size_t>(index) < plan.sections.size() ? &plan.sections[static_cast<std::size_t>(index)] : nullptr);
    updateControls();
}

void ComposePage::showEditRefusal(const std::optional<QString>& refusal)
{
    if (refusal)
        m_message->showMessage(*refusal, MessageBar::Kind::Error);
    else
        m_message->hide();
}

std::uint64_t ComposePage::nextSeed()
{
    if (!m_lockSeed->isChecked())
        m_seed->setValue(static_cast<int>(QRandomGenerator::global()->bounded(std::numeric_limits<int>::max())));
    return static_cast<std::uint64_t>(m_seed->value());
}

std::filesystem::path ComposePage::nextTakeFolder() const
{
    const QStringList existing = takes();
    int number = 1;
    for (const QString& folder : existing)
        number = std::max(number, QDir(folder).dirName().section('-', 1).toInt() + 1);
    return pathOf(m_models->path()) / "takes" / QStringLiteral("take-%1").arg(number, 3, 10, QLatin1Char('0')).toStdString();
}

void ComposePage::generate()
{
    if (isGenerating())
        return;
    if (m_models->path().isEmpty()) {
        m_message->showMessage(tr("Choose the model folder to generate with: one the Train page or `muze train` filled."), MessageBar::Kind::Error);
        return;
    }
    m_editor->setPrompt(m_prompt->text());
    GenerateOptions options;
    options.cfgScale = m_cfgScale->value();
    options.steps = m_steps->value();
    options.sampler = m_sampler->currentIndex() == 1 ? SamplerKind::DpmSolver2M : m_sampler->currentIndex() == 2 ? SamplerKind::Ddpm : SamplerKind::Ddim;
    options.seed = nextSeed();
    startGenerating({modelFilesIn(pathOf(m_models->path())), m_editor->plan(), options, nextTakeFolder() / "take.wav", std::nullopt, {}});
}

void ComposePage::regenerateSection()
{
    const QString take = selectedTake();
    const int section = m_timeline->selected();
    if (isGenerating() || take.isEmpty() || section < 0)
        return;
    try {
        const auto description = nlohmann::ordered_json::parse(std::ifstream(pathOf(take) / "take.json"));
        const SongPlan plan = planFromJson(description.at("plan"));
        if (static_cast<std::size_t>(section) >= plan.sections.size())
            throw Error(ErrorKind::InvalidArgument, "The take has no section " + std::to_string(section + 1) + ".");
        GenerateOptions options = optionsFromParameters(description.at("parameters"));
        options.sectionSeeds[static_cast<std::size_t>(section)] = nextSeed();
        startGenerating({modelFilesIn(pathOf(m_models->path())), plan, options, nextTakeFolder() / "take.wav", static_cast<std::size_t>(section),
                         pathOf(take) / "take.wav"});
    } catch (const std::exception& error) {
        m_message->showMessage(tr("This take's section cannot be made anew: %1").arg(QString::fromStdString(error.what())), MessageBar::Kind::Error);
    }
}

void ComposePage::startGenerating(TakeRequest request)
{
    m_message->hide();
    m_job = new GenerateJob(std::move(request), this);
    connect(m_job, &Job::progressChanged, this, [this](const QString& stage, double fraction, double secondsLeft) {
        m_progress->setValue(static_cast<int>(std::round(fraction * 1000)));
        const QString doing = stageText(stage);
        m_state->setText(secondsLeft >= 0 ? tr("%1, about %2 s left").arg(doing).arg(std::lround(secondsLeft)) : doing);
    });
    connect(m_job, &GenerateJob::generated, this, [this](const QString& output) {
        emit statusMessage(tr("Generated %1.").arg(QDir::toNativeSeparators(output)));
        listTakes();
        selectTake(QFileInfo(output).absolutePath());
    });
    connect(m_job, &Job::failed, this, [this](const QString& error) { m_message->showMessage(tr("The song was not made: %1").arg(error), MessageBar::Kind::Error); });
    connect(m_job, &Job::cancelled, this, [this] { m_state->setText(tr("Cancelled; nothing was written.")); });
    connect(m_job, &Job::finished, this, [this] {
        m_job->deleteLater();
        m_job = nullptr;
        m_progress->setValue(0);
        if (m_state->text().contains(QLatin1String("left")) || m_state->text().isEmpty())
            m_state->clear();
        updateControls();
    });
    m_state->setText(stageText(QStringLiteral("loading the models")));
    m_job->start();
    updateControls();
}

void ComposePage::cancel()
{
    if (isGenerating())
        m_job->cancel();
}

QStringList ComposePage::takes() const
{
    QStringList folders;
    const QDir takesDir(QDir(m_models->path()).filePath(QStringLiteral("takes")));
    for (const QString& name : takesDir.entryList({QStringLiteral("take-*")}, QDir::Dirs, QDir::Name))
        if (QFileInfo::exists(takesDir.filePath(name + QStringLiteral("/take.json"))))
            folders << takesDir.filePath(name);
    return folders;
}

QString ComposePage::selectedTake() const
{
    return m_takes->currentItem() ? m_takes->currentItem()->data(Qt::UserRole).toString() : QString();
}

void ComposePage::listTakes()
{
    const QString selected = selectedTake();
    const QSignalBlocker blocker(m_takes);
    m_takes->clear();
    for (const QString& folder : takes()) {
        auto* item = new QListWidgetItem(QDir(folder).dirName(), m_takes);
        item->setData(Qt::UserRole, folder);
        if (folder == selected)
            m_takes->setCurrentItem(item);
    }
    updateControls();
}

void ComposePage::selectTake(const QString& folder)
{
    for (int i = 0; i < m_takes->count(); ++i) {
        if (m_takes->item(i)->data(Qt::UserRole).toString() == folder) {
            const QSignalBlocker blocker(m_takes);
            m_takes->setCurrentRow(i);
        }
    }
    if (m_takeLoad)
        m_takeLoad->cancel();
    m_takeLoad = new AudioLoadJob(QDir(folder).filePath(QStringLiteral("take.wav")), kLongestTakeSeconds, this);
    connect(m_takeLoad, &AudioLoadJob::loaded, this, &ComposePage::showTake);
    connect(m_takeLoad, &Job::failed, this, [this](const QString& error) { m_message->showMessage(tr("The take cannot be read: %1").arg(error), MessageBar::Kind::Error); });
    connect(m_takeLoad, &Job::finished, m_takeLoad, &QObject::deleteLater);
    m_takeLoad->start();
    updateControls();
}

void ComposePage::showTake(const std::shared_ptr<const LoadedAudio>& audio)
{
    m_waveform->setSource(std::make_shared<SummaryWaveformSource>(audio->waveform));
    TimelineAnnotations annotations;
    try {
        const auto description = nlohmann::ordered_json::parse(std::ifstream(pathOf(selectedTake()) / "take.json"));
        for (const PlanSection& section : planFromJson(description.at("plan")).sections)
            annotations.sections.append({section.start, section.end(), QString::fromStdString(section.type)});
    } catch (const std::exception&) {
        // a take without a readable plan still plays; it has no sections to show
    }
    m_waveform->setAnnotations(annotations);
    m_binder->setSource(audio->playback);
}

void ComposePage::editTakePlan()
{
    const QString take = selectedTake();
    if (take.isEmpty())
        return;
    try {
        const auto description = nlohmann::ordered_json::parse(std::ifstream(pathOf(take) / "take.json"));
        m_editor->replacePlan(planFromJson(description.at("plan")), tr("Edit %1's plan").arg(QDir(take).dirName()));
    } catch (const std::exception& error) {
        m_message->showMessage(tr("This take's plan cannot be read: %1").arg(QString::fromStdString(error.what())), MessageBar::Kind::Error);
    }
}

void ComposePage::updateControls()
{
    const bool generating = isGenerating();
    m_generateAction->setEnabled(!generating && !m_editor->plan().sections.empty());
    m_cancel->setEnabled(generating);
    m_regenerate->setEnabled(!generating && !selectedTake().isEmpty() && m_timeline->selected() >= 0);
    m_editTakePlan->setEnabled(!selectedTake().isEmpty());
}

}  // namespace muze
