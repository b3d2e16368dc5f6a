#include "app/cli/ArgumentParser.h"
#include "app/cli/Commands.h"
#include "app/cli/Terminal.h"
#include "core/common/ApiKeys.h"
#include "core/common/Error.h"
#include "core/common/PathText.h"
#include "core/dataset/DatasetBuilder.h"
#include "core/dataset/DatasetFile.h"
#include "core/dataset/DatasetStats.h"
#include "core/dataset/TrackAnalyzer.h"

#include <algorithm>
#include <cstdio>
#include <iostream>
#include <limits>
#include <mutex>
#include <sstream>

namespace muze::cli {
namespace {

void addAnalysisOptions(ArgumentParser& parser)
{
    parser.flag("--no_asr", "do not run speech recognition for lyrics (tags and .lrc/.txt sidecars are still read)")
        .flag("--asr", "run speech recognition for lyrics (the default; turns it back on for a dataset built with --no_asr)")
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
    if (args.has("asr") && args.has("no_asr"))
        throw UsageError("give --asr or --no_asr, not both");
    AnalysisOptions options;
    options.recognizeSpeech = !args.has("no_asr");
    options.language = args.text("language");
    options.maxDurationSeconds = args.number("max_duration", 1, kMaxDurationLimitSeconds);
    return options;
}

// An update analyses as the dataset was built, except for what this call says otherwise.
void keepSavedOptions(const ArgumentParser::Result& args, BuildOptions& options)
{
    std::optional<BuildSettings> saved;
    try {
        saved = readBuildSettings(options.output);
    } catch (const Error& error) {
        std::cerr << "muze: " << error.what() << " The options given now are used and saved.\n";
    }
    if (!saved)
        return;
    const BuildOptions given = options;
    applyBuildSettings(*saved, options);
    if (args.wasGiven("separate_vocals") || args.wasGiven("no_separate_vocals"))
        options.separateVocals = given.separateVocals;
    if (args.wasGiven("asr") || args.wasGiven("no_asr"))
        options.analysis.recognizeSpeech = given.analysis.recognizeSpeech;
    if (args.wasGiven("language"))
        options.analysis.language = given.analysis.language;
}

void printSummary(const BuildSummary& summary, const BuildOptions& options)
{
    std::cerr << "\r" << summary.total << " files: " << summary.analyzed << " analysed, " << summary.reused << " unchanged, "
              << summary.failed << " failed";
    if (summary.kept > 0)
        std::cerr << ", " << summary.kept << " records kept without a look at their files";
    std::cerr << ".\n";
    if (summary.folderEmpty && summary.kept > 0)
        std::cerr << "The folder holds no audio files (is it empty or not mounted?): every record was kept.\n";
    if (summary.unreadable > 0)
        std::cerr << summary.unreadable << " folders or files could not be read; the records of songs in them were kept.\n";
    if (summary.dropped > 0) {
        std::cerr << summary.dropped << " records of songs no longer in the folder were dropped:\n";
        for (const std::string& path : summary.droppedPaths)
            std::cerr << "  " << path << "\n";
    }
    if (summary.failed > 0)
        std::cerr << "The reasons are in " << DatasetPaths::forDataset(options.output).errors.string() << ".\n";
}

// The language model named by --prompt_llm, with its address, model and the API key from the
// environment; nothing without --prompt_llm.
std::optional<PromptLlm> promptLlmOf(const ArgumentParser::Result& args)
{
    if (!args.has("prompt_llm")) {
        if (args.has("llm_url") || args.has("llm_model"))
            throw UsageError("--llm_url and --llm_model go with --prompt_llm ollama|openai");
        return std::nullopt;
    }
    const std::optional<LlmApi> api = llmApiNamed(args.text("prompt_llm"));
    if (!api)
        throw UsageError("--prompt_llm takes ollama or openai, not \"" + args.text("prompt_llm") + "\"");
    if (!args.has("llm_model"))
        throw UsageError("name the model that writes the prompts with --llm_model (e.g. llama3.2 for Ollama)");
    PromptLlm llm;
    llm.api = *api;
    llm.url = args.has("llm_url") ? args.text("llm_url") : defaultLlmUrl(*api);
    llm.model = args.text("llm_model");
    if (*api == LlmApi::OpenAi)
        llm.apiKey = apiKeyFor(ApiService::OpenAi);
    return llm;
}

void printPromptSummary(const BuildSummary& summary, const PromptLlm& llm)
{
    std::cerr << "Prompts: " << summary.llmPrompts << " written by " << promptSourceOf(llm);
    if (summary.llmMissed > 0)
        std::cerr << "; " << summary.llmMissed << " kept the built-in sentence. " << summary.llmProblem;
    std::cerr << "\n";
}

// "2/3": the second part of three.
Shard shardOf(const std::string& text)
{
    Shard shard;
    char slash = 0;
    std::istringstream in(text);
    if (!(in >> shard.index >> slash >> shard.count) || slash != '/' || !in.eof() || shard.count < 1 || shard.index < 1 ||
        shard.index > shard.count)
        throw UsageError("--shard takes I/N with 1 <= I <= N, e.g. 1/2 and 2/2 for the two machines of a build of one dataset");
    return shard;
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
        .option("--jobs", "N", "songs analysed at once (default: one per core, fewer when free memory would not hold them)", "0")
        .option("--max_tracks", "N", "analyse only the first N files (by path); the records of the others are kept")
        .option("--shard", "I/N", "analyse only part I of N of the folder (by a hash of each path), for N machines to build one\n"
                                  "dataset; join the parts with merge-dataset")
        .flag("--separate_vocals", "also write each song's vocal estimate to OUTPUT's .vocals folder")
        .flag("--no_separate_vocals", "do not write vocal estimates (for a dataset built with --separate_vocals)")
        .option("--prompt_llm", "API", "write each prompt with a language model: ollama (its /api/generate) or openai (any\n"
                                       "server with /v1/chat/completions; its API key comes from OPENAI_API_KEY or the studio's Preferences)")
        .option("--llm_url", "URL", "the language model's server (default: Ollama's http://127.0.0.1:11434, OpenAI's https://api.openai.com)")
        .option("--llm_model", "NAME", "the model that writes the prompts, e.g. llama3.2")
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
    options.jobs = args.integer("jobs", 0, kMaxJobs);
    if (args.has("max_tracks"))
        options.maxTracks = args.integer("max_tracks", 1, std::numeric_limits<int>::max());
    if (args.has("shard"))
        options.shard = shardOf(args.text("shard"));
    if (args.has("separate_vocals") && args.has("no_separate_vocals"))
        throw UsageError("give --separate_vocals or --no_separate_vocals, not both");
    options.separateVocals = args.has("separate_vocals");
    options.analysis = analysisOptions(args);
    options.encoders = encoderFiles(args);
    options.promptLlm = promptLlmOf(args);
    keepSavedOptions(args, options);

    ProgressLine progress;
    std::mutex printMutex;
    const BuildSummary summary = buildDataset(options, progress.control(), [&](const TrackEvent& event) {
        if (event.started || event.outcome != TrackOutcome::Failed)
            return;
        std::lock_guard<std::mutex> lock(printMutex);
        std::cerr << "\rmuze: skipped " << event.audioPath << ": " << event.reason << "\n";
    });
    printSummary(summary, options);
    if (options.promptLlm)
        printPromptSummary(summary, *options.promptLlm);
    return 0;
}

int runMergeDataset(const std::vector<std::string>& arguments)
{
    ArgumentParser parser("muze merge-dataset A.json B.json [...] -o OUT.json",
                          "Merge datasets into one, one record per audio_path: a later file's record replaces an earlier one's.\n"
                          "Each record's cached features and vocal estimate come with it, the errors of files without a record\n"
                          "are kept, and the artist embeddings are counted again: the parts of a build made with --shard\n"
                          "merge into the dataset one machine would have built.");
    parser.option("-o,--output", "FILE", "the merged dataset to write");
    const auto args = parser.parseVariadic(arguments, 2);
    if (args.helpRequested) {
        std::cout << parser.help();
        return 0;
    }
    if (!args.has("output"))
        throw UsageError("say where to write with -o OUT.json");
    const std::vector<std::filesystem::path> inputs(args.positionals.begin(), args.positionals.end());
    const std::size_t records = mergeDatasetFiles(inputs, args.text("output"));
    std::cerr << records << " records written to " << args.text("output") << ".\n";
    return 0;
}

namespace {

constexpr std::size_t kNamesShown = 12;
constexpr int kBarWidth = 40;

void printCounts(std::ostream& out, const char* title, const std::vector<Count>& counts)
{
    out << title << ":";
    if (counts.empty())
        out << " none";
    for (std::size_t i = 0; i < counts.size() && i < kNamesShown; ++i)
        out << (i == 0 ? " " : ", ") << counts[i].name << " " << counts[i].tracks;
    if (counts.size() > kNamesShown)
        out << ", and " << counts.size() - kNamesShown << " more";
    out << "\n";
}

// A bar per bin, its range on the left and its count on the right.
void printHistogram(std::ostream& out, const char* title, const Histogram& h, int decimals)
{
    out << title << ":\n";
    const int most = std::max(1, *std::max_element(h.counts.begin(), h.counts.end()));
    for (std::size_t i = 0; i < h.counts.size(); ++i) {
        char range[48];
        const double from = h.start + static_cast<double>(i) * h.width;
        std::snprintf(range, sizeof range, "  %8.*f–%-8.*f ", decimals, from, decimals, from + h.width);
        out << range << std::string(static_cast<std::size_t>(h.counts[i] * kBarWidth / most), '#') << " " << h.counts[i] << "\n";
    }
}

void printStats(std::ostream& out, const std::string& path, const DatasetStats& s)
{
    char hours[64];
    std::snprintf(hours, sizeof hours, "%.2f h", s.hours);
    out << path << ": " << s.tracks << " tracks, " << hours << " of audio; " << s.included << " in training, " << s.withVocals << " with vocals\n";
    std::snprintf(hours, sizeof hours, "%.2f h, %.2f h and %.2f h", s.phaseHours.vaeAndVocoder, s.phaseHours.planner, s.phaseHours.diffusion);
    out << "Training would see " << hours << " (phase 1 VAE and vocoder, phase 2 planner, phase 3 diffusion)\n\n";
    printCounts(out, "Keys", s.keys);
    printCounts(out, "Modes", s.modes);
    printCounts(out, "Time signatures", s.timeSignatures);
    printCounts(out, "Genres", s.genres);
    printCounts(out, "Artists", s.artists);
    printCounts(out, "Years", s.years);
    printCounts(out, "Section types", s.sectionTypes);
    out << "\n";
    printHistogram(out, "Tempo (BPM)", s.tempo, 0);
    printHistogram(out, "Duration (s)", s.duration, 0);
    printHistogram(out, "Loudness (dB)", s.loudness, 0);
    printHistogram(out, "Energy", s.energy, 1);
    printHistogram(out, "Section length (s)", s.sectionSeconds, 0);
    out << "\n";
    printCounts(out, "Fields null or missing (tracks)", s.nullFields);
    out << "Left out of training: " << (s.leftOut.empty() ? "none" : std::to_string(s.leftOut.size())) << "\n";
    for (const std::string& track : s.leftOut)
        out << "  " << track << "\n";
    out << "\nWarnings: " << (s.warnings.empty() ? "none" : std::to_string(s.warnings.size())) << "\n";
    for (const StatsWarning& warning : s.warnings) {
        out << "  " << warning.message << "\n";
        for (std::size_t i = 0; i < warning.tracks.size() && i < kNamesShown; ++i)
            out << "    " << warning.tracks[i] << "\n";
        if (warning.tracks.size() > kNamesShown)
            out << "    and " << warning.tracks.size() - kNamesShown << " more\n";
    }
}

}  // namespace

int runDatasetStats(const std::vector<std::string>& arguments)
{
    ArgumentParser parser("muze dataset-stats DATA.json [--json]",
                          "What a dataset holds: its tracks' spread over tempo, key, mode, time signature, genre, artist, year,\n"
                          "duration, loudness, energy, vocals and sections; the fields left null; the tracks left out of\n"
                          "training; the hours each training phase would see; and warnings of thin keys and tempi, doubtful\n"
                          "analyses and duplicates.");
    parser.positional("DATA", "the dataset JSON");
    parser.flag("--json", "print the same as JSON");
    const auto args = parser.parse(arguments);
    if (args.helpRequested) {
        std::cout << parser.help();
        return 0;
    }
    const DatasetStats stats = datasetStats(readDataset(args.positionals[0]));
    if (args.has("json"))
        std::cout << toJson(stats).dump(1) << "\n";
    else
        printStats(std::cout, args.positionals[0], stats);
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
    const Record record = analyzeTrack(file, pathText(file.filename()), fullFingerprint(file), options, progress.control());
    std::cout << record.dump(1) << "\n";
    return 0;
}

}  // namespace muze::cli
