#include "ui/ComposePage.h"

#include "core/common/Error.h"
#include "core/generation/DemoModel.h"
#include "core/generation/SongFiles.h"
#include "core/generation/StructureTemplates.h"
#include "ui/PlanEditor.h"
#include "ui/SectionForm.h"
#include "ui/TakesPanel.h"
#include "ui/VocalSettings.h"
#include "widgets/MessageBar.h"
#include "widgets/PathField.h"
#include "widgets/SectionTimeline.h"
#include "core/common/Parallel.h"
#include "core/generation/PlanProposal.h"
#include "workers/GenerateJob.h"
#include "workers/ValueJob.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSpinBox>
#include <QScrollArea>
#include <QSplitter>
#include <QStandardPaths>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <limits>

Q_DECLARE_METATYPE(muze::SongPlan)

namespace muze {
namespace {


const QString kPlannerChoice = QStringLiteral("planner");

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
    if (stage == QLatin1String("loading the models"))
        return ComposePage::tr("Loading the models");
    if (stage == QLatin1String("listening to the voice"))
        return ComposePage::tr("Listening to the voice to sound like");
    return stage == QLatin1String("singing") ? ComposePage::tr("Singing the lyrics") : stage;
}

std::filesystem::path pathOf(const QString& text)
{
    return std::filesystem::path(text.toStdString());
}

bool isDemoModel(const QString& folder)
{
    const std::filesystem::path demo = demoModelFolder();
    std::error_code error;
    return !folder.isEmpty() && !demo.empty() && std::filesystem::equivalent(pathOf(folder), demo, error);
}

// A take's section as the editor has it now, when the editor's section at that place spans the same
// time (the take's plan loaded back and edited, or the plan it was made from edited since).
std::optional<PlanSection> sectionAsEdited(const PlanSection& taken, const SongPlan& edited, std::size_t index)
{
    if (index >= edited.sections.size())
        return std::nullopt;
    const PlanSection& now = edited.sections[index];
    const bool sameSpan = std::abs(now.start - taken.start) < 1e-6 && std::abs(now.duration - taken.duration) < 1e-6;
    return sameSpan ? std::optional<PlanSection>(now) : std::nullopt;
}

}  // namespace

ComposePage::ComposePage(PlaybackController& playback, QWidget* parent)
    : QWidget(parent),
      m_playback(playback),
      m_editor(new PlanEditor(this)),
      m_message(new MessageBar(this)),
      m_generateAction(new QAction(tr("&Generate"), this)),
      m_openPlan(new QAction(tr("&Open Plan…"), this)),
      m_savePlan(new QAction(tr("&Save Plan As…"), this)),
      m_regenerate(new QAction(tr("Regenerate the Section"), this)),
      m_editTakePlan(new QAction(tr("Edit This Take's Plan"), this)),
      m_takes(new TakesPanel(playback, this)),
      m_columns(new QSplitter(Qt::Horizontal, this))
{
    m_generateAction->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)});
    connect(m_generateAction, &QAction::triggered, this, &ComposePage::generate);
    m_openPlan->setToolTip(tr("Edit a saved plan, or the plan of a song `muze generate` made (its OUTPUT.json)"));
    m_savePlan->setToolTip(tr("Save the plan as JSON, for `muze generate --plan` or to open again"));
    connect(m_openPlan, &QAction::triggered, this, &ComposePage::choosePlanToOpen);
    connect(m_savePlan, &QAction::triggered, this, &ComposePage::choosePlanFileToSave);

    auto* left = new QWidget(this);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(createSong());
    leftLayout->addWidget(createSections(), 1);
    leftLayout->addWidget(createSettings());
    createTakeActions();
    auto* leftScroll = new QScrollArea(this);  // the page fits a small screen, or beside the first-run guide
    leftScroll->setObjectName(QStringLiteral("planSide"));
    leftScroll->setWidget(left);
    leftScroll->setWidgetResizable(true);
    leftScroll->setFrameShape(QFrame::NoFrame);
    m_columns->addWidget(leftScroll);
    m_columns->addWidget(m_takes);
    m_columns->setStretchFactor(0, 3);
    m_columns->setStretchFactor(1, 2);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_message);
    layout->addWidget(m_columns, 1);

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
    m_style = new PathField(PathField::Mode::OpenFile, tr("A Recording of the Voice"), tr("Audio (*.wav *.flac *.mp3 *.ogg *.m4a)"), box);
    m_style->setObjectName(QStringLiteral("styleOf"));
    m_style->setPlaceholderText(tr("optional: a recording, or an artist of the Library's dataset"));
    m_style->setToolTip(tr("The song sounds like this voice: a recording's, or an artist's of the dataset open in the Library"));
    m_models = new PathField(PathField::Mode::Folder, tr("Model Folder"), QString(), box);
    m_models->setObjectName(QStringLiteral("composeModels"));
    m_models->setPlaceholderText(tr("a model folder the Train page or `muze train` filled"));
    connect(layOut, &QPushButton::clicked, this, &ComposePage::layOutTemplate);
    connect(m_prompt, &QLineEdit::editingFinished, this, [this] { m_editor->setPrompt(m_prompt->text()); });
    connect(m_models, &PathField::pathEdited, this, &ComposePage::useModelFolder);

    auto* form = new QHBoxLayout;
    form->addWidget(m_template, 1);
    form->addWidget(m_duration);
    auto* tempoAndKey = new QHBoxLayout;
    tempoAndKey->addWidget(m_tempo);
    tempoAndKey->addWidget(m_key, 1);
    tempoAndKey->addWidget(layOut);
    auto* layout = new QFormLayout(box);
    layout->addRow(tr("Prompt:"), m_prompt);
    layout->addRow(tr("Form:"), form);
    layout->addRow(tr("Tempo, key:"), tempoAndKey);
    layout->addRow(tr("Sound like:"), m_style);
    layout->addRow(tr("Models:"), m_models);
    m_demoNote = new QLabel(tr("The demo model: trained on General MIDI songs the studio rendered, not on your music."), box);
    m_demoNote->setObjectName(QStringLiteral("demoModelNote"));
    m_demoNote->setWordWrap(true);
    m_demoNote->hide();
    layout->addRow(QString(), m_demoNote);
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

    auto* open = new QToolButton(box);
    open->setDefaultAction(m_openPlan);
    auto* save = new QToolButton(box);
    save->setDefaultAction(m_savePlan);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(duplicate);
    buttons->addWidget(remove);
    buttons->addStretch(1);
    buttons->addWidget(open);
    buttons->addWidget(save);
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
    m_beatGuidance = new QDoubleSpinBox(box);
    m_beatGuidance->setObjectName(QStringLiteral("beatGuidance"));
    m_beatGuidance->setRange(0.0, 50.0);
    m_beatGuidance->setValue(GenerateOptions().beatGuidance);
    m_beatGuidance->setToolTip(tr("Beat guidance: how strongly the plan's beat grid, and so its tempo, is followed; 0 is none and a little faster"));
    m_steps = new QSpinBox(box);
    m_steps->setObjectName(QStringLiteral("steps"));
    m_steps->setRange(1, 1000);
    m_steps->setValue(50);
    m_sampler = new QComboBox(box);
    m_sampler->addItems({tr("DDIM"), tr("DPM-Solver++ (10-25 steps)"), tr("DDPM")});
    m_decoder = new QComboBox(box);
    m_decoder->setObjectName(QStringLiteral("decoder"));
    m_decoder->addItem(tr("Vocoder"), QStringLiteral("vocoder"));
    m_decoder->addItem(tr("Griffin-Lim"), QStringLiteral("griffin-lim"));
    m_decoder->setToolTip(tr("How the model's spectrogram becomes sound: the trained vocoder sounds cleaner; Griffin-Lim sounds phasey "
                             "but, with a small model such as the demo, keeps the notes and the key better. Without a trained vocoder, "
                             "Griffin-Lim is used either way."));
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
    m_vocals = new VocalSettings(box);

    auto* row = new QHBoxLayout;
    row->addWidget(new QLabel(tr("CFG:"), box));
    row->addWidget(m_cfgScale);
    row->addWidget(new QLabel(tr("Steps:"), box));
    row->addWidget(m_steps);
    row->addWidget(m_sampler);
    row->addStretch(1);
    auto* secondRow = new QHBoxLayout;
    secondRow->addWidget(new QLabel(tr("Sound:"), box));
    secondRow->addWidget(m_decoder);
    secondRow->addWidget(new QLabel(tr("Beat:"), box));
    secondRow->addWidget(m_beatGuidance);
    secondRow->addWidget(new QLabel(tr("Seed:"), box));
    secondRow->addWidget(m_seed);
    secondRow->addWidget(m_lockSeed);
    secondRow->addStretch(1);
    auto* run = new QHBoxLayout;
    run->addWidget(generate);
    run->addWidget(m_cancel);
    run->addWidget(m_progress, 1);
    auto* layout = new QVBoxLayout(box);
    layout->addLayout(row);
    layout->addLayout(secondRow);
    layout->addWidget(m_vocals);
    layout->addLayout(run);
    layout->addWidget(m_state);
    return box;
}

void ComposePage::createTakeActions()
{
    m_regenerate->setObjectName(QStringLiteral("regenerateSection"));
    m_regenerate->setToolTip(tr("Make the section selected above anew in this take, as the editor has it now and with a new seed; the rest stays as it is"));
    m_editTakePlan->setObjectName(QStringLiteral("editTakePlan"));
    m_editTakePlan->setToolTip(tr("Put this take's plan into the editor (undoable)"));
    connect(m_regenerate, &QAction::triggered, this, &ComposePage::regenerateSection);
    connect(m_editTakePlan, &QAction::triggered, this, &ComposePage::editTakePlan);
    m_takes->addTakeAction(m_regenerate);
    m_takes->addTakeAction(m_editTakePlan);
    connect(m_takes, &TakesPanel::selectionChanged, this, &ComposePage::updateControls);
    connect(m_takes, &TakesPanel::failed, this, [this](const QString& error) { m_message->showMessage(error, MessageBar::Kind::Error); });
    connect(m_takes, &TakesPanel::statusMessage, this, &ComposePage::statusMessage);
}

QUndoStack* ComposePage::undoStack() const
{
    return m_editor->undoStack();
}

bool ComposePage::isGenerating() const
{
    return m_job != nullptr;
}

bool ComposePage::usesDemoModel() const
{
    return isDemoModel(m_models->path());
}

QString ComposePage::errorText() const
{
    return m_message->text();
}

PlaybackBinder* ComposePage::player() const
{
    return m_takes->player();
}

QStringList ComposePage::takes() const
{
    return m_takes->takes();
}

QString ComposePage::selectedTake() const
{
    return m_takes->selectedTake();
}

void ComposePage::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (m_columnsSized)
        return;
    m_columnsSized = true;  // the plan and the takes 3 : 2 at first; the user's division afterwards
    const int width = m_columns->width();
    m_columns->setSizes({width * 3 / 5, width - width * 3 / 5});
}

void ComposePage::setDataset(const QString& path)
{
    m_dataset = path;
}

void ComposePage::setModelFolder(const QString& path)
{
    const QString demo = QString::fromStdString(demoModelFolder().string());
    m_models->setPath((!path.isEmpty() && holdsTrainedModel(pathOf(path))) || demo.isEmpty() ? path : demo);
    useModelFolder();
}

void ComposePage::useModelFolder()
{
    m_takes->setTakesFolder(takesFolder());
    showFormChoices();
    m_demoNote->setVisible(usesDemoModel());
    if (usesDemoModel())
        showDemoModelNotice();
}

void ComposePage::showDemoModelNotice()
{
    try {
        const DemoModelFacts facts = demoModelFacts(pathOf(m_models->path()));
        m_message->showMessage(tr("This is the demo model: every part at the tiny size, trained for about %1 minutes on %2 General MIDI "
                                  "songs that the studio composed and rendered itself. It shows how generation works; it does not know "
                                  "your music. A model of your own songs: build a dataset of them in the Library, then train on it in Train.")
                                   .arg(facts.trainingMinutes)
                                   .arg(facts.songs),
                               MessageBar::Kind::Information);
    } catch (const Error& error) {
        m_message->showMessage(QString::fromStdString(error.what()), MessageBar::Kind::Error);
    }
}

QString ComposePage::takesFolder() const
{
    if (m_models->path().isEmpty())
        return {};
    if (usesDemoModel())
        return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/demo-model-takes");
    return QDir(m_models->path()).filePath(QStringLiteral("takes"));
}

std::filesystem::path ComposePage::plannerCheckpoint() const
{
    return pathOf(m_models->path()) / "planner" / "checkpoints" / "best.safetensors";
}

void ComposePage::showFormChoices()
{
    const bool trained = !m_models->path().isEmpty() && std::filesystem::exists(plannerCheckpoint());
    const int proposal = m_template->findData(kPlannerChoice);
    if (trained && proposal < 0) {
        m_template->insertItem(0, tr("the planner's proposal"), kPlannerChoice);
        m_template->setCurrentIndex(0);
    } else if (!trained && proposal >= 0) {
        m_template->removeItem(proposal);
    }
}

void ComposePage::layOutTemplate()
{
    TemplateRequest request;
    request.prompt = m_prompt->text().toStdString();
    request.duration = m_duration->value();
    request.tempo = m_tempo->value();
    request.key = m_key->text().trimmed().toStdString();
    if (m_template->currentData() == kPlannerChoice) {
        proposePlan(request);
        return;
    }
    try {
        showLaidOut(planFromTemplate(m_template->currentText().toStdString(), request), tr("Lay out the %1 template").arg(m_template->currentText()));
    } catch (const std::exception& error) {
        m_message->showMessage(QString::fromStdString(error.what()), MessageBar::Kind::Error);
    }
}

void ComposePage::showLaidOut(SongPlan plan, const QString& what)
{
    if (m_editor->plan().sections.empty())
        m_editor->setPlan(std::move(plan));
    else
        m_editor->replacePlan(std::move(plan), what);
    m_message->hide();
}

void ComposePage::proposePlan(const TemplateRequest& request)
{
    if (m_proposal)
        return;
    const std::filesystem::path planner = plannerCheckpoint();
    m_proposal = new ValueJob(
        [planner, request](const JobControl&) {
            prepareComputeThread();
            const std::optional<SongPlan> plan = muze::proposePlan(planner, request);
            return plan ? QVariant::fromValue(*plan) : QVariant();
        },
        this);
    connect(m_proposal, &ValueJob::computed, this, [this](const QVariant& plan) {
        if (plan.isValid())
            showLaidOut(plan.value<SongPlan>(), tr("Lay out the planner's proposal"));
        else
            m_message->showMessage(tr("The planner proposed no sections for this prompt and duration: choose a template."), MessageBar::Kind::Error);
    });
    connect(m_proposal, &Job::failed, this, [this](const QString& error) { m_message->showMessage(tr("The planner cannot propose a plan: %1").arg(error), MessageBar::Kind::Error); });
    connect(m_proposal, &Job::finished, this, [this] {
        m_proposal->deleteLater();
        m_proposal = nullptr;
        if (!isGenerating())
            m_state->clear();
    });
    m_state->setText(tr("The planner is proposing the sections…"));
    m_proposal->start();
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
    return pathOf(takesFolder()) / QStringLiteral("take-%1").arg(number, 3, 10, QLatin1Char('0')).toStdString();
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
    options.beatGuidance = m_beatGuidance->value();
    options.steps = m_steps->value();
    options.sampler = m_sampler->currentIndex() == 1 ? SamplerKind::DpmSolver2M : m_sampler->currentIndex() == 2 ? SamplerKind::Ddpm : SamplerKind::Ddim;
    options.seed = nextSeed();
    TakeRequest request;
    request.models = modelFilesIn(pathOf(m_models->path()));
    if (m_decoder->currentData().toString() == QLatin1String("griffin-lim"))
        request.models.vocoder.clear();
    request.plan = m_editor->plan();
    request.options = options;
    request.output = nextTakeFolder() / "take.wav";
    if (addStyle(request) && addSinging(request, request.plan))
        startGenerating(std::move(request));
}

bool ComposePage::addStyle(TakeRequest& request)
{
    const QString voice = m_style->path().trimmed();
    if (voice.isEmpty())
        return true;
    if (QFileInfo(voice).isFile()) {
        request.styleRecording = pathOf(voice);
        return true;
    }
    if (m_dataset.isEmpty()) {
        m_message->showMessage(tr("\"%1\" is not a recording; as an artist's name it needs the dataset that knows the artist: open it in the Library.").arg(voice),
                               MessageBar::Kind::Error);
        return false;
    }
    request.styleArtist = voice.toStdString();
    request.styleDataset = pathOf(m_dataset);
    return true;
}

bool ComposePage::addSinging(TakeRequest& request, const SongPlan& plan)
{
    if (!m_vocals->isSinging())
        return true;
    try {
        request.singing = m_vocals->request(plan);
        return true;
    } catch (const std::exception& error) {
        m_message->showMessage(tr("The lyrics cannot be sung: %1").arg(QString::fromStdString(error.what())), MessageBar::Kind::Error);
        return false;
    }
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
        const auto index = static_cast<std::size_t>(section);
        if (index >= plan.sections.size())
            throw Error(ErrorKind::InvalidArgument, tr("the take has no section %1.").arg(section + 1).toStdString());
        GenerateOptions options = optionsFromParameters(description.at("parameters"));
        options.sectionSeeds[index] = nextSeed();
        const std::filesystem::path models = modelsInstrumentalPath(pathOf(take) / "take.wav");
        TakeRequest request;
        request.models = modelFilesIn(pathOf(m_models->path()));
        if (decodedByGriffinLim(description))  // the neighbours are made again for the joins: as they were
            request.models.vocoder.clear();
        request.plan = plan;
        request.options = options;
        request.output = nextTakeFolder() / "take.wav";
        request.regenerate = index;
        request.previous = std::filesystem::exists(models) ? models : pathOf(take) / "take.wav";
        request.earlierModels = description.value("models", nlohmann::ordered_json());
        request.remade = sectionAsEdited(plan.sections[index], m_editor->plan(), index);
        SongPlan sung = plan;
        if (request.remade)
            sung.sections[index] = *request.remade;
        if (addSinging(request, sung))
            startGenerating(std::move(request));
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
    connect(m_job, &GenerateJob::generated, this, [this](const QString& output, const QString& warning) {
        emit statusMessage(tr("Generated %1.").arg(QDir::toNativeSeparators(output)));
        if (!warning.isEmpty())
            m_message->showMessage(warning, MessageBar::Kind::Error);
        m_takes->refresh();
        m_takes->selectTake(QFileInfo(output).absolutePath());
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

void ComposePage::choosePlanToOpen()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open a Plan"), QString(), tr("Plans and songs (*.json)"));
    if (!path.isEmpty())
        openPlan(path);
}

void ComposePage::choosePlanFileToSave()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Save the Plan"), QStringLiteral("plan.json"), tr("Plan (*.json)"));
    if (!path.isEmpty())
        savePlanAs(path);
}

void ComposePage::openPlan(const QString& path)
{
    try {
        showEditRefusal(m_editor->load(path));
    } catch (const std::exception& error) {
        m_message->showMessage(tr("The plan cannot be opened: %1").arg(QString::fromStdString(error.what())), MessageBar::Kind::Error);
    }
}

void ComposePage::savePlanAs(const QString& path)
{
    m_editor->setPrompt(m_prompt->text());
    try {
        m_editor->save(path);
        emit statusMessage(tr("Saved the plan as %1.").arg(QDir::toNativeSeparators(path)));
    } catch (const std::exception& error) {
        m_message->showMessage(tr("The plan was not saved: %1").arg(QString::fromStdString(error.what())), MessageBar::Kind::Error);
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
