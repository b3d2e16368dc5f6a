#include "widgets/TransportBar.h"

#include "widgets/TimeText.h"

#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>
#include <QToolButton>

namespace muze {

TransportBar::TransportBar(QWidget* parent)
    : QWidget(parent), m_playPause(new QToolButton(this)), m_stop(new QToolButton(this)), m_time(new QLabel(this))
{
    m_playPause->setObjectName(QStringLiteral("playPause"));
    m_stop->setObjectName(QStringLiteral("stop"));
    m_stop->setIcon(style()->standardIcon(QStyle::SP_MediaStop));
    m_stop->setToolTip(tr("Stop and return to the start"));
    for (QToolButton* button : {m_playPause, m_stop}) {
        button->setIconSize(QSize(24, 24));
        button->setAutoRaise(true);
    }
    m_time->setObjectName(QStringLiteral("time"));
    m_time->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 2, 4, 2);
    layout->addWidget(m_playPause);
    layout->addWidget(m_stop);
    layout->addSpacing(8);
    layout->addWidget(m_time);
    layout->addStretch(1);

    connect(m_playPause, &QToolButton::clicked, this, &TransportBar::playPauseClicked);
    connect(m_stop, &QToolButton::clicked, this, &TransportBar::stopClicked);
    setPlaying(false);
    setReady(false);
    updateTime();
}

void TransportBar::setPlaying(bool playing)
{
    m_playing = playing;
    m_playPause->setIcon(style()->standardIcon(playing ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
    m_playPause->setToolTip(playing ? tr("Pause (Space)") : tr("Play (Space)"));
}

void TransportBar::setPosition(double seconds)
{
    m_position = seconds;
    updateTime();
}

void TransportBar::setDuration(double seconds)
{
    m_duration = seconds;
    updateTime();
}

void TransportBar::setReady(bool ready)
{
    m_playPause->setEnabled(ready);
    m_stop->setEnabled(ready);
}

void TransportBar::updateTime()
{
    m_time->setText(QStringLiteral("%1 / %2").arg(positionText(m_position), positionText(m_duration)));
}

}  // namespace muze
