#include "ui/VocalSettings.h"

#include "core/common/ApiKeys.h"
#include "core/common/Error.h"
#include "core/generation/SongSinging.h"
#include "ui/AppSettings.h"
#include "widgets/PathField.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>

namespace muze {
namespace {

const char* const kBackends[] = {"builtin", "gpt_sovits", "fish_speech", "coqui", "elevenlabs"};

}  // namespace

VocalSettings::VocalSettings(QWidget* parent)
    : QGroupBox(tr("Sing the Lyrics"), parent),
      m_backend(new QComboBox(this)),
      m_url(new QLineEdit(this)),
      m_voiceId(new QLineEdit(this)),
      m_reference(new PathField(PathField::Mode::OpenFile, tr("A Recording of the Voice"), tr("Audio (*.wav *.flac *.mp3 *.ogg *.m4a)"), this)),
      m_consent(new QCheckBox(tr("The voice is mine, or its owner agreed"), this)),
      m_notice(new QLabel(tr("Voice cloning may violate a singer's rights over their voice: use only your own voice, or one whose owner agreed."), this)),
      m_rvcModel(new QLineEdit(this)),
      m_rvcUrl(new QLineEdit(this)),
      m_language(new QLineEdit(this)),
      m_mix(new QDoubleSpinBox(this)),
      m_strip(new QCheckBox(tr("Take the models' own voice out where the lyrics are sung"), this))
{
    setObjectName(QStringLiteral("vocals"));
    setCheckable(true);
    setChecked(false);
    setToolTip(tr("Sing the lyrics of the sections with vocals into the take: the vocals, the instrumental and an LRC of the lines are kept beside it"));
    const AppSettings settings;
    m_backend->setObjectName(QStringLiteral("singingBackend"));
    m_backend->addItems({tr("Built-in singer (offline)"), tr("GPT-SoVITS server"), tr("Fish Speech server"), tr("Coqui XTTS server"), tr("ElevenLabs")});
    const auto chosen = std::find(std::begin(kBackends), std::end(kBackends), settings.singingBackend());
    m_backend->setCurrentIndex(chosen == std::end(kBackends) ? 0 : static_cast<int>(chosen - std::begin(kBackends)));
    m_url->setObjectName(QStringLiteral("voiceServerUrl"));
    m_url->setToolTip(tr("The server's address; Fish Audio's cloud and ElevenLabs take their API keys from Preferences or the environment"));
    m_voiceId->setObjectName(QStringLiteral("elevenLabsVoice"));
    m_voiceId->setPlaceholderText(tr("voice ID"));
    m_voiceId->setToolTip(tr("The ElevenLabs voice that sings: its ID, from the Voices page of ElevenLabs"));
    m_voiceId->setText(settings.elevenLabsVoice());
    m_rvcModel->setObjectName(QStringLiteral("rvcModel"));
    m_rvcModel->setPlaceholderText(tr("optional: an RVC voice model"));
    m_rvcModel->setToolTip(tr("Turn the vocals, whoever sings them, into this voice model of an RVC server"));
    m_rvcModel->setText(settings.rvcModel());
    m_rvcUrl->setObjectName(QStringLiteral("rvcUrl"));
    m_rvcUrl->setToolTip(tr("The RVC server's address (rvc-python's API)"));
    m_rvcUrl->setText(settings.rvcUrl());
    m_reference->setObjectName(QStringLiteral("voiceReference"));
    m_reference->setPlaceholderText(tr("optional: a recording of the voice to sing in"));
    m_consent->setObjectName(QStringLiteral("voiceConsent"));
    m_consent->setChecked(settings.voiceCloningConsent());
    m_notice->setWordWrap(true);
    m_language->setObjectName(QStringLiteral("singingLanguage"));
    m_language->setText(settings.singingLanguage());
    m_language->setToolTip(tr("The lyrics' language, as espeak-ng names its voices: en, de, pl, es, ..."));
    m_language->setMaximumWidth(80);
    m_mix->setObjectName(QStringLiteral("mixVocals"));
    m_mix->setRange(0.0, 4.0);
    m_mix->setSingleStep(0.1);
    m_mix->setValue(settings.vocalMixLevel());
    m_mix->setToolTip(tr("The vocals' level against the instrumental: 1 is as loud as it"));
    m_strip->setChecked(true);

    auto* voice = new QHBoxLayout;
    voice->addWidget(m_backend);
    voice->addWidget(m_url, 1);
    voice->addWidget(m_voiceId);
    auto* convert = new QHBoxLayout;
    convert->addWidget(m_rvcModel, 1);
    convert->addWidget(m_rvcUrl, 1);
    auto* mix = new QHBoxLayout;
    mix->addWidget(new QLabel(tr("Language:"), this));
    mix->addWidget(m_language);
    mix->addWidget(new QLabel(tr("Level:"), this));
    mix->addWidget(m_mix);
    mix->addStretch(1);
    auto* layout = new QFormLayout(this);
    layout->addRow(tr("Voice:"), voice);
    layout->addRow(tr("Clone:"), m_reference);
    layout->addRow(QString(), m_notice);
    layout->addRow(QString(), m_consent);
    layout->addRow(tr("Convert:"), convert);
    layout->addRow(tr("Mix:"), mix);
    layout->addRow(QString(), m_strip);

    connect(m_backend, &QComboBox::currentIndexChanged, this, [this] {
        showBackend();
        remember();
    });
    for (QLineEdit* field : {m_url, m_voiceId, m_rvcModel, m_rvcUrl})
        connect(field, &QLineEdit::editingFinished, this, &VocalSettings::remember);
    connect(m_reference, &PathField::pathEdited, this, &VocalSettings::showBackend);
    connect(m_consent, &QCheckBox::toggled, this, &VocalSettings::remember);
    connect(m_language, &QLineEdit::editingFinished, this, &VocalSettings::remember);
    connect(m_mix, &QDoubleSpinBox::valueChanged, this, &VocalSettings::remember);
    showBackend();
}

bool VocalSettings::isSinging() const
{
    return isChecked();
}

QString VocalSettings::backend() const
{
    return QString::fromLatin1(kBackends[m_backend->currentIndex()]);
}

void VocalSettings::showBackend()
{
    const std::optional<VoiceServer> server = voiceServerNamed(backend().toStdString());
    m_url->setVisible(server.has_value());
    m_url->setText(AppSettings().voiceServerUrl(backend()));
    m_voiceId->setVisible(server == VoiceServer::ElevenLabs);
    const bool clones = server && clonesFromRecording(*server);
    m_reference->setEnabled(clones);
    const bool cloning = clones && !m_reference->path().isEmpty();
    m_notice->setVisible(cloning);
    m_consent->setVisible(cloning);
}

void VocalSettings::remember() const
{
    AppSettings settings;
    settings.setSingingBackend(backend());
    if (backend() != QLatin1String("builtin"))
        settings.setVoiceServerUrl(backend(), m_url->text().trimmed());
    settings.setElevenLabsVoice(m_voiceId->text().trimmed());
    settings.setRvcModel(m_rvcModel->text().trimmed());
    settings.setRvcUrl(m_rvcUrl->text().trimmed());
    settings.setVoiceCloningConsent(m_consent->isChecked());
    settings.setSingingLanguage(m_language->text().trimmed());
    settings.setVocalMixLevel(m_mix->value());
}

SingingRequest VocalSettings::request(const SongPlan& plan) const
{
    SingingRequest request;
    try {
        request = singingRequestFor(plan, std::string());
    } catch (const Error&) {
        throw Error(ErrorKind::InvalidArgument,
                    tr("There are no words to sing: tick Vocals on a section and write its lyrics, one line a line.").toStdString());
    }
    request.backend = backend().toStdString();
    request.singer.language = m_language->text().trimmed().toStdString();
    request.mix = {m_mix->value(), m_strip->isChecked()};
    if (!m_rvcModel->text().trimmed().isEmpty()) {
        VoiceConversion conversion;
        conversion.model = m_rvcModel->text().trimmed().toStdString();
        conversion.url = m_rvcUrl->text().trimmed().toStdString();
        request.conversion = conversion;
    }
    const std::optional<VoiceServer> server = voiceServerNamed(request.backend);
    if (!server)
        return request;
    request.server = remoteVoice(*server);
    return request;
}

RemoteVoice VocalSettings::remoteVoice(VoiceServer server) const
{
    RemoteVoice voice;
    voice.server = server;
    voice.url = m_url->text().trimmed().toStdString();
    voice.language = m_language->text().trimmed().toStdString();
    if (server == VoiceServer::FishSpeech)
        voice.apiKey = apiKeyFor(ApiService::FishAudio);
    if (server == VoiceServer::ElevenLabs) {
        voice.apiKey = apiKeyFor(ApiService::ElevenLabs);
        voice.voiceId = m_voiceId->text().trimmed().toStdString();
        if (voice.apiKey.empty())
            throw Error(ErrorKind::InvalidArgument, tr("ElevenLabs needs an API key: save it in Preferences, or set ELEVENLABS_API_KEY.").toStdString());
        if (voice.voiceId.empty())
            throw Error(ErrorKind::InvalidArgument, tr("Name the ElevenLabs voice that sings: its voice ID, beside the address.").toStdString());
        return voice;
    }
    voice.reference = m_reference->path().toStdString();
    if (!voice.reference.empty() && !m_consent->isChecked())
        throw Error(ErrorKind::InvalidArgument, tr("%1 If it is, tick the box below the recording.").arg(m_notice->text()).toStdString());
    return voice;
}

}  // namespace muze
