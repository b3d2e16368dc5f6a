// The Compose page while it generates: the longest time the GUI thread goes without serving its event
// loop while a 30 s verse_chorus take is made on the worker (DDIM-50 with CFG, the VAE's decoder and
// the vocoder), then the same with its lyrics sung by the built-in singer. Untrained models with the
// preset's shapes: the work per step does not depend on the weights. Run with
// QT_QPA_PLATFORM=offscreen on a headless machine.
// usage: bench_compose_page [PRESET]   (tiny by default)

#include "bench/UntrainedModels.h"

#include "bench/GuiTimes.h"
#include "core/common/Parallel.h"
#include "ui/ComposePage.h"
#include "ui/PlanEditor.h"
#include "ui/VocalSettings.h"
#include "workers/PlaybackController.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QElapsedTimer>
#include <QSpinBox>
#include <QTemporaryDir>

#include <cstdio>

using namespace muze;
using muze::bench::longestStallMs;

namespace {

void saveModels(const std::string& preset, const std::filesystem::path& folder)
{
    const auto best = [&](const char* part) { return folder / part / "checkpoints" / "best.safetensors"; };
    bench::untrainedModels(preset, {best("vae"), best("ldm"), best("vocoder")});
}

// The longest stall while one take is made, and how long it took.
void measureTake(ComposePage& page, const char* what)
{
    QElapsedTimer clock;
    clock.start();
    const double stall = longestStallMs([&] { page.generateAction()->trigger(); }, [&] { return page.isGenerating(); });
    const double seconds = static_cast<double>(clock.elapsed()) / 1000.0;
    if (!page.errorText().isEmpty())
        std::printf("%s: failed: %s\n", what, qPrintable(page.errorText()));
    else
        std::printf("| %s | %.1f | %.1f |\n", what, seconds, stall);
    std::fflush(stdout);
}

}  // namespace

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    configureComputeThreads(0);
    const std::string preset = argc > 1 ? argv[1] : "tiny";
    QTemporaryDir folder;
    saveModels(preset, folder.path().toStdString());

    PlaybackController playback;
    ComposePage page(playback);
    page.resize(1400, 900);
    page.show();
    page.setModelFolder(folder.path());
    page.findChild<QCheckBox*>("lockSeed")->setChecked(true);
    page.findChild<QSpinBox*>("steps")->setValue(50);
    QCoreApplication::processEvents();

    std::printf("The Compose page generating a 30 s verse_chorus take at %s (DDIM-50, CFG 7.5), 2-core CPU\n", preset.c_str());
    std::printf("| take | seconds | longest GUI stall (ms) |\n|---|---|---|\n");
    measureTake(page, "instrumental");

    PlanEditor& editor = *page.editor();
    for (std::size_t i = 0; i < editor.plan().sections.size(); ++i) {
        PlanSection section = editor.plan().sections[i];
        if (section.type == "verse" || section.type == "chorus") {
            section.hasVocals = true;
            section.lyrics = "the river runs under the bridge tonight\nand every light is burning in the window";
            editor.editSection(static_cast<int>(i), section);
        }
    }
    page.findChild<VocalSettings*>("vocals")->setChecked(true);
    measureTake(page, "with sung lyrics");
    return 0;
}
