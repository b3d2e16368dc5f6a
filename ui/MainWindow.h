#pragma once

#include "ui/AppSettings.h"

#include <QMainWindow>

class QDockWidget;
class QListWidget;
class QMenu;
class QStackedWidget;
class QUndoGroup;

namespace muze {

class ComposePage;
class FirstRunGuide;
class LibraryPage;
class ListenPage;
class PlaybackController;
class TrainPage;

// The studio's window: a page list on the left (Library, Listen, Train, Compose), the current page,
// the guided first run beside them (shown at the first start and from Help), menus with every
// command and its shortcut, and a status bar. Audio files dropped anywhere on the window open in the Listen page; a dropped folder
// starts a dataset build in the Library.
class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    explicit MainWindow(AppSettings& settings, QWidget* parent = nullptr);
    ~MainWindow() override;

    ListenPage* listenPage() const { return m_listen; }
    LibraryPage* libraryPage() const { return m_library; }
    TrainPage* trainPage() const { return m_train; }
    ComposePage* composePage() const { return m_compose; }
    FirstRunGuide* firstRunGuide() const { return m_guide; }

    void showPage(QWidget* page);
    QWidget* currentPage() const;
    // The names the pages go by on the command line (--page), in the page list's order.
    static QStringList pageNames();
    // The page of one of pageNames(), or null for a name that is none of them.
    QWidget* pageNamed(const QString& name) const;

public slots:
    void openFile(const QString& path);
    void chooseFile();
    void showPreferences();
    void showFirstRunGuide();

protected:
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void createMenus();
    void addPage(QWidget* page, const QString& name, int icon);
    void rebuildRecentMenu();
    void applyPlayerOptions();
    void createFirstRunGuide();
    void composeWith(const QString& modelFolder);

    AppSettings& m_settings;
    PlaybackController* m_playback;
    QListWidget* m_pageList;
    QStackedWidget* m_pages;
    LibraryPage* m_library;
    ListenPage* m_listen;
    TrainPage* m_train;
    ComposePage* m_compose;
    FirstRunGuide* m_guide;
    QDockWidget* m_guideDock;
    QUndoGroup* m_undo;  // Edit ▸ Undo acts on the Library's edits or the Compose page's, as the page shown
    QMenu* m_recentMenu = nullptr;
    bool m_editsSettled = false;  // the Library's edits are saved or given up: closing may go on
    bool m_trainingSettled = false;  // no run, or the user chose to stop it: closing may go on
};

}  // namespace muze
