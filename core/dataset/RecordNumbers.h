#pragma once

#include <nlohmann/json.hpp>

#include <cmath>
#include <vector>

namespace muze {

// Numbers as records store them: rounded, so that a dataset stays readable and diffs stay small.
inline double rounded(double value, double scale = 1000.0)
{
    return std::round(value * scale) / scale;
}

inline nlohmann::ordered_json roundedFloats(const std::vector<float>& values, double scale)
{
    auto out = nlohmann::ordered_json::array();
    for (float value : values)
        out.push_back(rounded(value, scale));
    return out;
}

// An embedding's numbers, to five decimals.
inline nlohmann::ordered_json embeddingJson(const std::vector<float>& values)
{
    return roundedFloats(values, 1e5);
}

}  // namespace muze
