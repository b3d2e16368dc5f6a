#include "core/models/TorchScriptEncoder.h"

#include "core/audio/Resampler.h"
#include "core/common/Error.h"
#include "core/dataset/SourceFingerprint.h"

#include <torch/script.h>

#include <map>

namespace muze {
namespace {

std::string name(const std::filesystem::path& file)
{
    return "\"" + file.string() + "\"";
}

// This thread's copy of the module; `identity` tells a file replaced at the same path from the old one.
torch::jit::Module& moduleFor(const std::filesystem::path& file, const std::string& identity)
{
    thread_local std::map<std::string, torch::jit::Module> loaded;
    const std::string key = file.string() + "\n" + identity;
    const auto found = loaded.find(key);
    if (found != loaded.end())
        return found->second;
    try {
        torch::jit::Module module = torch::jit::load(file.string(), torch::kCPU);
        module.eval();
        return loaded.emplace(key, std::move(module)).first->second;
    } catch (const c10::Error& error) {
        throw Error(ErrorKind::Corrupt, "The encoder " + name(file) + " is not a TorchScript file LibTorch can load (save it with torch.jit.save): " +
                                            error.what_without_backtrace());
    }
}

std::vector<float> flatten(const torch::IValue& output, const std::filesystem::path& file, std::size_t size)
{
    if (!output.isTensor())
        throw Error(ErrorKind::Unsupported, "The encoder " + name(file) + " must return a tensor.");
    const torch::Tensor tensor = output.toTensor().detach().to(torch::kCPU, torch::kFloat).contiguous().reshape({-1});
    if (static_cast<std::size_t>(tensor.numel()) != size)
        throw Error(ErrorKind::Unsupported, "The encoder " + name(file) + " returns " + std::to_string(tensor.numel()) +
                                                " numbers; this field needs " + std::to_string(size) + ".");
    return {tensor.data_ptr<float>(), tensor.data_ptr<float>() + size};
}

torch::IValue call(torch::jit::Module& module, const std::string& method, std::vector<torch::IValue> inputs, const std::filesystem::path& file)
{
    const auto function = module.find_method(method);
    if (!function)
        throw Error(ErrorKind::Unsupported, "The encoder " + name(file) + " has no method " + method + "().");
    try {
        torch::InferenceMode inference;
        return (*function)(std::move(inputs));
    } catch (const c10::Error& error) {
        throw Error(ErrorKind::Unsupported, "The encoder " + name(file) + " failed in " + method + "(): " + error.what_without_backtrace());
    }
}

std::string identityOf(const std::filesystem::path& file)
{
    if (!std::filesystem::is_regular_file(file))
        throw Error(ErrorKind::NotFound, "The encoder " + name(file) + " does not exist; check the path in the settings.");
    return file.filename().string() + " " + fullFingerprint(file).contentKey();
}

}  // namespace

TorchScriptEncoder::TorchScriptEncoder(std::filesystem::path file, std::size_t size, int sampleRate, std::string audioMethod, bool encodesText)
    : m_file(std::move(file)), m_size(size), m_sampleRate(sampleRate), m_audioMethod(std::move(audioMethod))
{
    m_identity = identityOf(m_file);
    AudioBuffer silence;
    silence.sampleRate = m_sampleRate;
    silence.channels = 1;
    silence.samples.assign(static_cast<std::size_t>(m_sampleRate), 0.0f);
    encodeAudio(silence);
    if (encodesText)
        encodeText("music");
}

std::vector<float> TorchScriptEncoder::encodeAudio(const AudioBuffer& audio) const
{
    const AudioBuffer mono = resampleAudio(audio.channels == 1 ? audio : mixToMono(audio), m_sampleRate);
    torch::Tensor waveform = torch::from_blob(const_cast<float*>(mono.samples.data()), {1, static_cast<std::int64_t>(mono.samples.size())}, torch::kFloat);
    return flatten(call(moduleFor(m_file, m_identity), m_audioMethod, {waveform}, m_file), m_file, m_size);
}

std::vector<float> TorchScriptEncoder::encodeText(const std::string& text) const
{
    return flatten(call(moduleFor(m_file, m_identity), "encode_text", {torch::IValue(text)}, m_file), m_file, m_size);
}


TorchScriptTextEncoder::TorchScriptTextEncoder(std::filesystem::path file) : m_file(std::move(file)), m_identity(identityOf(m_file))
{
    const torch::IValue output = call(moduleFor(m_file, m_identity), "encode_text", {torch::IValue(std::string("music"))}, m_file);
    if (!output.isTensor() || output.toTensor().dim() < 1 || output.toTensor().dim() > 2 || output.toTensor().size(-1) < 1)
        throw Error(ErrorKind::Unsupported, "The text encoder " + name(m_file) +
                                                "'s encode_text() must return a tensor [width] or [tokens, width].");
    m_width = static_cast<int>(output.toTensor().size(-1));
}

torch::Tensor TorchScriptTextEncoder::encode(const std::string& text) const
{
    if (text.empty())
        return torch::zeros({0, m_width});
    const torch::IValue output = call(moduleFor(m_file, m_identity), "encode_text", {torch::IValue(text)}, m_file);
    const torch::Tensor tokens = output.isTensor() ? output.toTensor().detach().to(torch::kCPU, torch::kFloat) : torch::Tensor();
    if (!tokens.defined() || tokens.dim() < 1 || tokens.dim() > 2 || tokens.size(-1) != m_width)
        throw Error(ErrorKind::Unsupported, "The text encoder " + name(m_file) + " returned another shape for \"" + text + "\" than [tokens, " +
                                                std::to_string(m_width) + "].");
    return tokens.reshape({-1, m_width}).clone();
}

}  // namespace muze
