#include "core/analysis/Chords.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace muze {

const char* const kPitchClassNames[12] = {"C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"};

namespace {

constexpr int kTriads = 24;          // 12 major, then 12 minor
constexpr int kNoChord = kTriads;    // the 25th state
constexpr double kSharpness = 32.0;  // emission log-likelihood per unit of cosine similarity
constexpr double kStay = 0.5;        // probability that the next beat keeps the chord
// A flat chroma has a cosine of 0.5 with every triad; "N" stands just above that.
constexpr double kNoChordSimilarity = 0.55;

using Template = std::array<float, 12>;

std::array<Template, kTriads> triadTemplates()
{
    std::array<Template, kTriads> templates{};
    const float unit = 1.0f / std::sqrt(3.0f);
    for (int root = 0; root < 12; ++root) {
        for (int minor = 0; minor < 2; ++minor) {
            Template& t = templates[static_cast<std::size_t>(minor * 12 + root)];
            t[static_cast<std::size_t>(root)] = unit;
            t[static_cast<std::size_t>((root + (minor ? 3 : 4)) % 12)] = unit;
            t[static_cast<std::size_t>((root + 7) % 12)] = unit;
        }
    }
    return templates;
}

std::string labelOf(int state)
{
    if (state == kNoChord)
        return "N";
    return std::string(kPitchClassNames[state % 12]) + (state < 12 ? ":maj" : ":min");
}

// Log-likelihood of each state for one beat.
std::array<double, kTriads + 1> emissions(const PitchClassProfile& chroma, const std::array<Template, kTriads>& templates)
{
    double norm = 0.0;
    for (float value : chroma)
        norm += static_cast<double>(value) * value;
    norm = std::sqrt(norm);
    std::array<double, kTriads + 1> out{};
    for (int s = 0; s < kTriads; ++s) {
        double dot = 0.0;
        for (int k = 0; k < 12; ++k)
            dot += chroma[static_cast<std::size_t>(k)] * templates[static_cast<std::size_t>(s)][static_cast<std::size_t>(k)];
        out[static_cast<std::size_t>(s)] = kSharpness * (norm > 0 ? dot / norm : 0.0);
    }
    out[kNoChord] = kSharpness * kNoChordSimilarity;
    return out;
}

std::vector<int> viterbi(const std::vector<std::array<double, kTriads + 1>>& scores)
{
    constexpr int kStates = kTriads + 1;
    const double stay = std::log(kStay);
    const double move = std::log((1.0 - kStay) / (kStates - 1));
    std::vector<std::array<int, kStates>> from(scores.size());
    std::array<double, kStates> best = scores.front();
    for (std::size_t t = 1; t < scores.size(); ++t) {
        // With uniform moves, each state's best predecessor is itself or the overall best.
        const int leader = static_cast<int>(std::max_element(best.begin(), best.end()) - best.begin());
        std::array<double, kStates> next{};
        for (int s = 0; s < kStates; ++s) {
            const double kept = best[static_cast<std::size_t>(s)] + stay;
            const double switched = best[static_cast<std::size_t>(leader)] + move;
            const bool keep = kept >= switched || leader == s;
            from[t][static_cast<std::size_t>(s)] = keep ? s : leader;
            next[static_cast<std::size_t>(s)] = (keep ? kept : switched) + scores[t][static_cast<std::size_t>(s)];
        }
        best = next;
    }
    std::vector<int> path(scores.size());
    path.back() = static_cast<int>(std::max_element(best.begin(), best.end()) - best.begin());
    for (std::size_t t = scores.size() - 1; t > 0; --t)
        path[t - 1] = from[t][static_cast<std::size_t>(path[t])];
    return path;
}

}  // namespace

std::vector<TimedChord> recognizeChords(const std::vector<PitchClassProfile>& beatChroma, const std::vector<double>& beats,
                                        double durationSeconds)
{
    std::vector<TimedChord> chords;
    if (beatChroma.empty() || beatChroma.size() != beats.size())
        return chords;
    const auto templates = triadTemplates();
    std::vector<std::array<double, kTriads + 1>> scores;
    scores.reserve(beatChroma.size());
    for (const PitchClassProfile& chroma : beatChroma)
        scores.push_back(emissions(chroma, templates));
    const std::vector<int> path = viterbi(scores);
    for (std::size_t i = 0; i < path.size(); ++i) {
        const double end = i + 1 < beats.size() ? beats[i + 1] : durationSeconds;
        const std::string label = labelOf(path[i]);
        if (!chords.empty() && chords.back().label == label)
            chords.back().end = end;
        else
            chords.push_back({beats[i], end, label});
    }
    if (chords.front().start > 0.0)
        chords.insert(chords.begin(), {0.0, chords.front().start, "N"});
    return chords;
}

std::vector<std::string> chordProgression(const std::vector<TimedChord>& chords, std::size_t limit)
{
    std::vector<std::string> progression;
    for (const TimedChord& chord : chords) {
        if (progression.size() >= limit)
            break;
        if (chord.label != "N" && (progression.empty() || progression.back() != chord.label))
            progression.push_back(chord.label);
    }
    return progression;
}

int chordRoot(const std::string& label, bool* minor)
{
    const auto colon = label.find(':');
    if (colon == std::string::npos)
        return -1;
    const std::string root = label.substr(0, colon);
    for (int pc = 0; pc < 12; ++pc) {
        if (root == kPitchClassNames[pc]) {
            if (minor != nullptr)
                *minor = label.compare(colon + 1, 3, "min") == 0;
            return pc;
        }
    }
    return -1;
}

}  // namespace muze
