#include "ui/MainWindow.h"

#include "ui/ComposePage.h"
#include "ui/FirstRunGuide.h"
#include "ui/LibraryPage.h"
#include "ui/ListenPage.h"
#include "ui/PlaybackBinder.h"
#include "ui/PreferencesDialog.h"
#include "ui/TrainPage.h"
#include "ui/TrackDetailPanel.h"
#include "workers/PlaybackController.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QScreen>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>
#include <QUndoGroup>
#include <QUndoStack>

namespace muze {
namespace {

constexpr double kSeekStepSeconds = 5.0;
constexpr int kGuideWidth = 360;
constexpr double kFirstWindowShare = 0.9;  // of the screen, before the window's size is saved

QString audioFileFilter()
{
    return MainWindow::tr("Audio files (*.wav *.flac *.mp3 *.ogg *.oga *.opus *.m4a *.aac *.aif *.aiff *.wv *.mka *.webm);;All files (*)");
}

QString firstLocalFile(const QMimeData* data)
{
    if (data == nullptr)
        return {};
    for (const QUrl& url : data->urls())
        if (url.isLocalFile())
            return url.toLocalFile();
    return {};
}

}  // namespace

MainWindow::MainWindow(AppSettings& settings, QWidget* parent)
    : QMainWindow(parent),
      m_settings(settings),
      m_playback(new PlaybackController(this)),
      m_pageList(new QListWidget(this)),
      m_pages(new QStackedWidget(this)),
      m_library(new LibraryPage(*m_playback, this)),
      m_listen(new ListenPage(*m_playback, this)),
      m_train(new TrainPage(*m_playback, this)),
      m_compose(new ComposePage(*m_playback, this)),
      m_guide(new FirstRunGuide(this)),
      m_guideDock(new QDockWidget(tr("Your First Model"), this)),
      m_undo(new QUndoGroup(this))
{
    setWindowTitle(tr("Muze Studio"));
    setAcceptDrops(true);
    m_pageList->setObjectName(QStringLiteral("pageList"));
    m_pageList->setFocusPolicy(Qt::NoFocus);
    m_pageList->setFixedWidth(150);
    m_pageList->setIconSize(QSize(24, 24));
    addPage(m_library, tr("Library"), QStyle::SP_DirHomeIcon);
    addPage(m_listen, tr("Listen"), QStyle::SP_MediaVolume);
    addPage(m_train, tr("Train"), QStyle::SP_ComputerIcon);
    addPage(m_compose, tr("Compose"), QStyle::SP_MediaPlay);
    connect(m_pageList, &QListWidget::currentRowChanged, m_pages, &QStackedWidget::setCurrentIndex);
    m_undo->addStack(m_library->undoStack());
    m_undo->addStack(m_compose->undoStack());
    m_undo->setActiveStack(m_library->undoStack());
    connect(m_pages, &QStackedWidget::currentChanged, this, [this] {
        if (m_pages->currentWidget() == m_compose)
            m_undo->setActiveStack(m_compose->undoStack());
        else if (m_pages->currentWidget() == m_library)
            m_undo->setActiveStack(m_library->undoStack());
    });
    m_pageList->setCurrentRow(m_pages->indexOf(m_library));

    auto* centre = new QWidget(this);
    auto* layout = new QHBoxLayout(centre);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_pageList);
    layout->addWidget(m_pages, 1);
    setCentralWidget(centre);

    createMenus();
    createFirstRunGuide();
    applyPlayerOptions();
    connect(m_listen, &ListenPage::statusMessage, this, [this](const QString& text) { statusBar()->showMessage(text, 8000); });
    connect(m_library, &LibraryPage::statusMessage, this, [this](const QString& text) { statusBar()->showMessage(text, 8000); });
    connect(m_library, &LibraryPage::datasetOpened, this, [this](const QString& path) { m_settings.setLastDataset(path); });
    connect(m_library, &LibraryPage::datasetOpened, m_train, &TrainPage::setDataset);
    connect(m_library, &LibraryPage::datasetOpened, m_compose, &ComposePage::setDataset);
    m_train->setModelFolder(m_settings.modelFolder());
    m_compose->setModelFolder(m_settings.modelFolder());
    connect(m_train, &TrainPage::modelFolderChanged, this, [this](const QString& path) {
        m_settings.setModelFolder(path);
        m_compose->setModelFolder(path);
    });
    connect(m_train, &TrainPage::trainingEnded, this, [this] { m_compose->setModelFolder(m_train->setup()->modelFolder()); });
    connect(m_compose, &ComposePage::statusMessage, this, [this](const QString& text) { statusBar()->showMessage(text, 8000); });
    connect(m_train, &TrainPage::statusMessage, this, [this](const QString& text) { statusBar()->showMessage(text, 8000); });
    connect(m_train, &TrainPage::updateDatasetRequested, this, [this](const QString& dataset) {
        showPage(m_library);
        if (m_library->datasetPath() == dataset)
            m_library->updateDataset();
        else
            m_library->openDataset(dataset);  // then Update Dataset computes what is missing
    });
    if (!m_settings.lastDataset().isEmpty() && QFileInfo::exists(m_settings.lastDataset()))
        m_library->openDataset(m_settings.lastDataset());
    else if (m_compose->usesDemoModel())
        showPage(m_compose);  // nothing of one's own yet: a first song, with the demo model
    connect(m_listen, &ListenPage::fileLoaded, this, [this](const QString& path, const QString& title) {
        m_settings.addRecentFile(path);
        rebuildRecentMenu();
        setWindowTitle(tr("%1 — Muze Studio").arg(title));
    });
    statusBar()->showMessage(tr("Ready."));
    if (!restoreGeometry(m_settings.windowGeometry()))
        resize(screen()->availableGeometry().size() * kFirstWindowShare);
}

MainWindow::~MainWindow() = default;

void MainWindow::addPage(QWidget* page, const QString& name, int icon)
{
    m_pages->addWidget(page);
    auto* item = new QListWidgetItem(style()->standardIcon(static_cast<QStyle::StandardPixmap>(icon)), name, m_pageList);
    item->setSizeHint(QSize(140, 40));
}

void MainWindow::createMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* open = file->addAction(tr("&Open Song…"), this, &MainWindow::chooseFile);
    open->setShortcut(QKeySequence::Open);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    rebuildRecentMenu();
    file->addSeparator();
    file->addAction(tr("&New Dataset from Folder…"), QKeySequence(tr("Ctrl+Shift+N")), this, [this] {
        showPage(m_library);
        m_library->buildFromFolder();
    });
    file->addAction(tr("Open &Dataset…"), QKeySequence(tr("Ctrl+Shift+O")), this, [this] {
        showPage(m_library);
        m_library->chooseDataset();
    });
    file->addAction(tr("&Update Dataset"), QKeySequence(tr("Ctrl+Shift+U")), m_library, &LibraryPage::updateDataset);
    file->addAction(tr("&Save Dataset"), QKeySequence::Save, m_library, &LibraryPage::save);
    file->addSeparator();
    QAction* preferences = file->addAction(tr("&Preferences…"), this, &MainWindow::showPreferences);
    preferences->setShortcut(QKeySequence(tr("Ctrl+,")));
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    QAction* undo = m_undo->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    QAction* redo = m_undo->createRedoAction(this, tr("&Redo"));
    redo->setShortcut(QKeySequence::Redo);
    edit->addAction(undo);
    edit->addAction(redo);
    edit->addSeparator();
    edit->addAction(tr("&Find in Library"), QKeySequence::Find, this, [this] {
        showPage(m_library);
        if (auto* search = m_library->findChild<QLineEdit*>(QStringLiteral("search")))
            search->setFocus();
    });
    edit->addAction(tr("Rewrite &Prompts of Selected Tracks…"), QKeySequence(tr("Ctrl+Shift+P")), this, [this] {
        showPage(m_library);
        m_library->rewritePrompts();
    });

    QMenu* playback = menuBar()->addMenu(tr("&Playback"));
    // Playback commands act on the page in front: the Library's selected song, the Compose page's
    // take, or the Listen page's song.
    auto onPage = [this](auto libraryAction, auto composeAction, auto listenAction) {
        return [this, libraryAction, composeAction, listenAction] {
            if (m_pages->currentWidget() == m_library)
                libraryAction(*m_library->detail());
            else if (m_pages->currentWidget() == m_compose)
                composeAction(*m_compose->player());
            else
                listenAction(*m_listen);
        };
    };
    playback->addAction(tr("&Play / Pause"), QKeySequence(Qt::Key_Space), this,
                        onPage([](TrackDetailPanel& d) { d.togglePlayPause(); }, [](PlaybackBinder& c) { c.togglePlayPause(); },
                               [](ListenPage& l) { l.togglePlayPause(); }));
    playback->addAction(tr("&Stop"), QKeySequence(tr("Ctrl+.")), this,
                        onPage([](TrackDetailPanel& d) { d.stop(); }, [](PlaybackBinder& c) { c.stop(); }, [](ListenPage& l) { l.stop(); }));
    playback->addAction(tr("Go to &Start"), QKeySequence(Qt::Key_Home), this,
                        onPage([](TrackDetailPanel& d) { d.seekBy(-1e9); }, [](PlaybackBinder& c) { c.seekTo(0.0); }, [](ListenPage& l) { l.goToStart(); }));
    playback->addAction(tr("&Back 5 Seconds"), QKeySequence(Qt::Key_Left), this,
                        onPage([](TrackDetailPanel& d) { d.seekBy(-kSeekStepSeconds); }, [](PlaybackBinder& c) { c.seekBy(-kSeekStepSeconds); },
                               [](ListenPage& l) { l.seekBy(-kSeekStepSeconds); }));
    playback->addAction(tr("&Forward 5 Seconds"), QKeySequence(Qt::Key_Right), this,
                        onPage([](TrackDetailPanel& d) { d.seekBy(kSeekStepSeconds); }, [](PlaybackBinder& c) { c.seekBy(kSeekStepSeconds); },
                               [](ListenPage& l) { l.seekBy(kSeekStepSeconds); }));

    QMenu* training = menuBar()->addMenu(tr("&Training"));
    for (QAction* action : {m_train->startAction(), m_train->pauseAction(), m_train->stopAction()}) {
        training->addAction(action);
        connect(action, &QAction::triggered, this, [this] { showPage(m_train); });
    }

    QMenu* compose = menuBar()->addMenu(tr("&Compose"));
    compose->addAction(m_compose->generateAction());
    compose->addSeparator();
    compose->addAction(m_compose->openPlanAction());
    compose->addAction(m_compose->savePlanAction());
    for (QAction* action : compose->actions())
        connect(action, &QAction::triggered, this, [this] { showPage(m_compose); });

    QMenu* view = menuBar()->addMenu(tr("&View"));
    view->addAction(tr("Library &Statistics"), QKeySequence(tr("Ctrl+Shift+T")), this, [this] {
        showPage(m_library);
        m_library->toggleStatistics();
    });
    view->addSeparator();
    view->addAction(tr("Zoom &In"), QKeySequence::ZoomIn, m_listen, &ListenPage::zoomIn);
    view->addAction(tr("Zoom &Out"), QKeySequence::ZoomOut, m_listen, &ListenPage::zoomOut);
    view->addAction(tr("&Whole Song"), QKeySequence(tr("Ctrl+0")), m_listen, &ListenPage::zoomToFit);

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("Your &First Model…"), this, &MainWindow::showFirstRunGuide);
    help->addAction(tr("&About Muze Studio"), this, [this] {
        QMessageBox::about(this, tr("About Muze Studio"),
                           tr("<h3>Muze Studio %1</h3><p>Text-to-music that runs on your own machine.</p>"
                              "<p>Free software under the GNU General Public License, version 3 or later.</p>")
                               .arg(QStringLiteral(MUZE_VERSION)));
    });
}

void MainWindow::createFirstRunGuide()
{
    m_guideDock->setObjectName(QStringLiteral("firstRunGuideDock"));
    m_guideDock->setWidget(m_guide);
    m_guideDock->setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable);
    addDockWidget(Qt::RightDockWidgetArea, m_guideDock);
    resizeDocks({m_guideDock}, {kGuideWidth}, Qt::Horizontal);
    m_guideDock->setVisible(!m_settings.firstRunGuideSeen());
    m_settings.setFirstRunGuideSeen(true);
    connect(m_guide, &FirstRunGuide::buildRequested, this, [this](const QString& songs) {
        showPage(m_library);
        m_library->buildFromFolderNow(songs);
    });
    connect(m_library, &LibraryPage::datasetOpened, m_guide, &FirstRunGuide::datasetOpened);
    connect(m_guide, &FirstRunGuide::trainRequested, this, [this](const QString& dataset, const QString& folder, const std::vector<double>& seconds) {
        showPage(m_train);
        m_train->startRecipe(dataset, folder, seconds);
    });
    connect(m_train, &TrainPage::trainingEnded, m_guide, &FirstRunGuide::trainingEnded);
    connect(m_guide, &FirstRunGuide::composeRequested, this, &MainWindow::composeWith);
}

void MainWindow::showFirstRunGuide()
{
    m_guideDock->show();
    m_guideDock->raise();
}

void MainWindow::composeWith(const QString& modelFolder)
{
    m_train->setModelFolder(modelFolder);  // which the settings and the Compose page follow
    m_compose->setModelFolder(modelFolder);
    showPage(m_compose);
    m_compose->generateAction()->trigger();
}

void MainWindow::rebuildRecentMenu()
{
    m_recentMenu->clear();
    const QStringList files = m_settings.recentFiles();
    for (const QString& path : files)
        m_recentMenu->addAction(QFileInfo(path).fileName(), this, [this, path] { openFile(path); })->setToolTip(path);
    m_recentMenu->setEnabled(!files.isEmpty());
}

void MainWindow::showPage(QWidget* page)
{
    m_pageList->setCurrentRow(m_pages->indexOf(page));
}

QWidget* MainWindow::currentPage() const
{
    return m_pages->currentWidget();
}

QStringList MainWindow::pageNames()
{
    return {QStringLiteral("library"), QStringLiteral("listen"), QStringLiteral("train"), QStringLiteral("compose")};
}

QWidget* MainWindow::pageNamed(const QString& name) const
{
    const int index = pageNames().indexOf(name);
    return index < 0 ? nullptr : m_pages->widget(index);
}

void MainWindow::openFile(const QString& path)
{
    showPage(m_listen);
    m_listen->openFile(path, m_settings.maxDurationMinutes());
}

void MainWindow::chooseFile()
{
    const QStringList recent = m_settings.recentFiles();
    const QString folder = recent.isEmpty() ? QString() : QFileInfo(recent.front()).absolutePath();
    const QString path = QFileDialog::getOpenFileName(this, tr("Open a Song"), folder, audioFileFilter());
    if (!path.isEmpty())
        openFile(path);
}

void MainWindow::showPreferences()
{
    PreferencesDialog dialog(m_settings, *m_playback, this);
    if (dialog.exec() == QDialog::Accepted)
        applyPlayerOptions();
}

void MainWindow::applyPlayerOptions()
{
    PlayerOptions options;
    options.device = m_settings.outputDevice().toStdString();
    options.bufferFrames = static_cast<unsigned>(m_settings.bufferFrames());
    m_playback->setOptions(options);
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (!m_trainingSettled && m_train->isTraining()) {
        event->ignore();
        showPage(m_train);
        const auto answer = QMessageBox::question(this, tr("Stop Training?"),
                                                  tr("A model is training. Stop it and quit? Its last checkpoint is written first, "
                                                     "and the run can be resumed later from the Train page."),
                                                  QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
        if (answer != QMessageBox::Yes)
            return;
        m_trainingSettled = true;
        connect(m_train, &TrainPage::trainingEnded, this, &QWidget::close);  // once the checkpoint is written
        m_train->stop();
        statusBar()->showMessage(tr("Stopping the training: writing a checkpoint…"));
        return;
    }
    if (!m_editsSettled && (m_library->hasUnsavedChanges() || m_library->isSaving())) {
        event->ignore();  // closes once the edits are saved, or the user chose what to do with them
        m_library->whenSaved([this] {
            m_editsSettled = true;
            close();
        });
        return;
    }
    m_settings.setWindowGeometry(saveGeometry());
    event->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    if (!firstLocalFile(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event)
{
    const QString path = firstLocalFile(event->mimeData());
    if (path.isEmpty())
        return;
    event->acceptProposedAction();
    if (QFileInfo(path).isDir()) {
        showPage(m_library);
        m_library->buildFromFolderAt(path);
    } else {
        openFile(path);
    }
}

}  // namespace muze
