#include "ui/StudioCommandLine.h"

#include "ui/ComposePage.h"
#include "ui/FirstRunGuide.h"
#include "ui/LibraryPage.h"
#include "ui/ListenPage.h"
#include "ui/MainWindow.h"
#include "ui/TrainPage.h"

#include <QFileInfo>

namespace muze {

StudioCommandLine::StudioCommandLine()
    : m_play(QStringLiteral("play"), QStringLiteral("Start playing the file once it is open.")),
      m_dataset(QStringLiteral("dataset"), QStringLiteral("Open this dataset in the Library."), QStringLiteral("file")),
      m_language(QStringLiteral("language"), QStringLiteral("Use this language (en, pl) instead of the saved one."), QStringLiteral("code")),
      m_page(QStringLiteral("page"), QStringLiteral("Open on this page: %1.").arg(MainWindow::pageNames().join(QStringLiteral(", "))),
             QStringLiteral("name")),
      m_modelFolder(QStringLiteral("model-folder"), QStringLiteral("Train into (and list the runs of) this folder."), QStringLiteral("folder")),
      m_firstModel(QStringLiteral("first-model"),
                   QStringLiteral("Open the Your First Model guide on this folder of songs (it measures what each step would take)."),
                   QStringLiteral("folder"))
{
    m_parser.setApplicationDescription(QStringLiteral("Muze Studio: text-to-music that runs on your own machine."));
    m_parser.addHelpOption();
    m_parser.addVersionOption();
    m_parser.addPositionalArgument(QStringLiteral("file"), QStringLiteral("An audio file to open in the Listen page."));
    m_parser.addOptions({m_play, m_firstModel, m_page, m_modelFolder, m_dataset, m_language});
}

QString StudioCommandLine::problem() const
{
    // The guide takes a folder from its dialog, which gives only folders that are there.
    if (m_parser.isSet(m_firstModel) && !QFileInfo(m_parser.value(m_firstModel)).isDir())
        return QStringLiteral("--first-model needs a folder of songs; %1 is not one.").arg(m_parser.value(m_firstModel));
    if (m_parser.isSet(m_page) && !MainWindow::pageNames().contains(m_parser.value(m_page)))
        return QStringLiteral("--page is one of %1; %2 is none of them.").arg(MainWindow::pageNames().join(QStringLiteral(", ")), m_parser.value(m_page));
    return {};
}

QString StudioCommandLine::language(const QString& saved) const
{
    return m_parser.isSet(m_language) ? m_parser.value(m_language) : saved;
}

void StudioCommandLine::applyTo(MainWindow& window) const
{
    if (m_parser.isSet(m_dataset))
        window.libraryPage()->openDataset(m_parser.value(m_dataset));
    if (m_parser.isSet(m_modelFolder)) {
        window.trainPage()->setModelFolder(m_parser.value(m_modelFolder));
        window.composePage()->setModelFolder(m_parser.value(m_modelFolder));
    }
    if (m_parser.isSet(m_firstModel)) {
        window.showFirstRunGuide();
        window.firstRunGuide()->setSongsFolder(m_parser.value(m_firstModel));
    }
    if (!m_parser.positionalArguments().isEmpty()) {
        window.openFile(m_parser.positionalArguments().constFirst());
        if (m_parser.isSet(m_play))
            window.listenPage()->playWhenLoaded();
    }
    if (m_parser.isSet(m_page))  // after the file, whose opening shows the Listen page
        window.showPage(window.pageNamed(m_parser.value(m_page)));
}

}  // namespace muze
