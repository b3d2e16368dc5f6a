#include "app/cli/ArgumentParser.h"
#include "app/cli/Commands.h"
#include "app/cli/Terminal.h"
#include "core/training/Training.h"

#include <chrono>
#include <cstdlib>
#include <iostream>
#include <limits>
#include <utility>

namespace muze::cli {

namespace {

std::vector<PhaseOneModel> phaseOneModels(const std::string& name)
{
    if (name == "both")
        return {PhaseOneModel::Vocoder, PhaseOneModel::Vae};  // the VAE's previews then go through the vocoder
    if (name == "vocoder")
        return {PhaseOneModel::Vocoder};
    if (name == "vae")
        return {PhaseOneModel::Vae};
    throw UsageError("--model takes vocoder, vae or both, not \"" + name + "\"");
}

constexpr int kMostEpochs = 1000000;

// torchrun's conventions: the flags, or else the variables torchrun sets.
DistributedOptions distributedOptions(ArgumentParser::Result args)
{
    for (const auto& [flag, variable] : {std::pair{"world_size", "WORLD_SIZE"}, std::pair{"rank", "RANK"}, std::pair{"master_addr", "MASTER_ADDR"},
                                         std::pair{"master_port", "MASTER_PORT"}})
        if (const char* value = std::getenv(variable); !args.wasGiven(flag) && value != nullptr)
            args.values[flag] = value;
    DistributedOptions options;
    options.worldSize = args.integer("world_size", 1, 4096);
    options.rank = args.integer("rank", 0, options.worldSize - 1);
    options.masterAddress = args.text("master_addr");
    options.masterPort = args.integer("master_port", 1, 65535);
    options.timeout = std::chrono::seconds(args.integer("dist_timeout", 1, 86400));
    return options;
}

}  // namespace

int runTrain(const std::vector<std::string>& arguments)
{
    ArgumentParser parser("muze train --phase 1 --annotations data.json --out_dir run/ [options]",
                          "Train a phase of the model on a dataset built by `muze build-dataset`: checkpoints (safetensors) and a\n"
                          "metrics log (metrics.jsonl) go to --out_dir. Ctrl+C stops after writing a checkpoint; --resume goes on\n"
                          "from the latest one, exactly as if the run had not stopped. See `muze models` for the presets.");
    parser.option("--phase", "N", "1: the vocoder and the VAE; 2: the composition planner; 3: the latent diffusion model", "1")
        .option("--model", "NAME", "phase 1's: vocoder, vae, or both (the vocoder first)", "both")
        .option("--annotations", "FILE", "the dataset JSON (its feature cache is read from beside it)")
        .option("--audio_dir", "DIR", "where the songs are, for the vocoder (default: where the dataset was built from)")
        .option("--out_dir", "DIR", "the model's folder: each part's checkpoints and log go in vae/, vocoder/, planner/, ldm/")
        .option("--preset", "NAME", "tiny, small, or a reference size (see `muze models`)", "tiny")
        .option("--epochs", "N", "passes over the training songs (with --max_minutes alone: as many as the time allows)", "50")
        .option("--max_steps", "N", "stop after this many steps (instead of the epochs)")
        .option("--batch_size", "N", "crops per step", "4")
        .option("--lr", "RATE", "peak learning rate (default: the preset's)")
        .option("--seed", "N", "for the split, the crops and the noise", "0")
        .option("--max_tracks", "N", "use only the first N records")
        .option("--max_minutes", "MINUTES", "stop, with a checkpoint, after this long")
        .option("--device", "DEVICE", "cpu, or cuda with a CUDA build of LibTorch", "cpu")
        .option("--validate_every", "N", "steps between validations and checkpoints", "100")
        .option("--vae_checkpoint", "FILE", "phase 3: the VAE whose latents it learns (default: OUT_DIR/vae/checkpoints/best.safetensors)")
        .option("--ldm_checkpoint", "FILE", "phase 3: start from these weights (fine-tuning)")
        .option("--cfg_dropout", "P", "phase 3: share of examples trained without conditioning", "0.1")
        .option("--voice_dropout", "P", "phase 3: share of examples trained without their voice", "0.1")
        .option("--transpose", "N", "phase 3: hear each song moved by up to ±N semitones, its key, chords and pitch with it (0: off)", "0")
        .option("--text_encoder", "FILE", "phase 3: a TorchScript T5 or CLAP (encode_text) in place of the built-in text encoder")
        .flag("--one_key", "phase 3 and the vocoder: hear every song with its tonic moved to C; generation moves each section to the key it asks for")
        .flag("--gradient_checkpointing", "phase 1: the VAE keeps less for its backward pass and runs each block twice")
        .flag("--resume", "carry on from the latest checkpoint in --out_dir")
        .option("--world_size", "N", "processes training together, each with its share of every batch (or WORLD_SIZE)", "1")
        .option("--rank", "I", "this process's place among them, 0 to N-1; rank 0 writes checkpoints and logs (or RANK)", "0")
        .option("--master_addr", "HOST", "where rank 0 listens for the others (or MASTER_ADDR)", "127.0.0.1")
        .option("--master_port", "PORT", "its port (or MASTER_PORT)", "29500")
        .option("--dist_timeout", "SECONDS", "how long a rank waits for the others (rank 0 validates alone) before it stops with an error", "1800");
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
    options.epochs = args.integer("epochs", 1, kMostEpochs);
    if (args.wasGiven("max_minutes") && !args.wasGiven("epochs") && !args.wasGiven("max_steps"))
        options.epochs = kMostEpochs;  // a time limit alone: the time decides, not the default epochs
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
    options.gradientCheckpointing = args.has("gradient_checkpointing");
    if (args.has("text_encoder"))
        options.textEncoder = args.text("text_encoder");
    if (args.has("audio_dir"))
        options.audioDir = args.text("audio_dir");
    if (args.has("vae_checkpoint"))
        options.vaeCheckpoint = args.text("vae_checkpoint");
    if (args.has("ldm_checkpoint"))
        options.ldmCheckpoint = args.text("ldm_checkpoint");
    options.cfgDropout = args.number("cfg_dropout", 0.0, 1.0);
    options.voiceDropout = args.number("voice_dropout", 0.0, 1.0);
    options.transposeRange = args.integer("transpose", 0, 6);
    options.oneKey = args.has("one_key");
    if (options.oneKey && options.transposeRange > 0)
        throw UsageError("--one_key hears every song in C and --transpose in keys around its own: give one of them");
    options.distributed = distributedOptions(args);

    const std::vector<PhaseOneModel> models = options.phase == 1 ? phaseOneModels(args.text("model")) : std::vector<PhaseOneModel>{PhaseOneModel::Vae};
    for (const PhaseOneModel model : models) {
        options.model = model;
        ProgressLine progress;
        const TrainSummary summary = train(options, progress.control());
        const char* part = options.phase == 3 ? "latent diffusion" : options.phase == 2 ? "planner" : model == PhaseOneModel::Vocoder ? "vocoder" : "VAE";
        if (options.distributed.writes())
            std::cerr << "\r" << part << ": step " << summary.steps << ", validation loss " << summary.firstValidationLoss << " → "
                      << summary.lastValidationLoss << " " << summary.lastValidation.dump() << ". Checkpoint: " << summary.checkpoint.string() << "\n";
        else
            std::cerr << "\r" << part << ": step " << summary.steps << " (rank 0 validates and writes the checkpoints)\n";
        if (options.distributed.distributed())
            std::cerr << "rank " << options.distributed.rank << " of " << options.distributed.worldSize << ": weights fingerprint " << std::hex
                      << summary.weightsFingerprint << std::dec << "\n";
    }
    return 0;
}

}  // namespace muze::cli
