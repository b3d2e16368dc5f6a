#include "core/training/TrainingParts.h"

#include "core/common/Error.h"
#include "core/dataset/SourceFingerprint.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <map>

namespace muze {
namespace {

// The song a record is: its content when the record knows it, so that two copies of a file are one song.
std::string songKey(const Record& record)
{
    const auto source = record.find(field::kSource);
    if (source != record.end() && source->is_object()) {
        const std::string hash = valueOr(*source, "fnv1a64", std::string());
        if (!hash.empty() && hash != "0")
            return "content:" + hash;
    }
    return "path:" + valueOr(record, field::kAudioPath, std::string());
}

// A number in [0, 1) from the seed and the song, the same on every machine. FNV-1a's high bits
// barely move between similar names, so the hash is mixed first (splitmix64's finaliser).
double songDraw(const std::string& key, std::uint64_t seed)
{
    std::uint64_t x = stableHash(std::to_string(seed) + "\n" + key);
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    x ^= x >> 31;
    return static_cast<double>(x >> 11) / static_cast<double>(1ULL << 53);
}

}  // namespace

double warmupCosineLearningRate(std::int64_t step, std::int64_t warmupSteps, std::int64_t totalSteps, double peak, double floor)
{
    if (step < warmupSteps)
        return peak * static_cast<double>(step + 1) / static_cast<double>(warmupSteps);
    if (step >= totalSteps)
        return floor;
    const double progress = static_cast<double>(step - warmupSteps) / static_cast<double>(std::max<std::int64_t>(1, totalSteps - warmupSteps));
    return floor + 0.5 * (peak - floor) * (1.0 + std::cos(M_PI * progress));
}

DataSplit splitBySong(const std::vector<Record>& records, double validationShare, std::uint64_t seed)
{
    std::map<std::string, std::vector<std::size_t>> songs;
    DataSplit split;
    for (std::size_t i = 0; i < records.size(); ++i) {
        if (!valueOr(records[i], field::kIncluded, true))
            ++split.leftOut;
        else
            songs[songKey(records[i])].push_back(i);
    }
    std::string closest;  // the song nearest to validation, for a split that drew none
    double closestDraw = 2.0;
    for (const auto& [key, indices] : songs) {
        const double draw = songDraw(key, seed);
        auto& side = draw < validationShare ? split.validation : split.train;
        side.insert(side.end(), indices.begin(), indices.end());
        if (draw < closestDraw) {
            closestDraw = draw;
            closest = key;
        }
    }
    if (split.validation.empty() && songs.size() >= 2 && validationShare > 0) {
        for (std::size_t index : songs.at(closest))
            split.train.erase(std::find(split.train.begin(), split.train.end(), index));
        split.validation = songs.at(closest);
    }
    std::sort(split.train.begin(), split.train.end());
    std::sort(split.validation.begin(), split.validation.end());
    return split;
}

bool NonFiniteGuard::accept(double loss)
{
    if (std::isfinite(loss)) {
        m_inARow = 0;
        return true;
    }
    ++m_skipped;
    if (++m_inARow >= m_limit)
        throw Error(ErrorKind::InvalidArgument, "The loss was not a finite number for " + std::to_string(m_inARow) +
                                                    " steps in a row, so training stopped; the last checkpoint is unharmed. Try a lower "
                                                    "learning rate (--lr), or look for a damaged song in the dataset.");
    return false;
}

std::string trackIdOf(const Record& record)
{
    const auto id = record.find(field::kTrackId);
    if (id == record.end())
        return {};
    return id->is_string() ? id->get<std::string>() : id->dump();
}

std::string contentKeyOf(const Record& record)
{
    const auto source = record.find(field::kSource);
    return source != record.end() && source->is_object() ? SourceFingerprint::fromJson(*source).contentKey() : std::string();
}

void MetricsLog::append(const nlohmann::ordered_json& entry)
{
    nlohmann::ordered_json stamped = entry;
    const auto now = std::chrono::system_clock::now().time_since_epoch();
    stamped["time"] = static_cast<double>(std::chrono::duration_cast<std::chrono::milliseconds>(now).count()) / 1000.0;
    m_file.appendLine(stamped.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

}  // namespace muze
