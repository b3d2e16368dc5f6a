#include "ui/VocalSettings.h"

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

#include <cstdlib>

namespace muze {
namespace {

const char* const kBackends[] = {"builtin", "gpt_sovits", "fish_speech"};

}  // namespace

VocalSettings::VocalSettings(QWidget* parent)
    : QGroupBox(tr("Sing the Lyrics"), parent),
      m_backend(new QComboBox(this)),
      m_url(new QLineEdit(this)),
      m_reference(new PathField(PathField::Mode::OpenFile, tr("A Recording of the Voice"), tr("Audio (*.wav *.flac *.mp3 *.ogg *.m4a)"), this)),
      m_consent(new QCheckBox(tr("The voice is mine, or its owner agreed"), this)),
      m_notice(new QLabel(tr("Voice cloning may violate a singer's rights over their voice: use only your own voice, or one whose owner agreed."), this)),
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
    m_backend->addItems({tr("Built-in singer (offline)"), tr("GPT-SoVITS server"), tr("Fish Speech server")});
    m_backend->setCurrentIndex(std::max(0, static_cast<int>(std::find(std::begin(kBackends), std::end(kBackends), settings.singingBackend()) - std::begin(kBackends)) % 3));
    m_url->setObjectName(QStringLiteral("voiceServerUrl"));
    m_url->setToolTip(tr("The server's address; Fish Audio's cloud takes its API key from FISH_AUDIO_API_KEY"));
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
    auto* mix = new QHBoxLayout;
    mix->addWidget(new QLabel(tr("Language:"), this));
    mix->addWidget(m_language);
    mix->addWidget(new QLabel(tr("Level:"), this));
    mix->addWidget(m_mix);
    mix->addWidget(m_strip, 1);
    auto* layout = new QFormLayout(this);
    layout->addRow(tr("Voice:"), voice);
    layout->addRow(tr("Clone:"), m_reference);
    layout->addRow(QString(), m_notice);
    layout->addRow(QString(), m_consent);
    layout->addRow(tr("Mix:"), mix);

    connect(m_backend, &QComboBox::currentIndexChanged, this, [this] {
        showBackend();
        remember();
    });
    connect(m_url, &QLineEdit::editingFinished, this, &VocalSettings::remember);
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
    const bool remote = backend() != QLatin1String("builtin");
    m_url->setVisible(remote);
    m_url->setText(AppSettings().voiceServerUrl(backend()));
    m_reference->setEnabled(remote);
    const bool cloning = remote && !m_reference->path().isEmpty();
    m_notice->setVisible(cloning);
    m_consent->setVisible(cloning);
}

void VocalSettings::remember() const
{
    AppSettings settings;
    settings.setSingingBackend(backend());
    if (backend() != QLatin1String("builtin"))
        settings.setVoiceServerUrl(backend(), m_url->text().trimmed());
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
    if (request.backend == "builtin")
        return request;
    RemoteVoice voice;
    voice.server = request.backend == "gpt_sovits" ? VoiceServer::GptSovits : VoiceServer::FishSpeech;
    voice.url = m_url->text().trimmed().toStdString();
    voice.language = request.singer.language;
    if (voice.server == VoiceServer::FishSpeech) {
        const char* key = std::getenv("FISH_AUDIO_API_KEY");
        voice.apiKey = key != nullptr ? key : "";
    }
    voice.reference = m_reference->path().toStdString();
    if (!voice.reference.empty() && !m_consent->isChecked())
        throw Error(ErrorKind::InvalidArgument, tr("%1 If it is, tick the box below the recording.").arg(m_notice->text()).toStdString());
    request.server = voice;
    return request;
}

}  // namespace muze
