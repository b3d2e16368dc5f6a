#pragma once

// What a plan asks of one section, in the form the latent diffusion model was trained on: the
// plan is written out as a dataset record (segments, beat grid, chords per bar, tempo, key) and
// read back by the same code that reads the dataset's records in training.

#include "core/dataset/TrackRecord.h"
#include "core/generation/SongPlan.h"
#include "core/generation/VoiceStyle.h"
#include "core/training/LdmData.h"

namespace muze {

// The whole plan as a record, with the tempo, key, time signature, energy and vocals of `section`
// as the song's: beats from each section's start at its tempo, a downbeat on each bar's first
// beat, the chords bar by bar.
Record planRecord(const SongPlan& plan, std::size_t section);

// The conditions of `frames` latent frames of `frameSeconds` from the start of `section`; its energy
// curve is level the model's `energyCurve` gives the section's energy. A style's voice replaces the
// plan's (which has none: the voice is unknown, as in a song without an embedding). With `semitones`,
// the plan is heard moved by them (its keys and chords), as a model trained with --one_key needs it.
ExampleConditions sectionConditions(const SongPlan& plan, std::size_t section, int frames, double frameSeconds, const EnergyCurveLine& energyCurve,
                                    const std::optional<VoiceStyle>& style = std::nullopt, int semitones = 0);

}  // namespace muze
