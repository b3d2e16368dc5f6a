#pragma once

#include <string_view>
#include <vector>

namespace muze {

struct TemplateText {
    std::string_view name;  // the file's name without ".json"
    std::string_view json;
};

// resources/templates/*.json, compiled in by CMake (TemplateTexts.cpp.in).
const std::vector<TemplateText>& templateTexts();

}  // namespace muze
