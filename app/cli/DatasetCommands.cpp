#include "app/cli/ArgumentParser.h"
#include "app/cli/Commands.h"
#include "app/cli/Terminal.h"
#include "core/dataset/DatasetBuilder.h"
#include "core/dataset/DatasetFile.h"
#include "core/dataset/TrackAnalyzer.h"

#include <iostream>
#include <mutex>

namespace muze::cli {
namespace {

void addAnalysisOptions(ArgumentParser& parser)
{
    parser.flag("--no_asr", "do not run speech recognition for lyrics (tags and .lrc/.txt sidecars are still read)")
        .option("--language", "CODE", "language of the lyrics, for phonemes (an espeak-ng voice: en, pl, de, ...)", "en")
        .option("--max_duration", "SECONDS", "refuse files longer than this", "1800")
        .option("--voice_encoder", "FILE", "a TorchScript speaker encoder (256 numbers from 16 kHz audio) for voice_embedding")
        .option("--ecapa_encoder", "FILE", "a TorchScript speaker encoder (192 numbers from 16 kHz audio) for ecapa_embedding")
        .option("--clap_encoder", "FILE", "a TorchScript CLAP (encode_audio at 48 kHz, encode_text; 512 numbers) for the clap_* fields");
}

EncoderFiles encoderFiles(const ArgumentParser::Result& args)
{
    const auto path = [&](const char* name) { return args.has(name) ? std::filesystem::path(args.text(name)) : std::filesystem::path(); };
    return {path("voice_encoder"), path("ecapa_encoder"), path("clap_encoder")};
}

// Without the encoders: the dataset builder loads those itself.
AnalysisOptions analysisOptions(const ArgumentParser::Result& args)
{
    AnalysisOptions options;
    options.recognizeSpeech = !args.has("no_asr");
    options.language = args.text("language");
    options.maxDurationSeconds = args.number("max_duration");
    return options;
}

}  // namespace

int runBuildDataset(const std::vector<std::string>& arguments)
{
    ArgumentParser parser("muze build-dataset --audio_dir DIR --output data.json [options]",
                          "Analyse a folder of songs into a dataset JSON (v3.1 records), with its feature cache, error list and\n"
                          "per-artist voice embeddings beside it. Run it again after adding or changing songs: only those are\n"
                          "analysed, and edits made in the Library are kept. An interrupted build resumes where it stopped.");
    parser.option("--audio_dir", "DIR", "the folder of songs (searched recursively)")
        .option("--output", "FILE", "the dataset JSON to write or update")
        .option("--jobs", "N", "songs analysed at once (default: one per core)", "0")
        .option("--max_tracks", "N", "analyse only the first N files (by path)")
        .flag("--separate_vocals", "also write each song's vocal estimate to OUTPUT's .vocals folder")
        .option("--device", "DEVICE", "accepted for the reference's scripts; analysis runs on the CPU", "cpu")
        .option("--batch_size", "N", "accepted for the reference's scripts; analysis goes one song per job", "1");
    addAnalysisOptions(parser);
    const auto args = parser.parse(arguments);
    if (args.helpRequested) {
        std::cout << parser.help();
        return 0;
    }
    if (!args.has("audio_dir") || !args.has("output"))
        throw UsageError("give both --audio_dir and --output");
    BuildOptions options;
    options.audioDir = args.text("audio_dir");
    options.output = args.text("output");
    options.jobs = args.integer("jobs");
    if (args.has("max_tracks"))
        options.maxTracks = args.integer("max_tracks");
    options.separateVocals = args.has("separate_vocals");
    options.analysis = analysisOptions(args);
    options.encoders = encoderFiles(args);

    ProgressLine progress;
    std::mutex printMutex;
    const BuildSummary summary = buildDataset(options, progress.control(), [&](const TrackEvent& event) {
        if (event.started || event.outcome != TrackOutcome::Failed)
            return;
        std::lock_guard<std::mutex> lock(printMutex);
        std::cerr << "\rmuze: skipped " << event.audioPath << ": " << event.reason << "\n";
    });
    std::cerr << "\r" << summary.total << " files: " << summary.analyzed << " analysed, " << summary.reused << " unchanged, "
              << summary.failed << " failed";
    if (summary.dropped > 0)
        std::cerr << ", " << summary.dropped << " records of removed files dropped";
    std::cerr << ".\n";
    if (summary.failed > 0)
        std::cerr << "The reasons are in " << DatasetPaths::forDataset(options.output).errors.string() << ".\n";
    return 0;
}

int runMergeDataset(const std::vector<std::string>& arguments)
{
    ArgumentParser parser("muze merge-dataset A.json B.json [...] -o OUT.json",
                          "Merge datasets into one, one record per audio_path: a later file's record replaces an earlier one's.");
    parser.option("-o,--output", "FILE", "the merged dataset to write");
    const auto args = parser.parseVariadic(arguments, 2);
    if (args.helpRequested) {
        std::cout << parser.help();
        return 0;
    }
    if (!args.has("output"))
        throw UsageError("say where to write with -o OUT.json");
    std::vector<std::vector<Record>> inputs;
    for (const std::string& input : args.positionals)
        inputs.push_back(readDataset(input));
    const std::vector<Record> merged = mergeDatasets(inputs);
    writeDataset(args.text("output"), merged);
    std::cerr << merged.size() << " records written to " << args.text("output") << ".\n";
    return 0;
}

int runAnalyze(const std::vector<std::string>& arguments)
{
    ArgumentParser parser("muze analyze FILE", "Analyse one song and print its dataset record as JSON.");
    parser.positional("FILE", "the audio file");
    addAnalysisOptions(parser);
    const auto args = parser.parse(arguments);
    if (args.helpRequested) {
        std::cout << parser.help();
        return 0;
    }
    const std::filesystem::path file = args.positionals[0];
    AnalysisOptions options = analysisOptions(args);
    options.encoders = loadEncoders(encoderFiles(args));
    ProgressLine progress;
    const Record record = analyzeTrack(file, file.filename().string(), fullFingerprint(file), options, progress.control());
    std::cout << record.dump(1) << "\n";
    return 0;
}

}  // namespace muze::cli
