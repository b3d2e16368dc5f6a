#pragma once

#include "core/dsp/FloatMatrix.h"

#include <vector>

namespace muze {

// Hz to mel and back on the Slaney scale: linear below 1 kHz, logarithmic above.
// ref: librosa.hz_to_mel / mel_to_hz with htk=False.
double hzToMel(double hz);
double melToHz(double mel);

// A bank of triangular mel filters over the bins of an n_fft-point real FFT, each scaled to unit area
// ("slaney" norm). ref: librosa.filters.mel(sr, n_fft, n_mels, fmin, fmax, htk=False, norm="slaney").
// The filters are stored sparsely: each covers a short run of bins.
class MelFilterbank {
public:
    MelFilterbank(int sampleRate, int nFft, int nMels, double fMin, double fMax);

    int bands() const { return static_cast<int>(m_filters.size()); }
    int bins() const { return m_bins; }

    // mel[m] = sum over bins of weight(m, k) * spectrum[k]; `spectrum` has bins() values.
    void apply(const float* spectrum, float* mel) const;
    // The transpose: spectrum[k] = sum over bands of weight(m, k) * mel[m].
    void applyTransposed(const float* mel, float* spectrum) const;

    // The dense bands() x bins() matrix, as librosa returns it.
    FloatMatrix dense() const;

private:
    struct Filter {
        int firstBin = 0;
        std::vector<float> weights;  // for bins firstBin, firstBin + 1, ...
    };
    int m_bins;
    std::vector<Filter> m_filters;
};

}  // namespace muze
