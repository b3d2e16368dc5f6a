#include "ui/LibraryQuestions.h"

#include <QCoreApplication>
#include <QFileDialog>
#include <QMessageBox>
#include <QPushButton>

namespace muze {
namespace {

constexpr int kNamesShown = 12;

}  // namespace

LibraryQuestions::AfterFailedSave LibraryQuestions::askAfterFailedSave(QWidget* parent, const QString& reason)
{
    QMessageBox box(QMessageBox::Warning, tr("The Dataset Was Not Saved"),
                    tr("Your edits could not be saved, so they are still only in the studio."), QMessageBox::NoButton, parent);
    box.setInformativeText(reason);
    QPushButton* retry = box.addButton(tr("Try Again"), QMessageBox::AcceptRole);
    QPushButton* elsewhere = box.addButton(tr("Save Elsewhere…"), QMessageBox::ActionRole);
    QPushButton* discard = box.addButton(tr("Discard the Edits"), QMessageBox::DestructiveRole);
    box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(retry);
    box.exec();
    if (box.clickedButton() == retry)
        return LibraryQuestions::AfterFailedSave::Retry;
    if (box.clickedButton() == elsewhere)
        return LibraryQuestions::AfterFailedSave::SaveElsewhere;
    if (box.clickedButton() == discard)
        return LibraryQuestions::AfterFailedSave::Discard;
    return LibraryQuestions::AfterFailedSave::Cancel;
}

bool LibraryQuestions::askDropGone(QWidget* parent, const QStringList& gone)
{
    QStringList shown = gone.mid(0, kNamesShown);
    if (gone.size() > kNamesShown)
        shown << tr("… and %n more", nullptr, static_cast<int>(gone.size() - kNamesShown));
    QMessageBox box(QMessageBox::Question, tr("Songs No Longer in the Folder"),
                    tr("%n song(s) of the dataset are no longer in the folder. Drop their records, with your edits of them?", nullptr,
                       static_cast<int>(gone.size())),
                    QMessageBox::NoButton, parent);
    box.setDetailedText(shown.join(QLatin1Char('\n')));
    QPushButton* drop = box.addButton(tr("Drop Them"), QMessageBox::DestructiveRole);
    QPushButton* keep = box.addButton(tr("Keep Them"), QMessageBox::AcceptRole);
    box.setDefaultButton(keep);
    box.exec();
    return box.clickedButton() == drop;
}

LibraryQuestions LibraryQuestions::dialogs()
{
    LibraryQuestions questions;
    questions.folder = [](QWidget* parent, const QString& title, const QString& start) {
        return QFileDialog::getExistingDirectory(parent, title, start);
    };
    questions.saveFile = [](QWidget* parent, const QString& title, const QString& start) {
        return QFileDialog::getSaveFileName(parent, title, start, tr("Datasets (*.json)"));
    };
    questions.afterFailedSave = askAfterFailedSave;
    questions.dropGone = askDropGone;
    return questions;
}

}  // namespace muze
