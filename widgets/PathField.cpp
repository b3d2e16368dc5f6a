#include "widgets/PathField.h"

#include <QFileDialog>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>

namespace muze {

PathField::PathField(Mode mode, QString dialogTitle, QString filter, QWidget* parent)
    : QWidget(parent), m_mode(mode), m_dialogTitle(std::move(dialogTitle)), m_filter(std::move(filter)), m_line(new QLineEdit(this))
{
    m_line->setClearButtonEnabled(true);
    auto* button = new QPushButton(tr("Browse…"), this);
    connect(button, &QPushButton::clicked, this, &PathField::browse);
    connect(m_line, &QLineEdit::editingFinished, this, [this] { emit pathEdited(path()); });
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_line, 1);
    layout->addWidget(button);
    setFocusProxy(m_line);
}

QString PathField::path() const
{
    return m_line->text().trimmed();
}

void PathField::setPath(const QString& path)
{
    m_line->setText(path);
}

void PathField::setPlaceholderText(const QString& text)
{
    m_line->setPlaceholderText(text);
}

void PathField::browse()
{
    QString chosen;
    switch (m_mode) {
    case Mode::OpenFile:
        chosen = QFileDialog::getOpenFileName(this, m_dialogTitle, path(), m_filter);
        break;
    case Mode::SaveFile:
        chosen = QFileDialog::getSaveFileName(this, m_dialogTitle, path(), m_filter);
        break;
    case Mode::Folder:
        chosen = QFileDialog::getExistingDirectory(this, m_dialogTitle, path());
        break;
    }
    if (chosen.isEmpty())
        return;
    m_line->setText(chosen);
    emit pathEdited(path());
}

}  // namespace muze
