#pragma once

#include "core/dataset/LlmPrompts.h"

#include <QSettings>
#include <QString>
#include <QStringList>

namespace muze {

struct EncoderFiles;

// The studio's preferences, stored by QSettings (~/.config/Muze/Muze Studio.conf on Linux).
class AppSettings {
public:
    static constexpr int kMaxRecentFiles = 10;

    // "" follows the system's language; otherwise a code such as "en" or "pl".
    QString language() const;
    void setLanguage(const QString& code);

    QStringList recentFiles() const;
    void addRecentFile(const QString& path);  // most recent first, without duplicates

    // An OutputDevice key ("pulse:PulseAudio"), or "" for the system's default output.
    QString outputDevice() const;
    void setOutputDevice(const QString& key);
    int bufferFrames() const;
    void setBufferFrames(int frames);

    // Files longer than this are refused before decoding (a safety limit for hostile files).
    double maxDurationMinutes() const;
    void setMaxDurationMinutes(double minutes);

    // The user's TorchScript encoders for dataset builds (empty paths: the built-in ones).
    EncoderFiles encoderFiles() const;
    void setEncoderFiles(const EncoderFiles& files);

    // The dataset the Library had open, reopened at start.
    QString lastDataset() const;
    void setLastDataset(const QString& path);

    // Where the Train page writes a model's parts (vae/, vocoder/, planner/, ldm/).
    QString modelFolder() const;
    void setModelFolder(const QString& path);

    // Whether the user agreed, once, that a voice they clone is theirs or its owner's consent.
    bool firstRunGuideSeen() const;  // the guided first run was shown once
    void setFirstRunGuideSeen(bool seen);
    bool voiceCloningConsent() const;
    void setVoiceCloningConsent(bool given);

    // The Compose page's vocal choices: backend ("builtin" or a voice server's backendName), its
    // server, the ElevenLabs voice, the RVC model the vocals are turned into (empty: none), the
    // lyrics' language and the vocals' level in the mix. API keys are never stored here (see ApiKeys).
    QString singingBackend() const;
    void setSingingBackend(const QString& backend);
    QString voiceServerUrl(const QString& backend) const;
    void setVoiceServerUrl(const QString& backend, const QString& url);
    QString elevenLabsVoice() const;
    void setElevenLabsVoice(const QString& voiceId);
    QString rvcModel() const;
    void setRvcModel(const QString& model);
    QString rvcUrl() const;
    void setRvcUrl(const QString& url);
    QString singingLanguage() const;
    void setSingingLanguage(const QString& language);
    double vocalMixLevel() const;
    void setVocalMixLevel(double level);

    // The language model the Library last rewrote prompts with: its API, address and model. Its API
    // key is never stored here (see ApiKeys).
    PromptLlm promptLlm() const;
    void setPromptLlm(const PromptLlm& llm);

    QByteArray windowGeometry() const;
    void setWindowGeometry(const QByteArray& geometry);

private:
    QSettings m_settings;
};

}  // namespace muze
