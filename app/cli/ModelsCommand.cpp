#include "app/cli/ArgumentParser.h"
#include "app/cli/Commands.h"
#include "core/models/PresetSizes.h"
#include "core/training/TrainedModels.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <filesystem>
#include <iostream>

namespace muze::cli {
namespace {

using Json = nlohmann::ordered_json;

Json describe(const PresetSize& preset)
{
    Json parts = Json::array();
    for (const PresetPartSize& part : preset.parts)
        parts.push_back({{"part", part.part}, {"parameters", part.parameters}, {"training_step_bytes_batch_1", part.stepBytes}});
    Json entry{{"preset", preset.preset}, {"description", preset.description}, {"parts", parts}};
    if (preset.referenceParameters)
        entry["reference_parameters"] = *preset.referenceParameters;
    return entry;
}

std::string humanCount(std::int64_t count)
{
    char text[32];
    if (count >= 1000000000)
        std::snprintf(text, sizeof text, "%.2fB", count / 1e9);
    else if (count >= 1000000)
        std::snprintf(text, sizeof text, "%.1fM", count / 1e6);
    else
        std::snprintf(text, sizeof text, "%.0fk", count / 1e3);
    return text;
}

std::string humanBytes(std::int64_t bytes)
{
    char text[32];
    if (bytes >= (std::int64_t(1) << 30))
        std::snprintf(text, sizeof text, "%.1f GiB", static_cast<double>(bytes) / (1 << 30));
    else
        std::snprintf(text, sizeof text, "%.0f MiB", static_cast<double>(bytes) / (1 << 20));
    return text;
}

}  // namespace

int runModels(const std::vector<std::string>& arguments)
{
    ArgumentParser parser("muze models [--json]",
                          "List the presets `muze train --preset` takes: each part's parameters, counted from its config without making\n"
                          "the weights, and an estimate of the memory one training step needs at batch 1 (weights, gradients, AdamW's\n"
                          "moments and the activations kept for the backward pass; vae_checkpointed: with --gradient_checkpointing). The\n"
                          "text encoder trains with the UNet in phase 3.");
    parser.flag("--json", "print JSON instead of a table");
    const auto args = parser.parse(arguments);
    if (args.helpRequested) {
        std::cout << parser.help();
        return 0;
    }
    Json all = Json::array();
    for (const PresetSize& preset : presetSizes())
        all.push_back(describe(preset));
    if (args.has("json")) {
        std::cout << all.dump(2) << "\n";
        return 0;
    }
    std::printf("%-12s %-16s %10s %12s   %s\n", "preset", "part", "parameters", "step, batch 1", "reference");
    for (const Json& preset : all) {
        for (const Json& p : preset["parts"]) {
            const std::int64_t count = p["parameters"].get<std::int64_t>();
            std::string reference;
            if (preset.contains("reference_parameters") && p["part"] != "vocoder" && p["part"] != "text_encoder") {
                const auto expected = preset["reference_parameters"].get<std::int64_t>();
                char text[64];
                std::snprintf(text, sizeof text, "%s in its table (%+.1f%%)", humanCount(expected).c_str(), 100.0 * (count - expected) / expected);
                reference = text;
            }
            const std::int64_t bytes = p["training_step_bytes_batch_1"].get<std::int64_t>();
            std::printf("%-12s %-16s %10s %12s   %s\n", preset["preset"].get<std::string>().c_str(), p["part"].get<std::string>().c_str(),
                        humanCount(count).c_str(), bytes > 0 ? ("≈ " + humanBytes(bytes)).c_str() : "with unet", reference.c_str());
        }
    }
    return 0;
}

int runExportModels(const std::vector<std::string>& arguments)
{
    ArgumentParser parser("muze export-models --models run/ --out model/",
                          "Keep what generation needs of a trained model folder: each part's best checkpoint as its weights alone, in\n"
                          "half precision (phase 3's EMA weights), a sixth to an eighth of the checkpoint's size. OUT is a model folder\n"
                          "that `muze generate --models` and the studio take; training cannot resume from it.");
    parser.option("--models", "DIR", "the `muze train --out_dir` to export")
        .option("--out", "DIR", "where the exported model folder goes");
    const auto args = parser.parse(arguments);
    if (args.helpRequested) {
        std::cout << parser.help();
        return 0;
    }
    if (!args.has("models") || !args.has("out"))
        throw UsageError("say which model folder to export with --models and where to with --out");
    const std::filesystem::path out = args.text("out");
    for (const std::string& part : exportModelFolder(args.text("models"), out))
        std::cout << (out / part / "checkpoints" / "best.safetensors").string() << "\n";
    return 0;
}

}  // namespace muze::cli
