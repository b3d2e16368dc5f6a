#!/usr/bin/python3
"""Where the key detector's weights come from, and how far they carry: the evidence detectKey weighs
for each key (core/analysis/KeyDetection.h's keyEvidence, as bench_key_evidence prints it), fitted on
the tuning half only and checked by leaving each tuning family out in turn; then both halves, and the
third composer's songs (bench/songbook.py) when given, reported by family.

usage: key_methods.py EVIDENCE.jsonl... [--start-end WEIGHT ...]
Each EVIDENCE line is one song (bench_key_evidence); its truth is TEST_SET/truth/NAME.json beside
TEST_SET/audio/NAME.*. Songs without a family (the first set) count as tuning material.

The start and end are not fitted: for each --start-end weight (default 0 0.25 0.5 0.75 1 1.5) the
others are, leaving each tuning family out in turn, and the weight with the best worst case is kept.
"""
import argparse
import json
from pathlib import Path

import mir_eval
import numpy as np

from score_dataset import SPLIT_NAMES

NAMES = ["C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"]
FLATS = {"Db": 1, "Eb": 3, "Gb": 6, "Ab": 8, "Bb": 10}
KEYS = [(tonic, minor) for minor in (False, True) for tonic in range(12)]
FEATURES = ["chords", "treble profile", "bass profile", "V-I cadences", "minor"]

KEY_ERRORS = {1.0: "exact", 0.5: "fifth", 0.3: "relative", 0.2: "parallel", 0.0: "other"}


def pitch_class(name):
    return FLATS.get(name, NAMES.index(name) if name in NAMES else -1)


def evidence(song):
    """Per key, as bench_key_evidence prints it: the fitted features (the minor key's bias added) and,
    apart, how many of the song's first and last chord are the key's tonic chord."""
    rows = np.array(song["evidence"], dtype=float)
    minor = np.array([float(minor) for _, minor in KEYS])
    return np.column_stack([rows[:, :4], minor]), rows[:, 4]


def load(paths):
    songs = []
    for path in paths:
        for line in open(path):
            song = json.loads(line)
            if "error" in song or not song["evidence"]:
                continue
            audio = Path(song["file"])
            truth = json.loads((audio.parent.parent / "truth" / (audio.stem + ".json")).read_text())
            tonic, mode = truth["key"].split(" ")
            song["features"], song["start_end"] = evidence(song)
            song["answer"] = KEYS.index((pitch_class(tonic), mode == "minor"))
            song["truth_key"], song["family"] = truth["key"], truth.get("family", "first_set")
            song["split"] = truth.get("split", "tuning")
            songs.append(song)
    return songs


def fit(songs, start_end_weight, l2=0.01, steps=3000, rate=0.5):
    """A softmax over the 24 keys, L2-regularised, by gradient descent from chords alone."""
    x = np.stack([s["features"] for s in songs])
    bias = start_end_weight * np.stack([s["start_end"] for s in songs])
    answers = np.array([s["answer"] for s in songs])
    weights = np.zeros(x.shape[2])
    weights[0] = 1.0
    for _ in range(steps):
        scores = x @ weights + bias
        p = np.exp(scores - scores.max(axis=1, keepdims=True))
        p /= p.sum(axis=1, keepdims=True)
        expected = (p[:, :, None] * x).sum(axis=1)
        weights -= rate * (-(x[np.arange(len(songs)), answers] - expected).mean(axis=0) + l2 * weights)
    return weights


def detect(song, weights, start_end_weight):
    """The index in KEYS of the key the song's evidence fits best."""
    return int(np.argmax(song["features"] @ weights + start_end_weight * song["start_end"]))


def key_name(index):
    tonic, minor = KEYS[index]
    return NAMES[tonic] + (" minor" if minor else " major")


def exact_share(songs, weights, start_end_weight):
    return float(np.mean([detect(s, weights, start_end_weight) == s["answer"] for s in songs]))


def choose_start_end_weight(tuning, candidates):
    families = sorted({s["family"] for s in tuning})
    best = None
    print("leaving each tuning family out in turn (key exact on the family left out):")
    for weight in candidates:
        held = [exact_share([s for s in tuning if s["family"] == f], fit([s for s in tuning if s["family"] != f], weight), weight)
                for f in families]
        print(f"  start/end {weight:4.2f}: " + ", ".join(f"{f} {a:.2f}" for f, a in zip(families, held)) + f"; worst {min(held):.2f}")
        if best is None or min(held) > best[0]:
            best = (min(held), weight)
    return best[1]


def report(songs, weights, start_end_weight):
    print("\n| family | half | songs | key exact | key weighted | errors |\n|---|---|---|---|---|---|")
    for split in [split for split in SPLIT_NAMES if any(s["split"] == split for s in songs)]:
        half = [s for s in songs if s["split"] == split]
        for family in sorted({s["family"] for s in half}) + [None]:
            group = [s for s in half if family is None or s["family"] == family]
            scores = [mir_eval.key.weighted_score(s["truth_key"], key_name(detect(s, weights, start_end_weight))) for s in group]
            kinds = [KEY_ERRORS[score] for score in scores if score < 1.0]
            errors = ", ".join(f"{kind} {kinds.count(kind)}" for kind in sorted(set(kinds)))
            name = f"**{SPLIT_NAMES[split]}**" if family is None else family
            print(f"| {name} | {split.replace('_', ' ')} | {len(group)} | {np.mean([x == 1.0 for x in scores]):.3f} | {np.mean(scores):.3f} | {errors} |")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("evidence", nargs="+")
    parser.add_argument("--start-end", type=float, nargs="+", default=[0, 0.25, 0.5, 0.75, 1.0, 1.5])
    args = parser.parse_args()
    songs = load(args.evidence)
    tuning = [s for s in songs if s["split"] == "tuning"]
    start_end_weight = choose_start_end_weight(tuning, args.start_end)
    weights = fit(tuning, start_end_weight)
    print(f"\nfitted on the {len(tuning)} tuning songs: " + ", ".join(f"{n} {w:.3f}" for n, w in zip(FEATURES, weights))
          + f"; start/end {start_end_weight:.2f} (not fitted)")
    report(songs, weights, start_end_weight)


if __name__ == "__main__":
    main()
