#pragma once

#include <filesystem>
#include <string>

namespace muze {

// The demo model that ships with the studio (packaging/train-demo-model.sh): every part at `tiny`,
// trained by the project on General MIDI songs it composed and rendered, so that a first song can
// be made before any training. It is a model folder for `muze generate --models`, read-only.

// Where it is: $MUZE_DEMO_MODEL when set; else beside the installed programs
// (PREFIX/share/muze-studio/demo-model, found from the running program's own path); else the source
// tree's resources/demo-model, for programs run from their build folder. Empty when none of them
// holds a model.
std::filesystem::path demoModelFolder();

// How the demo model in `folder` was made, as its manifest.json says.
struct DemoModelFacts {
    int songs = 0;              // the General MIDI songs it was trained on
    int trainingMinutes = 0;    // all its parts', rounded to 5
};
// Throws Error when the manifest is missing or damaged.
DemoModelFacts demoModelFacts(const std::filesystem::path& folder);

// What the demo model is, for the user, in two sentences.
std::string demoModelNotice(const DemoModelFacts& facts);

}  // namespace muze
