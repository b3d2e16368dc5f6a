#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace muze {

// The safetensors file format (https://github.com/huggingface/safetensors): an 8-byte little-endian
// header length, a JSON header naming each tensor's dtype, shape and byte range, then the raw
// little-endian data. Files load in Python with the `safetensors` package.
//
// Reading checks everything before trusting it: the header's size (at most 100 MiB) and syntax,
// that every dtype is known, that every byte range lies inside the file and matches its shape, and
// that ranges do not overlap. A bad file throws Error(Corrupt) naming it; nothing is half-loaded.
enum class TensorType { F32, F16, I64, I32, U8, Bool };

struct Tensor {
    TensorType type = TensorType::F32;
    std::vector<std::int64_t> shape;
    std::vector<std::uint8_t> bytes;  // little-endian, row-major

    std::int64_t elements() const;
    static Tensor fromFloats(const std::vector<float>& values, std::vector<std::int64_t> shape);
    static Tensor fromBytes(const std::vector<std::uint8_t>& values, std::vector<std::int64_t> shape, TensorType type = TensorType::U8);
    std::vector<float> toFloats() const;  // F32 only; throws otherwise
};

struct TensorFile {
    std::map<std::string, Tensor> tensors;
    std::map<std::string, std::string> metadata;  // the header's "__metadata__": strings only
};

std::size_t bytesPerElement(TensorType type);

// Written atomically (see AtomicFile).
void writeSafeTensors(const std::filesystem::path& path, const TensorFile& file);
TensorFile readSafeTensors(const std::filesystem::path& path);
// Only the header's metadata, without reading the data.
std::map<std::string, std::string> readSafeTensorsMetadata(const std::filesystem::path& path);

}  // namespace muze
