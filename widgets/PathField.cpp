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
    const QString chosen = m_mode == Mode::OpenFile ? QFileDialog::getOpenFileName(this, m_dialogTitle, path(), m_filter)
                                                    : QFileDialog::getSaveFileName(this, m_dialogTitle, path(), m_filter);
    if (!chosen.isEmpty())
        m_line->setText(chosen);
}

}  // namespace muze
