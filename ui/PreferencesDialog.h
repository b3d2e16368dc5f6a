#pragma once

#include <QDialog>

class QComboBox;
class QDoubleSpinBox;

namespace muze {

class AppSettings;
class PathField;
class PlaybackController;

// Language, audio output, safety limits and the user's own encoders. Saves to AppSettings when
// accepted.
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

    AppSettings& m_settings;
    QComboBox* m_language;
    QComboBox* m_device;
    QComboBox* m_buffer;
    QDoubleSpinBox* m_maxDuration;
    PathField* m_voiceEncoder;
    PathField* m_ecapaEncoder;
    PathField* m_clapEncoder;
};

}  // namespace muze
