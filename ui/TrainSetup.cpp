#include "ui/TrainSetup.h"

#include "core/models/PresetSizes.h"
#include "widgets/PathField.h"

#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace muze {
namespace {

struct PhaseChoice {
    int phase;
    std::vector<PhaseOneModel> parts;  // phase 1's
    QStringList sizedParts;            // as PresetSizes names them
};

const std::vector<PhaseChoice>& phaseChoices()
{
    static const std::vector<PhaseChoice> choices{
        {1, {PhaseOneModel::Vocoder, PhaseOneModel::Vae}, {"vocoder", "vae"}},
        {1, {PhaseOneModel::Vae}, {"vae"}},
        {1, {PhaseOneModel::Vocoder}, {"vocoder"}},
        {2, {}, {}},
        {3, {}, {"unet"}},
    };
    return choices;
}

QString parameterCount(std::int64_t count)
{
    return count >= 1000000 ? TrainSetup::tr("%1M").arg(static_cast<double>(count) / 1e6, 0, 'f', 1)
                            : TrainSetup::tr("%1k").arg(static_cast<double>(count) / 1e3, 0, 'f', 0);
}

QString partSize(const PresetSize& preset, const QString& part)
{
    for (const PresetPartSize& size : preset.parts)
        if (QString::fromStdString(size.part) == part)
            return TrainSetup::tr("%1: %2 parameters, ≈ %3 a step at batch 1")
                .arg(part.toUpper(), parameterCount(size.parameters), QLocale().formattedDataSize(size.stepBytes, 0));
    return TrainSetup::tr("%1: not in this preset (tiny and small have every part)").arg(part.toUpper());
}

QDoubleSpinBox* probabilityBox(QWidget* parent)
{
    auto* box = new QDoubleSpinBox(parent);
    box->setRange(0.0, 0.9);
    box->setSingleStep(0.05);
    box->setDecimals(2);
    return box;
}

// How phase 3 hears the songs' keys: the choices of m_keys, in order.
enum KeyChoice { OwnKeys, AllInC, Transposed };

}  // namespace

TrainSetup::TrainSetup(QWidget* parent)
    : QWidget(parent),
      m_dataset(new PathField(PathField::Mode::OpenFile, tr("Dataset"), tr("Dataset (*.json);;All files (*)"), this)),
      m_folder(new PathField(PathField::Mode::Folder, tr("Model Folder"), QString(), this)),
      m_phase(new QComboBox(this)),
      m_preset(new QComboBox(this)),
      m_presetSize(new QLabel(this)),
      m_epochs(new QSpinBox(this)),
      m_batch(new QSpinBox(this)),
      m_learningRate(new QDoubleSpinBox(this)),
      m_cfgDropout(probabilityBox(this)),
      m_voiceDropout(probabilityBox(this)),
      m_keys(new QComboBox(this)),
      m_transpose(new QSpinBox(this)),
      m_seed(new QSpinBox(this)),
      m_minutes(new QSpinBox(this)),
      m_needs(new QLabel(this)),
      m_fix(new QPushButton(this))
{
    m_dataset->setObjectName(QStringLiteral("trainDataset"));
    m_folder->setObjectName(QStringLiteral("modelFolder"));
    m_phase->setObjectName(QStringLiteral("phase"));
    m_preset->setObjectName(QStringLiteral("preset"));
    m_epochs->setObjectName(QStringLiteral("epochs"));
    m_keys->setObjectName(QStringLiteral("keys"));
    m_transpose->setObjectName(QStringLiteral("transpose"));
    m_needs->setObjectName(QStringLiteral("phaseNeeds"));
    m_fix->setObjectName(QStringLiteral("fixNeeds"));
    m_dataset->setPlaceholderText(tr("the dataset open in the Library"));
    m_folder->setPlaceholderText(tr("where the model's parts are written"));

    m_phase->addItem(tr("1 · Vocoder, then VAE"));
    m_phase->addItem(tr("1 · VAE"));
    m_phase->addItem(tr("1 · Vocoder"));
    m_phase->addItem(tr("2 · Composition planner"));
    m_phase->addItem(tr("3 · Latent diffusion"));
    for (const std::string& name : presetNames())
        m_preset->addItem(QString::fromStdString(name));
    m_presetSize->setWordWrap(true);

    const TrainOptions defaults;
    m_epochs->setRange(1, 100000);
    m_epochs->setValue(defaults.epochs);
    m_batch->setRange(1, 4096);
    m_batch->setValue(defaults.batchSize);
    m_learningRate->setRange(0.0, 1.0);
    m_learningRate->setDecimals(6);
    m_learningRate->setSingleStep(1e-4);
    m_learningRate->setSpecialValueText(tr("the preset's"));
    m_cfgDropout->setValue(defaults.cfgDropout);
    m_voiceDropout->setValue(defaults.voiceDropout);
    m_keys->addItem(tr("Each song in its own key"));
    m_keys->addItem(tr("Every song moved to C"));
    m_keys->addItem(tr("Each song moved around its key"));
    m_transpose->setRange(1, 6);
    m_transpose->setValue(3);
    m_transpose->setPrefix(QStringLiteral("±"));
    m_transpose->setSuffix(tr(" semitones"));
    m_transpose->setEnabled(false);
    m_seed->setRange(0, 1 << 30);
    m_minutes->setRange(0, 60 * 24 * 14);
    m_minutes->setSuffix(tr(" min"));
    m_minutes->setSpecialValueText(tr("none"));
    m_minutes->setToolTip(tr("Stop, with a checkpoint, after this long; the learning rate's schedule is fitted to the steps it allows."));
    m_cfgDropout->setToolTip(tr("Phase 3: the share of examples trained without any conditioning, for classifier-free guidance."));
    m_voiceDropout->setToolTip(tr("Phase 3: the share of examples trained without their voice."));
    m_keys->setToolTip(tr("Phase 3: the key each song is heard in. Moved to C, a few songs teach one key well, and generation "
                          "moves each section to the key it asks for (the recipe's choice; the vocoder then learns the songs in C "
                          "too). Moved around its key, each song is heard up to so many semitones away, drawn anew every 250 steps, "
                          "so that a small collection holds every key."));
    m_needs->setWordWrap(true);
    m_fix->hide();

    auto* form = new QFormLayout;
    form->addRow(tr("Dataset:"), m_dataset);
    form->addRow(tr("Model folder:"), m_folder);
    form->addRow(tr("Phase:"), m_phase);
    form->addRow(tr("Preset:"), m_preset);
    form->addRow(QString(), m_presetSize);
    form->addRow(tr("Epochs:"), m_epochs);
    form->addRow(tr("Batch size:"), m_batch);
    form->addRow(tr("Learning rate:"), m_learningRate);
    form->addRow(tr("CFG dropout:"), m_cfgDropout);
    form->addRow(tr("Voice dropout:"), m_voiceDropout);
    auto* keys = new QHBoxLayout;
    keys->addWidget(m_keys, 1);
    keys->addWidget(m_transpose);
    form->addRow(tr("Keys:"), keys);
    form->addRow(tr("Seed:"), m_seed);
    form->addRow(tr("Time limit:"), m_minutes);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(form);
    layout->addWidget(m_needs);
    layout->addWidget(m_fix, 0, Qt::AlignLeft);
    layout->addStretch(1);

    connect(m_phase, &QComboBox::currentIndexChanged, this, [this] {
        showPresetSize();
        emit changed();
    });
    connect(m_preset, &QComboBox::currentIndexChanged, this, &TrainSetup::showPresetSize);
    connect(m_keys, &QComboBox::currentIndexChanged, this, [this](int choice) { m_transpose->setEnabled(choice == Transposed); });
    connect(m_dataset, &PathField::pathEdited, this, &TrainSetup::changed);
    connect(m_folder, &PathField::pathEdited, this, &TrainSetup::changed);
    connect(m_fix, &QPushButton::clicked, this, [this] { emit fixRequested(m_fixKind); });
    showPresetSize();
}

int TrainSetup::phaseChoice() const
{
    return std::max(0, m_phase->currentIndex());
}

void TrainSetup::setPresetSizes(std::vector<PresetSize> sizes)
{
    m_sizes = std::move(sizes);
    showPresetSize();
}

void TrainSetup::showPresetSize()
{
    const auto index = static_cast<std::size_t>(std::max(0, m_preset->currentIndex()));
    if (index >= m_sizes.size()) {
        m_presetSize->setText(tr("Counting the presets' parameters…"));
        return;
    }
    const PresetSize& preset = m_sizes[index];
    QStringList lines;
    for (const QString& part : phaseChoices()[static_cast<std::size_t>(phaseChoice())].sizedParts)
        lines << partSize(preset, part);
    m_presetSize->setText(lines.isEmpty() ? tr("The planner is small at every preset.") : lines.join('\n'));
}

TrainOptions TrainSetup::options() const
{
    const PhaseChoice& choice = phaseChoices()[static_cast<std::size_t>(phaseChoice())];
    TrainOptions options;
    options.phase = choice.phase;
    options.model = choice.parts.empty() ? PhaseOneModel::Vae : choice.parts.front();
    options.annotations = m_dataset->path().toStdString();
    options.outDir = m_folder->path().toStdString();
    options.preset = m_preset->currentText().toStdString();
    options.epochs = m_epochs->value();
    options.batchSize = m_batch->value();
    options.learningRate = m_learningRate->value();
    options.cfgDropout = m_cfgDropout->value();
    options.voiceDropout = m_voiceDropout->value();
    options.oneKey = m_keys->currentIndex() == AllInC;
    options.transposeRange = m_keys->currentIndex() == Transposed ? m_transpose->value() : 0;
    options.seed = static_cast<std::uint64_t>(m_seed->value());
    options.maxMinutes = m_minutes->value();
    return options;
}

std::vector<PhaseOneModel> TrainSetup::phaseOneModels() const
{
    return phaseChoices()[static_cast<std::size_t>(phaseChoice())].parts;
}

void TrainSetup::showOptions(const TrainOptions& options)
{
    int choice = options.phase == 2 ? 3 : options.phase == 3 ? 4 : options.model == PhaseOneModel::Vocoder ? 2 : 1;
    m_phase->setCurrentIndex(choice);
    m_preset->setCurrentIndex(std::max(0, m_preset->findText(QString::fromStdString(options.preset))));
    m_folder->setPath(QString::fromStdString(options.outDir.string()));
    m_batch->setValue(options.batchSize);
    m_learningRate->setValue(options.learningRate);
    m_cfgDropout->setValue(options.cfgDropout);
    m_voiceDropout->setValue(options.voiceDropout);
    m_keys->setCurrentIndex(options.oneKey ? AllInC : options.transposeRange > 0 ? Transposed : OwnKeys);
    if (options.transposeRange > 0)
        m_transpose->setValue(options.transposeRange);
    m_seed->setValue(static_cast<int>(options.seed));
}

void TrainSetup::setDataset(const QString& path)
{
    m_dataset->setPath(path);
    emit changed();
}

QString TrainSetup::dataset() const
{
    return m_dataset->path();
}

void TrainSetup::setModelFolder(const QString& path)
{
    m_folder->setPath(path);
    emit changed();
}

QString TrainSetup::modelFolder() const
{
    return m_folder->path();
}

void TrainSetup::showReadiness(const PhaseReadiness& readiness)
{
    m_ready = readiness.ready();
    m_fixKind = Fix::None;
    QString text;
    if (readiness.songs < 2) {
        text = tr("The dataset has %n song(s) to train on; a run needs two or more: one to learn from, one to check against.", nullptr,
                  readiness.songs);
    } else if (readiness.needsFeatures && readiness.withoutFeatures > 0) {
        text = tr("%1 of %2 songs have no features in the dataset's cache. Updating the dataset computes them.")
                   .arg(readiness.withoutFeatures)
                   .arg(readiness.songs);
        m_fixKind = Fix::UpdateDataset;
    } else if (readiness.needsSections && readiness.withoutSections == readiness.songs) {
        text = tr("No song has sections, and the planner learns forms from them. Updating the dataset analyses them.");
        m_fixKind = Fix::UpdateDataset;
    } else if (readiness.needsVae && !readiness.vaeFound) {
        text = tr("Phase 3 learns in the latent space of a trained VAE, and there is none at %1.")
                   .arg(QDir::toNativeSeparators(QString::fromStdString(readiness.vaeCheckpoint.string())));
        m_fixKind = Fix::TrainPhaseOne;
    } else {
        text = tr("Ready: %n song(s)", nullptr, readiness.songs);
        if (readiness.needsFeatures)
            text += tr(", every one with its features cached");
        if (readiness.needsSections && readiness.withoutSections > 0)
            text += tr(" (%n without sections, which teach no form)", nullptr, readiness.withoutSections);
        if (readiness.needsVae)
            text += tr("; the VAE of %1").arg(QDir::toNativeSeparators(QString::fromStdString(readiness.vaeCheckpoint.string())));
        text += '.';
    }
    m_needs->setText(text);
    m_fix->setText(m_fixKind == Fix::UpdateDataset ? tr("Update the Dataset") : tr("Train Phase 1 First"));
    m_fix->setVisible(m_fixKind != Fix::None);
}

void TrainSetup::showReadinessUnknown(const QString& why)
{
    m_ready = false;
    m_fixKind = Fix::None;
    m_needs->setText(why);
    m_fix->hide();
}

}  // namespace muze
