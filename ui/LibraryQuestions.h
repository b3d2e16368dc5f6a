#pragma once

#include "core/dataset/LlmPrompts.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

class QWidget;

namespace muze {

// What the Library asks the user, as functions: the studio shows dialogs, tests answer directly.
struct LibraryQuestions {
    Q_DECLARE_TR_FUNCTIONS(muze::LibraryQuestions)

public:
    enum class AfterFailedSave { Retry, SaveElsewhere, Discard, Cancel };

    // A folder, or empty when the user declined.
    std::function<QString(QWidget* parent, const QString& title, const QString& start)> folder;
    // A file to save to, or empty.
    std::function<QString(QWidget* parent, const QString& title, const QString& start)> saveFile;
    // The dataset could not be saved (`reason`) and something waits for it: what now?
    std::function<AfterFailedSave(QWidget* parent, const QString& reason)> afterFailedSave;
    // Whether to drop the records of these songs, which are gone from the folder.
    std::function<bool(QWidget* parent, const QStringList& gone)> dropGone;
    // The language model to rewrite the prompts of `tracks` tracks with, or nothing when the user
    // declined; the API key is filled in from the environment.
    std::function<std::optional<PromptLlm>(QWidget* parent, int tracks)> promptLlm;

    static LibraryQuestions dialogs();

private:
    static AfterFailedSave askAfterFailedSave(QWidget* parent, const QString& reason);
    static bool askDropGone(QWidget* parent, const QStringList& gone);
    static std::optional<PromptLlm> askPromptLlm(QWidget* parent, int tracks);
};

}  // namespace muze
