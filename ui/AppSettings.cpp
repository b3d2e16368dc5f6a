#include "ui/AppSettings.h"

#include "core/dataset/TrackAnalyzer.h"
#include "core/generation/VoiceBackends.h"

#include <QStandardPaths>

#include <algorithm>

namespace muze {
namespace {

constexpr int kDefaultBufferFrames = 512;
constexpr double kDefaultMaxDurationMinutes = 30.0;

}  // namespace

QString AppSettings::language() const { return m_settings.value("ui/language").toString(); }
void AppSettings::setLanguage(const QString& code) { m_settings.setValue("ui/language", code); }

QStringList AppSettings::recentFiles() const { return m_settings.value("files/recent").toStringList(); }

void AppSettings::addRecentFile(const QString& path)
{
    QStringList files = recentFiles();
    files.removeAll(path);
    files.prepend(path);
    while (files.size() > kMaxRecentFiles)
        files.removeLast();
    m_settings.setValue("files/recent", files);
}

QString AppSettings::outputDevice() const { return m_settings.value("audio/outputDevice").toString(); }
void AppSettings::setOutputDevice(const QString& key) { m_settings.setValue("audio/outputDevice", key); }

int AppSettings::bufferFrames() const
{
    return std::clamp(m_settings.value("audio/bufferFrames", kDefaultBufferFrames).toInt(), 32, 8192);
}
void AppSettings::setBufferFrames(int frames) { m_settings.setValue("audio/bufferFrames", frames); }

double AppSettings::maxDurationMinutes() const
{
    return std::max(1.0, m_settings.value("files/maxDurationMinutes", kDefaultMaxDurationMinutes).toDouble());
}
void AppSettings::setMaxDurationMinutes(double minutes) { m_settings.setValue("files/maxDurationMinutes", minutes); }

EncoderFiles AppSettings::encoderFiles() const
{
    const auto path = [this](const char* key) { return std::filesystem::path(m_settings.value(key).toString().toStdString()); };
    return {path("encoders/voice"), path("encoders/ecapa"), path("encoders/clap")};
}

void AppSettings::setEncoderFiles(const EncoderFiles& files)
{
    m_settings.setValue("encoders/voice", QString::fromStdString(files.voice.string()));
    m_settings.setValue("encoders/ecapa", QString::fromStdString(files.ecapa.string()));
    m_settings.setValue("encoders/clap", QString::fromStdString(files.clap.string()));
}

QString AppSettings::lastDataset() const { return m_settings.value("library/dataset").toString(); }
void AppSettings::setLastDataset(const QString& path) { m_settings.setValue("library/dataset", path); }

QString AppSettings::modelFolder() const
{
    const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    return m_settings.value("train/modelFolder", documents + QStringLiteral("/Muze Studio/models/my-model")).toString();
}
void AppSettings::setModelFolder(const QString& path) { m_settings.setValue("train/modelFolder", path); }

bool AppSettings::firstRunGuideSeen() const { return m_settings.value("guide/firstRunSeen", false).toBool(); }
void AppSettings::setFirstRunGuideSeen(bool seen) { m_settings.setValue("guide/firstRunSeen", seen); }

bool AppSettings::voiceCloningConsent() const { return m_settings.value("vocals/cloningConsent", false).toBool(); }
void AppSettings::setVoiceCloningConsent(bool given) { m_settings.setValue("vocals/cloningConsent", given); }

PromptLlm AppSettings::promptLlm() const
{
    PromptLlm llm;
    llm.api = llmApiNamed(m_settings.value("prompts/api").toString().toStdString()).value_or(LlmApi::Ollama);
    llm.url = m_settings.value("prompts/url", QString::fromStdString(defaultLlmUrl(llm.api))).toString().toStdString();
    llm.model = m_settings.value("prompts/model").toString().toStdString();
    return llm;
}

void AppSettings::setPromptLlm(const PromptLlm& llm)
{
    m_settings.setValue("prompts/api", QString::fromLatin1(llmApiName(llm.api)));
    m_settings.setValue("prompts/url", QString::fromStdString(llm.url));
    m_settings.setValue("prompts/model", QString::fromStdString(llm.model));
}

QString AppSettings::singingBackend() const { return m_settings.value("vocals/backend", QStringLiteral("builtin")).toString(); }
void AppSettings::setSingingBackend(const QString& backend) { m_settings.setValue("vocals/backend", backend); }

QString AppSettings::voiceServerUrl(const QString& backend) const
{
    const std::optional<VoiceServer> server = voiceServerNamed(backend.toStdString());
    const QString fallback = server ? QString::fromStdString(defaultVoiceServerUrl(*server)) : QString();
    return m_settings.value(QStringLiteral("vocals/url/") + backend, fallback).toString();
}
void AppSettings::setVoiceServerUrl(const QString& backend, const QString& url) { m_settings.setValue(QStringLiteral("vocals/url/") + backend, url); }

QString AppSettings::elevenLabsVoice() const { return m_settings.value("vocals/elevenlabsVoice").toString(); }
void AppSettings::setElevenLabsVoice(const QString& voiceId) { m_settings.setValue("vocals/elevenlabsVoice", voiceId); }

QString AppSettings::rvcModel() const { return m_settings.value("vocals/rvc/model").toString(); }
void AppSettings::setRvcModel(const QString& model) { m_settings.setValue("vocals/rvc/model", model); }
QString AppSettings::rvcUrl() const { return m_settings.value("vocals/rvc/url", QString::fromStdString(VoiceConversion().url)).toString(); }
void AppSettings::setRvcUrl(const QString& url) { m_settings.setValue("vocals/rvc/url", url); }

QString AppSettings::singingLanguage() const { return m_settings.value("vocals/language", QStringLiteral("en")).toString(); }
void AppSettings::setSingingLanguage(const QString& language) { m_settings.setValue("vocals/language", language); }

double AppSettings::vocalMixLevel() const { return m_settings.value("vocals/mix", 0.7).toDouble(); }
void AppSettings::setVocalMixLevel(double level) { m_settings.setValue("vocals/mix", level); }

QByteArray AppSettings::windowGeometry() const { return m_settings.value("ui/geometry").toByteArray(); }
void AppSettings::setWindowGeometry(const QByteArray& geometry) { m_settings.setValue("ui/geometry", geometry); }

}  // namespace muze
