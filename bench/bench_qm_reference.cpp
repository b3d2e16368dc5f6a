// qm-dsp's own key detector and tempo tracker, out of the box, as a second opinion on real music
// that has no ground truth: the settings of the QM Vamp plugins' defaults, nothing tuned.
//
// usage: bench_qm_reference FILE...
// Prints one JSON line a file: {"file": ..., "key": "A minor", "tempo": 112.4}, or "error".

#include "core/audio/AudioDecoder.h"
#include "core/common/Error.h"

#include <dsp/keydetection/GetKeyMode.h>
#include <dsp/onsets/DetectionFunction.h>
#include <dsp/tempotracking/TempoTrackV2.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <iostream>
#include <map>
#include <vector>

namespace {

constexpr int kRate = 44100;
constexpr const char* kTonics[] = {"C", "Db", "D", "Eb", "E", "F", "F#", "G", "Ab", "A", "Bb", "B"};

// The QM Key Detector's frame keys (1-12 major from C, 13-24 minor), the most frequent one taken as
// the song's key.
std::string keyOf(const std::vector<float>& mono)
{
    GetKeyMode detector(kRate, 440.0f, 10, 10);  // the plugin's defaults: 10 frames of averaging and of median
    const std::size_t block = detector.getBlockSize();
    const std::size_t hop = detector.getHopSize();
    std::vector<double> frame(block);
    std::map<int, int> votes;
    for (std::size_t start = 0; start + block <= mono.size(); start += hop) {
        std::copy(mono.begin() + static_cast<std::ptrdiff_t>(start), mono.begin() + static_cast<std::ptrdiff_t>(start + block), frame.begin());
        const int key = detector.process(frame.data());
        if (key >= 1 && key <= 24)
            ++votes[key];
    }
    if (votes.empty())
        return "";
    const int key = std::max_element(votes.begin(), votes.end(), [](const auto& a, const auto& b) { return a.second < b.second; })->first;
    return std::string(kTonics[(key - 1) % 12]) + (key > 12 ? " minor" : " major");
}

// The QM Tempo Tracker's beats (complex spectral difference, 512-sample hop), the tempo from their
// median interval.
double tempoOf(const std::vector<float>& mono)
{
    DFConfig config{};
    config.stepSize = 512;
    config.frameLength = 1024;
    config.DFType = DF_COMPLEXSD;
    config.dbRise = 3.0;
    config.adaptiveWhitening = false;
    config.whiteningRelaxCoeff = -1.0;
    config.whiteningFloor = -1.0;
    DetectionFunction function(config);
    std::vector<double> df;
    std::vector<double> frame(config.frameLength);
    for (std::size_t start = 0; start + config.frameLength <= mono.size(); start += config.stepSize) {
        std::copy(mono.begin() + static_cast<std::ptrdiff_t>(start), mono.begin() + static_cast<std::ptrdiff_t>(start + config.frameLength), frame.begin());
        df.push_back(function.processTimeDomain(frame.data()));
    }
    if (df.size() < 16)
        return 0.0;
    df.erase(df.begin(), df.begin() + 2);  // the first values answer the file's start, not an onset
    TempoTrackV2 tracker(kRate, config.stepSize);
    std::vector<double> beatPeriod(df.size());
    std::vector<double> tempi;
    tracker.calculateBeatPeriod(df, beatPeriod, tempi, 120.0, false);
    std::vector<double> beats;
    tracker.calculateBeats(df, beatPeriod, beats);
    if (beats.size() < 3)
        return 0.0;
    std::vector<double> intervals;
    for (std::size_t i = 1; i < beats.size(); ++i)
        intervals.push_back((beats[i] - beats[i - 1]) * config.stepSize / kRate);
    std::nth_element(intervals.begin(), intervals.begin() + static_cast<std::ptrdiff_t>(intervals.size() / 2), intervals.end());
    return 60.0 / intervals[intervals.size() / 2];
}

}  // namespace

int main(int argc, char** argv)
{
    if (argc < 2) {
        std::cerr << "usage: bench_qm_reference FILE...\n";
        return 2;
    }
    for (int i = 1; i < argc; ++i) {
        nlohmann::json line{{"file", argv[i]}};
        try {
            muze::DecodeOptions options;
            options.sampleRate = kRate;
            const std::vector<float> mono = muze::decodeAudioFile(argv[i], options).audio.samples;
            line["key"] = keyOf(mono);
            line["tempo"] = tempoOf(mono);
        } catch (const muze::Error& error) {
            line["error"] = error.what();
        }
        std::cout << line.dump() << std::endl;
    }
    return 0;
}
