// muze-studio: the desktop studio.

#include "core/common/Parallel.h"
#include "ui/AppSettings.h"
#include "ui/ComposePage.h"
#include "ui/FirstRunGuide.h"
#include "ui/Language.h"
#include "ui/LibraryPage.h"
#include "ui/ListenPage.h"
#include "ui/MainWindow.h"
#include "ui/TrainPage.h"
#include "workers/AudioLoadJob.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QIcon>

#include <cstdio>

int main(int argc, char** argv)
{
    QApplication application(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Muze"));
    QApplication::setApplicationName(QStringLiteral("Muze Studio"));
    QApplication::setApplicationVersion(QStringLiteral(MUZE_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("muze-studio"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/muze-studio.png")));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Muze Studio: text-to-music that runs on your own machine."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("file"), QStringLiteral("An audio file to open in the Listen page."));
    const QCommandLineOption play(QStringLiteral("play"), QStringLiteral("Start playing the file once it is open."));
    const QCommandLineOption dataset(QStringLiteral("dataset"), QStringLiteral("Open this dataset in the Library."), QStringLiteral("file"));
    const QCommandLineOption language(QStringLiteral("language"), QStringLiteral("Use this language (en, pl) instead of the saved one."),
                                      QStringLiteral("code"));
    const QString pageNames = muze::MainWindow::pageNames().join(QStringLiteral(", "));
    const QCommandLineOption page(QStringLiteral("page"), QStringLiteral("Open on this page: %1.").arg(pageNames), QStringLiteral("name"));
    const QCommandLineOption modelFolder(QStringLiteral("model-folder"), QStringLiteral("Train into (and list the runs of) this folder."),
                                         QStringLiteral("folder"));
    const QCommandLineOption firstModel(QStringLiteral("first-model"),
                                        QStringLiteral("Open the Your First Model guide on this folder of songs (it measures what each step would take)."),
                                        QStringLiteral("folder"));
    parser.addOption(play);
    parser.addOption(firstModel);
    parser.addOption(page);
    parser.addOption(modelFolder);
    parser.addOption(dataset);
    parser.addOption(language);
    parser.process(application);
    // The guide takes a folder from its dialog, which gives only folders that are there.
    if (parser.isSet(firstModel) && !QFileInfo(parser.value(firstModel)).isDir()) {
        std::fprintf(stderr, "muze-studio: --first-model needs a folder of songs; %s is not one.\n", qPrintable(parser.value(firstModel)));
        return 2;
    }
    const QString pageName = parser.value(page);
    if (parser.isSet(page) && !muze::MainWindow::pageNames().contains(pageName)) {
        std::fprintf(stderr, "muze-studio: --page is one of %s; %s is none of them.\n", qPrintable(pageNames), qPrintable(pageName));
        return 2;
    }

    muze::configureComputeThreads(0);
    qRegisterMetaType<std::shared_ptr<const muze::LoadedAudio>>();
    muze::AppSettings settings;
    muze::installTranslations(application, parser.isSet(language) ? parser.value(language) : settings.language());

    muze::MainWindow window(settings);
    window.show();
    if (parser.isSet(dataset))
        window.libraryPage()->openDataset(parser.value(dataset));
    if (parser.isSet(modelFolder)) {
        window.trainPage()->setModelFolder(parser.value(modelFolder));
        window.composePage()->setModelFolder(parser.value(modelFolder));
    }
    if (parser.isSet(firstModel)) {
        window.showFirstRunGuide();
        window.firstRunGuide()->setSongsFolder(parser.value(firstModel));
    }
    if (parser.isSet(page))
        window.showPage(window.pageNamed(pageName));
    if (!parser.positionalArguments().isEmpty()) {
        window.openFile(parser.positionalArguments().constFirst());
        if (parser.isSet(play))
            window.listenPage()->playWhenLoaded();
    }
    return QApplication::exec();
}
