#pragma once

#include <QWidget>

class QLineEdit;

namespace muze {

// A file path: a line to type or paste it in, and a Browse… button that asks with a file dialog.
class PathField : public QWidget {
    Q_OBJECT

public:
    enum class Mode { OpenFile, SaveFile, Folder };

    // `filter` as QFileDialog takes it: "Dataset (*.json)" (a folder takes none).
    PathField(Mode mode, QString dialogTitle, QString filter, QWidget* parent = nullptr);

    QString path() const;
    void setPath(const QString& path);
    void setPlaceholderText(const QString& text);

signals:
    // When the path is typed or chosen, once editing ends (not at every key).
    void pathEdited(const QString& path);

private:
    void browse();

    Mode m_mode;
    QString m_dialogTitle;
    QString m_filter;
    QLineEdit* m_line;
};

}  // namespace muze
