#include "core/dataset/FeatureCache.h"

#include "core/common/Error.h"
#include "core/common/SafeTensors.h"
#include "core/dataset/TrackRecord.h"

namespace muze {

std::string FeatureCache::settingsTag()
{
    // Whatever changes the cached arrays goes here: the analysis version covers the algorithms.
    return std::string(kAnalysisVersion) + ";logmel=32000/1024/320/128/slaney;pyin=16000/1024/160";
}

std::filesystem::path FeatureCache::pathFor(const std::string& trackId) const
{
    return m_folder / (trackId + ".safetensors");
}

void FeatureCache::store(const std::string& trackId, const std::string& fingerprint, const CachedFeatures& features) const
{
    std::filesystem::create_directories(m_folder);
    TensorFile file;
    file.metadata = {{"source", fingerprint}, {"settings", settingsTag()}, {"f0_hop_seconds", std::to_string(features.f0HopSeconds)}};
    file.tensors["log_mel"] = Tensor::fromFloats(features.logMel.values, {features.logMel.rows, features.logMel.cols});
    const auto frames = static_cast<std::int64_t>(features.f0.size());
    file.tensors["f0"] = Tensor::fromFloats(features.f0, {frames});
    std::vector<std::uint8_t> voiced(features.voiced.begin(), features.voiced.end());
    file.tensors["voiced"] = Tensor::fromBytes(voiced, {frames});
    writeSafeTensors(pathFor(trackId), file);
}

bool FeatureCache::isCurrent(const std::string& trackId, const std::string& fingerprint) const
{
    const auto path = pathFor(trackId);
    if (!std::filesystem::exists(path))
        return false;
    try {
        const auto metadata = readSafeTensorsMetadata(path);
        return metadata.count("source") && metadata.at("source") == fingerprint && metadata.count("settings") &&
               metadata.at("settings") == settingsTag();
    } catch (const Error&) {
        return false;
    }
}

std::optional<CachedFeatures> FeatureCache::load(const std::string& trackId, const std::string& fingerprint) const
{
    if (!isCurrent(trackId, fingerprint))
        return std::nullopt;
    const auto path = pathFor(trackId);
    try {
        TensorFile file = readSafeTensors(path);
        const Tensor& mel = file.tensors.at("log_mel");
        const Tensor& f0 = file.tensors.at("f0");
        const Tensor& voiced = file.tensors.at("voiced");
        if (mel.shape.size() != 2 || f0.shape != voiced.shape)
            throw Error(ErrorKind::Corrupt, "unexpected shapes");
        CachedFeatures features;
        features.logMel.rows = static_cast<int>(mel.shape[0]);
        features.logMel.cols = static_cast<int>(mel.shape[1]);
        features.logMel.values = mel.toFloats();
        features.f0 = f0.toFloats();
        features.voiced.assign(voiced.bytes.begin(), voiced.bytes.end());
        features.f0HopSeconds = std::stod(file.metadata.at("f0_hop_seconds"));
        return features;
    } catch (const std::exception&) {
        std::error_code ignored;
        std::filesystem::remove(path, ignored);  // damaged: the next build writes it again
        return std::nullopt;
    }
}

}  // namespace muze
