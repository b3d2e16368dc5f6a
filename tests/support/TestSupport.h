#pragma once

#include "core/audio/AudioBuffer.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

class QProcess;

namespace muze::test {

// A file made by tests/fixtures/make_audio_fixtures.sh for this build.
std::filesystem::path fixture(const std::string& name);
// A file checked in under tests/.
std::filesystem::path testSource(const std::string& relativePath);
// A fresh, empty folder under the build tree for one test to write into.
std::filesystem::path scratchFolder(const std::string& name);

// A dataset built (without speech recognition) from three songs of the fixtures' library, in a fresh
// scratch folder of that name: the dataset JSON's path. Throws std::runtime_error when a song fails.
std::filesystem::path buildLibraryDataset(const std::string& scratchName);

// A safetensors file as tests/core/read_safetensors.py reads it (the published layout, with Python's
// json and struct only): {"metadata": {...}, "tensors": {name: {dtype, shape, values}}, "data_aligned"}.
// Throws std::runtime_error when the script fails.
nlohmann::json readSafeTensorsWithPython(const std::filesystem::path& path);

// One channel of interleaved audio.
std::vector<float> channel(const AudioBuffer& audio, int index);

// The amplitude of the sinusoid at `frequency` in `samples` (single-bin DFT, Goertzel's recurrence).
double toneAmplitude(const std::vector<float>& samples, double frequency, int sampleRate);

// The strongest frequency in `samples`: Hann-windowed FFT peak refined by parabolic interpolation.
double dominantFrequency(const std::vector<float>& samples, int sampleRate);

double rootMeanSquare(const std::vector<float>& samples);

// `seconds` of a sine at `frequency` Hz and peak `amplitude`, the same on every channel.
AudioBuffer sineWave(double frequency, double amplitude, int sampleRate, double seconds, int channels = 1);

// A stand-in server of tests/support (voice_server.py, llm_server.py) on a free port of 127.0.0.1,
// stopped when this goes. The script is given the log file first, then `options`, and prints its
// port as its first line.
class LocalServer {
public:
    LocalServer(const std::string& script, const std::filesystem::path& log, const std::vector<std::string>& options = {});
    ~LocalServer();
    // The address, with a first path segment that picks a misbehaviour ("slow", "garbage") when given.
    std::string url(const std::string& mode = "") const;
    bool running() const { return m_port > 0; }

private:
    std::unique_ptr<QProcess> m_process;
    int m_port = 0;
};

// The JSON lines a LocalServer logged, one per request.
std::vector<nlohmann::json> requestsIn(const std::filesystem::path& log);

}  // namespace muze::test
