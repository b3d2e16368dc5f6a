// muze-studio: the desktop studio.

#include "core/common/Parallel.h"
#include "ui/AppSettings.h"
#include "ui/Language.h"
#include "ui/MainWindow.h"
#include "ui/StudioCommandLine.h"
#include "workers/AudioLoadJob.h"

#include <QApplication>
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

    muze::AppSettings settings;
    muze::installTranslations(application, muze::StudioCommandLine::languageIn(QApplication::arguments(), settings.language()));
    muze::StudioCommandLine commandLine;
    commandLine.parser().process(application);
    if (const QString problem = commandLine.problem(); !problem.isEmpty()) {
        std::fprintf(stderr, "muze-studio: %s\n", qPrintable(problem));
        return 2;
    }

    muze::configureComputeThreads(0);
    qRegisterMetaType<std::shared_ptr<const muze::LoadedAudio>>();

    muze::MainWindow window(settings);
    window.show();
    commandLine.applyTo(window);
    return QApplication::exec();
}
