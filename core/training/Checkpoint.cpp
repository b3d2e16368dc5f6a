#include "core/training/Checkpoint.h"

#include "core/common/Error.h"
#include "core/common/SafeTensors.h"

#include <torch/torch.h>

#include <cstring>
#include <iomanip>
#include <map>
#include <sstream>

namespace muze {
namespace {

using Json = nlohmann::ordered_json;

constexpr const char* kFormat = "muze-checkpoint-1";
constexpr const char* kWeightsOnly = "weights";

[[noreturn]] void refuse(const std::filesystem::path& path, const std::string& what)
{
    throw Error(ErrorKind::Corrupt, "The checkpoint \"" + path.string() + "\" cannot be used: " + what + ". Nothing was loaded.");
}

TensorType tensorTypeOf(const torch::Tensor& tensor)
{
    switch (tensor.scalar_type()) {
    case torch::kFloat32: return TensorType::F32;
    case torch::kFloat16: return TensorType::F16;
    case torch::kInt64: return TensorType::I64;
    case torch::kInt32: return TensorType::I32;
    case torch::kUInt8: return TensorType::U8;
    case torch::kBool: return TensorType::Bool;
    default: throw Error(ErrorKind::Unsupported, std::string("Tensors of type ") + c10::toString(tensor.scalar_type()) + " cannot be saved.");
    }
}

Tensor toFileTensor(const std::string& name, const torch::Tensor& value)
{
    const torch::Tensor cpu = value.detach().to(torch::kCPU).contiguous();
    if (cpu.is_floating_point() && !torch::isfinite(cpu).all().item<bool>())
        throw Error(ErrorKind::InvalidArgument, "The tensor \"" + name + "\" holds a value that is not finite; no checkpoint was written.");
    Tensor out;
    out.type = tensorTypeOf(cpu);
    out.shape.assign(cpu.sizes().begin(), cpu.sizes().end());
    out.bytes.resize(static_cast<std::size_t>(cpu.numel()) * cpu.element_size());
    std::memcpy(out.bytes.data(), cpu.data_ptr(), out.bytes.size());
    return out;
}

// Parameters and buffers under `prefix`.
std::map<std::string, torch::Tensor> namedTensors(const torch::nn::Module& module, const std::string& prefix)
{
    std::map<std::string, torch::Tensor> tensors;
    for (const auto& item : module.named_parameters())
        tensors[prefix + item.key()] = item.value();
    for (const auto& item : module.named_buffers())
        tensors[prefix + item.key()] = item.value();
    return tensors;
}

// AdamW's per-parameter state, keyed as LibTorch keys it (by the parameter's storage identity).
std::string stateKey(const torch::Tensor& parameter)
{
    return c10::guts::to_string(parameter.unsafeGetTensorImpl());
}

// The optimizer's tensors named after the model's parameters. A parameter that has not had a step
// yet has no state and no entries.
std::map<std::string, torch::Tensor> optimizerTensors(const CheckpointParts& parts)
{
    std::map<std::string, torch::Tensor> tensors;
    if (!parts.optimizer)
        return tensors;
    const auto& state = parts.optimizer->state();
    for (const auto& item : parts.model->named_parameters()) {
        const auto found = state.find(stateKey(item.value()));
        if (found == state.end())
            continue;
        const auto& adam = static_cast<const torch::optim::AdamWParamState&>(*found->second);
        const std::string base = "optimizer." + item.key();
        tensors[base + ".exp_avg"] = adam.exp_avg();
        tensors[base + ".exp_avg_sq"] = adam.exp_avg_sq();
        tensors[base + ".step"] = torch::tensor({adam.step()}, torch::kInt64);
    }
    return tensors;
}

std::map<std::string, torch::Tensor> allTensors(const CheckpointParts& parts)
{
    std::map<std::string, torch::Tensor> tensors = namedTensors(*parts.model, "model.");
    if (parts.ema)
        tensors.merge(namedTensors(*parts.ema, "ema."));
    tensors.merge(optimizerTensors(parts));
    return tensors;
}

std::map<std::string, std::string> metadataOf(const CheckpointInfo& info, const CheckpointParts& parts)
{
    std::map<std::string, std::string> metadata = {{"format", kFormat},
                                                   {"config", info.config.dump()},
                                                   {"preset", info.preset},
                                                   {"phase", std::to_string(info.phase)},
                                                   {"step", std::to_string(info.step)},
                                                   {"epoch", std::to_string(info.epoch)},
                                                   {"dataset_hash", info.datasetHash},
                                                   {"rng_state", info.rngState},
                                                   {"training", info.training.dump()}};
    if (info.weightsOnly)
        metadata["contents"] = kWeightsOnly;
    if (parts.optimizer) {
        const auto& options = static_cast<const torch::optim::AdamWOptions&>(parts.optimizer->defaults());
        metadata["optimizer"] = Json{{"type", "AdamW"},
                                     {"betas", {std::get<0>(options.betas()), std::get<1>(options.betas())}},
                                     {"eps", options.eps()},
                                     {"weight_decay", options.weight_decay()},
                                     {"state", "optimizer.<parameter>.{exp_avg,exp_avg_sq,step}"}}
                                    .dump();
    }
    if (info.validationLoss)
        metadata["validation_loss"] = Json(*info.validationLoss).dump();
    return metadata;
}

std::int64_t integerField(const std::map<std::string, std::string>& metadata, const std::string& name, const std::filesystem::path& path)
{
    const auto found = metadata.find(name);
    try {
        std::size_t used = 0;
        const long long value = found == metadata.end() ? 0 : std::stoll(found->second, &used);
        if (found == metadata.end() || used != found->second.size())
            throw std::invalid_argument(name);
        return value;
    } catch (const std::exception&) {
        refuse(path, "its " + name + " is not a whole number");
    }
}

CheckpointInfo infoFromMetadata(const std::map<std::string, std::string>& metadata, const std::filesystem::path& path)
{
    const auto text = [&](const char* name) {
        const auto found = metadata.find(name);
        return found == metadata.end() ? std::string() : found->second;
    };
    if (text("format") != kFormat)
        refuse(path, "it is not a Muze Studio checkpoint (its metadata has no format \"" + std::string(kFormat) + "\")");
    CheckpointInfo info;
    try {
        info.config = Json::parse(text("config"));
        if (!text("training").empty())
            info.training = Json::parse(text("training"));
        if (!text("validation_loss").empty())
            info.validationLoss = Json::parse(text("validation_loss")).get<double>();
    } catch (const nlohmann::json::exception&) {
        refuse(path, "its config or validation loss is not valid JSON");
    }
    info.preset = text("preset");
    info.phase = static_cast<int>(integerField(metadata, "phase", path));
    info.step = integerField(metadata, "step", path);
    info.epoch = integerField(metadata, "epoch", path);
    info.datasetHash = text("dataset_hash");
    info.rngState = text("rng_state");
    info.weightsOnly = text("contents") == kWeightsOnly;
    return info;
}

std::string describeShape(const std::vector<std::int64_t>& shape)
{
    std::ostringstream out;
    out << "[";
    for (std::size_t i = 0; i < shape.size(); ++i)
        out << (i ? ", " : "") << shape[i];
    out << "]";
    return out.str();
}

// The file's tensor as `like`'s dtype and shape, or a refusal naming what differs.
torch::Tensor matchingTensor(const TensorFile& file, const std::string& name, const torch::Tensor& like, const std::filesystem::path& path)
{
    const auto found = file.tensors.find(name);
    if (found == file.tensors.end())
        refuse(path, "it has no tensor \"" + name + "\"");
    const Tensor& stored = found->second;
    const std::vector<std::int64_t> shape(like.sizes().begin(), like.sizes().end());
    const bool halved = stored.type == TensorType::F16 && like.scalar_type() == torch::kFloat32;
    const bool sameType = stored.type == tensorTypeOf(like) || halved;
    if (!sameType || stored.shape != shape)
        refuse(path, "its tensor \"" + name + "\" has shape " + describeShape(stored.shape) + " where the model has " + describeShape(shape) +
                         (sameType ? "" : ", and another type"));
    torch::Tensor value = torch::empty(like.sizes(), torch::TensorOptions().dtype(halved ? torch::kFloat16 : like.scalar_type()));
    std::memcpy(value.data_ptr(), stored.bytes.data(), stored.bytes.size());
    return halved ? value.to(torch::kFloat32) : value;
}

}  // namespace

void saveCheckpoint(const std::filesystem::path& path, const CheckpointParts& parts, const CheckpointInfo& info)
{
    if (!parts.model)
        throw Error(ErrorKind::InvalidArgument, "A checkpoint needs a model.");
    TensorFile file;
    file.metadata = metadataOf(info, parts);
    for (const auto& [name, value] : allTensors(parts))
        file.tensors[name] = toFileTensor(name, value);
    writeSafeTensors(path, file);
}

void saveWeights(const std::filesystem::path& path, const torch::nn::Module& model, CheckpointInfo info)
{
    info.weightsOnly = true;
    info.rngState.clear();
    TensorFile file;
    for (const auto& [name, value] : namedTensors(model, "model."))
        file.tensors[name] = toFileTensor(name, value.scalar_type() == torch::kFloat32 ? value.to(torch::kFloat16) : value);
    file.metadata = metadataOf(info, {});
    writeSafeTensors(path, file);
}

CheckpointInfo readCheckpointInfo(const std::filesystem::path& path)
{
    return infoFromMetadata(readSafeTensorsMetadata(path), path);
}

CheckpointInfo loadCheckpoint(const std::filesystem::path& path, const CheckpointParts& parts, const Json& config)
{
    CheckpointInfo info = readCheckpointInfo(path);
    if (info.weightsOnly && (parts.ema || parts.optimizer))
        refuse(path, "it holds a model's weights for generation alone, and training needs the whole checkpoint of a run");
    if (info.config != config)
        throw Error(ErrorKind::InvalidArgument, "The checkpoint \"" + path.string() + "\" was made for another model: its config is " +
                                                    info.config.dump() + ", this model's is " + config.dump() + ". Nothing was loaded.");
    const TensorFile file = readSafeTensors(path);
    // Every tensor is checked and read before any is copied in: all or nothing.
    std::map<std::string, torch::Tensor> loaded;
    for (const auto& [name, like] : namedTensors(*parts.model, "model."))
        loaded[name] = matchingTensor(file, name, like, path);
    if (parts.ema)
        for (const auto& [name, like] : namedTensors(*parts.ema, "ema."))
            loaded[name] = matchingTensor(file, name, like, path);
    // The optimizer's and EMA's tensors are only read when asked for (generation needs neither).
    std::map<std::string, torch::Tensor> optimizerState;
    for (const auto& [name, stored] : file.tensors) {
        const bool optimizer = name.rfind("optimizer.", 0) == 0;
        if (loaded.count(name) != 0 || (optimizer && !parts.optimizer) || (name.rfind("ema.", 0) == 0 && !parts.ema))
            continue;
        if (!optimizer)
            refuse(path, "it has a tensor \"" + name + "\" this model does not");
        optimizerState[name] = torch::Tensor();
    }
    std::map<std::string, torch::Tensor> parameters;
    for (const auto& item : parts.model->named_parameters())
        parameters[item.key()] = item.value();
    for (auto& [name, value] : optimizerState) {
        const std::string rest = name.substr(std::strlen("optimizer."));
        const std::size_t dot = rest.rfind('.');
        const std::string parameter = rest.substr(0, dot);
        const std::string part = dot == std::string::npos ? std::string() : rest.substr(dot + 1);
        const auto found = parameters.find(parameter);
        if (found == parameters.end() || (part != "exp_avg" && part != "exp_avg_sq" && part != "step"))
            refuse(path, "its optimizer state \"" + name + "\" matches no parameter of this model");
        value = matchingTensor(file, name, part == "step" ? torch::zeros({1}, torch::kInt64) : found->second, path);
    }

    torch::NoGradGuard noGrad;
    const auto copyInto = [&](torch::nn::Module& module, const std::string& prefix) {
        for (auto& [name, target] : namedTensors(module, prefix))
            target.copy_(loaded.at(name));
    };
    copyInto(*parts.model, "model.");
    if (parts.ema)
        copyInto(*parts.ema, "ema.");
    if (parts.optimizer) {
        auto& state = parts.optimizer->state();
        state.clear();
        for (const auto& [name, parameter] : parameters) {
            const std::string base = "optimizer." + name;
            if (optimizerState.count(base + ".step") == 0)
                continue;
            if (optimizerState.count(base + ".exp_avg") == 0 || optimizerState.count(base + ".exp_avg_sq") == 0)
                refuse(path, "its optimizer state for \"" + name + "\" is incomplete");
            auto adam = std::make_unique<torch::optim::AdamWParamState>();
            adam->step(optimizerState.at(base + ".step").item<std::int64_t>());
            adam->exp_avg(optimizerState.at(base + ".exp_avg").to(parameter.device()));
            adam->exp_avg_sq(optimizerState.at(base + ".exp_avg_sq").to(parameter.device()));
            state[stateKey(parameter)] = std::move(adam);
        }
    }
    return info;
}

std::string generatorState(const at::Generator& generator)
{
    const torch::Tensor state = generator.get_state();
    std::ostringstream hex;
    hex << std::hex << std::setfill('0');
    for (std::int64_t i = 0; i < state.numel(); ++i)
        hex << std::setw(2) << static_cast<int>(state.data_ptr<std::uint8_t>()[i]);
    return hex.str();
}

void restoreGeneratorState(at::Generator& generator, const std::string& state)
{
    if (state.empty() || state.size() % 2 != 0 || state.find_first_not_of("0123456789abcdef") != std::string::npos)
        throw Error(ErrorKind::Corrupt, "The saved random generator state is damaged.");
    torch::Tensor bytes = torch::empty({static_cast<std::int64_t>(state.size() / 2)}, torch::kUInt8);
    for (std::size_t i = 0; i < state.size() / 2; ++i)
        bytes.data_ptr<std::uint8_t>()[i] = static_cast<std::uint8_t>(std::stoi(state.substr(2 * i, 2), nullptr, 16));
    try {
        generator.set_state(bytes);
    } catch (const c10::Error&) {
        throw Error(ErrorKind::Corrupt, "The saved random generator state does not fit this generator.");
    }
}

CheckpointFolder::CheckpointFolder(std::filesystem::path folder, int keep) : m_folder(std::move(folder)), m_keep(std::max(1, keep)) {}

std::filesystem::path CheckpointFolder::save(const CheckpointParts& parts, const CheckpointInfo& info)
{
    std::ostringstream name;
    name << "step-" << std::setw(8) << std::setfill('0') << info.step << ".safetensors";
    const std::filesystem::path path = m_folder / name.str();
    std::filesystem::create_directories(m_folder);
    saveCheckpoint(path, parts, info);

    std::vector<std::filesystem::path> steps;
    for (const auto& entry : std::filesystem::directory_iterator(m_folder))
        if (entry.path().filename().string().rfind("step-", 0) == 0 && entry.path().extension() == ".safetensors")
            steps.push_back(entry.path());
    std::sort(steps.begin(), steps.end());
    for (std::size_t i = 0; i + static_cast<std::size_t>(m_keep) < steps.size(); ++i)
        std::filesystem::remove(steps[i]);

    if (info.validationLoss) {
        std::optional<double> bestSoFar;
        if (std::filesystem::exists(best())) {
            try {
                bestSoFar = readCheckpointInfo(best()).validationLoss;
            } catch (const Error&) {
                // a damaged best file is replaced by this one
            }
        }
        if (!bestSoFar || *info.validationLoss < *bestSoFar)
            saveCheckpoint(best(), parts, info);
    }
    return path;
}

std::optional<std::filesystem::path> CheckpointFolder::latest() const
{
    std::optional<std::filesystem::path> newest;
    std::error_code missing;
    if (!std::filesystem::is_directory(m_folder, missing))
        return newest;
    for (const auto& entry : std::filesystem::directory_iterator(m_folder)) {
        const std::string file = entry.path().filename().string();
        if (file.rfind("step-", 0) == 0 && entry.path().extension() == ".safetensors" && (!newest || entry.path() > *newest))
            newest = entry.path();
    }
    return newest;
}

}  // namespace muze
