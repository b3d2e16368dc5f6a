#pragma once

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QCoreApplication>

namespace muze {

class MainWindow;

// What muze-studio is asked on its command line: a file to open (and play), a dataset, a model
// folder, a page, the first-model guide on a folder, a language. main() parses it; the window then
// takes it with applyTo, which is what tests drive.
class StudioCommandLine {
    Q_DECLARE_TR_FUNCTIONS(muze::StudioCommandLine)

public:
    StudioCommandLine();

    // The parser with the studio's options; its process() answers --help and --version.
    QCommandLineParser& parser() { return m_parser; }
    // What is wrong with the parsed arguments, as the studio prints it before it exits; empty when
    // nothing is.
    QString problem() const;
    // The language `arguments` ask for, or `saved`: read before the translations are installed, so
    // that the command line made after them (its --help, its refusals) speaks that language.
    static QString languageIn(const QStringList& arguments, const QString& saved);
    // Opens in `window` what the arguments ask for. Call only when problem() is empty.
    void applyTo(MainWindow& window) const;

private:
    QCommandLineParser m_parser;
    QCommandLineOption m_play;
    QCommandLineOption m_dataset;
    QCommandLineOption m_language;
    QCommandLineOption m_page;
    QCommandLineOption m_modelFolder;
    QCommandLineOption m_firstModel;
};

}  // namespace muze
