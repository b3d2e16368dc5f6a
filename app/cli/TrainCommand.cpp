#include "app/cli/ArgumentParser.h"
#include "app/cli/Commands.h"
#include "app/cli/Terminal.h"
#include "core/training/VaeTraining.h"

#include <iostream>
#include <limits>

namespace muze::cli {

int runTrain(const std::vector<std::string>& arguments)
{
    ArgumentParser parser("muze train --phase 1 --annotations data.json --out_dir run/ [options]",
                          "Train a phase of the model on a dataset built by `muze build-dataset`: checkpoints (safetensors) and a\n"
                          "metrics log (metrics.jsonl) go to --out_dir. Ctrl+C stops after writing a checkpoint; --resume goes on\n"
                          "from the latest one, exactly as if the run had not stopped. Phase 1 (the VAE) is available so far.");
    parser.option("--phase", "N", "1: the VAE", "1")
        .option("--annotations", "FILE", "the dataset JSON (its feature cache is read from beside it)")
        .option("--audio_dir", "DIR", "accepted for the reference's scripts; the features come from the dataset's cache")
        .option("--out_dir", "DIR", "where checkpoints and the metrics log go")
        .option("--preset", "NAME", "tiny or small", "tiny")
        .option("--epochs", "N", "passes over the training songs", "50")
        .option("--max_steps", "N", "stop after this many steps (instead of the epochs)")
        .option("--batch_size", "N", "crops per step", "4")
        .option("--lr", "RATE", "peak learning rate (default: the preset's)")
        .option("--seed", "N", "for the split, the crops and the noise", "0")
        .option("--max_tracks", "N", "use only the first N records")
        .option("--max_minutes", "MINUTES", "stop, with a checkpoint, after this long")
        .option("--device", "DEVICE", "cpu, or cuda with a CUDA build of LibTorch", "cpu")
        .option("--validate_every", "N", "steps between validations and checkpoints", "100")
        .flag("--resume", "carry on from the latest checkpoint in --out_dir");
    const auto args = parser.parse(arguments);
    if (args.helpRequested) {
        std::cout << parser.help();
        return 0;
    }
    if (!args.has("annotations") || !args.has("out_dir"))
        throw UsageError("give --annotations and --out_dir");
    TrainOptions options;
    options.phase = args.integer("phase", 1, 3);
    options.annotations = args.text("annotations");
    options.outDir = args.text("out_dir");
    options.preset = args.text("preset");
    options.epochs = args.integer("epochs", 1, 1000000);
    if (args.has("max_steps"))
        options.maxSteps = args.integer("max_steps", 1, std::numeric_limits<int>::max());
    options.batchSize = args.integer("batch_size", 1, 4096);
    if (args.has("lr"))
        options.learningRate = args.number("lr", 1e-8, 1.0);
    options.seed = static_cast<std::uint64_t>(args.integer("seed", 0, std::numeric_limits<int>::max()));
    if (args.has("max_tracks"))
        options.maxTracks = args.integer("max_tracks", 2, std::numeric_limits<int>::max());
    if (args.has("max_minutes"))
        options.maxMinutes = args.number("max_minutes", 0.01, 1e6);
    options.device = args.text("device");
    options.validateEvery = args.integer("validate_every", 1, std::numeric_limits<int>::max());
    options.resume = args.has("resume");

    ProgressLine progress;
    const TrainSummary summary = trainVae(options, progress.control());
    std::cerr << "\rphase 1: step " << summary.steps << ", validation loss " << summary.firstValidationLoss << " → "
              << summary.lastValidationLoss << ", held-out log-mel error " << summary.melErrorDb << " dB. Checkpoint: "
              << summary.checkpoint.string() << "\n";
    return 0;
}

}  // namespace muze::cli
