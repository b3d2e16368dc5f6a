#include "core/dataset/SourceFingerprint.h"

#include "core/common/Error.h"

#include <fstream>
#include <sys/stat.h>
#include <vector>

namespace muze {
namespace {

constexpr std::uint64_t kFnvOffset = 1469598103934665603ULL;
constexpr std::uint64_t kFnvPrime = 1099511628211ULL;

std::uint64_t fnv(std::uint64_t hash, const unsigned char* bytes, std::size_t size)
{
    for (std::size_t i = 0; i < size; ++i) {
        hash ^= bytes[i];
        hash *= kFnvPrime;
    }
    return hash;
}

}  // namespace

std::string SourceFingerprint::contentKey() const
{
    return std::to_string(size) + ":" + std::to_string(hash);
}

nlohmann::ordered_json SourceFingerprint::toJson() const
{
    return {{"size", size}, {"modified_ns", modified}, {"fnv1a64", std::to_string(hash)}};
}

SourceFingerprint SourceFingerprint::fromJson(const nlohmann::ordered_json& json)
{
    SourceFingerprint fingerprint;
    if (!json.is_object())
        return fingerprint;
    fingerprint.size = json.value("size", std::uintmax_t{0});
    fingerprint.modified = json.value("modified_ns", std::int64_t{0});
    try {
        fingerprint.hash = std::stoull(json.value("fnv1a64", std::string("0")));
    } catch (const std::exception&) {
        fingerprint.hash = 0;
    }
    return fingerprint;
}

SourceFingerprint statFingerprint(const std::filesystem::path& path)
{
    struct stat status {};
    if (::stat(path.c_str(), &status) != 0)
        throw Error(ErrorKind::NotFound, "\"" + path.string() + "\" cannot be read.");
    SourceFingerprint fingerprint;
    fingerprint.size = static_cast<std::uintmax_t>(status.st_size);
    fingerprint.modified = static_cast<std::int64_t>(status.st_mtim.tv_sec) * 1000000000LL + status.st_mtim.tv_nsec;
    return fingerprint;
}

SourceFingerprint fullFingerprint(const std::filesystem::path& path)
{
    SourceFingerprint fingerprint = statFingerprint(path);
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw Error(ErrorKind::PermissionDenied, "\"" + path.string() + "\" cannot be read: permission denied.");
    std::vector<unsigned char> buffer(1 << 20);
    std::uint64_t hash = kFnvOffset;
    while (in) {
        in.read(reinterpret_cast<char*>(buffer.data()), static_cast<std::streamsize>(buffer.size()));
        hash = fnv(hash, buffer.data(), static_cast<std::size_t>(in.gcount()));
    }
    fingerprint.hash = hash;
    return fingerprint;
}

std::uint64_t stableHash(const std::string& text)
{
    return fnv(kFnvOffset, reinterpret_cast<const unsigned char*>(text.data()), text.size());
}

}  // namespace muze
