#pragma once

#include <QWidget>

class QLineEdit;

namespace muze {

// A file path: a line to type or paste it in, and a Browse… button that asks with a file dialog.
class PathField : public QWidget {
    Q_OBJECT

public:
    enum class Mode { OpenFile, SaveFile };

    // `filter` as QFileDialog takes it: "Dataset (*.json)".
    PathField(Mode mode, QString dialogTitle, QString filter, QWidget* parent = nullptr);

    QString path() const;
    void setPath(const QString& path);
    void setPlaceholderText(const QString& text);

private:
    void browse();

    Mode m_mode;
    QString m_dialogTitle;
    QString m_filter;
    QLineEdit* m_line;
};

}  // namespace muze
