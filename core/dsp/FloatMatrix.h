#pragma once

#include <cstddef>
#include <vector>

namespace muze {

// A dense row-major matrix of floats. Spectrograms use librosa's layout: one row per frequency
// (bin or mel band), one column per frame.
struct FloatMatrix {
    int rows = 0;
    int cols = 0;
    std::vector<float> values;

    FloatMatrix() = default;
    FloatMatrix(int rowCount, int colCount, float fill = 0.0f)
        : rows(rowCount), cols(colCount), values(static_cast<std::size_t>(rowCount) * static_cast<std::size_t>(colCount), fill)
    {
    }

    float& at(int row, int col) { return values[static_cast<std::size_t>(row) * cols + col]; }
    float at(int row, int col) const { return values[static_cast<std::size_t>(row) * cols + col]; }
    float* row(int r) { return values.data() + static_cast<std::size_t>(r) * cols; }
    const float* row(int r) const { return values.data() + static_cast<std::size_t>(r) * cols; }
};

}  // namespace muze
