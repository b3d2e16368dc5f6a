#include "core/common/SafeTensors.h"

#include "core/common/AtomicFile.h"
#include "core/common/Error.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstring>
#include <fstream>

namespace muze {
namespace {

constexpr std::uint64_t kLargestHeader = 100ull << 20;

const char* typeName(TensorType type)
{
    switch (type) {
    case TensorType::F32: return "F32";
    case TensorType::F16: return "F16";
    case TensorType::I64: return "I64";
    case TensorType::I32: return "I32";
    case TensorType::U8: return "U8";
    case TensorType::Bool: return "BOOL";
    }
    return "F32";
}

bool typeNamed(const std::string& name, TensorType* type)
{
    for (TensorType candidate : {TensorType::F32, TensorType::F16, TensorType::I64, TensorType::I32, TensorType::U8, TensorType::Bool}) {
        if (name == typeName(candidate)) {
            *type = candidate;
            return true;
        }
    }
    return false;
}

[[noreturn]] void refuse(const std::filesystem::path& path, const std::string& reason)
{
    throw Error(ErrorKind::Corrupt, "\"" + path.string() + "\" is not a valid safetensors file: " + reason + ".");
}

std::uint64_t littleEndian64(const unsigned char* bytes)
{
    std::uint64_t value = 0;
    for (int i = 7; i >= 0; --i)
        value = (value << 8) | bytes[i];
    return value;
}

struct Header {
    nlohmann::json json;
    std::uint64_t dataStart = 0;
    std::uint64_t fileSize = 0;
};

Header readHeader(std::ifstream& in, const std::filesystem::path& path)
{
    Header header;
    std::error_code error;
    header.fileSize = std::filesystem::file_size(path, error);
    if (error)
        throw Error(ErrorKind::NotFound, "\"" + path.string() + "\" cannot be read: " + error.message() + ".");
    unsigned char prefix[8];
    if (!in.read(reinterpret_cast<char*>(prefix), 8))
        refuse(path, "it is shorter than its 8-byte header length");
    const std::uint64_t length = littleEndian64(prefix);
    if (length > kLargestHeader || length > header.fileSize - 8)
        refuse(path, "its header length (" + std::to_string(length) + " bytes) does not fit the file");
    std::string text(length, '\0');
    if (!in.read(text.data(), static_cast<std::streamsize>(length)))
        refuse(path, "its header is cut short");
    try {
        header.json = nlohmann::json::parse(text);
    } catch (const nlohmann::json::exception& e) {
        refuse(path, std::string("its header is not JSON (") + e.what() + ")");
    }
    if (!header.json.is_object())
        refuse(path, "its header is not a JSON object");
    header.dataStart = 8 + length;
    return header;
}

std::map<std::string, std::string> metadataOf(const Header& header, const std::filesystem::path& path)
{
    std::map<std::string, std::string> metadata;
    const auto found = header.json.find("__metadata__");
    if (found == header.json.end())
        return metadata;
    if (!found->is_object())
        refuse(path, "its __metadata__ is not an object");
    for (const auto& [key, value] : found->items()) {
        if (!value.is_string())
            refuse(path, "its metadata value \"" + key + "\" is not a string");
        metadata[key] = value.get<std::string>();
    }
    return metadata;
}

}  // namespace

std::size_t bytesPerElement(TensorType type)
{
    switch (type) {
    case TensorType::F32: case TensorType::I32: return 4;
    case TensorType::F16: return 2;
    case TensorType::I64: return 8;
    case TensorType::U8: case TensorType::Bool: return 1;
    }
    return 1;
}

std::int64_t Tensor::elements() const
{
    std::int64_t count = 1;
    for (std::int64_t d : shape)
        count *= d;
    return count;
}

Tensor Tensor::fromFloats(const std::vector<float>& values, std::vector<std::int64_t> shape)
{
    Tensor tensor;
    tensor.type = TensorType::F32;
    tensor.shape = std::move(shape);
    if (tensor.elements() != static_cast<std::int64_t>(values.size()))
        throw Error(ErrorKind::InvalidArgument, "Tensor shape does not match its number of values.");
    tensor.bytes.resize(values.size() * sizeof(float));
    std::memcpy(tensor.bytes.data(), values.data(), tensor.bytes.size());  // x86-64 and ARM64 are little-endian
    return tensor;
}

Tensor Tensor::fromBytes(const std::vector<std::uint8_t>& values, std::vector<std::int64_t> shape, TensorType type)
{
    Tensor tensor;
    tensor.type = type;
    tensor.shape = std::move(shape);
    if (bytesPerElement(type) != 1 || tensor.elements() != static_cast<std::int64_t>(values.size()))
        throw Error(ErrorKind::InvalidArgument, "Tensor shape does not match its number of values.");
    tensor.bytes = values;
    return tensor;
}

std::vector<float> Tensor::toFloats() const
{
    if (type != TensorType::F32)
        throw Error(ErrorKind::InvalidArgument, "Tensor is not F32.");
    std::vector<float> values(bytes.size() / sizeof(float));
    std::memcpy(values.data(), bytes.data(), values.size() * sizeof(float));
    return values;
}

void writeSafeTensors(const std::filesystem::path& path, const TensorFile& file)
{
    nlohmann::json header = nlohmann::json::object();
    std::uint64_t offset = 0;
    for (const auto& [name, tensor] : file.tensors) {
        if (static_cast<std::uint64_t>(tensor.elements()) * bytesPerElement(tensor.type) != tensor.bytes.size())
            throw Error(ErrorKind::InvalidArgument, "Tensor \"" + name + "\": its bytes do not match its shape.");
        header[name] = {{"dtype", typeName(tensor.type)}, {"shape", tensor.shape}, {"data_offsets", {offset, offset + tensor.bytes.size()}}};
        offset += tensor.bytes.size();
    }
    if (!file.metadata.empty())
        header["__metadata__"] = file.metadata;
    std::string text = header.dump();
    text.append((8 - text.size() % 8) % 8, ' ');  // the format recommends aligning the data to 8 bytes
    unsigned char prefix[8];
    for (int i = 0; i < 8; ++i)
        prefix[i] = static_cast<unsigned char>((static_cast<std::uint64_t>(text.size()) >> (8 * i)) & 0xFF);
    AtomicFile out(path);
    out.write(prefix, 8);
    out.write(text);
    for (const auto& [name, tensor] : file.tensors)
        out.write(tensor.bytes.data(), tensor.bytes.size());
    out.commit();
}

TensorFile readSafeTensors(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw Error(ErrorKind::NotFound, "\"" + path.string() + "\" cannot be opened.");
    const Header header = readHeader(in, path);
    TensorFile file;
    file.metadata = metadataOf(header, path);
    const std::uint64_t dataSize = header.fileSize - header.dataStart;
    std::vector<std::pair<std::uint64_t, std::uint64_t>> ranges;
    for (const auto& [name, entry] : header.json.items()) {
        if (name == "__metadata__")
            continue;
        Tensor tensor;
        if (!entry.is_object() || !entry.contains("dtype") || !entry.contains("shape") || !entry.contains("data_offsets") ||
            !entry["dtype"].is_string() || !entry["shape"].is_array() || !entry["data_offsets"].is_array() || entry["data_offsets"].size() != 2)
            refuse(path, "tensor \"" + name + "\" lacks a dtype, shape or data_offsets");
        if (!typeNamed(entry["dtype"].get<std::string>(), &tensor.type))
            refuse(path, "tensor \"" + name + "\" has an unsupported dtype " + entry["dtype"].get<std::string>());
        constexpr std::uint64_t kMaxElements = 1ull << 40;
        std::uint64_t elements = 1;
        for (const auto& d : entry["shape"]) {
            if (!d.is_number_unsigned())
                refuse(path, "tensor \"" + name + "\" has an invalid shape");
            const auto size = d.get<std::uint64_t>();
            if (size > kMaxElements || (size != 0 && elements > kMaxElements / size))  // checked before multiplying: no overflow
                refuse(path, "tensor \"" + name + "\" is impossibly large");
            elements *= size;
            tensor.shape.push_back(static_cast<std::int64_t>(size));
        }
        if (!entry["data_offsets"][0].is_number_unsigned() || !entry["data_offsets"][1].is_number_unsigned())
            refuse(path, "tensor \"" + name + "\" has invalid data offsets");
        const auto begin = entry["data_offsets"][0].get<std::uint64_t>();
        const auto end = entry["data_offsets"][1].get<std::uint64_t>();
        if (begin > end || end > dataSize)
            refuse(path, "tensor \"" + name + "\" points outside the file (the file may be cut short)");
        if (end - begin != elements * bytesPerElement(tensor.type))
            refuse(path, "tensor \"" + name + "\" has " + std::to_string(end - begin) + " bytes for its shape");
        ranges.emplace_back(begin, end);
        tensor.bytes.resize(end - begin);
        in.seekg(static_cast<std::streamoff>(header.dataStart + begin));
        if (!in.read(reinterpret_cast<char*>(tensor.bytes.data()), static_cast<std::streamsize>(tensor.bytes.size())))
            refuse(path, "tensor \"" + name + "\" could not be read");
        file.tensors[name] = std::move(tensor);
    }
    std::sort(ranges.begin(), ranges.end());
    for (std::size_t i = 1; i < ranges.size(); ++i)
        if (ranges[i].first < ranges[i - 1].second)
            refuse(path, "two tensors share bytes");
    return file;
}

std::map<std::string, std::string> readSafeTensorsMetadata(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw Error(ErrorKind::NotFound, "\"" + path.string() + "\" cannot be opened.");
    return metadataOf(readHeader(in, path), path);
}

}  // namespace muze
