#include "core/dataset/DatasetBuilder.h"

#include "core/audio/AudioDecoder.h"
#include "core/common/AtomicFile.h"
#include "core/common/Error.h"
#include "core/common/Parallel.h"
#include "core/common/PathText.h"
#include "core/common/ProcessUsage.h"
#include "core/dataset/AnalysisJobs.h"
#include "core/dataset/BuildJournal.h"
#include "core/dataset/BuildPlan.h"
#include "core/dataset/DatasetFile.h"
#include "core/dataset/FeatureCache.h"
#include "core/dataset/FolderScan.h"
#include "core/dataset/TextFields.h"

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <exception>
#include <fstream>
#include <map>
#include <mutex>
#include <sys/stat.h>
#include <thread>
#include <utility>

namespace muze {
namespace {

using Json = nlohmann::ordered_json;

const char* kindName(ErrorKind kind)
{
    switch (kind) {
    case ErrorKind::InvalidArgument: return "invalid";
    case ErrorKind::NotFound: return "not_found";
    case ErrorKind::PermissionDenied: return "permission_denied";
    case ErrorKind::Unsupported: return "unsupported";
    case ErrorKind::Corrupt: return "corrupt";
    case ErrorKind::LimitExceeded: return "too_large";
    case ErrorKind::Io: return "io";
    case ErrorKind::DiskFull: return "disk_full";
    case ErrorKind::Device: return "device";
    case ErrorKind::Cancelled: return "cancelled";
    }
    return "error";
}

void keepUserEdits(const Record& previous, Record& record)
{
    const auto edited = previous.find(field::kUserEdited);
    if (edited != previous.end() && edited->is_array()) {
        for (const auto& name : *edited)
            if (name.is_string() && previous.contains(name.get<std::string>()))
                record[name.get<std::string>()] = previous[name.get<std::string>()];
        record[field::kUserEdited] = *edited;
    }
    if (previous.contains(field::kIncluded))
        record[field::kIncluded] = previous[field::kIncluded];
}

// The fields that follow from the user's lyrics and prompt, where the user edited them and they no
// longer follow (a fresh analysis derived them from its own words; an edit in the Library leaves
// clap_text_embedding for the build to compute).
void followUserWords(Record& record, const AnalysisOptions& analysis, bool analysed)
{
    if (analysed && isUserEdited(record, field::kLyrics))
        refreshLyricFields(record, analysis.language);
    const bool promptEmbedded = record.contains("clap_text_embedding") && !record["clap_text_embedding"].is_null();
    if (isUserEdited(record, field::kPrompt) && (analysed || (analysis.encoders.clap && !promptEmbedded)))
        refreshPromptFields(record, analysis.encoders.clap.get());
}

// ---- Step 1 and 2: what was there before, and the plan --------------------------------------------

struct PreviousRecords {
    std::map<std::string, Record> records;  // by audio_path: the dataset's, updated by the journal's
    std::map<std::string, Json> failures;   // the journal's errors
    Json savedOptions;                      // analysis_options of records made before the field existed
};

// The dataset's records with the journal of an unfinished build laid over them. An edit saved to
// the dataset after the journal's entry was written is kept: the journal's record was analysed
// from the dataset's record of its time, so the dataset's edited fields are never older.
PreviousRecords readPrevious(const DatasetPaths& paths, const std::optional<BuildSettings>& settings)
{
    PreviousRecords previous;
    if (std::filesystem::exists(paths.dataset))
        for (Record& record : readDataset(paths.dataset)) {
            const std::string key = record[field::kAudioPath].get<std::string>();  // before the move below
            previous.records[key] = std::move(record);
        }
    JournalEntries journal = BuildJournal::load(paths.journal);
    for (auto& [path, record] : journal.records) {
        if (const auto found = previous.records.find(path); found != previous.records.end())
            keepUserEdits(found->second, record);
        previous.records[path] = std::move(record);
    }
    previous.failures = std::move(journal.errors);
    AnalysisOptions saved;
    if (settings) {
        saved.language = settings->language;
        saved.recognizeSpeech = settings->recognizeSpeech;
    }
    previous.savedOptions = analysisOptionsJson(saved);
    return previous;
}

FilePresence presenceOf(const std::filesystem::path& root, const std::string& audioPath)
{
    struct stat status {};
    if (::lstat(pathFromText(root, audioPath).c_str(), &status) == 0)
        return FilePresence::Present;
    return errno == ENOENT || errno == ENOTDIR ? FilePresence::Gone : FilePresence::Unknown;
}

struct Track {
    std::size_t index = 0;
    std::filesystem::path file;
    std::string relative;  // audio_path
    std::optional<Record> previous;
};

// ---- Step 3: analysis ------------------------------------------------------------------------------

// The build's prompts written by the language model, for records whose prompt is neither the
// user's nor this model's already.
class LlmPromptWriter {
public:
    explicit LlmPromptWriter(const std::optional<PromptLlm>& llm)
    {
        if (llm)
            m_session.emplace(*llm);
    }

    void rewrite(Record& record, const JobControl& control)
    {
        if (!m_session || isUserEdited(record, field::kPrompt) || valueOr(record, kPromptSource, std::string()) == promptSourceOf(m_session->llm()))
            return;
        if (std::optional<std::string> prompt = m_session->promptFor(record, control)) {
            record[field::kPrompt] = *prompt;
            record[kPromptSource] = promptSourceOf(m_session->llm());
        }
    }

    void report(BuildSummary& summary) const
    {
        if (!m_session)
            return;
        summary.llmPrompts = m_session->written();
        summary.llmMissed = m_session->missed();
        summary.llmProblem = m_session->problem();
    }

private:
    std::optional<PromptLlmSession> m_session;
};

// The tracks of one build, analysed `jobs` at a time, each result journalled as soon as it is known.
class TrackAnalysis {
public:
    TrackAnalysis(const BuildOptions& options, const DatasetPaths& paths, const PreviousRecords& previous, BuildSummary& summary,
                  const JobControl& control, const std::function<void(const TrackEvent&)>& onTrack)
        : m_options(options), m_previous(previous), m_summary(summary), m_control(control), m_onTrack(onTrack),
          m_cache(paths.cache), m_journal(paths.journal), m_failures(previous.failures), m_prompts(options.promptLlm)
    {
        m_analysis = options.analysis;
        m_analysis.cacheFolder = paths.cache;
        m_analysis.vocalsFolder = options.separateVocals ? paths.vocals : std::filesystem::path();
        m_analysis.encoders = loadEncoders(options.encoders);
        m_encoders = encoderIdentities(m_analysis.encoders);
    }

    // Runs every track; rethrows what stopped the whole run (a full disk) once the workers are done.
    void run(const std::vector<Track>& tracks)
    {
        m_tracks = &tracks;
        m_results.assign(tracks.size(), std::nullopt);
        const int jobs = chooseJobs(tracks);
        std::vector<std::thread> workers;
        for (int j = 1; j < jobs; ++j)
            workers.emplace_back([this] { work(); });
        work();
        for (std::thread& thread : workers)
            thread.join();
        if (m_fatal)
            std::rethrow_exception(m_fatal);
    }

    std::vector<std::optional<Record>>& results() { return m_results; }
    const LlmPromptWriter& prompts() const { return m_prompts; }
    const std::map<std::string, Json>& failures() const { return m_failures; }

private:
    bool stopping() const { return m_control.isCancelled() || m_stop.load(); }

    // One job per core unless --jobs says otherwise, and no more than memory holds analyses of the
    // longest song; the progress stage says which.
    int chooseJobs(const std::vector<Track>& tracks)
    {
        const int cores = computeThreads();
        const bool memoryMatters = m_options.jobs <= 0 && cores > 1 && tracks.size() > 1;
        const std::int64_t available = memoryMatters ? availableMemoryBytes() : 0;
        // Reading every file's header takes a few ms each: only when the longest song allowed would not fit.
        const double longestAllowed = m_analysis.maxDurationSeconds;
        const bool roomForTheLongestAllowed = available >= cores * analysisPeakBytes(longestAllowed);
        AnalysisJobs choice = chooseAnalysisJobs(m_options.jobs, cores, available,
                                                 memoryMatters && !roomForTheLongestAllowed ? longestSeconds(tracks) : longestAllowed);
        choice.jobs = std::clamp(choice.jobs, 1, std::max<int>(1, static_cast<int>(tracks.size())));
        m_jobs = choice;
        m_stage = describeAnalysisJobs(choice);
        m_control.report(m_stage, 0.0);
        return choice.jobs;
    }

    // From the previous records where there are some, else from each file's header; a file longer
    // than the analysis accepts is refused at once, so counts as the longest accepted.
    double longestSeconds(const std::vector<Track>& tracks) const
    {
        double longest = 0.0;
        for (const Track& track : tracks) {
            double seconds = 0.0;
            if (track.previous && track.previous->value("duration", Json(nullptr)).is_number())
                seconds = (*track.previous)["duration"].get<double>();
            else
                try {
                    seconds = probeAudioFile(track.file).durationSeconds;
                } catch (const Error&) {
                    // the analysis will say why the file cannot be used
                }
            longest = std::max(longest, std::min(seconds, m_analysis.maxDurationSeconds));
        }
        return longest;
    }

    void work()
    {
        SerialScope serial;  // one track per core already
        for (std::size_t i; !stopping() && (i = m_next++) < m_tracks->size();) {
            const Track& track = (*m_tracks)[i];
            try {
                process(track);
            } catch (const Error& error) {
                if (error.kind() == ErrorKind::Cancelled)
                    return;
                if (error.kind() == ErrorKind::DiskFull)
                    return stopRun(std::current_exception());
                recordFailure(track, error.what(), kindName(error.kind()));
            } catch (const std::bad_alloc&) {
                recordFailure(track, "Not enough memory to analyse \"" + track.relative + "\"; build again with fewer songs at once (--jobs).",
                              "out_of_memory");
            } catch (const std::exception& error) {
                recordFailure(track, "The analysis of \"" + track.relative + "\" failed unexpectedly: " + textFromBytes(error.what()), "internal");
            }
        }
    }

    void stopRun(std::exception_ptr cause)
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        if (!m_fatal)
            m_fatal = cause;
        m_stop = true;
    }

    void recordFailure(const Track& track, const std::string& reason, const char* kind)
    {
        const Json failure = {{"audio_path", track.relative}, {"reason", textFromBytes(reason)}, {"kind", kind}};
        try {
            m_journal.appendError(track.relative, failure);
        } catch (const Error&) {
            return stopRun(std::current_exception());
        }
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            m_failures[track.relative] = failure;
        }
        emit({track.relative, false, TrackOutcome::Failed, reason, 0, 0, {}});
    }

    void process(const Track& track)
    {
        SourceFingerprint source = statFingerprint(track.file);
        if (track.previous) {
            if (std::optional<Record> reused = reuse(*track.previous, track, source)) {
                m_prompts.rewrite(*reused, JobControl{nullptr, m_control.cancel});
                finish(track, std::move(*reused), TrackOutcome::Reused);
                return;
            }
        }
        emit({track.relative, true, TrackOutcome::Analyzed, "", 0, 0, {}});
        source = fullFingerprint(track.file);
        Record record = analyzeTrack(track.file, track.relative, source, m_analysis, JobControl{nullptr, m_control.cancel});
        if (track.previous)
            keepUserEdits(*track.previous, record);
        followUserWords(record, m_analysis, true);
        m_prompts.rewrite(record, JobControl{nullptr, m_control.cancel});
        m_journal.appendRecord(track.relative, record);
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            m_summary.audioSeconds += record.value("duration", 0.0);
        }
        finish(track, std::move(record), TrackOutcome::Analyzed);
    }

    void finish(const Track& track, Record record, TrackOutcome outcome)
    {
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            m_failures.erase(track.relative);
        }
        m_results[track.index] = std::move(record);
        emit({track.relative, false, outcome, "", 0, 0, {}});
    }

    // The previous record brought up to date without an analysis, or nothing when the file or an
    // option that changes the analysis is different.
    std::optional<Record> reuse(const Record& previous, const Track& track, SourceFingerprint& source) const
    {
        if (!isUnchanged(previous, track.file, source) || !m_cache.isCurrent(std::to_string(trackIdFor(track.relative)), source.contentKey()))
            return std::nullopt;
        const Json options = previous.contains(field::kAnalysisOptions) ? previous[field::kAnalysisOptions] : m_previous.savedOptions;
        if (!optionsAllowReuse(previous, options, track))
            return std::nullopt;
        Record record = previous;
        record[field::kSource] = source.toJson();
        record[field::kAnalysisOptions] = analysisOptionsJson(m_analysis);
        followUserWords(record, m_analysis, false);
        return record;
    }

    // Whether `previous` still describes `file` as these encoders would; updates `source` with the
    // hash when it had to read it. A field of the wrong type means it does not.
    bool isUnchanged(const Record& previous, const std::filesystem::path& file, SourceFingerprint& source) const
    {
        const auto version = previous.find(field::kAnalysisVersion);
        const auto encoders = previous.find(field::kEncoders);
        const auto stored = previous.find(field::kSource);
        if (version == previous.end() || *version != kAnalysisVersion || encoders == previous.end() || *encoders != m_encoders ||
            stored == previous.end() || !stored->is_object())
            return false;
        SourceFingerprint old;
        try {
            old = SourceFingerprint::fromJson(*stored);
        } catch (const nlohmann::json::exception&) {
            return false;
        }
        if (old.size != source.size || old.hash == 0)
            return false;
        if (old.modified == source.modified) {
            source.hash = old.hash;
            return true;
        }
        source = fullFingerprint(file);  // touched or copied: same bytes?
        return source.hash == old.hash;
    }

    // Whether the options the record was made with give what these options would: speech
    // recognition matters only where it ran or would run, the language only where there are lyrics,
    // and separated vocals only when they are wanted and not written yet.
    bool optionsAllowReuse(const Record& previous, const Json& madeWith, const Track& track) const
    {
        const auto lyricsSource = previous.find("lyrics_source");
        const bool fromSpeech = lyricsSource != previous.end() && *lyricsSource == "asr";
        const bool speechWouldRun = lyricsSource != previous.end() && lyricsSource->is_null() && valueOr(previous, "has_vocals", false);
        const bool recognized = madeWith.is_object() && valueOr(madeWith, "recognize_speech", true);
        if (recognized != m_analysis.recognizeSpeech && (fromSpeech || (speechWouldRun && m_analysis.recognizeSpeech)))
            return false;
        const bool hasLyrics = !valueOr(previous, field::kLyrics, std::string()).empty();
        const std::string language = madeWith.is_object() ? valueOr(madeWith, "language", std::string("en")) : std::string("en");
        if (language != m_analysis.language && hasLyrics)
            return false;
        if (!m_analysis.vocalsFolder.empty() &&
            !std::filesystem::exists(separatedVocalsPath(m_analysis.vocalsFolder, track.relative, trackIdFor(track.relative))))
            return false;
        return true;
    }

    void emit(TrackEvent event)
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        event.total = m_summary.total;
        event.jobs = m_jobs;
        if (!event.started) {
            event.finished = ++m_finished;
            switch (event.outcome) {
            case TrackOutcome::Analyzed: ++m_summary.analyzed; break;
            case TrackOutcome::Reused: ++m_summary.reused; break;
            case TrackOutcome::Failed: ++m_summary.failed; break;
            }
            m_control.report(m_stage, static_cast<double>(event.finished) / std::max(1, m_summary.total));
        }
        if (m_onTrack)
            m_onTrack(event);
    }

    const BuildOptions& m_options;
    const PreviousRecords& m_previous;
    BuildSummary& m_summary;
    const JobControl& m_control;
    const std::function<void(const TrackEvent&)>& m_onTrack;
    AnalysisOptions m_analysis;
    Json m_encoders;
    FeatureCache m_cache;
    BuildJournal m_journal;
    std::map<std::string, Json> m_failures;
    LlmPromptWriter m_prompts;
    const std::vector<Track>* m_tracks = nullptr;
    std::vector<std::optional<Record>> m_results;
    std::mutex m_mutex;
    std::atomic<std::size_t> m_next{0};
    std::atomic<bool> m_stop{false};
    std::exception_ptr m_fatal;
    int m_finished = 0;
    AnalysisJobs m_jobs;
    std::string m_stage = "tracks";
};

// ---- Step 4: the files a build writes --------------------------------------------------------------

void writeArtistEmbeddings(const std::filesystem::path& path, const std::vector<Record>& records)
{
    std::map<std::string, std::pair<std::vector<double>, int>> sums;
    for (const Record& record : records) {
        const auto artist = record.find(field::kArtist);
        const auto embedding = record.find(field::kVoiceEmbedding);
        if (artist == record.end() || !artist->is_string() || embedding == record.end() || !embedding->is_array())
            continue;
        auto& [sum, count] = sums[textFromBytes(artist->get<std::string>())];
        if (sum.empty())
            sum.assign(embedding->size(), 0.0);
        if (sum.size() != embedding->size() || !std::all_of(embedding->begin(), embedding->end(), [](const Json& v) { return v.is_number(); }))
            continue;
        for (std::size_t i = 0; i < sum.size(); ++i)
            sum[i] += (*embedding)[i].get<double>();
        ++count;
    }
    Json out = Json::object();
    for (const auto& [artist, entry] : sums) {
        if (entry.second == 0)
            continue;
        Json mean = Json::array();
        for (double value : entry.first)
            mean.push_back(std::round(value / entry.second * 1e5) / 1e5);
        out[artist] = mean;
    }
    writeFileAtomically(path, out.dump(1) + "\n");
}

Json errorsJson(const FolderScan& scan, const std::filesystem::path& root, const std::vector<Track>& tracks, TrackAnalysis& analysis)
{
    Json errors = Json::array();
    for (const ScanProblem& problem : scan.unreadable)
        errors.push_back({{"audio_path", pathText(problem.path.lexically_relative(root))},
                          {"reason", "\"" + pathText(problem.path) + "\" cannot be examined: " + textFromBytes(problem.reason) + "."},
                          {"kind", "unreadable"}});
    for (const Track& track : tracks)
        if (const auto found = analysis.failures().find(track.relative); found != analysis.failures().end() && !analysis.results()[track.index])
            errors.push_back(found->second);
    return errors;
}

void writeSettings(const DatasetPaths& paths, const BuildOptions& options, const std::filesystem::path& root)
{
    const Json settings = {{"audio_dir", pathText(std::filesystem::absolute(root).lexically_normal())},
                           {"separate_vocals", options.separateVocals},
                           {"recognize_speech", options.analysis.recognizeSpeech},
                           {"language", options.analysis.language}};
    writeFileAtomically(paths.settings, settings.dump(1) + "\n");
}

}  // namespace

DatasetPaths DatasetPaths::forDataset(const std::filesystem::path& dataset)
{
    DatasetPaths paths;
    paths.dataset = dataset;
    const std::string base = dataset.string();
    paths.journal = base + ".partial.jsonl";
    paths.errors = base + ".errors.json";
    paths.artistEmbeddings = base + ".artist_embeddings.json";
    std::filesystem::path stem = dataset;
    stem.replace_extension();
    paths.cache = stem.string() + ".cache";
    paths.vocals = stem.string() + ".vocals";
    paths.settings = base + ".settings.json";
    return paths;
}

std::optional<BuildSettings> readBuildSettings(const std::filesystem::path& dataset)
{
    const std::filesystem::path path = DatasetPaths::forDataset(dataset).settings;
    std::ifstream in(path);
    if (!in)
        return std::nullopt;
    try {
        const Json json = Json::parse(in);
        BuildSettings settings;
        settings.audioDir = pathFromText({}, json.at("audio_dir").get<std::string>());
        settings.separateVocals = json.value("separate_vocals", false);
        settings.recognizeSpeech = json.value("recognize_speech", true);
        settings.language = json.value("language", std::string("en"));
        if (settings.audioDir.empty())
            throw Error(ErrorKind::Corrupt, "");
        return settings;
    } catch (const std::exception&) {
        throw Error(ErrorKind::Corrupt, "The dataset's settings \"" + path.string() +
                                            "\" are damaged, so where its songs are is not known. Choose the folder of songs again.");
    }
}

void applyBuildSettings(const BuildSettings& settings, BuildOptions& options)
{
    options.separateVocals = settings.separateVocals;
    options.analysis.recognizeSpeech = settings.recognizeSpeech;
    options.analysis.language = settings.language;
}

BuildSummary buildDataset(const BuildOptions& options, const JobControl& control, const std::function<void(const TrackEvent&)>& onTrack)
{
    const DatasetPaths paths = DatasetPaths::forDataset(options.output);
    const std::filesystem::path outputFolder = options.output.parent_path().empty() ? "." : options.output.parent_path();
    if (!std::filesystem::is_directory(outputFolder))
        throw Error(ErrorKind::NotFound, "The output folder \"" + outputFolder.string() + "\" does not exist.");

    // Step 1: scan. Paths stay as the folder shows them (lexically relative): resolving links would
    // fail on a link loop and would leak the target's location into audio_path. A dataset kept
    // inside its music folder does not analyse its own cache and vocals.
    const std::filesystem::path root = options.audioDir.lexically_normal();
    const FolderScan scan = scanAudioFolder(root, {paths.cache, paths.vocals});
    std::optional<BuildSettings> settings;
    try {
        settings = readBuildSettings(paths.dataset);
    } catch (const Error&) {
        // the options given now are written in its place
    }
    const PreviousRecords previous = readPrevious(paths, settings);

    // Step 2: plan.
    BuildPlanInput input;
    std::map<std::string, std::filesystem::path> fileOf;
    for (const auto& [path, record] : previous.records)
        input.previous.push_back(path);
    for (const std::filesystem::path& file : scan.files) {
        input.found.push_back(pathText(file.lexically_relative(root)));
        fileOf[input.found.back()] = file;
    }
    for (const ScanProblem& problem : scan.unreadable)
        input.unreadable.push_back(pathText(problem.path.lexically_relative(root)));
    input.maxTracks = options.maxTracks;
    input.shard = options.shard;
    BuildPlan plan = planBuild(input, [&](const std::string& audioPath) { return presenceOf(root, audioPath); });
    std::vector<std::string> keptGone;
    if (!plan.gone.empty() && options.confirmDrop && !options.confirmDrop(plan.gone))
        keptGone = std::exchange(plan.gone, {});

    // Step 3: analyse.
    std::vector<Track> tracks;
    for (const std::string& relative : plan.visit) {
        Track track{tracks.size(), fileOf.at(relative), relative, std::nullopt};
        if (const auto found = previous.records.find(relative); found != previous.records.end())
            track.previous = found->second;
        tracks.push_back(std::move(track));
    }
    BuildSummary summary;
    summary.total = static_cast<int>(tracks.size() + scan.unreadable.size());
    summary.unreadable = static_cast<int>(scan.unreadable.size());
    TrackAnalysis analysis(options, paths, previous, summary, control, onTrack);
    analysis.run(tracks);
    control.throwIfCancelled();
    analysis.prompts().report(summary);

    // Step 4: write.
    std::map<std::string, Record> records;
    for (std::size_t i = 0; i < tracks.size(); ++i)
        if (analysis.results()[i])
            records[tracks[i].relative] = std::move(*analysis.results()[i]);
    for (const auto* kept : {&plan.keep, &keptGone})
        for (const std::string& path : *kept)
            records[path] = previous.records.at(path);
    std::vector<Record> ordered;
    ordered.reserve(records.size());
    for (auto& [path, record] : records)
        ordered.push_back(std::move(record));
    const Json errors = errorsJson(scan, root, tracks, analysis);
    summary.failed = static_cast<int>(errors.size());
    summary.dropped = static_cast<int>(plan.gone.size());
    summary.droppedPaths = plan.gone;
    summary.kept = static_cast<int>(plan.keep.size());
    summary.keptGone = static_cast<int>(keptGone.size());
    summary.folderEmpty = plan.folderEmpty;
    writeDataset(paths.dataset, ordered);
    writeFileAtomically(paths.errors, errors.dump(1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
    writeArtistEmbeddings(paths.artistEmbeddings, ordered);
    writeSettings(paths, options, root);
    std::filesystem::remove(paths.journal);
    control.report("tracks", 1.0);
    return summary;
}

namespace {

// A file beside a dataset copied beside another, when it exists; the copy is made under a temporary
// name and renamed, so that a killed merge leaves no half file under the real name.
void copyIfPresent(const std::filesystem::path& from, const std::filesystem::path& to)
{
    std::error_code missing;
    if (!std::filesystem::is_regular_file(from, missing))
        return;
    std::filesystem::create_directories(to.parent_path());
    const std::filesystem::path partial = to.string() + ".partial";
    std::filesystem::copy_file(from, partial, std::filesystem::copy_options::overwrite_existing);
    std::filesystem::rename(partial, to);
}

Json readJsonFileOr(const std::filesystem::path& path, Json fallback)
{
    std::ifstream in(path);
    if (!in)
        return fallback;
    try {
        return Json::parse(in);
    } catch (const Json::exception& e) {
        throw Error(ErrorKind::Corrupt, "\"" + path.string() + "\" is not valid JSON (" + e.what() + "). Fix or remove it, then merge again.");
    }
}

}  // namespace

std::size_t mergeDatasetFiles(const std::vector<std::filesystem::path>& inputs, const std::filesystem::path& output)
{
    std::vector<std::vector<Record>> datasets;
    for (const std::filesystem::path& input : inputs)
        datasets.push_back(readDataset(input));
    std::map<std::string, std::size_t> sourceOf;  // audio_path -> the input whose record is kept
    std::map<std::string, Json> errors;
    for (std::size_t i = 0; i < inputs.size(); ++i) {
        for (const Record& record : datasets[i])
            sourceOf[record[field::kAudioPath].get<std::string>()] = i;
        for (const Json& error : readJsonFileOr(DatasetPaths::forDataset(inputs[i]).errors, Json::array()))
            if (error.is_object() && error.contains(field::kAudioPath) && error[field::kAudioPath].is_string())
                errors[error[field::kAudioPath].get<std::string>()] = error;
    }
    const std::vector<Record> merged = mergeDatasets(datasets);

    const DatasetPaths out = DatasetPaths::forDataset(output);
    for (const auto& [path, input] : sourceOf) {
        const DatasetPaths from = DatasetPaths::forDataset(inputs[input]);
        const std::int64_t id = trackIdFor(path);
        copyIfPresent(FeatureCache(from.cache).pathFor(std::to_string(id)), FeatureCache(out.cache).pathFor(std::to_string(id)));
        copyIfPresent(separatedVocalsPath(from.vocals, path, id), separatedVocalsPath(out.vocals, path, id));
    }
    Json errorList = Json::array();
    for (const auto& [path, error] : errors)
        if (sourceOf.count(path) == 0)
            errorList.push_back(error);
    writeDataset(out.dataset, merged);
    writeFileAtomically(out.errors, errorList.dump(1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
    writeArtistEmbeddings(out.artistEmbeddings, merged);
    for (const std::filesystem::path& input : inputs) {
        const std::filesystem::path settings = DatasetPaths::forDataset(input).settings;
        if (std::filesystem::exists(settings) && settings != out.settings) {
            copyIfPresent(settings, out.settings);
            break;
        }
    }
    return merged.size();
}

}  // namespace muze
