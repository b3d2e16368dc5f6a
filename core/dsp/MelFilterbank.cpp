#include "core/dsp/MelFilterbank.h"

#include "core/common/Error.h"

#include <algorithm>
#include <cmath>

namespace muze {
namespace {

// ref: librosa's Slaney constants.
constexpr double kLinearHzPerMel = 200.0 / 3.0;
constexpr double kLogRegionHz = 1000.0;
constexpr double kLogRegionMel = kLogRegionHz / kLinearHzPerMel;
const double kLogStep = std::log(6.4) / 27.0;

}  // namespace

double hzToMel(double hz)
{
    if (hz < kLogRegionHz)
        return hz / kLinearHzPerMel;
    return kLogRegionMel + std::log(hz / kLogRegionHz) / kLogStep;
}

double melToHz(double mel)
{
    if (mel < kLogRegionMel)
        return mel * kLinearHzPerMel;
    return kLogRegionHz * std::exp(kLogStep * (mel - kLogRegionMel));
}

MelFilterbank::MelFilterbank(int sampleRate, int nFft, int nMels, double fMin, double fMax) : m_bins(nFft / 2 + 1)
{
    if (sampleRate <= 0 || nFft < 2 || nMels < 1 || fMin < 0 || fMax <= fMin || fMax > sampleRate / 2.0)
        throw Error(ErrorKind::InvalidArgument, "Mel filterbank needs 0 <= fmin < fmax <= sample rate / 2 and at least one band.");
    // Band edges: nMels + 2 points evenly spaced in mel between fmin and fmax.
    std::vector<double> edges(static_cast<std::size_t>(nMels) + 2);
    const double lowMel = hzToMel(fMin);
    const double highMel = hzToMel(fMax);
    for (std::size_t i = 0; i < edges.size(); ++i)
        edges[i] = melToHz(lowMel + (highMel - lowMel) * static_cast<double>(i) / static_cast<double>(edges.size() - 1));

    const double binHz = static_cast<double>(sampleRate) / nFft;
    m_filters.resize(static_cast<std::size_t>(nMels));
    for (int m = 0; m < nMels; ++m) {
        const double lower = edges[static_cast<std::size_t>(m)];
        const double centre = edges[static_cast<std::size_t>(m) + 1];
        const double upper = edges[static_cast<std::size_t>(m) + 2];
        const double areaNorm = 2.0 / (upper - lower);
        Filter& filter = m_filters[static_cast<std::size_t>(m)];
        filter.firstBin = -1;
        for (int k = 0; k < m_bins; ++k) {
            const double hz = k * binHz;
            const double weight = std::max(0.0, std::min((hz - lower) / (centre - lower), (upper - hz) / (upper - centre)));
            if (weight <= 0.0) {
                if (filter.firstBin >= 0)
                    break;
                continue;
            }
            if (filter.firstBin < 0)
                filter.firstBin = k;
            filter.weights.push_back(static_cast<float>(weight * areaNorm));
        }
        if (filter.firstBin < 0)
            filter.firstBin = 0;  // a band narrower than one bin has no weights, as in librosa
    }
}

void MelFilterbank::apply(const float* spectrum, float* mel) const
{
    for (std::size_t m = 0; m < m_filters.size(); ++m) {
        const Filter& filter = m_filters[m];
        const float* source = spectrum + filter.firstBin;
        float sum = 0.0f;
        for (std::size_t i = 0; i < filter.weights.size(); ++i)
            sum += filter.weights[i] * source[i];
        mel[m] = sum;
    }
}

void MelFilterbank::applyTransposed(const float* mel, float* spectrum) const
{
    std::fill(spectrum, spectrum + m_bins, 0.0f);
    for (std::size_t m = 0; m < m_filters.size(); ++m) {
        const Filter& filter = m_filters[m];
        float* target = spectrum + filter.firstBin;
        for (std::size_t i = 0; i < filter.weights.size(); ++i)
            target[i] += filter.weights[i] * mel[m];
    }
}

FloatMatrix MelFilterbank::dense() const
{
    FloatMatrix matrix(bands(), m_bins);
    for (int m = 0; m < bands(); ++m) {
        const Filter& filter = m_filters[static_cast<std::size_t>(m)];
        std::copy(filter.weights.begin(), filter.weights.end(), matrix.row(m) + filter.firstBin);
    }
    return matrix;
}

}  // namespace muze
