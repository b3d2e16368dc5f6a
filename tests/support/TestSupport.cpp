#include "tests/support/TestSupport.h"

#include "core/dataset/DatasetBuilder.h"
#include "core/dsp/Fft.h"
#include "core/dsp/Stft.h"

#include <QProcess>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <stdexcept>

namespace muze::test {

std::filesystem::path fixture(const std::string& name)
{
    return std::filesystem::path(MUZE_FIXTURE_DIR) / name;
}

std::filesystem::path testSource(const std::string& relativePath)
{
    return std::filesystem::path(MUZE_TEST_SOURCE_DIR) / relativePath;
}

std::filesystem::path buildLibraryDataset(const std::string& scratchName)
{
    const std::filesystem::path folder = scratchFolder(scratchName);
    std::filesystem::create_directories(folder / "songs");
    for (const char* name : {"Artist A/song_a.mp3", "Artist A/song_b.flac", "song_c.ogg"})
        std::filesystem::copy_file(fixture(std::string("library/") + name), folder / "songs" / std::filesystem::path(name).filename());
    BuildOptions build;
    build.audioDir = folder / "songs";
    build.output = folder / "data.json";
    build.analysis.recognizeSpeech = false;
    if (buildDataset(build).analyzed != 3)
        throw std::runtime_error("a song of the fixtures' library could not be analysed");
    return build.output;
}

nlohmann::json readSafeTensorsWithPython(const std::filesystem::path& path)
{
    QProcess python;
    python.start(QStringLiteral(MUZE_PYTHON), {QString::fromStdString(testSource("core/read_safetensors.py").string()),
                                              QString::fromStdString(path.string())});
    if (!python.waitForFinished(60000) || python.exitStatus() != QProcess::NormalExit || python.exitCode() != 0)
        throw std::runtime_error("read_safetensors.py failed on " + path.string() + ": " + python.readAllStandardError().toStdString());
    return nlohmann::json::parse(python.readAllStandardOutput().toStdString());
}

std::filesystem::path scratchFolder(const std::string& name)
{
    const auto folder = std::filesystem::path(MUZE_SCRATCH_DIR) / name;
    std::filesystem::remove_all(folder);
    std::filesystem::create_directories(folder);
    return folder;
}

std::vector<float> channel(const AudioBuffer& audio, int index)
{
    std::vector<float> out(static_cast<std::size_t>(audio.frames()));
    for (std::size_t f = 0; f < out.size(); ++f)
        out[f] = audio.samples[f * static_cast<std::size_t>(audio.channels) + static_cast<std::size_t>(index)];
    return out;
}

double toneAmplitude(const std::vector<float>& samples, double frequency, int sampleRate)
{
    const double omega = 2.0 * M_PI * frequency / sampleRate;
    const double coefficient = 2.0 * std::cos(omega);
    double previous = 0.0;
    double beforePrevious = 0.0;
    for (float sample : samples) {
        const double current = sample + coefficient * previous - beforePrevious;
        beforePrevious = previous;
        previous = current;
    }
    const double power = previous * previous + beforePrevious * beforePrevious - coefficient * previous * beforePrevious;
    return 2.0 * std::sqrt(std::max(power, 0.0)) / static_cast<double>(samples.size());
}

double dominantFrequency(const std::vector<float>& samples, int sampleRate)
{
    int size = 1;
    while (size * 2 <= static_cast<int>(samples.size()) && size < (1 << 18))
        size *= 2;
    const RealFft fft(size);
    const std::vector<float> window = hannWindow(size);
    AlignedVector<float> input(static_cast<std::size_t>(size));
    for (int i = 0; i < size; ++i)
        input[static_cast<std::size_t>(i)] = samples[static_cast<std::size_t>(i)] * window[static_cast<std::size_t>(i)];
    AlignedVector<std::complex<float>> spectrum(static_cast<std::size_t>(fft.bins()));
    fft.forward(input.data(), spectrum.data());
    int peak = 1;
    for (int k = 1; k < fft.bins() - 1; ++k)
        if (std::abs(spectrum[static_cast<std::size_t>(k)]) > std::abs(spectrum[static_cast<std::size_t>(peak)]))
            peak = k;
    const double left = std::log(std::abs(spectrum[static_cast<std::size_t>(peak - 1)]) + 1e-20);
    const double centre = std::log(std::abs(spectrum[static_cast<std::size_t>(peak)]) + 1e-20);
    const double right = std::log(std::abs(spectrum[static_cast<std::size_t>(peak + 1)]) + 1e-20);
    const double offset = 0.5 * (left - right) / (left - 2.0 * centre + right);
    return (peak + offset) * sampleRate / size;
}

double rootMeanSquare(const std::vector<float>& samples)
{
    double sum = 0.0;
    for (float sample : samples)
        sum += static_cast<double>(sample) * sample;
    return samples.empty() ? 0.0 : std::sqrt(sum / static_cast<double>(samples.size()));
}

AudioBuffer sineWave(double frequency, double amplitude, int sampleRate, double seconds, int channels)
{
    AudioBuffer audio;
    audio.sampleRate = sampleRate;
    audio.channels = channels;
    const auto frames = static_cast<std::size_t>(std::llround(seconds * sampleRate));
    audio.samples.resize(frames * static_cast<std::size_t>(channels));
    for (std::size_t f = 0; f < frames; ++f) {
        const float value = static_cast<float>(amplitude * std::sin(2.0 * M_PI * frequency * static_cast<double>(f) / sampleRate));
        for (int c = 0; c < channels; ++c)
            audio.samples[f * static_cast<std::size_t>(channels) + static_cast<std::size_t>(c)] = value;
    }
    return audio;
}

LocalServer::LocalServer(const std::string& script, const std::filesystem::path& log, const std::vector<std::string>& options)
    : m_process(std::make_unique<QProcess>())
{
    QStringList arguments{QString::fromStdString(testSource("support/" + script).string()), QString::fromStdString(log.string())};
    for (const std::string& option : options)
        arguments << QString::fromStdString(option);
    m_process->start(QStringLiteral(MUZE_PYTHON), arguments);
    if (m_process->waitForReadyRead(20000))
        m_port = m_process->readLine().trimmed().toInt();
}

LocalServer::~LocalServer()
{
    m_process->kill();
    m_process->waitForFinished();
}

std::string LocalServer::url(const std::string& mode) const
{
    return "http://127.0.0.1:" + std::to_string(m_port) + (mode.empty() ? "" : "/" + mode);
}

std::vector<nlohmann::json> requestsIn(const std::filesystem::path& log)
{
    std::vector<nlohmann::json> requests;
    std::ifstream in(log);
    for (std::string line; std::getline(in, line);)
        requests.push_back(nlohmann::json::parse(line));
    return requests;
}

}  // namespace muze::test
