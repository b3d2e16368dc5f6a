#pragma once

#include <QWidget>

class QLabel;
class QToolButton;

namespace muze {

// Play/pause and stop, with the position and the duration.
class TransportBar : public QWidget {
    Q_OBJECT

public:
    explicit TransportBar(QWidget* parent = nullptr);

public slots:
    void setPlaying(bool playing);
    void setPosition(double seconds);
    void setDuration(double seconds);
    void setReady(bool ready);  // whether there is anything to play

signals:
    void playPauseClicked();
    void stopClicked();

private:
    void updateTime();

    QToolButton* m_playPause;
    QToolButton* m_stop;
    QLabel* m_time;
    double m_position = 0.0;
    double m_duration = 0.0;
    bool m_playing = false;
};

}  // namespace muze
