#include "ui/LibraryQuestions.h"

#include "core/common/ApiKeys.h"
#include "core/common/Error.h"

#include "ui/AppSettings.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
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

std::optional<PromptLlm> LibraryQuestions::askPromptLlm(QWidget* parent, int tracks)
{
    AppSettings settings;
    PromptLlm llm = settings.promptLlm();
    QDialog dialog(parent);
    dialog.setWindowTitle(tr("Rewrite Prompts"));
    auto* api = new QComboBox(&dialog);
    api->addItem(tr("Ollama"), QStringLiteral("ollama"));
    api->addItem(tr("OpenAI-compatible (/v1/chat/completions)"), QStringLiteral("openai"));
    api->setCurrentIndex(llm.api == LlmApi::Ollama ? 0 : 1);
    auto* url = new QLineEdit(QString::fromStdString(llm.url), &dialog);
    auto* model = new QLineEdit(QString::fromStdString(llm.model), &dialog);
    model->setPlaceholderText(tr("e.g. llama3.2"));
    QObject::connect(api, &QComboBox::currentIndexChanged, &dialog, [api, url] {
        url->setText(QString::fromStdString(defaultLlmUrl(llmApiNamed(api->currentData().toString().toStdString()).value_or(LlmApi::Ollama))));
    });
    auto* note = new QLabel(tr("A language model writes each of the %n selected track(s)' prompt from its analysed facts. "
                               "The sentences replace the prompts, as one edit you can undo. An API key, where the server needs one, "
                               "comes from OPENAI_API_KEY or Preferences.", nullptr, tracks),
                            &dialog);
    note->setWordWrap(true);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Rewrite"));
    QObject::connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto* form = new QFormLayout(&dialog);
    form->addRow(note);
    form->addRow(tr("Server:"), api);
    form->addRow(tr("Address:"), url);
    form->addRow(tr("Model:"), model);
    form->addRow(buttons);
    const auto complete = [buttons, url, model] { buttons->button(QDialogButtonBox::Ok)->setEnabled(!url->text().trimmed().isEmpty() && !model->text().trimmed().isEmpty()); };
    QObject::connect(url, &QLineEdit::textChanged, &dialog, complete);
    QObject::connect(model, &QLineEdit::textChanged, &dialog, complete);
    complete();
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    llm.api = llmApiNamed(api->currentData().toString().toStdString()).value_or(LlmApi::Ollama);
    llm.url = url->text().trimmed().toStdString();
    llm.model = model->text().trimmed().toStdString();
    settings.setPromptLlm(llm);
    if (llm.api == LlmApi::OpenAi) {
        try {
            llm.apiKey = apiKeyFor(ApiService::OpenAi);
        } catch (const Error& error) {
            QMessageBox::warning(parent, tr("Rewrite Prompts"), QString::fromStdString(error.what()));
            return std::nullopt;
        }
    }
    return llm;
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
    questions.promptLlm = askPromptLlm;
    return questions;
}

}  // namespace muze
