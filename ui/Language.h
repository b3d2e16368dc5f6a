#pragma once

#include <QString>

class QCoreApplication;

namespace muze {

// Loads the studio's translation, and Qt's own for standard dialogs, for `language` ("" follows the
// system). Returns the code of the language in use ("pl", or "en" when no translation applies).
QString installTranslations(QCoreApplication& application, const QString& language);

}  // namespace muze
