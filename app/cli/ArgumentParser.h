#pragma once

#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

namespace muze::cli {

// A mistake in how the command was called; printed with the command's usage, exit status 2.
class UsageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Arguments of one subcommand. Long options are spelled as the reference spells them
// (--audio_dir, --cfg_scale); the dashed spelling (--audio-dir) means the same. Values follow
// the option ("--sr 32000") or an equals sign ("--sr=32000"). "--" ends the options: what follows
// is positional, even when it starts with a dash.
class ArgumentParser {
public:
    ArgumentParser(std::string usage, std::string summary);

    // `names`: "--sr" or "-o,--output". `valueName` empty makes it a flag that takes no value.
    ArgumentParser& option(const std::string& names, const std::string& valueName, const std::string& help,
                           std::optional<std::string> defaultValue = std::nullopt);
    ArgumentParser& flag(const std::string& names, const std::string& help);
    ArgumentParser& positional(const std::string& name, const std::string& help);

    struct Result {
        std::map<std::string, std::string> values;  // by canonical name: "sr", "output"
        std::set<std::string> given;                // the names on the command line (not defaults)
        std::vector<std::string> positionals;
        bool helpRequested = false;

        bool has(const std::string& name) const { return values.count(name) != 0; }
        bool wasGiven(const std::string& name) const { return given.count(name) != 0; }
        std::string text(const std::string& name) const;
        // A finite number in [minimum, maximum]; anything else is a UsageError that says what is allowed.
        double number(const std::string& name, double minimum, double maximum) const;
        int integer(const std::string& name, int minimum, int maximum) const;
    };

    Result parse(const std::vector<std::string>& arguments) const;
    // For commands that take `minimum` or more positional arguments (FILE...).
    Result parseVariadic(const std::vector<std::string>& arguments, std::size_t minimum) const;
    std::string help() const;

private:
    struct Option {
        std::vector<std::string> spellings;  // normalised: dashes in long names become underscores
        std::string canonical;
        std::string valueName;
        std::string help;
        std::optional<std::string> defaultValue;
    };
    const Option* find(const std::string& spelling) const;
    Result parseOptions(const std::vector<std::string>& arguments) const;

    std::string m_usage;
    std::string m_summary;
    std::vector<Option> m_options;
    std::vector<std::pair<std::string, std::string>> m_positionals;
};

}  // namespace muze::cli
