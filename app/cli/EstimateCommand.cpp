#include "app/cli/ArgumentParser.h"
#include "app/cli/Commands.h"
#include "core/common/TextFormat.h"
#include "core/generation/DemoModel.h"
#include "core/generation/FirstModelEstimate.h"

#include <cstdio>
#include <iostream>

namespace muze::cli {
namespace {

void print(const FirstModelEstimate& estimate, const std::filesystem::path& models)
{
    const AnalysisEstimate& dataset = estimate.dataset;
    std::printf("building the dataset: about %s for %d songs, %s of audio (excerpts of %zu songs, %.0f s in all, analysed in %.1f s, %d at once)\n",
                formatClock(dataset.seconds).c_str(), dataset.songs, formatClock(dataset.audioSeconds).c_str(), dataset.measuredOn.size(),
                dataset.excerptSeconds, dataset.measuredSeconds, dataset.atOnce);
    const RecipeStepSeconds& step = estimate.trainingStep;
    std::printf("training every part by the recipe: about %s (a step: vocoder %.2f s, VAE %.2f s, planner %.3f s, diffusion %.2f s; "
                "moving the songs to C for the vocoder: %s)\n",
                formatClock(estimate.trainingSeconds()).c_str(), step.vocoder, step.vae, step.planner, step.ldm,
                formatClock(step.moveToC * dataset.audioSeconds).c_str());
    if (!estimate.song) {
        std::printf("making a song: not measured, for want of a trained model (--models)\n");
        return;
    }
    const GenerationEstimate& song = *estimate.song;
    std::printf("a %.0f s song, %d steps with guidance: about %s (%s: loading %.1f s, %.2f s a step, %.1f s planning and decoding)\n",
                song.songSeconds, song.steps, formatClock(song.seconds).c_str(), models.string().c_str(), song.loadSeconds, song.secondsPerStep,
                song.fixedSeconds);
}

}  // namespace

int runEstimate(const std::vector<std::string>& arguments)
{
    ArgumentParser parser("muze estimate --audio_dir DIR [--models DIR] [--no_asr]",
                          "What a first model of a folder of songs takes on this machine, measured rather than guessed: building its\n"
                          "dataset (excerpts of a few of its songs analysed), training every part by the recipe (a few steps of each\n"
                          "part timed) and making a 30 s song (two short songs made with --models, or the demo model). About a minute.");
    parser.option("--audio_dir", "DIR", "the folder of songs")
        .option("--models", "DIR", "a trained model folder of the recipe's size to time generation with (default: the demo model)")
        .flag("--no_asr", "time the analysis without speech recognition, as `muze build-dataset --no_asr` runs");
    const auto args = parser.parse(arguments);
    if (args.helpRequested) {
        std::cout << parser.help();
        return 0;
    }
    if (!args.has("audio_dir"))
        throw UsageError("name the folder of songs with --audio_dir");
    AnalysisOptions analysis;
    analysis.recognizeSpeech = !args.has("no_asr");
    const std::filesystem::path models = args.has("models") ? std::filesystem::path(args.text("models")) : demoModelFolder();
    print(estimateFirstModel(args.text("audio_dir"), analysis, models), models);
    return 0;
}

}  // namespace muze::cli
