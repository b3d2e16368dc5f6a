#include "ui/PreferencesDialog.h"

#include "core/common/Error.h"
#include "core/dataset/TrackAnalyzer.h"
#include "ui/AppSettings.h"
#include "widgets/PathField.h"
#include "workers/PlaybackController.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>

namespace muze {

PreferencesDialog::PreferencesDialog(AppSettings& settings, PlaybackController& playback, QWidget* parent)
    : QDialog(parent),
      m_settings(settings),
      m_language(new QComboBox(this)),
      m_device(new QComboBox(this)),
      m_buffer(new QComboBox(this)),
      m_maxDuration(new QDoubleSpinBox(this)),
      m_voiceEncoder(createEncoderField(QStringLiteral("voiceEncoder"), tr("built-in"))),
      m_ecapaEncoder(createEncoderField(QStringLiteral("ecapaEncoder"), tr("built-in"))),
      m_clapEncoder(createEncoderField(QStringLiteral("clapEncoder"), tr("none")))
{
    setWindowTitle(tr("Preferences"));
    m_language->setObjectName(QStringLiteral("language"));
    m_device->setObjectName(QStringLiteral("outputDevice"));
    m_buffer->setObjectName(QStringLiteral("bufferSize"));
    m_maxDuration->setObjectName(QStringLiteral("maxDuration"));

    m_language->addItem(tr("As the system"), QString());
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("Polski"), QStringLiteral("pl"));
    m_language->setCurrentIndex(std::max(0, m_language->findData(settings.language())));

    showDevices({}, {});
    connect(&playback, &PlaybackController::outputDevicesListed, this, &PreferencesDialog::showDevices);
    playback.listOutputDevices();

    for (int frames : {128, 256, 512, 1024, 2048, 4096})
        m_buffer->addItem(tr("%1 frames").arg(frames), frames);
    m_buffer->setCurrentIndex(std::max(0, m_buffer->findData(settings.bufferFrames())));
    m_buffer->setToolTip(tr("Smaller buffers answer sooner; larger ones are safer on a busy machine."));

    m_maxDuration->setRange(1, 600);
    m_maxDuration->setDecimals(0);
    m_maxDuration->setSuffix(tr(" min"));
    m_maxDuration->setValue(settings.maxDurationMinutes());
    m_maxDuration->setToolTip(tr("Longer files are refused before decoding, so a damaged or hostile file cannot fill the memory."));

    const EncoderFiles encoders = settings.encoderFiles();
    m_voiceEncoder->setPath(QString::fromStdString(encoders.voice.string()));
    m_ecapaEncoder->setPath(QString::fromStdString(encoders.ecapa.string()));
    m_clapEncoder->setPath(QString::fromStdString(encoders.clap.string()));
    auto* encoderNote = new QLabel(tr("TorchScript files (torch.jit.save) for dataset builds. A speaker encoder replaces the built-in "
                                      "voice embeddings; a CLAP fills the CLAP fields. README, \"Your own encoders\", says what they must provide."),
                                   this);
    encoderNote->setWordWrap(true);

    auto* restartNote = new QLabel(tr("A new language applies the next time Muze Studio starts."), this);
    restartNote->setWordWrap(true);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* form = new QFormLayout(this);
    form->addRow(tr("Language:"), m_language);
    form->addRow(QString(), restartNote);
    form->addRow(tr("Audio output:"), m_device);
    form->addRow(tr("Buffer size:"), m_buffer);
    form->addRow(tr("Longest file to open:"), m_maxDuration);
    form->addRow(tr("Voice encoder (256):"), m_voiceEncoder);
    form->addRow(tr("ECAPA encoder (192):"), m_ecapaEncoder);
    form->addRow(tr("CLAP (512):"), m_clapEncoder);
    form->addRow(QString(), encoderNote);
    form->addRow(tr("API keys:"), createApiKeyFields());
    form->addRow(buttons);
    setMinimumWidth(560);
}

PathField* PreferencesDialog::createEncoderField(const QString& objectName, const QString& placeholder)
{
    auto* field = new PathField(PathField::Mode::OpenFile, tr("TorchScript Encoder"), tr("TorchScript (*.pt *.pth *.ts);;All files (*)"), this);
    field->setObjectName(objectName);
    field->setPlaceholderText(placeholder);
    return field;
}

// One hidden field a service; a key set in the environment wins over the one saved here.
QWidget* PreferencesDialog::createApiKeyFields()
{
    auto* box = new QWidget(this);
    auto* form = new QFormLayout(box);
    form->setContentsMargins(0, 0, 0, 0);
    for (const ApiService service : kApiServices) {
        auto* field = new QLineEdit(box);
        field->setObjectName(QString::fromLatin1(apiKeyVariable(service)));
        field->setEchoMode(QLineEdit::Password);
        field->setClearButtonEnabled(true);
        try {
            field->setText(QString::fromStdString(savedApiKey(service)));
        } catch (const Error& error) {
            field->setPlaceholderText(tr("cannot be read"));
            field->setToolTip(QString::fromStdString(error.what()));
        }
        if (qEnvironmentVariableIsSet(apiKeyVariable(service)))
            field->setPlaceholderText(tr("%1 is set and is used").arg(QString::fromLatin1(apiKeyVariable(service))));
        form->addRow(QString::fromLatin1(apiServiceName(service)) + QLatin1Char(':'), field);
        m_apiKeys.emplace_back(service, field);
    }
    auto* note = new QLabel(tr("Kept in %1, which only you can read; never in settings, datasets or songs.")
                                .arg(QString::fromStdString(apiKeysFile().string())),
                            box);
    note->setWordWrap(true);
    form->addRow(note);
    return box;
}

bool PreferencesDialog::saveApiKeys()
{
    try {
        for (const auto& [service, field] : m_apiKeys)
            if (field->isModified())
                saveApiKey(service, field->text().trimmed().toStdString());
        return true;
    } catch (const Error& error) {
        QMessageBox::warning(this, windowTitle(), tr("The API keys could not be saved: %1").arg(QString::fromStdString(error.what())));
        return false;
    }
}

// A named file must exist; whether it keeps the encoder contract is checked when a build loads it.
bool PreferencesDialog::encodersExist()
{
    for (PathField* field : {m_voiceEncoder, m_ecapaEncoder, m_clapEncoder}) {
        if (!field->path().isEmpty() && !QFileInfo(field->path()).isFile()) {
            QMessageBox::warning(this, windowTitle(), tr("There is no file \"%1\". Choose the encoder again, or clear the field to use the built-in one.").arg(field->path()));
            field->setFocus();
            return false;
        }
    }
    return true;
}

void PreferencesDialog::showDevices(const QStringList& keys, const QStringList& names)
{
    m_device->clear();
    m_device->addItem(tr("System default"), QString());
    for (int i = 0; i < keys.size(); ++i)
        m_device->addItem(names[i], keys[i]);
    const QString saved = m_settings.outputDevice();
    if (!saved.isEmpty() && m_device->findData(saved) < 0)  // not (yet) found: keep it choosable
        m_device->addItem(saved, saved);
    m_device->setCurrentIndex(std::max(0, m_device->findData(saved)));
}

void PreferencesDialog::accept()
{
    if (!encodersExist() || !saveApiKeys())
        return;
    m_settings.setLanguage(m_language->currentData().toString());
    m_settings.setOutputDevice(m_device->currentData().toString());
    m_settings.setBufferFrames(m_buffer->currentData().toInt());
    m_settings.setMaxDurationMinutes(m_maxDuration->value());
    m_settings.setEncoderFiles({m_voiceEncoder->path().toStdString(), m_ecapaEncoder->path().toStdString(), m_clapEncoder->path().toStdString()});
    QDialog::accept();
}

}  // namespace muze
