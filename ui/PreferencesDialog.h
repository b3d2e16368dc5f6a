#pragma once

#include <QDialog>

class QComboBox;
class QDoubleSpinBox;

namespace muze {

class AppSettings;

// Language, audio output and safety limits. Saves to AppSettings when accepted.
class PreferencesDialog : public QDialog {
    Q_OBJECT

public:
    PreferencesDialog(AppSettings& settings, QWidget* parent = nullptr);

    void accept() override;

private:
    AppSettings& m_settings;
    QComboBox* m_language;
    QComboBox* m_device;
    QComboBox* m_buffer;
    QDoubleSpinBox* m_maxDuration;
};

}  // namespace muze
