#include "core/analysis/Structure.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace muze {
namespace {

constexpr int kNoveltyBars = 4;       // half-width of the checkerboard kernel, in bars
constexpr int kShortestSection = 4;   // bars
constexpr double kNoveltyFloor = 0.05;
constexpr double kTimbreWeight = 0.3; // of the standardised timbre and loudness, against unit chroma
constexpr double kRepeatSimilarity = 0.65;  // chosen on the tuning half of the accuracy bench's families
// A logistic model of whether a section is right (its name, and its boundaries within 3 s), fitted
// on the tuning half of the accuracy bench's families.
constexpr double kConfidenceBias = -5.541;
constexpr double kEdgeWeight = 3.661;
constexpr double kRepeatedLikenessWeight = 5.724;
constexpr double kSingleLikenessWeight = 6.737;

using Vector = std::vector<double>;

double dot(const Vector& a, const Vector& b)
{
    return std::inner_product(a.begin(), a.end(), b.begin(), 0.0);
}

void normalise(Vector& v)
{
    const double norm = std::sqrt(dot(v, v));
    if (norm > 0)
        for (double& x : v)
            x /= norm;
}

struct Bars {
    std::vector<std::size_t> firstBeat;  // per bar, plus one past the end
    std::vector<Vector> features;        // unit vectors
    std::vector<double> loudness;
};

Bars barFeatures(const BeatFeatures& beats, const BarGrid& grid)
{
    Bars bars;
    bars.firstBeat = grid.downbeats;
    if (bars.firstBeat.empty() || bars.firstBeat.front() != 0)
        bars.firstBeat.insert(bars.firstBeat.begin(), 0);
    bars.firstBeat.push_back(beats.chroma.size());

    std::vector<Vector> chroma;
    std::vector<Vector> rest;  // timbre and loudness, standardised across bars below
    for (std::size_t b = 0; b + 1 < bars.firstBeat.size(); ++b) {
        const std::size_t first = bars.firstBeat[b];
        const std::size_t last = std::max(first + 1, bars.firstBeat[b + 1]);
        Vector harmony(12, 0.0);
        Vector other(13, 0.0);
        for (std::size_t i = first; i < last && i < beats.chroma.size(); ++i) {
            for (std::size_t k = 0; k < 12; ++k) {
                harmony[k] += beats.chroma[i][k];
                other[k] += beats.timbre[i][k];
            }
            other[12] += beats.loudness[i];
        }
        const double count = static_cast<double>(last - first);
        for (double& x : other)
            x /= count;
        normalise(harmony);
        chroma.push_back(harmony);
        rest.push_back(other);
        bars.loudness.push_back(other[12]);
    }
    for (std::size_t k = 0; k < 13; ++k) {
        double mean = 0.0;
        double square = 0.0;
        for (const Vector& v : rest) {
            mean += v[k];
            square += v[k] * v[k];
        }
        mean /= static_cast<double>(rest.size());
        const double deviation = std::sqrt(std::max(square / static_cast<double>(rest.size()) - mean * mean, 1e-12));
        for (Vector& v : rest)
            v[k] = kTimbreWeight * (v[k] - mean) / deviation;
    }
    for (std::size_t b = 0; b < chroma.size(); ++b) {
        Vector joined = chroma[b];
        joined.insert(joined.end(), rest[b].begin(), rest[b].end());
        normalise(joined);
        bars.features.push_back(joined);
    }
    return bars;
}

std::vector<Vector> selfSimilarity(const std::vector<Vector>& features)
{
    std::vector<Vector> similarity(features.size(), Vector(features.size()));
    for (std::size_t i = 0; i < features.size(); ++i)
        for (std::size_t j = i; j < features.size(); ++j)
            similarity[i][j] = similarity[j][i] = dot(features[i], features[j]);
    return similarity;
}

double meanBlock(const std::vector<Vector>& s, std::size_t rows, std::size_t cols, std::size_t size)
{
    double sum = 0.0;
    for (std::size_t i = 0; i < size; ++i)
        for (std::size_t j = 0; j < size; ++j)
            sum += s[rows + i][cols + j];
    return sum / static_cast<double>(size * size);
}

// Foote's novelty at each bar: how alike the bars before and after are among themselves, against
// how alike they are across the boundary.
Vector novelty(const std::vector<Vector>& s)
{
    const std::size_t n = s.size();
    Vector out(n, 0.0);
    for (std::size_t i = 1; i < n; ++i) {
        const std::size_t k = std::min<std::size_t>({static_cast<std::size_t>(kNoveltyBars), i, n - i});
        out[i] = (meanBlock(s, i - k, i - k, k) + meanBlock(s, i, i, k)) / 2 - meanBlock(s, i - k, i, k);
    }
    return out;
}

// Bar indices where sections start (the first is 0), strongest peaks first, kept apart.
std::vector<std::size_t> boundaries(const Vector& curve)
{
    const std::size_t n = curve.size();
    Vector sorted = curve;
    std::nth_element(sorted.begin(), sorted.begin() + static_cast<long>(n / 2), sorted.end());
    const double threshold = std::max(kNoveltyFloor, sorted[n / 2]);
    std::vector<std::size_t> peaks;
    for (std::size_t i = 1; i + 1 < n; ++i)
        if (curve[i] > threshold && curve[i] >= curve[i - 1] && curve[i] >= curve[i + 1])
            peaks.push_back(i);
    std::sort(peaks.begin(), peaks.end(), [&](std::size_t a, std::size_t b) { return curve[a] > curve[b]; });
    std::vector<std::size_t> chosen;
    for (std::size_t peak : peaks) {
        const bool apart = std::all_of(chosen.begin(), chosen.end(), [&](std::size_t c) {
            return std::max(peak, c) - std::min(peak, c) >= static_cast<std::size_t>(kShortestSection);
        });
        if (apart && peak >= kShortestSection / 2 && n - peak >= 2)
            chosen.push_back(peak);
    }
    chosen.push_back(0);
    std::sort(chosen.begin(), chosen.end());
    return chosen;
}

// How alike two stretches of bars are, bar by bar in order.
double repetition(const std::vector<Vector>& s, std::size_t a, std::size_t aEnd, std::size_t b, std::size_t bEnd)
{
    const std::size_t length = std::min(aEnd - a, bEnd - b);
    double sum = 0.0;
    for (std::size_t k = 0; k < length; ++k)
        sum += s[a + k][b + k];
    return length > 0 ? sum / static_cast<double>(length) : 0.0;
}

// Sections whose bars come back alike, in order, form a group; `support` is each section's best
// likeness to another section.
struct Groups {
    std::vector<int> of;          // per section
    std::vector<int> members;     // per group
    std::vector<double> support;  // per section
    int count = 0;
};

Groups groupRepeats(const std::vector<Vector>& s, const std::vector<std::size_t>& starts, std::size_t barCount)
{
    const std::size_t n = starts.size();
    auto endOf = [&](std::size_t i) { return i + 1 < n ? starts[i + 1] : barCount; };
    std::vector<Vector> alike(n, Vector(n, 0.0));
    Groups groups;
    groups.support.assign(n, 0.0);
    for (std::size_t a = 0; a < n; ++a)
        for (std::size_t b = a + 1; b < n; ++b) {
            alike[a][b] = alike[b][a] = repetition(s, starts[a], endOf(a), starts[b], endOf(b));
            groups.support[a] = std::max(groups.support[a], alike[a][b]);
            groups.support[b] = std::max(groups.support[b], alike[a][b]);
        }
    groups.of.assign(n, -1);
    for (std::size_t a = 0; a < n; ++a) {
        if (groups.of[a] >= 0)
            continue;
        groups.of[a] = groups.count;
        groups.members.push_back(1);
        for (std::size_t b = a + 1; b < n; ++b)
            if (groups.of[b] < 0 && alike[a][b] >= kRepeatSimilarity) {
                groups.of[b] = groups.count;
                ++groups.members.back();
            }
        ++groups.count;
    }
    return groups;
}

// The chorus among the repeated groups, by what popular forms agree on. Against each other
// repeated group, a group gets a vote for coming back as often or more, for first coming later (the
// verse comes first), for coming back last, and for being louder; the most votes win, loudness
// breaking a tie. No one cue decides: in many songs the chorus is not the loudest part.
int chooseChorus(const Groups& groups, const std::vector<double>& groupLoudness)
{
    const auto n = static_cast<int>(groups.of.size());
    std::vector<int> first(static_cast<std::size_t>(groups.count), n);
    std::vector<int> last(static_cast<std::size_t>(groups.count), -1);
    for (int i = 0; i < n; ++i) {
        const auto g = static_cast<std::size_t>(groups.of[static_cast<std::size_t>(i)]);
        first[g] = std::min(first[g], i);
        last[g] = std::max(last[g], i);
    }
    std::vector<std::size_t> repeated;
    for (std::size_t g = 0; g < static_cast<std::size_t>(groups.count); ++g)
        if (groups.members[g] >= 2)
            repeated.push_back(g);
    auto votes = [&](std::size_t g) {
        int count = 0;
        for (std::size_t other : repeated)
            if (other != g)
                count += (groups.members[g] >= groups.members[other]) + (first[g] > first[other]) + (last[g] > last[other]) +
                         (groupLoudness[g] > groupLoudness[other]);
        return count;
    };
    int chorus = -1;
    for (std::size_t g : repeated) {
        const auto best = static_cast<std::size_t>(chorus);
        if (chorus < 0 || votes(g) > votes(best) || (votes(g) == votes(best) && groupLoudness[g] > groupLoudness[best]))
            chorus = static_cast<int>(g);
    }
    return chorus;
}

int loudestGroup(const std::vector<double>& groupLoudness, int except)
{
    int loudest = -1;
    for (int g = 0; g < static_cast<int>(groupLoudness.size()); ++g)
        if (g != except && (loudest < 0 || groupLoudness[static_cast<std::size_t>(g)] > groupLoudness[static_cast<std::size_t>(loudest)]))
            loudest = g;
    return loudest;
}

std::vector<std::string> nameSections(const Groups& groups, const std::vector<std::size_t>& starts, std::size_t barCount,
                                      const std::vector<double>& barLoudness)
{
    const std::size_t n = starts.size();
    auto endOf = [&](std::size_t i) { return i + 1 < n ? starts[i + 1] : barCount; };
    std::vector<double> sectionLoudness(n);
    std::vector<double> groupLoudness(static_cast<std::size_t>(groups.count), 0.0);
    for (std::size_t i = 0; i < n; ++i) {
        sectionLoudness[i] = std::accumulate(barLoudness.begin() + static_cast<long>(starts[i]), barLoudness.begin() + static_cast<long>(endOf(i)), 0.0) /
                             static_cast<double>(endOf(i) - starts[i]);
        const auto g = static_cast<std::size_t>(groups.of[i]);
        groupLoudness[g] += sectionLoudness[i] / groups.members[g];
    }
    int chorus = chooseChorus(groups, groupLoudness);
    if (chorus < 0)  // an excerpt with no repetition: the loudest group but the opening one
        chorus = loudestGroup(groupLoudness, groups.count == 1 ? -1 : groups.of[0]);
    std::vector<double> sorted = sectionLoudness;
    std::nth_element(sorted.begin(), sorted.begin() + static_cast<long>(n / 2), sorted.end());
    const double medianLoudness = sorted[n / 2];

    std::vector<std::string> names(n);
    for (std::size_t i = 0; i < n; ++i) {
        if (groups.of[i] == chorus)
            names[i] = "chorus";
        else if (groups.members[static_cast<std::size_t>(groups.of[i])] >= 2)
            names[i] = "verse";
    }
    for (std::size_t i = 0; i < n; ++i) {
        if (!names[i].empty())
            continue;
        const bool last = i + 1 == n;
        if (i == 0 && n > 1)
            names[i] = "intro";
        else if (last && n > 1 && sectionLoudness[i] < medianLoudness)
            names[i] = "outro";
        else if (!last && names[i + 1] == "chorus")
            names[i] = "verse";  // what leads into a chorus is usually a verse
        else
            names[i] = last ? "outro" : "bridge";
    }
    return names;
}

std::array<float, 12> cepstrum(const std::vector<double>& bands)
{
    std::array<float, 12> out{};
    const double count = static_cast<double>(bands.size());
    for (std::size_t k = 1; k <= 12; ++k) {
        double sum = 0.0;
        for (std::size_t m = 0; m < bands.size(); ++m)
            sum += bands[m] * std::cos(M_PI * static_cast<double>(k) * (static_cast<double>(m) + 0.5) / count);
        out[k - 1] = static_cast<float>(sum / count);
    }
    return out;
}

}  // namespace

BeatFeatures describeBeats(const FloatMatrix& logMel, double melHopSeconds, const std::vector<double>& beats, double durationSeconds,
                           std::vector<PitchClassProfile> beatChroma)
{
    BeatFeatures features;
    features.chroma = std::move(beatChroma);
    for (std::size_t i = 0; i < beats.size(); ++i) {
        const double end = i + 1 < beats.size() ? beats[i + 1] : durationSeconds;
        const int first = std::clamp(static_cast<int>(beats[i] / melHopSeconds), 0, std::max(logMel.cols - 1, 0));
        const int last = std::clamp(static_cast<int>(end / melHopSeconds), first + 1, std::max(logMel.cols, first + 1));
        std::vector<double> bands(static_cast<std::size_t>(logMel.rows), 0.0);
        for (int m = 0; m < logMel.rows; ++m)
            for (int t = first; t < last && t < logMel.cols; ++t)
                bands[static_cast<std::size_t>(m)] += logMel.at(m, t) / (last - first);
        features.timbre.push_back(cepstrum(bands));
        features.loudness.push_back(static_cast<float>(std::accumulate(bands.begin(), bands.end(), 0.0) / std::max<double>(1, logMel.rows)));
    }
    return features;
}

std::vector<Section> findSections(const BeatFeatures& features, const std::vector<double>& beats, const BarGrid& grid,
                                  double durationSeconds)
{
    if (beats.size() < 8 || features.chroma.size() != beats.size())
        return {{0.0, durationSeconds, "verse", sectionConfidence({0.0, 0.0, false})}};
    const Bars bars = barFeatures(features, grid);
    const auto similarity = selfSimilarity(bars.features);
    const Vector curve = novelty(similarity);
    const std::vector<std::size_t> starts = boundaries(curve);
    const Groups groups = groupRepeats(similarity, starts, bars.features.size());
    const std::vector<std::string> names = nameSections(groups, starts, bars.features.size(), bars.loudness);
    const double clearest = *std::max_element(curve.begin(), curve.end());
    std::vector<Section> sections;
    for (std::size_t i = 0; i < starts.size(); ++i) {
        const bool last = i + 1 == starts.size();
        const double start = i == 0 ? 0.0 : beats[bars.firstBeat[starts[i]]];
        const double end = last ? durationSeconds : beats[bars.firstBeat[starts[i + 1]]];
        SectionEvidence evidence;
        evidence.edgeNovelty = std::min(i == 0 ? clearest : curve[starts[i]], last ? clearest : curve[starts[i + 1]]);
        evidence.likeness = groups.support[i];
        evidence.repeated = groups.members[static_cast<std::size_t>(groups.of[i])] >= 2;
        sections.push_back({start, end, names[i], sectionConfidence(evidence)});
    }
    return sections;
}

double sectionConfidence(const SectionEvidence& evidence)
{
    const double score = kConfidenceBias + kEdgeWeight * evidence.edgeNovelty +
                         (evidence.repeated ? kRepeatedLikenessWeight : kSingleLikenessWeight) * evidence.likeness;
    return 1.0 / (1.0 + std::exp(-score));
}

}  // namespace muze
