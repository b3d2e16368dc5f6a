#include "core/dataset/DatasetStats.h"

#include "core/analysis/KeyDetection.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <set>

namespace muze {
namespace {

using Json = nlohmann::ordered_json;

constexpr double kLongEnoughForForm = 60.0;  // seconds: a song this long has more than one section

std::optional<double> numberOf(const Record& record, const char* name)
{
    const auto found = record.find(name);
    return found != record.end() && found->is_number() ? std::optional<double>(found->get<double>()) : std::nullopt;
}

// A text field as it reads, a number (a year) as its digits; nothing for null, absent or empty.
std::optional<std::string> textOf(const Record& record, const char* name)
{
    const auto found = record.find(name);
    if (found == record.end())
        return std::nullopt;
    if (found->is_string() && !found->get<std::string>().empty())
        return found->get<std::string>();
    if (found->is_number())
        return std::to_string(std::lround(found->get<double>()));
    return std::nullopt;
}

std::string pathOf(const Record& record)
{
    return record.value(field::kAudioPath, std::string());
}

bool isIncluded(const Record& record)
{
    const auto found = record.find(field::kIncluded);
    return found == record.end() || !found->is_boolean() || found->get<bool>();
}

std::vector<Count> mostFirst(const std::map<std::string, int>& counts)
{
    std::vector<Count> sorted;
    for (const auto& [name, tracks] : counts)
        sorted.push_back({name, tracks});
    std::stable_sort(sorted.begin(), sorted.end(), [](const Count& a, const Count& b) { return a.tracks > b.tracks; });
    return sorted;
}

Histogram histogram(const std::vector<double>& values, double start, double width, int bins)
{
    Histogram h{start, width, std::vector<int>(static_cast<std::size_t>(bins), 0)};
    for (double value : values) {
        const int bin = std::clamp(static_cast<int>(std::floor((value - start) / width)), 0, bins - 1);
        h.counts[static_cast<std::size_t>(bin)] += 1;
    }
    return h;
}

std::vector<Count> nullFields(const std::vector<const TrackFacts*>& tracks)
{
    std::vector<std::string> names;  // in the order they first appear
    std::map<std::string, int> present;
    for (const TrackFacts* track : tracks)
        for (const auto& [name, isNull] : track->fields) {
            const auto [at, isNew] = present.try_emplace(name, 0);
            if (isNew)
                names.push_back(name);
            at->second += isNull ? 0 : 1;
        }
    std::vector<Count> nulls;
    for (const std::string& name : names)
        if (const int missing = static_cast<int>(tracks.size()) - present[name]; missing > 0)
            nulls.push_back({name, missing});
    return nulls;
}

std::string songs(int count)
{
    return std::to_string(count) + (count == 1 ? " song" : " songs");
}

void warnOfThinKeys(const std::map<std::string, std::vector<std::string>>& byKey, std::vector<StatsWarning>& warnings)
{
    for (const auto& [key, tracks] : byKey)
        if (static_cast<int>(tracks.size()) < kThinCount)
            warnings.push_back({"thin_key", key, "Only " + songs(static_cast<int>(tracks.size())) + " in " + key + ": the model will hardly learn it.", tracks});
}

void warnOfThinTempi(const std::map<int, std::vector<std::string>>& byBand, std::vector<StatsWarning>& warnings)
{
    for (const auto& [band, tracks] : byBand) {
        if (static_cast<int>(tracks.size()) >= kThinCount)
            continue;
        const int from = static_cast<int>(band * kTempoBand);
        const std::string range = std::to_string(from) + "-" + std::to_string(from + static_cast<int>(kTempoBand));
        warnings.push_back({"thin_tempo", range, "Only " + songs(static_cast<int>(tracks.size())) + " between " + range + " BPM.", tracks});
    }
}

void warnOfDuplicates(const std::map<std::string, std::vector<std::string>>& byContent, std::vector<StatsWarning>& warnings)
{
    for (const auto& [content, tracks] : byContent)
        if (tracks.size() > 1)
            warnings.push_back({"duplicate", "", "The same audio " + std::to_string(tracks.size()) + " times: it would weigh more than other songs in training.",
                                tracks});
}

// The content a record's source file had, when the builder recorded it.
std::optional<std::string> contentOf(const Record& record)
{
    const auto source = record.find(field::kSource);
    if (source == record.end() || !source->is_object() || !source->contains("fnv1a64") || !source->contains("size"))
        return std::nullopt;
    return (*source)["size"].dump() + ":" + (*source)["fnv1a64"].dump();
}

bool hasNoBeats(const Record& record)
{
    const auto beats = record.find("beat_positions");
    const std::optional<double> count = numberOf(record, "num_beats");
    return (count && *count == 0) || (beats != record.end() && beats->is_array() && beats->empty());
}

Json countsJson(const std::vector<Count>& counts)
{
    Json json = Json::object();
    for (const Count& count : counts)
        json[count.name] = count.tracks;
    return json;
}

Json histogramJson(const Histogram& h)
{
    return {{"start", h.start}, {"width", h.width}, {"counts", h.counts}};
}

}  // namespace

TrackFacts trackFacts(const Record& record)
{
    TrackFacts facts;
    facts.path = pathOf(record);
    facts.seconds = numberOf(record, "duration").value_or(0.0);
    facts.included = isIncluded(record);
    facts.vocals = record.value("has_vocals", Json()) == Json(true);
    facts.key = textOf(record, "key");
    if (const auto key = facts.key ? parseKey(*facts.key) : std::nullopt)
        facts.key = key->name();  // "A# major" from another tool is the Bb major of this one
    facts.timeSignature = textOf(record, "time_signature");
    facts.genre = textOf(record, "genre");
    facts.artist = textOf(record, "artist");
    facts.year = textOf(record, "year");
    facts.tempo = numberOf(record, "tempo");
    facts.loudness = numberOf(record, "loudness_db");
    facts.energy = numberOf(record, "energy");
    const auto segments = record.find(field::kSegments);
    if (segments != record.end() && segments->is_array()) {
        facts.sectionCount = static_cast<int>(segments->size());
        // A section without a confidence was named by hand (or by another tool): it counts as sure.
        double confidentSeconds = 0.0;
        double timedSeconds = 0.0;
        bool rated = false;
        for (const Json& section : *segments) {
            if (!section.is_object())
                continue;
            const bool timed = section.value("end", Json()).is_number() && section.value("start", Json()).is_number();
            const double seconds = timed ? section["end"].get<double>() - section["start"].get<double>() : -1.0;
            const std::string type = section.contains("type") && section["type"].is_string() ? section["type"].get<std::string>() : "";
            facts.sections.emplace_back(type, seconds);
            const Json confidence = section.value("confidence", Json());
            rated = rated || confidence.is_number();
            if (seconds > 0) {
                confidentSeconds += (confidence.is_number() ? confidence.get<double>() : 1.0) * seconds;
                timedSeconds += seconds;
            }
        }
        if (rated && timedSeconds > 0)
            facts.sectionConfidence = confidentSeconds / timedSeconds;
    }
    facts.noBeats = hasNoBeats(record);
    facts.content = contentOf(record);
    for (const auto& item : record.items())
        facts.fields.emplace_back(item.key(), item.value().is_null());
    return facts;
}

std::string modeOf(const std::string& key)
{
    return key.substr(key.rfind(' ') + 1);
}

DatasetStats datasetStats(const std::vector<const TrackFacts*>& tracks)
{
    DatasetStats stats;
    std::map<std::string, int> keys, modes, signatures, genres, artists, years, sectionTypes;
    std::vector<double> tempi, durations, loudness, energy, sectionSeconds;
    std::map<std::string, std::vector<std::string>> byKey, byContent;
    std::map<int, std::vector<std::string>> byTempoBand;
    std::vector<std::string> withoutBeats, withoutSections, doubtfulSections;
    for (const TrackFacts* track : tracks) {
        const double hours = track->seconds / 3600.0;
        stats.tracks += 1;
        stats.hours += hours;
        if (track->included) {
            stats.included += 1;
            stats.phaseHours.vaeAndVocoder += hours;
            stats.phaseHours.diffusion += hours;
            stats.phaseHours.planner += track->sectionCount > 0 ? hours : 0.0;
        } else {
            stats.leftOut.push_back(track->path);
        }
        stats.withVocals += track->vocals ? 1 : 0;
        if (track->key) {
            keys[*track->key] += 1;
            modes[modeOf(*track->key)] += 1;
            byKey[*track->key].push_back(track->path);
        }
        for (const auto& [text, counts] : {std::pair{&track->timeSignature, &signatures}, std::pair{&track->genre, &genres},
                                           std::pair{&track->artist, &artists}, std::pair{&track->year, &years}})
            if (*text)
                (*counts)[**text] += 1;
        if (track->tempo) {
            tempi.push_back(*track->tempo);
            byTempoBand[static_cast<int>(*track->tempo / kTempoBand)].push_back(track->path);
        }
        if (track->seconds > 0)
            durations.push_back(track->seconds);
        if (track->loudness)
            loudness.push_back(*track->loudness);
        if (track->energy)
            energy.push_back(*track->energy);
        for (const auto& [type, seconds] : track->sections) {
            if (!type.empty())
                sectionTypes[type] += 1;
            if (seconds >= 0)
                sectionSeconds.push_back(seconds);
        }
        if (track->noBeats)
            withoutBeats.push_back(track->path);
        if (track->seconds >= kLongEnoughForForm && track->sectionCount < 2)
            withoutSections.push_back(track->path);
        if (track->sectionConfidence && *track->sectionConfidence < kDoubtfulSections)
            doubtfulSections.push_back(track->path);
        if (track->content)
            byContent[*track->content].push_back(track->path);
    }
    stats.keys = mostFirst(keys);
    stats.modes = mostFirst(modes);
    stats.timeSignatures = mostFirst(signatures);
    stats.genres = mostFirst(genres);
    stats.artists = mostFirst(artists);
    stats.years = mostFirst(years);
    stats.sectionTypes = mostFirst(sectionTypes);
    stats.tempo = histogram(tempi, 40.0, 10.0, 18);
    stats.duration = histogram(durations, 0.0, 60.0, 10);
    stats.loudness = histogram(loudness, -40.0, 3.0, 12);
    stats.energy = histogram(energy, 0.0, 0.1, 10);
    stats.sectionSeconds = histogram(sectionSeconds, 0.0, 5.0, 12);
    stats.nullFields = nullFields(tracks);

    warnOfThinKeys(byKey, stats.warnings);
    warnOfThinTempi(byTempoBand, stats.warnings);
    if (!withoutBeats.empty())
        stats.warnings.push_back({"no_beats", "", "No beats were found in " + songs(static_cast<int>(withoutBeats.size())) +
                                                      ": their tempo, chords and sections are doubtful.", withoutBeats});
    if (!withoutSections.empty())
        stats.warnings.push_back({"no_sections", "", "A minute or more without sections in " + songs(static_cast<int>(withoutSections.size())) +
                                                         ": the planner learns no form from them.", withoutSections});
    if (!doubtfulSections.empty())
        stats.warnings.push_back({"doubtful_sections", "", "The analysis doubts the sections of " + songs(static_cast<int>(doubtfulSections.size())) +
                                                               ": check their names and boundaries in the Library.", doubtfulSections});
    warnOfDuplicates(byContent, stats.warnings);
    return stats;
}

DatasetStats datasetStats(const std::vector<Record>& records)
{
    std::vector<TrackFacts> facts;
    facts.reserve(records.size());
    for (const Record& record : records)
        facts.push_back(trackFacts(record));
    std::vector<const TrackFacts*> tracks;
    for (const TrackFacts& track : facts)
        tracks.push_back(&track);
    return datasetStats(tracks);
}

nlohmann::ordered_json toJson(const DatasetStats& stats)
{
    Json warnings = Json::array();
    for (const StatsWarning& warning : stats.warnings)
        warnings.push_back({{"kind", warning.kind}, {"subject", warning.subject}, {"message", warning.message}, {"tracks", warning.tracks}});
    return {{"tracks", stats.tracks},
            {"included", stats.included},
            {"hours", stats.hours},
            {"with_vocals", stats.withVocals},
            {"keys", countsJson(stats.keys)},
            {"modes", countsJson(stats.modes)},
            {"time_signatures", countsJson(stats.timeSignatures)},
            {"genres", countsJson(stats.genres)},
            {"artists", countsJson(stats.artists)},
            {"years", countsJson(stats.years)},
            {"section_types", countsJson(stats.sectionTypes)},
            {"tempo", histogramJson(stats.tempo)},
            {"duration", histogramJson(stats.duration)},
            {"loudness_db", histogramJson(stats.loudness)},
            {"energy", histogramJson(stats.energy)},
            {"section_seconds", histogramJson(stats.sectionSeconds)},
            {"null_fields", countsJson(stats.nullFields)},
            {"left_out", stats.leftOut},
            {"phase_hours", {{"vae_and_vocoder", stats.phaseHours.vaeAndVocoder}, {"planner", stats.phaseHours.planner},
                             {"diffusion", stats.phaseHours.diffusion}}},
            {"warnings", warnings}};
}

}  // namespace muze
