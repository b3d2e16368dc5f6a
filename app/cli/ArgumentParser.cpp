#include "app/cli/ArgumentParser.h"

#include <algorithm>
#include <cmath>
#include <sstream>

namespace muze::cli {
namespace {

// "--audio-dir" and "--audio_dir" are the same option; short options stay as they are.
std::string normalised(std::string spelling)
{
    if (spelling.rfind("--", 0) == 0)
        std::replace(spelling.begin() + 2, spelling.end(), '-', '_');
    return spelling;
}

std::vector<std::string> splitNames(const std::string& names)
{
    std::vector<std::string> out;
    std::stringstream stream(names);
    for (std::string name; std::getline(stream, name, ',');)
        out.push_back(normalised(name));
    return out;
}

// The whole text as a finite number: "12", "1e3", "0.5"; not "12x", "nan" or "inf".
std::optional<double> finiteNumber(const std::string& text)
{
    try {
        std::size_t used = 0;
        const double parsed = std::stod(text, &used);
        if (used == text.size() && std::isfinite(parsed))
            return parsed;
    } catch (const std::exception&) {  // not a number, or out of double's range
    }
    return std::nullopt;
}

}  // namespace

ArgumentParser::ArgumentParser(std::string usage, std::string summary) : m_usage(std::move(usage)), m_summary(std::move(summary)) {}

ArgumentParser& ArgumentParser::option(const std::string& names, const std::string& valueName, const std::string& help,
                                       std::optional<std::string> defaultValue)
{
    Option option{splitNames(names), {}, valueName, help, std::move(defaultValue)};
    option.canonical = option.spellings.back().substr(option.spellings.back().find_first_not_of('-'));
    m_options.push_back(std::move(option));
    return *this;
}

ArgumentParser& ArgumentParser::flag(const std::string& names, const std::string& help)
{
    return option(names, "", help);
}

ArgumentParser& ArgumentParser::positional(const std::string& name, const std::string& help)
{
    m_positionals.emplace_back(name, help);
    return *this;
}

const ArgumentParser::Option* ArgumentParser::find(const std::string& spelling) const
{
    for (const Option& option : m_options)
        if (std::find(option.spellings.begin(), option.spellings.end(), spelling) != option.spellings.end())
            return &option;
    return nullptr;
}

ArgumentParser::Result ArgumentParser::parse(const std::vector<std::string>& arguments) const
{
    Result result = parseOptions(arguments);
    if (result.helpRequested)
        return result;
    if (result.positionals.size() < m_positionals.size())
        throw UsageError("missing " + m_positionals[result.positionals.size()].first);
    if (result.positionals.size() > m_positionals.size())
        throw UsageError("unexpected argument " + result.positionals[m_positionals.size()]);
    return result;
}

ArgumentParser::Result ArgumentParser::parseVariadic(const std::vector<std::string>& arguments, std::size_t minimum) const
{
    Result result = parseOptions(arguments);
    if (!result.helpRequested && result.positionals.size() < minimum)
        throw UsageError("give at least " + std::to_string(minimum) + " files");
    return result;
}

ArgumentParser::Result ArgumentParser::parseOptions(const std::vector<std::string>& arguments) const
{
    Result result;
    for (std::size_t i = 0; i < arguments.size(); ++i) {
        const std::string& argument = arguments[i];
        if (argument == "--") {
            result.positionals.insert(result.positionals.end(), arguments.begin() + static_cast<std::ptrdiff_t>(i) + 1, arguments.end());
            break;
        }
        if (argument == "-h" || argument == "--help") {
            result.helpRequested = true;
            return result;
        }
        if (argument.size() < 2 || argument[0] != '-') {
            result.positionals.push_back(argument);
            continue;
        }
        const std::size_t equals = argument.find('=');
        const std::string spelling = normalised(argument.substr(0, equals));
        const Option* option = find(spelling);
        if (option == nullptr)
            throw UsageError("unknown option " + argument.substr(0, equals));
        result.given.insert(option->canonical);
        if (option->valueName.empty()) {
            if (equals != std::string::npos)
                throw UsageError(option->spellings.back() + " takes no value");
            result.values[option->canonical] = "1";
        } else if (equals != std::string::npos) {
            result.values[option->canonical] = argument.substr(equals + 1);
        } else if (i + 1 < arguments.size()) {
            result.values[option->canonical] = arguments[++i];
        } else {
            throw UsageError(option->spellings.back() + " needs a value (" + option->valueName + ")");
        }
    }
    for (const Option& option : m_options)
        if (option.defaultValue && !result.has(option.canonical))
            result.values[option.canonical] = *option.defaultValue;
    return result;
}

std::string ArgumentParser::help() const
{
    std::ostringstream out;
    out << "usage: " << m_usage << "\n\n" << m_summary << "\n";
    if (!m_positionals.empty()) {
        out << "\narguments:\n";
        for (const auto& [name, text] : m_positionals)
            out << "  " << name << std::string(std::max<int>(2, 26 - static_cast<int>(name.size())), ' ') << text << "\n";
    }
    out << "\noptions:\n";
    for (const Option& option : m_options) {
        std::string names;
        for (const std::string& spelling : option.spellings)
            names += (names.empty() ? "" : ", ") + spelling;
        if (!option.valueName.empty())
            names += " " + option.valueName;
        out << "  " << names << std::string(std::max<int>(2, 26 - static_cast<int>(names.size())), ' ') << option.help;
        if (option.defaultValue)
            out << " (default: " << *option.defaultValue << ")";
        out << "\n";
    }
    out << "  -h, --help" << std::string(16, ' ') << "show this help\n";
    out << "\nLong options may be written with underscores or dashes: --audio_dir or --audio-dir.\n";
    return out.str();
}

std::string ArgumentParser::Result::text(const std::string& name) const
{
    auto found = values.find(name);
    return found == values.end() ? std::string() : found->second;
}

double ArgumentParser::Result::number(const std::string& name, double minimum, double maximum) const
{
    const std::optional<double> value = finiteNumber(text(name));
    if (!value || *value < minimum || *value > maximum) {
        std::ostringstream range;
        range << minimum << " to " << maximum;
        throw UsageError("--" + name + " needs a number from " + range.str() + ", not \"" + text(name) + "\"");
    }
    return *value;
}

int ArgumentParser::Result::integer(const std::string& name, int minimum, int maximum) const
{
    const std::optional<double> value = finiteNumber(text(name));
    if (!value || *value != std::floor(*value) || *value < minimum || *value > maximum)
        throw UsageError("--" + name + " needs a whole number from " + std::to_string(minimum) + " to " + std::to_string(maximum) +
                         ", not \"" + text(name) + "\"");
    return static_cast<int>(*value);
}

}  // namespace muze::cli
