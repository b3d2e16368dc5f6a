#include "core/generation/SongPlan.h"

#include "core/analysis/KeyDetection.h"
#include "core/common/AtomicFile.h"
#include "core/common/Error.h"
#include "core/models/Conditioning.h"

#include <cmath>
#include <fstream>
#include <regex>
#include <sstream>

namespace muze {
namespace {

using Json = nlohmann::ordered_json;

constexpr double kBarTolerance = 1e-3;  // seconds a boundary may miss its bar line by (rounding in the JSON)
constexpr const char* kTimeSignatures[] = {"2/4", "3/4", "4/4", "5/4", "6/8", "7/8", "9/8", "12/8"};

[[noreturn]] void fail(const std::string& where, const std::string& what)
{
    throw Error(ErrorKind::InvalidArgument, "The plan's " + where + " " + what);
}

std::string sectionName(std::size_t index)
{
    return "section " + std::to_string(index + 1);
}

template <typename T>
T field(const Json& json, const char* name, const T& fallback, const std::string& where)
{
    const auto found = json.find(name);
    if (found == json.end() || found->is_null())
        return fallback;
    try {
        return found->get<T>();
    } catch (const Json::exception&) {
        fail(where, "has a \"" + std::string(name) + "\" of the wrong kind: " + found->dump() + ".");
    }
}

std::vector<std::string> chordsOf(const Json& json, const std::string& where)
{
    const auto found = json.find("chords");
    if (found == json.end() || found->is_null())
        return {};
    if (found->is_string()) {  // "C G Am F", as typed
        std::vector<std::string> chords;
        std::istringstream words(found->get<std::string>());
        for (std::string word; words >> word;)
            chords.push_back(word);
        return chords;
    }
    return field<std::vector<std::string>>(json, "chords", {}, where);
}

void checkSection(const PlanSection& s, const std::string& where)
{
    if (sectionTypeIndex(s.type) == sectionTypeIndex("other") && s.type != "other")
        fail(where, "has the type \"" + s.type + "\"; the types are intro, verse, pre_chorus, chorus, bridge, outro, instrumental and other.");
    if (!(s.tempo >= kMinPlanTempo && s.tempo <= kMaxPlanTempo))
        fail(where, "has a tempo of " + std::to_string(s.tempo) + " BPM; it must be between 30 and 300.");
    if (!(s.energy >= 0.0 && s.energy <= 1.0))
        fail(where, "has an energy of " + std::to_string(s.energy) + "; it must be between 0 and 1.");
    if (!parseKey(s.key))
        fail(where, "has the key \"" + s.key + "\"; write a key as \"C major\", \"F# minor\" or \"Bb major\".");
    if (s.beatsPerBar() == 0)
        fail(where, "has the time signature \"" + s.timeSignature + "\"; the known ones are 2/4, 3/4, 4/4, 5/4, 6/8, 7/8, 9/8 and 12/8.");
    if (!(s.duration > 0.0) || !std::isfinite(s.duration))
        fail(where, "has no length: its duration must be more than 0 seconds.");
    for (const std::string& chord : s.chords) {
        try {
            chordLabel(chord);
        } catch (const Error& error) {
            fail(where, "has a chord that cannot be read. " + std::string(error.what()));
        }
    }
}

// Also sets each start to the end before it exactly: the tolerance is for rounding, and the samples
// of back-to-back sections must add up to the song's.
void checkJoins(SongPlan& plan)
{
    double expected = 0.0;
    for (std::size_t i = 0; i < plan.sections.size(); ++i) {
        PlanSection& s = plan.sections[i];
        if (std::abs(s.start - expected) > kBarTolerance)
            fail(sectionName(i), "starts at " + std::to_string(s.start) + " s, but the section before it ends at " + std::to_string(expected) +
                                     " s: sections follow each other without gaps.");
        const double bars = s.duration / s.barSeconds();
        const bool last = i + 1 == plan.sections.size();
        if (!last && std::abs(bars - std::round(bars)) * s.barSeconds() > kBarTolerance)
            fail(sectionName(i), "lasts " + std::to_string(bars) + " bars of its tempo; a section other than the last lasts whole bars.");
        s.start = expected;
        expected = s.end();
    }
}

}  // namespace

int PlanSection::beatsPerBar() const
{
    for (const char* known : kTimeSignatures)
        if (timeSignature == known)
            return std::stoi(timeSignature.substr(0, timeSignature.find('/')));
    return 0;
}

std::vector<std::string> planSectionTypes()
{
    return {std::begin(kSectionTypes), std::end(kSectionTypes)};
}

std::vector<std::string> planTimeSignatures()
{
    return {std::begin(kTimeSignatures), std::end(kTimeSignatures)};
}

std::string chordLabel(const std::string& written)
{
    static const std::regex kChord(R"(([A-G])([#b]?)(m|min|maj|dim|aug|sus2|sus4)?(6|7|9|11|13|add9)?)");
    std::smatch match;
    if (!std::regex_match(written, match, kChord))
        throw Error(ErrorKind::InvalidArgument, "\"" + written + "\" is not a chord: write chords as C, Am, F#m7, Bbmaj7 or Dsus4.");
    const std::string quality = match[3].str();
    const bool minor = quality == "m" || quality == "min" || quality == "dim";
    const std::optional<MusicalKey> root = parseKey(match[1].str() + match[2].str() + " major");
    return std::string(kPitchClassNames[root->tonic]) + (minor ? ":min" : ":maj");
}

SongPlan planFromJson(const Json& json)
{
    if (!json.is_object())
        throw Error(ErrorKind::InvalidArgument, "A plan is a JSON object with a \"prompt\" and its \"sections\".");
    SongPlan plan;
    plan.prompt = field<std::string>(json, "prompt", "", "prompt");
    const auto sections = json.find("sections");
    if (sections == json.end() || !sections->is_array() || sections->empty())
        throw Error(ErrorKind::InvalidArgument, "The plan has no sections: give it a \"sections\" list with at least one.");
    for (std::size_t i = 0; i < sections->size(); ++i) {
        const Json& item = (*sections)[i];
        const std::string where = sectionName(i);
        if (!item.is_object())
            fail(where, "is not a JSON object.");
        PlanSection s;
        s.type = field<std::string>(item, "type", s.type, where);
        s.start = field<double>(item, "start", i == 0 ? 0.0 : plan.sections.back().end(), where);
        s.duration = field<double>(item, "duration", 0.0, where);
        s.energy = field<double>(item, "energy", s.energy, where);
        s.tempo = field<double>(item, "tempo", s.tempo, where);
        s.key = field<std::string>(item, "key", s.key, where);
        s.timeSignature = field<std::string>(item, "time_signature", s.timeSignature, where);
        s.chords = chordsOf(item, where);
        s.hasVocals = field<bool>(item, "has_vocals", s.hasVocals, where);
        s.lyrics = field<std::string>(item, "lyrics", "", where);
        checkSection(s, where);
        plan.sections.push_back(std::move(s));
    }
    checkJoins(plan);
    return plan;
}

Json toJson(const SongPlan& plan)
{
    Json sections = Json::array();
    for (const PlanSection& s : plan.sections)
        sections.push_back({{"type", s.type},
                            {"start", s.start},
                            {"duration", s.duration},
                            {"energy", s.energy},
                            {"tempo", s.tempo},
                            {"key", s.key},
                            {"time_signature", s.timeSignature},
                            {"chords", s.chords},
                            {"has_vocals", s.hasVocals},
                            {"lyrics", s.lyrics}});
    return {{"prompt", plan.prompt}, {"duration", plan.duration()}, {"sections", sections}};
}

SongPlan loadPlan(const std::filesystem::path& path)
{
    std::ifstream in(path);
    if (!in)
        throw Error(ErrorKind::NotFound, "There is no plan at " + path.string() + ".");
    Json json;
    try {
        json = Json::parse(in);
    } catch (const Json::exception& error) {
        throw Error(ErrorKind::Corrupt, path.string() + " is not valid JSON: " + error.what());
    }
    // An OUTPUT.json of `muze generate` holds its plan under "plan".
    const Json& planJson = json.is_object() && json.contains("plan") ? json["plan"] : json;
    try {
        return planFromJson(planJson);
    } catch (const Error& error) {
        throw Error(ErrorKind::InvalidArgument, path.string() + ": " + error.what());
    }
}

void savePlan(const std::filesystem::path& path, const SongPlan& plan)
{
    writeFileAtomically(path, toJson(plan).dump(2) + "\n");
}

}  // namespace muze
