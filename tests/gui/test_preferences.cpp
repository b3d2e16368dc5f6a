// Preferences: the output list fills in from the playback thread, and choices are saved.

#include "core/dataset/TrackAnalyzer.h"
#include "ui/AppSettings.h"
#include "ui/PreferencesDialog.h"
#include "widgets/PathField.h"
#include "workers/PlaybackController.h"

#include <QApplication>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QElapsedTimer>
#include <QMessageBox>
#include <QTemporaryDir>
#include <QtTest>

using namespace muze;

class PreferencesTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QSettings().clear(); }

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
};

QTEST_MAIN(PreferencesTest)
#include "test_preferences.moc"
