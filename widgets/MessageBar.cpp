#include "widgets/MessageBar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>
#include <QToolButton>

namespace muze {

MessageBar::MessageBar(QWidget* parent) : QFrame(parent), m_text(new QLabel(this))
{
    setObjectName(QStringLiteral("messageBar"));
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* close = new QToolButton(this);
    close->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    close->setAutoRaise(true);
    close->setToolTip(tr("Dismiss"));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 6, 6, 6);
    layout->addWidget(m_text, 1);
    layout->addWidget(close, 0, Qt::AlignTop);
    connect(close, &QToolButton::clicked, this, &QWidget::hide);
    hide();
}

void MessageBar::showMessage(const QString& text, Kind kind)
{
    const char* colours = kind == Kind::Error ? "background: #5a1f24; border: 1px solid #a8323e; color: #f4dede;"
                                              : "background: #1f3a5a; border: 1px solid #3270a8; color: #deeaf4;";
    setStyleSheet(QStringLiteral("QFrame#messageBar { %1 border-radius: 4px; } QLabel { color: inherit; }").arg(QLatin1String(colours)));
    m_text->setText(text);
    show();
}

QString MessageBar::text() const
{
    return isVisible() ? m_text->text() : QString();
}

}  // namespace muze
