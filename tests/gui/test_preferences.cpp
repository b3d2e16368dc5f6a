// Preferences: the output list fills in from the playback thread, and choices are saved.

#include "core/common/ApiKeys.h"
#include "core/common/Error.h"
#include "core/dataset/TrackAnalyzer.h"
#include "ui/AppSettings.h"
#include "ui/PreferencesDialog.h"
#include "widgets/PathField.h"
#include "workers/PlaybackController.h"

#include <QApplication>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QMessageBox>
#include <QTemporaryDir>
#include <QtTest>

#include <sys/stat.h>

#include <fstream>

using namespace muze;

class PreferencesTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QSettings().clear();
        std::filesystem::remove(apiKeysFile());
    }

    void listsDevicesWithoutBlockingAndSaves()
    {
        AppSettings settings;
        PlaybackController playback;
        QElapsedTimer opening;
        opening.start();
        PreferencesDialog dialog(settings, playback);
        const qint64 constructionMs = opening.elapsed();
        auto* devices = dialog.findChild<QComboBox*>("outputDevice");
        QCOMPARE(devices->count(), 1);  // "System default" at once; the rest arrives from the playback thread
        QTRY_VERIFY_WITH_TIMEOUT(devices->count() > 1, 5000);
        qInfo("dialog built in %lld ms; %d outputs listed", constructionMs, devices->count() - 1);
        QVERIFY(devices->itemData(1).toString().startsWith("pulse:"));

        devices->setCurrentIndex(1);
        auto* language = dialog.findChild<QComboBox*>("language");
        language->setCurrentIndex(language->findData(QStringLiteral("pl")));
        auto* buffer = dialog.findChild<QComboBox*>("bufferSize");
        buffer->setCurrentIndex(buffer->findData(1024));
        dialog.findChild<QDoubleSpinBox*>("maxDuration")->setValue(45);
        dialog.accept();
        QCOMPARE(settings.outputDevice(), devices->itemData(1).toString());
        QCOMPARE(settings.language(), QStringLiteral("pl"));
        QCOMPARE(settings.bufferFrames(), 1024);
        QCOMPARE(settings.maxDurationMinutes(), 45.0);

        // Reopened, it shows what was saved.
        PreferencesDialog again(settings, playback);
        QCOMPARE(again.findChild<QComboBox*>("language")->currentData().toString(), QStringLiteral("pl"));
        QCOMPARE(again.findChild<QComboBox*>("outputDevice")->currentData().toString(), settings.outputDevice());
    }

    void encoderFilesMustExistAndAreSaved()
    {
        AppSettings settings;
        PlaybackController playback;
        PreferencesDialog dialog(settings, playback);
        auto* clap = dialog.findChild<PathField*>("clapEncoder");
        clap->setPath(QStringLiteral("/no/such/clap.pt"));
        QString warning;
        QTimer::singleShot(0, this, [&warning] {
            if (auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget())) {
                warning = box->text();
                box->accept();
            }
        });
        dialog.accept();
        QVERIFY2(warning.contains(QStringLiteral("/no/such/clap.pt")), qPrintable(warning));
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        QVERIFY(settings.encoderFiles().clap.empty());

        QTemporaryDir folder;
        const QString file = folder.filePath(QStringLiteral("clap.pt"));
        QFile(file).open(QIODevice::WriteOnly);
        clap->setPath(file);
        dialog.accept();
        QCOMPARE(QString::fromStdString(settings.encoderFiles().clap.string()), file);
        QVERIFY(settings.encoderFiles().voice.empty());
        PreferencesDialog again(settings, playback);
        QCOMPARE(again.findChild<PathField*>("clapEncoder")->path(), file);
    }

    // Keys go to their owner-only file and nowhere else; one that others could read is refused.
    void apiKeysAreSavedWhereOnlyTheUserCanReadThem()
    {
        qunsetenv("ELEVENLABS_API_KEY");
        QSettings().clear();  // the encoder chosen above is gone with its folder
        AppSettings settings;
        PlaybackController playback;
        PreferencesDialog dialog(settings, playback);
        auto* eleven = dialog.findChild<QLineEdit*>("ELEVENLABS_API_KEY");
        QVERIFY(eleven && eleven->echoMode() == QLineEdit::Password);
        QTest::keyClicks(eleven, QStringLiteral("xi-2718-secret"));
        dialog.accept();
        QCOMPARE(apiKeyFor(ApiService::ElevenLabs), std::string("xi-2718-secret"));
        QVERIFY(savedApiKey(ApiService::OpenAi).empty());
        struct stat keys {};
        QVERIFY(::stat(apiKeysFile().c_str(), &keys) == 0);
        QCOMPARE(keys.st_mode & 0777, mode_t(0600));
        QSettings stored;
        stored.sync();
        std::ifstream written(stored.fileName().toStdString());
        const std::string settingsText((std::istreambuf_iterator<char>(written)), std::istreambuf_iterator<char>());
        QVERIFY(!settingsText.empty() && settingsText.find("xi-2718-secret") == std::string::npos);

        qputenv("ELEVENLABS_API_KEY", "from-the-environment");
        QCOMPARE(apiKeyFor(ApiService::ElevenLabs), std::string("from-the-environment"));
        qunsetenv("ELEVENLABS_API_KEY");

        PreferencesDialog again(settings, playback);
        QCOMPARE(again.findChild<QLineEdit*>("ELEVENLABS_API_KEY")->text(), QStringLiteral("xi-2718-secret"));
        again.findChild<QLineEdit*>("ELEVENLABS_API_KEY")->clear();
        again.findChild<QLineEdit*>("ELEVENLABS_API_KEY")->setModified(true);
        again.accept();
        QVERIFY(apiKeyFor(ApiService::ElevenLabs).empty());

        saveApiKey(ApiService::OpenAi, "sk-1");
        std::filesystem::permissions(apiKeysFile(), std::filesystem::perms::group_read, std::filesystem::perm_options::add);
        QString refusal;
        try {
            apiKeyFor(ApiService::OpenAi);
        } catch (const Error& error) {
            refusal = QString::fromStdString(error.what());
        }
        QVERIFY2(refusal.contains(QStringLiteral("chmod 600")), qPrintable(refusal));
        std::filesystem::remove(apiKeysFile());
    }
};

QTEST_MAIN(PreferencesTest)
#include "test_preferences.moc"
