#pragma once

#include "core/generation/VoiceBackends.h"

#include <QGroupBox>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;

namespace muze {

class PathField;
struct SingingRequest;
struct SongPlan;

// The Compose page's vocal choices: whether the plan's lyrics are sung (the box's own check), by the
// built-in singer or a voice server (with a recording of the voice to clone, once the user has
// agreed that it is theirs or its owner's, or ElevenLabs' voice), whether RVC turns them into
// another voice, in which language and how loud in the mix. Every choice is remembered in the
// settings; API keys come from Preferences or the environment.
class VocalSettings : public QGroupBox {
    Q_OBJECT

public:
    explicit VocalSettings(QWidget* parent = nullptr);

    bool isSinging() const;
    // What to sing into a take of `plan`. Throws Error(InvalidArgument) saying what to change: no
    // words to sing, or a voice to clone without the consent agreed to.
    SingingRequest request(const SongPlan& plan) const;

private:
    QString backend() const;
    RemoteVoice remoteVoice(VoiceServer server) const;
    void showBackend();
    void remember() const;

    QComboBox* m_backend;
    QLineEdit* m_url;
    QLineEdit* m_voiceId;
    PathField* m_reference;
    QCheckBox* m_consent;
    QLabel* m_notice;
    QLineEdit* m_rvcModel;
    QLineEdit* m_rvcUrl;
    QLineEdit* m_language;
    QDoubleSpinBox* m_mix;
    QCheckBox* m_strip;
};

}  // namespace muze
