#pragma once

#include "core/common/ApiKeys.h"

#include <QDialog>

#include <utility>
#include <vector>

class QComboBox;
class QDoubleSpinBox;
class QLineEdit;

namespace muze {

class AppSettings;
class PathField;
class PlaybackController;

// Language, audio output, safety limits, the user's own encoders and the API keys of the services
// the studio speaks to. Saves to AppSettings, and the keys to their owner-only file, when accepted.
class PreferencesDialog : public QDialog {
    Q_OBJECT

public:
    // The output list fills in when `playback` has probed the devices.
    PreferencesDialog(AppSettings& settings, PlaybackController& playback, QWidget* parent = nullptr);

    void accept() override;

private:
    void showDevices(const QStringList& keys, const QStringList& names);
    PathField* createEncoderField(const QString& objectName, const QString& placeholder);
    bool encodersExist();
    QWidget* createApiKeyFields();
    bool saveApiKeys();

    AppSettings& m_settings;
    QComboBox* m_language;
    QComboBox* m_device;
    QComboBox* m_buffer;
    QDoubleSpinBox* m_maxDuration;
    PathField* m_voiceEncoder;
    PathField* m_ecapaEncoder;
    PathField* m_clapEncoder;
    std::vector<std::pair<ApiService, QLineEdit*>> m_apiKeys;
};

}  // namespace muze
