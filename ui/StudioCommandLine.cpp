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
    : m_play(QStringLiteral("play"), tr("Start playing the file once it is open.")),
      m_dataset(QStringLiteral("dataset"), tr("Open this dataset in the Library."), tr("file")),
      m_language(QStringLiteral("language"), tr("Use this language (en, pl) instead of the saved one."), tr("code")),
      m_page(QStringLiteral("page"), tr("Open on this page: %1.").arg(MainWindow::pageNames().join(QStringLiteral(", "))), tr("name")),
      m_modelFolder(QStringLiteral("model-folder"), tr("Train into (and list the runs of) this folder."), tr("folder")),
      m_firstModel(QStringLiteral("first-model"), tr("Open the Your First Model guide on this folder of songs (it measures what each step would take)."),
                   tr("folder"))
{
    m_parser.setApplicationDescription(tr("Muze Studio: text-to-music that runs on your own machine."));
    m_parser.addHelpOption();
    m_parser.addVersionOption();
    m_parser.addPositionalArgument(tr("file"), tr("An audio file to open in the Listen page."));
    m_parser.addOptions({m_play, m_firstModel, m_page, m_modelFolder, m_dataset, m_language});
}

QString StudioCommandLine::problem() const
{
    // The guide takes a folder from its dialog, which gives only folders that are there.
    if (m_parser.isSet(m_firstModel) && !QFileInfo(m_parser.value(m_firstModel)).isDir())
        return tr("--first-model needs a folder of songs; %1 is not one.").arg(m_parser.value(m_firstModel));
    if (m_parser.isSet(m_page) && !MainWindow::pageNames().contains(m_parser.value(m_page)))
        return tr("--page is one of %1; %2 is none of them.").arg(MainWindow::pageNames().join(QStringLiteral(", ")), m_parser.value(m_page));
    return {};
}

QString StudioCommandLine::languageIn(const QStringList& arguments, const QString& saved)
{
    StudioCommandLine commandLine;
    commandLine.m_parser.parse(arguments);  // an unknown option is refused later, by the parse that answers --help
    const QCommandLineParser& parser = commandLine.m_parser;
    return parser.isSet(commandLine.m_language) ? parser.value(commandLine.m_language) : saved;
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
