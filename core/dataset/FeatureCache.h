#pragma once

#include "core/dsp/FloatMatrix.h"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace muze {

// Per-track arrays kept beside the dataset (DATASET.cache/TRACK_ID.safetensors) so that training
// does not decode and analyse again, and the dataset JSON stays small:
//   log_mel  F32 [128, frames]  the reference's log-mel (10 ms hop)
//   f0       F32 [frames]       pYIN pitch of the voice at 10 ms, 0 where unvoiced
//   voiced   U8  [frames]
// Each file records the source's content key (SourceFingerprint::contentKey) and the analysis
// settings; a file that does not match both is stale and is not read.
struct CachedFeatures {
    FloatMatrix logMel;
    std::vector<float> f0;
    std::vector<bool> voiced;
    double f0HopSeconds = 0.0;
};

class FeatureCache {
public:
    explicit FeatureCache(std::filesystem::path folder) : m_folder(std::move(folder)) {}

    // The identity a cache file must carry: the source's fingerprint and the analysis settings.
    static std::string settingsTag();

    std::filesystem::path pathFor(const std::string& trackId) const;
    void store(const std::string& trackId, const std::string& contentKey, const CachedFeatures& features) const;
    // Nothing when the file is missing, stale or damaged (a damaged file is removed).
    std::optional<CachedFeatures> load(const std::string& trackId, const std::string& contentKey) const;
    bool isCurrent(const std::string& trackId, const std::string& contentKey) const;

    const std::filesystem::path& folder() const { return m_folder; }

private:
    std::filesystem::path m_folder;
};

}  // namespace muze
