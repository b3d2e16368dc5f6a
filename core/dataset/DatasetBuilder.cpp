#include "core/dataset/DatasetBuilder.h"

#include "core/common/AtomicFile.h"
#include "core/common/Error.h"
#include "core/common/Parallel.h"
#include "core/dataset/DatasetFile.h"
#include "core/dataset/FeatureCache.h"
#include "core/dataset/TextFields.h"

#include <algorithm>
#include <atomic>
#include <cctype>
#include <fcntl.h>
#include <fstream>
#include <map>
#include <mutex>
#include <set>
#include <thread>
#include <unistd.h>

namespace muze {
namespace {

using Json = nlohmann::ordered_json;

bool isAudioFile(const std::filesystem::path& path)
{
    static const std::set<std::string> extensions = {".wav", ".flac", ".mp3", ".ogg", ".oga", ".opus", ".m4a", ".aac",
                                                     ".aif", ".aiff", ".wv", ".mka", ".webm", ".wma", ".ape", ".mp2"};
    std::string extension = path.extension().string();
    std::transform(extension.begin(), extension.end(), extension.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return extensions.count(extension) != 0;
}

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
    case ErrorKind::Device: return "device";
    case ErrorKind::Cancelled: return "cancelled";
    }
    return "error";
}

// Appends one JSON line per finished track and syncs it, so that a killed build keeps its work.
class Journal {
public:
    explicit Journal(const std::filesystem::path& path) : m_path(path)
    {
        m_fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
        if (m_fd < 0)
            throw Error(ErrorKind::Io, "Cannot write the build journal " + path.string() + ".");
    }
    ~Journal()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    Journal(const Journal&) = delete;
    Journal& operator=(const Journal&) = delete;

    void append(const Json& entry)
    {
        const std::string line = entry.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
        std::lock_guard<std::mutex> lock(m_mutex);
        std::size_t written = 0;
        while (written < line.size()) {
            const ssize_t n = ::write(m_fd, line.data() + written, line.size() - written);
            if (n < 0)
                throw Error(ErrorKind::Io, "Cannot write the build journal " + m_path.string() + "; is the disk full?");
            written += static_cast<std::size_t>(n);
        }
        ::fsync(m_fd);
    }

    // Entries of an earlier, unfinished build: records and errors by audio_path. A line cut short
    // by a kill is ignored.
    static void load(const std::filesystem::path& path, std::map<std::string, Record>& records, std::map<std::string, Json>& errors)
    {
        std::ifstream in(path);
        for (std::string line; std::getline(in, line);) {
            Json entry;
            try {
                entry = Json::parse(line);
            } catch (const nlohmann::json::exception&) {
                continue;
            }
            if (!entry.is_object() || !entry.contains("audio_path") || !entry["audio_path"].is_string())
                continue;
            const std::string audioPath = entry["audio_path"];
            if (entry.contains("record") && entry["record"].is_object()) {
                records[audioPath] = entry["record"];
                errors.erase(audioPath);
            } else if (entry.contains("error")) {
                errors[audioPath] = entry["error"];
                records.erase(audioPath);
            }
        }
    }

private:
    std::filesystem::path m_path;
    int m_fd = -1;
    std::mutex m_mutex;
};

struct Track {
    std::size_t index = 0;
    std::filesystem::path file;
    std::string relative;
    std::optional<Record> previous;
};

// Whether `previous` still describes `file` as these encoders would; updates `source` with the hash
// when it had to read it.
bool isUnchanged(const Record& previous, const std::filesystem::path& file, const Json& encoders, SourceFingerprint& source)
{
    if (!previous.contains(field::kAnalysisVersion) || previous[field::kAnalysisVersion] != kAnalysisVersion || !previous.contains(field::kSource))
        return false;
    if (!previous.contains(field::kEncoders) || previous[field::kEncoders] != encoders)
        return false;
    const SourceFingerprint old = SourceFingerprint::fromJson(previous[field::kSource]);
    if (old.size != source.size || old.hash == 0)
        return false;
    if (old.modified == source.modified) {
        source.hash = old.hash;
        return true;
    }
    source = fullFingerprint(file);  // touched or copied: same bytes?
    return source.hash == old.hash;
}

void keepUserEdits(const Record& previous, Record& record)
{
    if (previous.contains(field::kUserEdited) && previous[field::kUserEdited].is_array()) {
        for (const auto& name : previous[field::kUserEdited])
            if (name.is_string() && previous.contains(name.get<std::string>()))
                record[name.get<std::string>()] = previous[name.get<std::string>()];
        record[field::kUserEdited] = previous[field::kUserEdited];
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

void writeArtistEmbeddings(const std::filesystem::path& path, const std::vector<Record>& records)
{
    std::map<std::string, std::pair<std::vector<double>, int>> sums;
    for (const Record& record : records) {
        if (!record.contains(field::kArtist) || !record[field::kArtist].is_string() || !record.contains(field::kVoiceEmbedding) ||
            !record[field::kVoiceEmbedding].is_array())
            continue;
        auto& [sum, count] = sums[record[field::kArtist].get<std::string>()];
        const auto& embedding = record[field::kVoiceEmbedding];
        if (sum.empty())
            sum.assign(embedding.size(), 0.0);
        if (sum.size() != embedding.size())
            continue;
        for (std::size_t i = 0; i < sum.size(); ++i)
            sum[i] += embedding[i].get<double>();
        ++count;
    }
    Json out = Json::object();
    for (const auto& [artist, entry] : sums) {
        Json mean = Json::array();
        for (double value : entry.first)
            mean.push_back(std::round(value / entry.second * 1e5) / 1e5);
        out[artist] = mean;
    }
    writeFileAtomically(path, out.dump(1) + "\n");
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
    std::ifstream in(DatasetPaths::forDataset(dataset).settings);
    if (!in)
        return std::nullopt;
    try {
        const Json json = Json::parse(in);
        BuildSettings settings;
        settings.audioDir = json.at("audio_dir").get<std::string>();
        settings.separateVocals = json.value("separate_vocals", false);
        settings.recognizeSpeech = json.value("recognize_speech", true);
        settings.language = json.value("language", std::string("en"));
        return settings;
    } catch (const nlohmann::json::exception&) {
        return std::nullopt;  // a damaged settings file only costs asking for the folder again
    }
}

std::vector<std::filesystem::path> findAudioFiles(const std::filesystem::path& folder, std::vector<std::pair<std::filesystem::path, std::string>>* unreadable,
                                                  const std::vector<std::filesystem::path>& skip)
{
    std::vector<std::filesystem::path> skipped;
    for (const auto& path : skip)
        skipped.push_back(std::filesystem::absolute(path).lexically_normal());
    std::error_code error;
    if (!std::filesystem::is_directory(folder, error))
        throw Error(ErrorKind::NotFound, "The audio folder \"" + folder.string() + "\" does not exist or is not a folder.");
    std::vector<std::filesystem::path> files;
    auto options = std::filesystem::directory_options::skip_permission_denied;
    std::filesystem::recursive_directory_iterator it(folder, options, error);
    if (error)
        throw Error(ErrorKind::PermissionDenied, "The audio folder \"" + folder.string() + "\" cannot be read: " + error.message() + ".");
    for (; it != std::filesystem::recursive_directory_iterator(); it.increment(error)) {
        if (error) {
            if (unreadable)
                unreadable->emplace_back(it->path(), error.message());
            error.clear();
            continue;
        }
        const std::filesystem::path path = it->path();
        if (it->is_directory(error) &&
            std::find(skipped.begin(), skipped.end(), std::filesystem::absolute(path).lexically_normal()) != skipped.end()) {
            it.disable_recursion_pending();
            continue;
        }
        error.clear();
        if (!isAudioFile(path))
            continue;
        std::error_code statusError;
        const auto status = std::filesystem::status(path, statusError);  // follows links: a loop fails here
        if (statusError) {
            if (unreadable)
                unreadable->emplace_back(path, statusError.value() == ELOOP ? "a symbolic link that loops back on itself" : statusError.message());
            continue;
        }
        if (std::filesystem::is_regular_file(status))
            files.push_back(path);
    }
    std::sort(files.begin(), files.end());
    return files;
}

BuildSummary buildDataset(const BuildOptions& options, const JobControl& control, const std::function<void(const TrackEvent&)>& onTrack)
{
    const DatasetPaths paths = DatasetPaths::forDataset(options.output);
    const std::filesystem::path outputFolder = options.output.parent_path().empty() ? "." : options.output.parent_path();
    if (!std::filesystem::is_directory(outputFolder))
        throw Error(ErrorKind::NotFound, "The output folder \"" + outputFolder.string() + "\" does not exist.");

    // Paths stay as the folder shows them (lexically relative): resolving links would fail on a
    // link loop and would leak the target's location into audio_path.
    const std::filesystem::path root = options.audioDir.lexically_normal();
    std::vector<std::pair<std::filesystem::path, std::string>> unreadable;
    // A dataset kept inside its music folder does not analyse its own cache and vocals.
    std::vector<std::filesystem::path> files = findAudioFiles(root, &unreadable, {paths.cache, paths.vocals});
    if (options.maxTracks && static_cast<std::size_t>(*options.maxTracks) < files.size())
        files.resize(static_cast<std::size_t>(std::max(0, *options.maxTracks)));

    std::map<std::string, Record> previous;
    if (std::filesystem::exists(paths.dataset))
        for (Record& record : readDataset(paths.dataset)) {
            const std::string key = record[field::kAudioPath].get<std::string>();  // before the move below
            previous[key] = std::move(record);
        }
    std::map<std::string, Record> journalled;
    std::map<std::string, Json> failures;
    Journal::load(paths.journal, journalled, failures);
    for (auto& [path, record] : journalled)
        previous[path] = std::move(record);

    AnalysisOptions analysis = options.analysis;
    analysis.cacheFolder = paths.cache;
    analysis.vocalsFolder = options.separateVocals ? paths.vocals : std::filesystem::path();
    analysis.encoders = loadEncoders(options.encoders);
    const FeatureCache cache(paths.cache);
    const Json encoders = encoderIdentities(analysis.encoders);

    std::vector<Track> tracks;
    for (std::size_t i = 0; i < files.size(); ++i) {
        Track track{i, files[i], files[i].lexically_relative(root).generic_string(), std::nullopt};
        if (const auto found = previous.find(track.relative); found != previous.end())
            track.previous = found->second;
        tracks.push_back(std::move(track));
    }

    BuildSummary summary;
    summary.total = static_cast<int>(tracks.size() + unreadable.size());
    std::vector<std::optional<Record>> results(tracks.size());
    Journal journal(paths.journal);
    std::mutex eventMutex;
    std::atomic<int> finished{0};
    std::atomic<std::size_t> next{0};
    auto emit = [&](TrackEvent event) {
        std::lock_guard<std::mutex> lock(eventMutex);
        event.total = summary.total;
        if (!event.started) {
            event.finished = ++finished;
            switch (event.outcome) {
            case TrackOutcome::Analyzed: ++summary.analyzed; break;
            case TrackOutcome::Reused: ++summary.reused; break;
            case TrackOutcome::Failed: ++summary.failed; break;
            }
            control.report("tracks", static_cast<double>(event.finished) / std::max(1, summary.total));
        }
        if (onTrack)
            onTrack(event);
    };

    auto process = [&](const Track& track) {
        SourceFingerprint source = statFingerprint(track.file);
        if (track.previous && isUnchanged(*track.previous, track.file, encoders, source) &&
            cache.isCurrent(std::to_string(trackIdFor(track.relative)), source.contentKey())) {
            Record record = *track.previous;
            record[field::kSource] = source.toJson();
            followUserWords(record, analysis, false);
            results[track.index] = record;
            emit({track.relative, false, TrackOutcome::Reused, "", 0, 0});
            return;
        }
        emit({track.relative, true, TrackOutcome::Analyzed, "", 0, 0});
        source = fullFingerprint(track.file);
        const JobControl trackControl{nullptr, control.cancel};
        Record record = analyzeTrack(track.file, track.relative, source, analysis, trackControl);
        if (track.previous)
            keepUserEdits(*track.previous, record);
        followUserWords(record, analysis, true);
        journal.append({{"audio_path", track.relative}, {"record", record}});
        {
            std::lock_guard<std::mutex> lock(eventMutex);
            summary.audioSeconds += record.value("duration", 0.0);
        }
        results[track.index] = std::move(record);
        emit({track.relative, false, TrackOutcome::Analyzed, "", 0, 0});
    };

    auto worker = [&] {
        SerialScope serial;  // one track per core already
        for (std::size_t i; !control.isCancelled() && (i = next++) < tracks.size();) {
            const Track& track = tracks[i];
            try {
                process(track);
                std::lock_guard<std::mutex> lock(eventMutex);
                failures.erase(track.relative);
            } catch (const Error& error) {
                if (error.kind() == ErrorKind::Cancelled)
                    return;
                const Json failure = {{"audio_path", track.relative}, {"reason", error.what()}, {"kind", kindName(error.kind())}};
                journal.append({{"audio_path", track.relative}, {"error", failure}});
                {
                    std::lock_guard<std::mutex> lock(eventMutex);
                    failures[track.relative] = failure;
                }
                emit({track.relative, false, TrackOutcome::Failed, error.what(), 0, 0});
            }
        }
    };
    const int jobs = std::max(1, options.jobs > 0 ? options.jobs : computeThreads());
    std::vector<std::thread> workers;
    for (int j = 1; j < std::min<int>(jobs, static_cast<int>(tracks.size())); ++j)
        workers.emplace_back(worker);
    worker();
    for (std::thread& thread : workers)
        thread.join();
    control.throwIfCancelled();

    std::vector<Record> records;
    for (std::optional<Record>& result : results)
        if (result)
            records.push_back(std::move(*result));
    summary.dropped = static_cast<int>(std::count_if(previous.begin(), previous.end(), [&](const auto& entry) {
        return std::none_of(tracks.begin(), tracks.end(), [&](const Track& t) { return t.relative == entry.first; });
    }));
    Json errors = Json::array();
    for (const auto& [path, unreadableReason] : unreadable)
        errors.push_back({{"audio_path", path.lexically_relative(root).generic_string()},
                          {"reason", "\"" + path.string() + "\" cannot be examined: " + unreadableReason + "."},
                          {"kind", "unreadable"}});
    for (const Track& track : tracks)
        if (const auto found = failures.find(track.relative); found != failures.end() && !results[track.index])
            errors.push_back(found->second);
    summary.failed = static_cast<int>(errors.size());
    writeDataset(paths.dataset, records);
    writeFileAtomically(paths.errors, errors.dump(1) + "\n");
    writeArtistEmbeddings(paths.artistEmbeddings, records);
    const Json settings = {{"audio_dir", std::filesystem::absolute(root).lexically_normal().string()},
                           {"separate_vocals", options.separateVocals},
                           {"recognize_speech", options.analysis.recognizeSpeech},
                           {"language", options.analysis.language}};
    writeFileAtomically(paths.settings, settings.dump(1) + "\n");
    std::filesystem::remove(paths.journal);
    control.report("tracks", 1.0);
    return summary;
}

}  // namespace muze
