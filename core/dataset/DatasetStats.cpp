#include "core/dataset/DatasetStats.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <set>

namespace muze {
namespace {

using Json = nlohmann::ordered_json;

constexpr double kTempoBand = 20.0;        // BPM, for the thin-tempo warning
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

std::vector<Count> nullFields(const std::vector<Record>& records)
{
    std::vector<std::string> names;  // in the order they first appear
    std::set<std::string> seen;
    for (const Record& record : records)
        for (const auto& item : record.items())
            if (seen.insert(item.key()).second)
                names.push_back(item.key());
    std::vector<Count> nulls;
    for (const std::string& name : names) {
        const auto missing = std::count_if(records.begin(), records.end(), [&](const Record& r) {
            const auto found = r.find(name);
            return found == r.end() || found->is_null();
        });
        if (missing > 0)
            nulls.push_back({name, static_cast<int>(missing)});
    }
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
            warnings.push_back({"thin_key", "Only " + songs(static_cast<int>(tracks.size())) + " in " + key + ": the model will hardly learn it.", tracks});
}

void warnOfThinTempi(const std::map<int, std::vector<std::string>>& byBand, std::vector<StatsWarning>& warnings)
{
    for (const auto& [band, tracks] : byBand) {
        if (static_cast<int>(tracks.size()) >= kThinCount)
            continue;
        const int from = static_cast<int>(band * kTempoBand);
        warnings.push_back({"thin_tempo", "Only " + songs(static_cast<int>(tracks.size())) + " between " + std::to_string(from) + " and " +
                                              std::to_string(from + static_cast<int>(kTempoBand)) + " BPM.",
                            tracks});
    }
}

void warnOfDuplicates(const std::map<std::string, std::vector<std::string>>& byContent, std::vector<StatsWarning>& warnings)
{
    for (const auto& [content, tracks] : byContent)
        if (tracks.size() > 1)
            warnings.push_back({"duplicate", "The same audio " + std::to_string(tracks.size()) + " times: it would weigh more than other songs in training.",
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

DatasetStats datasetStats(const std::vector<Record>& records)
{
    DatasetStats stats;
    std::map<std::string, int> keys, modes, signatures, genres, artists, years, sectionTypes;
    std::vector<double> tempi, durations, loudness, energy, sectionSeconds;
    std::map<std::string, std::vector<std::string>> byKey, byContent;
    std::map<int, std::vector<std::string>> byTempoBand;
    std::vector<std::string> withoutBeats, withoutSections;
    for (const Record& record : records) {
        const std::string path = pathOf(record);
        const double seconds = numberOf(record, "duration").value_or(0.0);
        const auto segments = record.find(field::kSegments);
        const bool hasSections = segments != record.end() && segments->is_array() && !segments->empty();
        stats.tracks += 1;
        stats.hours += seconds / 3600.0;
        if (isIncluded(record)) {
            stats.included += 1;
            stats.phaseHours.vaeAndVocoder += seconds / 3600.0;
            stats.phaseHours.diffusion += seconds / 3600.0;
            stats.phaseHours.planner += hasSections ? seconds / 3600.0 : 0.0;
        } else {
            stats.leftOut.push_back(path);
        }
        if (record.value("has_vocals", Json()) == Json(true))
            stats.withVocals += 1;
        if (const auto key = textOf(record, "key")) {
            keys[*key] += 1;
            modes[key->substr(key->rfind(' ') + 1)] += 1;
            byKey[*key].push_back(path);
        }
        for (const auto& [name, counts] : {std::pair{"time_signature", &signatures}, std::pair{"genre", &genres}, std::pair{"artist", &artists},
                                           std::pair{"year", &years}})
            if (const auto text = textOf(record, name))
                (*counts)[*text] += 1;
        if (const auto tempo = numberOf(record, "tempo")) {
            tempi.push_back(*tempo);
            byTempoBand[static_cast<int>(*tempo / kTempoBand)].push_back(path);
        }
        if (seconds > 0)
            durations.push_back(seconds);
        if (const auto db = numberOf(record, "loudness_db"))
            loudness.push_back(*db);
        if (const auto e = numberOf(record, "energy"))
            energy.push_back(*e);
        if (hasSections) {
            for (const Json& section : *segments) {
                if (section.contains("type") && section["type"].is_string())
                    sectionTypes[section["type"].get<std::string>()] += 1;
                if (section.value("end", Json()).is_number() && section.value("start", Json()).is_number())
                    sectionSeconds.push_back(section["end"].get<double>() - section["start"].get<double>());
            }
        }
        if (hasNoBeats(record))
            withoutBeats.push_back(path);
        if (seconds >= kLongEnoughForForm && (!hasSections || segments->size() < 2))
            withoutSections.push_back(path);
        if (const auto content = contentOf(record))
            byContent[*content].push_back(path);
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
    stats.nullFields = nullFields(records);

    warnOfThinKeys(byKey, stats.warnings);
    warnOfThinTempi(byTempoBand, stats.warnings);
    if (!withoutBeats.empty())
        stats.warnings.push_back({"no_beats", "No beats were found in " + songs(static_cast<int>(withoutBeats.size())) +
                                                  ": their tempo, chords and sections are doubtful.", withoutBeats});
    if (!withoutSections.empty())
        stats.warnings.push_back({"no_sections", "A minute or more without sections in " + songs(static_cast<int>(withoutSections.size())) +
                                                     ": the planner learns no form from them.", withoutSections});
    warnOfDuplicates(byContent, stats.warnings);
    return stats;
}

nlohmann::ordered_json toJson(const DatasetStats& stats)
{
    Json warnings = Json::array();
    for (const StatsWarning& warning : stats.warnings)
        warnings.push_back({{"kind", warning.kind}, {"message", warning.message}, {"tracks", warning.tracks}});
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
