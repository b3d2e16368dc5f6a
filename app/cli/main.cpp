// muze: the command-line face of Muze Studio. Each subcommand runs the same engine code as the studio.

#include "app/cli/ArgumentParser.h"
#include "app/cli/Commands.h"
#include "app/cli/Terminal.h"
#include "core/common/Error.h"
#include "core/common/Parallel.h"

#include <iostream>
#include <string>
#include <vector>

namespace {

struct Command {
    const char* name;
    const char* summary;
    int (*run)(const std::vector<std::string>&);
};

const Command kCommands[] = {
    {"info", "print an audio file's format, duration and tags as JSON", muze::cli::runInfo},
    {"decode", "decode an audio file to WAV or FLAC at a chosen rate and layout", muze::cli::runDecode},
    {"analyze", "analyse one song and print its dataset record", muze::cli::runAnalyze},
    {"build-dataset", "analyse a folder of songs into a dataset JSON (incremental, resumable)", muze::cli::runBuildDataset},
    {"merge-dataset", "merge dataset JSON files, one record per audio_path", muze::cli::runMergeDataset},
    {"dataset-stats", "what a dataset holds: its spread over tempo, key, genre, sections, and what is thin or doubtful", muze::cli::runDatasetStats},
    {"train", "train a phase of the model on a dataset: the VAE and vocoder, the planner, the diffusion model", muze::cli::runTrain},
    {"generate", "generate a song section by section from a template or a plan, with the trained models", muze::cli::runGenerate},
    {"estimate", "what a first model of a folder of songs takes here: its dataset, its training, a song, each measured", muze::cli::runEstimate},
    {"models", "list the model presets with their sizes and the memory a training step needs", muze::cli::runModels},
    {"export-models", "keep what generation needs of a trained model: the weights alone, in half precision", muze::cli::runExportModels},
};

void printHelp()
{
    std::cout << "usage: muze COMMAND [OPTIONS]\n\n"
                 "Muze Studio's command line: the studio's jobs, scriptable.\n\ncommands:\n";
    for (const Command& command : kCommands)
        std::cout << "  " << command.name << std::string(16 - std::string(command.name).size(), ' ') << command.summary << "\n";
    std::cout << "\n  muze COMMAND --help    shows a command's options\n"
                 "  muze --version         prints the version\n";
}

const Command* findCommand(const std::string& name)
{
    for (const Command& command : kCommands)
        if (name == command.name)
            return &command;
    return nullptr;
}

// Exit statuses: 0 done, 1 failed, 2 wrong usage, 130 cancelled (as a shell reports Ctrl+C).
int exitStatusFor(const muze::Error& error)
{
    return error.kind() == muze::ErrorKind::Cancelled ? 130 : 1;
}

}  // namespace

int main(int argc, char** argv)
{
    const std::vector<std::string> arguments(argv + 1, argv + argc);
    if (arguments.empty() || arguments[0] == "--help" || arguments[0] == "-h" || arguments[0] == "help") {
        printHelp();
        return arguments.empty() ? 2 : 0;
    }
    if (arguments[0] == "--version") {
        std::cout << "muze " << MUZE_VERSION << "\n";
        return 0;
    }
    const Command* command = findCommand(arguments[0]);
    if (command == nullptr) {
        std::cerr << "muze: unknown command \"" << arguments[0] << "\"; see muze --help\n";
        return 2;
    }
    muze::configureComputeThreads(0);
    muze::cli::installInterruptHandler();
    try {
        return command->run({arguments.begin() + 1, arguments.end()});
    } catch (const muze::cli::UsageError& error) {
        std::cerr << "muze " << command->name << ": " << error.what() << "\nsee muze " << command->name << " --help\n";
        return 2;
    } catch (const muze::Error& error) {
        std::cerr << "muze " << command->name << ": " << error.what() << "\n";
        return exitStatusFor(error);
    } catch (const std::exception& error) {
        std::cerr << "muze " << command->name << ": unexpected failure: " << error.what() << "\n";
        return 1;
    }
}
