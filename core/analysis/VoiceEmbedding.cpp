#include "core/analysis/VoiceEmbedding.h"

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace muze {
namespace {

constexpr int kCepstra = 20;
constexpr std::uint64_t kVoiceSeed = 0x6d757a65'766f6963ULL;  // "muzevoic"
constexpr std::uint64_t kEcapaSeed = 0x6d757a65'65636170ULL;  // "muzeecap"

// splitmix64: a fixed, portable stream of bits for the projection matrices.
std::uint64_t mix(std::uint64_t x)
{
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

void scaleToUnit(std::vector<float>& v, std::size_t first, std::size_t end)
{
    double norm = 0.0;
    for (std::size_t i = first; i < end; ++i)
        norm += static_cast<double>(v[i]) * v[i];
    norm = std::sqrt(norm);
    if (norm > 0)
        for (std::size_t i = first; i < end; ++i)
            v[i] = static_cast<float>(v[i] / norm);
}

std::vector<float> project(const std::vector<float>& statistics, std::size_t size, std::uint64_t seed)
{
    std::vector<float> out(size, 0.0f);
    for (std::size_t row = 0; row < size; ++row) {
        double sum = 0.0;
        for (std::size_t col = 0; col < statistics.size(); ++col) {
            const bool positive = (mix(seed ^ (row * 1315423911ULL + col)) & 1) != 0;
            sum += positive ? statistics[col] : -statistics[col];
        }
        out[row] = static_cast<float>(sum);
    }
    scaleToUnit(out, 0, out.size());
    return out;
}

bool inRegions(const std::vector<TimeSpan>& regions, double seconds)
{
    return regions.empty() ||
           std::any_of(regions.begin(), regions.end(), [&](const TimeSpan& r) { return seconds >= r.first && seconds < r.second; });
}

}  // namespace

std::vector<float> voiceStatistics(const FloatMatrix& logMel, double melHopSeconds, const PitchTrack& pitch, const std::vector<TimeSpan>& regions)
{
    // DCT-II basis, rows k = 1..20.
    std::vector<double> basis(static_cast<std::size_t>(kCepstra * logMel.rows));
    for (int k = 1; k <= kCepstra; ++k)
        for (int m = 0; m < logMel.rows; ++m)
            basis[static_cast<std::size_t>((k - 1) * logMel.rows + m)] = std::cos(M_PI * k * (m + 0.5) / logMel.rows) / logMel.rows;
    std::vector<std::array<double, kCepstra>> cepstra;
    for (int t = 0; t < logMel.cols; ++t) {
        if (!inRegions(regions, t * melHopSeconds))
            continue;
        std::array<double, kCepstra> c{};
        for (int k = 0; k < kCepstra; ++k) {
            const double* row = basis.data() + static_cast<std::size_t>(k * logMel.rows);
            double sum = 0.0;
            for (int m = 0; m < logMel.rows; ++m)
                sum += logMel.at(m, t) * row[m];
            c[static_cast<std::size_t>(k)] = sum;
        }
        cepstra.push_back(c);
    }
    std::vector<float> stats(4 * kCepstra + 2, 0.0f);
    const std::size_t n = cepstra.size();
    if (n >= 2) {
        for (std::size_t k = 0; k < kCepstra; ++k) {
            double mean = 0.0;
            double square = 0.0;
            double deltaSquare = 0.0;
            double deltaMean = 0.0;
            for (std::size_t t = 0; t < n; ++t) {
                mean += cepstra[t][k];
                square += cepstra[t][k] * cepstra[t][k];
                if (t > 0) {
                    const double delta = cepstra[t][k] - cepstra[t - 1][k];
                    deltaMean += delta;
                    deltaSquare += delta * delta;
                }
            }
            mean /= static_cast<double>(n);
            deltaMean /= static_cast<double>(n - 1);
            stats[k] = static_cast<float>(mean);
            stats[kCepstra + k] = static_cast<float>(std::sqrt(std::max(0.0, square / static_cast<double>(n) - mean * mean)));
            stats[2 * kCepstra + k] = static_cast<float>(deltaMean);
            stats[3 * kCepstra + k] = static_cast<float>(std::sqrt(std::max(0.0, deltaSquare / static_cast<double>(n - 1) - deltaMean * deltaMean)));
        }
    }
    std::vector<double> semitones;
    for (std::size_t t = 0; t < pitch.hz.size(); ++t)
        if (pitch.voiced[t] && inRegions(regions, static_cast<double>(t) * pitch.hopSeconds))
            semitones.push_back(12.0 * std::log2(pitch.hz[t] / 440.0));
    if (!semitones.empty()) {
        std::sort(semitones.begin(), semitones.end());
        const double median = semitones[semitones.size() / 2];
        const double spread = semitones[semitones.size() * 9 / 10] - semitones[semitones.size() / 10];
        stats[4 * kCepstra] = static_cast<float>(median / 24.0);  // two octaves either side of A4 map to +-1
        stats[4 * kCepstra + 1] = static_cast<float>(spread / 24.0);
    }
    for (std::size_t group = 0; group < 4; ++group)
        scaleToUnit(stats, group * kCepstra, (group + 1) * kCepstra);
    return stats;
}

VoiceEmbeddings embedVoice(const FloatMatrix& logMel, double melHopSeconds, const PitchTrack& pitch, const std::vector<TimeSpan>& regions)
{
    const std::vector<float> stats = voiceStatistics(logMel, melHopSeconds, pitch, regions);
    return {project(stats, 256, kVoiceSeed), project(stats, 192, kEcapaSeed)};
}

}  // namespace muze
