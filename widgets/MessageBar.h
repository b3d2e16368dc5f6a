#pragma once

#include <QFrame>

class QLabel;

namespace muze {

// A message across the top of a page that stays until dismissed: errors a user should read, shown
// without interrupting them with a dialog.
class MessageBar : public QFrame {
    Q_OBJECT

public:
    enum class Kind { Error, Information };

    explicit MessageBar(QWidget* parent = nullptr);

    void showMessage(const QString& text, Kind kind);
    QString text() const;

private:
    QLabel* m_text;
};

}  // namespace muze
