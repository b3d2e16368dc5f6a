#!/usr/bin/python3
"""Scores a dataset JSON built from the accuracy test set (make_test_set.py) against its ground
truth with mir_eval, and prints the table README quotes.

usage: score_dataset.py TEST_SET_DIR DATASET.json [--json OUT.json] [--min NAME=VALUE ...]
With --min, exits 1 when a measure falls below its bound (the regression tests use this).
Songs of families.py's families are also reported per family and per half of the split (tuning,
held out), with the kinds of key error as mir_eval's weighted key score tells them apart.
"""
import argparse
import json
import sys
from pathlib import Path

import mir_eval
import numpy as np

GOALS = {"tempo_acc1": 0.95, "beat_f": 0.90, "downbeat_f": 0.80, "key_exact": 0.85, "chord_majmin": 0.75,
         "section_f3": 0.60, "section_labels": 0.60, "f0_raw_pitch": 0.90, "vocals_accuracy": None,
         "vocal_regions_f": None}
TITLES = {"tempo_acc1": "tempo Acc1", "beat_f": "beat F-measure", "downbeat_f": "downbeat F", "key_exact": "key exact",
          "chord_majmin": "chord majmin", "section_f3": "section boundary F@3 s", "section_labels": "verse/chorus labels (share of time correct)",
          "f0_raw_pitch": "F0 raw pitch accuracy", "vocals_accuracy": "has_vocals accuracy",
          "vocal_regions_f": "vocal_regions F-measure (by time, songs with a voice)"}


def chord_score(truth, chords):
    duration = truth["duration"]
    ref_int = np.array([[c["start"], c["end"]] for c in truth["chords"]])
    ref_lab = [c["label"] for c in truth["chords"]]
    est = [c for c in chords if c["start"] < duration]
    est_int = np.array([[c["start"], min(c["end"], duration)] for c in est])
    est_lab = [c["label"] for c in est]
    ref_int, ref_lab = mir_eval.util.adjust_intervals(ref_int, ref_lab, t_min=0, t_max=duration, start_label="N", end_label="N")
    est_int, est_lab = mir_eval.util.adjust_intervals(est_int, est_lab, t_min=0, t_max=duration, start_label="N", end_label="N")
    intervals, ref, est = mir_eval.util.merge_labeled_intervals(ref_int, ref_lab, est_int, est_lab)
    return mir_eval.chord.weighted_accuracy(mir_eval.chord.majmin(ref, est), mir_eval.util.intervals_to_durations(intervals))


def label_share(truth, segments, step=0.05):
    def label_at(items, t):
        for item in items:
            if item["start"] <= t < item["end"]:
                return item.get("type", item.get("label"))
        return None
    grid = np.arange(0, truth["duration"], step)
    return float(np.mean([label_at(truth["sections"], t) == label_at(segments, t) for t in grid]))


def region_f(truth, regions, step=0.05):
    grid = np.arange(0, truth["duration"], step)
    inside = lambda spans: np.array([any(a <= t < b for a, b in spans) for t in grid])
    ref, est = inside(truth["vocal_regions"]), inside(regions)
    hits = float(np.sum(ref & est))
    return 2 * hits / (np.sum(ref) + np.sum(est)) if hits else 0.0


PITCH_CLASSES = {"C": 0, "D": 2, "E": 4, "F": 5, "G": 7, "A": 9, "B": 11}


def same_key(name, truth):
    """Keys compared by tonic pitch class and mode, so that "Bb major" matches a truth of "A# major"."""
    def parse(text):
        tonic, mode = text.split(" ")
        shift = {"": 0, "#": 1, "b": -1}[tonic[1:]]
        return (PITCH_CLASSES[tonic[0]] + shift) % 12, mode
    return isinstance(name, str) and parse(name) == parse(truth)


KEY_ERRORS = {1.0: "exact", 0.5: "fifth", 0.3: "relative", 0.2: "parallel", 0.0: "other"}


def key_error(name, truth):
    """What kind of answer the key is, as mir_eval.key.weighted_score grades it."""
    if not isinstance(name, str):
        return "other"
    return KEY_ERRORS[mir_eval.key.weighted_score(truth, name)]


def segments_right(truth, segments, window=3.0):
    """Each analysed segment with whether it is right: its name is the truth's for most of its time,
    and each of its boundaries inside the song is within `window` seconds of a true one."""
    true_edges = [s["start"] for s in truth["sections"][1:]]
    near = lambda t: t <= 0.0 or t >= truth["duration"] - window or any(abs(t - edge) <= window for edge in true_edges)
    rows = []
    for segment in segments:
        start, end = segment["start"], min(segment["end"], truth["duration"])
        if end <= start:
            continue
        named_right = label_share({"duration": end - start, "sections": [dict(s, start=s["start"] - start, end=s["end"] - start)
                                                                       for s in truth["sections"]]},
                                  [dict(segment, start=0.0, end=end - start)]) >= 0.5
        rows.append(dict(segment, right=bool(named_right and near(start) and near(segment["end"]))))
    return rows


def print_confidence(rows_by_split):
    """How well the segments' confidence tells right segments from wrong ones, per half."""
    rows_by_split = {split: [r for r in rows if is_number(r.get("confidence"))] for split, rows in rows_by_split.items()}
    if not any(rows_by_split.values()):
        return
    print("\n| segments of | count | right | mean confidence | right when confidence ≥ 0.5 | right when < 0.5 | AUC |")
    print("|---|---|---|---|---|---|---|")
    for split, rows in sorted(rows_by_split.items()):
        high = [r["right"] for r in rows if r["confidence"] >= 0.5]
        low = [r["right"] for r in rows if r["confidence"] < 0.5]
        share = lambda values: f"{np.mean(values):.3f} ({len(values)})" if values else "-"
        print(f"| {split} | {len(rows)} | {np.mean([r['right'] for r in rows]):.3f} | {np.mean([r['confidence'] for r in rows]):.3f} | "
              f"{share(high)} | {share(low)} | {auc(rows):.3f} |")


def auc(rows):
    """The chance that a right segment has a higher confidence than a wrong one (ties count half)."""
    right = [r["confidence"] for r in rows if r["right"]]
    wrong = [r["confidence"] for r in rows if not r["right"]]
    if not right or not wrong:
        return float("nan")
    return float(np.mean([(a > b) + 0.5 * (a == b) for a in right for b in wrong]))


def is_number(value):
    return isinstance(value, (int, float)) and not isinstance(value, bool)


# A field the analysis left null or out counts as wrong: a score must not rise by answering less.
def score_song(truth, record):
    scores = {}
    tempo = record.get("tempo")
    scores["tempo_acc1"] = float(is_number(tempo) and abs(tempo - truth["tempo"]) <= 0.04 * truth["tempo"])
    beats = np.array([b[0] for b in record.get("beat_positions") or []])
    scores["beat_f"] = mir_eval.beat.f_measure(mir_eval.beat.trim_beats(np.array(truth["beats"])), mir_eval.beat.trim_beats(beats))
    scores["downbeat_f"] = mir_eval.beat.f_measure(np.array(truth["downbeats"]), np.array(record.get("downbeat_positions") or []))
    scores["key_exact"] = float(same_key(record.get("key"), truth["key"]))
    scores["key_weighted"] = mir_eval.key.weighted_score(truth["key"], record["key"]) if isinstance(record.get("key"), str) else 0.0
    scores["chord_majmin"] = chord_score(truth, record.get("chords") or []) if record.get("chords") else 0.0
    segments = record.get("segments") or []
    scores["section_f3"] = scores["section_labels"] = 0.0
    if segments:
        ref = np.array([[s["start"], s["end"]] for s in truth["sections"]])
        est = np.array([[s["start"], s["end"]] for s in segments])
        scores["section_f3"] = mir_eval.segment.detection(ref, est, window=3, trim=True)[2]
        scores["section_labels"] = label_share(truth, segments)
    if "has_vocals" in truth:
        vocals = record.get("has_vocals")
        scores["vocals_accuracy"] = float(isinstance(vocals, bool) and vocals == truth["has_vocals"])
    if truth.get("vocal_regions"):
        scores["vocal_regions_f"] = region_f(truth, record.get("vocal_regions") or [])
    return scores


def score_melody(truth, record):
    f0 = record.get("f0_contour")
    hop = record.get("f0_hop_seconds")
    if not f0 or not hop:
        return {"f0_raw_pitch": 0.0}
    ref_times = np.arange(len(truth["f0"])) * truth["hop"]
    est_times = np.arange(len(f0)) * hop
    est = np.array([v if (voiced if record.get("f0_voiced_mask") else v > 0) else 0.0
                    for v, voiced in zip(f0, record.get("f0_voiced_mask") or [True] * len(f0))])
    ref_v, ref_c, est_v, est_c = mir_eval.melody.to_cent_voicing(ref_times, np.array(truth["f0"]), est_times, est)
    return {"f0_raw_pitch": mir_eval.melody.raw_pitch_accuracy(ref_v, ref_c, est_v, est_c)}


SPLIT_NAMES = {"tuning": "tuning half", "held_out": "held-out half", "unseen": "third composer"}
FAMILY_MEASURES = ["tempo_acc1", "beat_f", "downbeat_f", "chord_majmin", "key_exact", "key_weighted", "section_f3", "section_labels"]


def print_families(by_family, key_errors):
    """A row per family, grouped by half of the split, then each half's mean over its songs."""
    if not by_family:
        return
    print("\n| family | half | songs | " + " | ".join(FAMILY_MEASURES) + " | key errors |")
    print("|---" * (len(FAMILY_MEASURES) + 4) + "|")
    halves = {}
    for (split, family), rows in sorted(by_family.items()):
        halves.setdefault(split, []).extend(rows)
        means = [np.mean([row[m] for row in rows]) for m in FAMILY_MEASURES]
        errors = ", ".join(f"{kind} {count}" for kind, count in sorted(key_errors[(split, family)].items()) if kind != "exact")
        print(f"| {family} | {split} | {len(rows)} | " + " | ".join(f"{m:.3f}" for m in means) + f" | {errors or '-'} |")
    for split, rows in sorted(halves.items()):
        means = [np.mean([row[m] for row in rows]) for m in FAMILY_MEASURES]
        print(f"| **{SPLIT_NAMES.get(split, split)}** | | {len(rows)} | " + " | ".join(f"**{m:.3f}**" for m in means) + " | |")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("test_set", type=Path)
    parser.add_argument("dataset", type=Path)
    parser.add_argument("--json", type=Path)
    parser.add_argument("--min", nargs="*", default=[], help="NAME=VALUE lower bounds")
    args = parser.parse_args()
    records = {Path(r["audio_path"]).stem: r for r in json.loads(args.dataset.read_text())}
    collected = {name: [] for name in GOALS}
    by_family, key_errors = {}, {}
    segment_rows = {}
    missing = []
    for item in json.loads((args.test_set / "manifest.json").read_text()):
        truth = json.loads((args.test_set / "truth" / f"{item['name']}.json").read_text())
        record = records.get(item["name"])
        if record is None:
            missing.append(item["name"])
            record = {}  # every measure of a song the dataset lacks counts as wrong
        scores = score_song(truth, record) if item["kind"] == "song" else score_melody(truth, record)
        for name, value in scores.items():
            if name in collected:
                collected[name].append(value)
        if item["kind"] == "song":
            segment_rows.setdefault(truth.get("split", "bench"), []).extend(segments_right(truth, record.get("segments") or []))
        if "family" in truth:
            group = (truth["split"], truth["family"])
            by_family.setdefault(group, []).append(scores)
            errors = key_errors.setdefault(group, {})
            kind = key_error(record.get("key"), truth["key"])
            errors[kind] = errors.get(kind, 0) + 1
    summary = {name: (float(np.mean(values)) if values else None) for name, values in collected.items()}
    print(f"| measure | goal | reached | items |\n|---|---|---|---|")
    for name, value in summary.items():
        goal = GOALS[name]
        print(f"| {TITLES[name]} | {'≥ %.2f' % goal if goal else '-'} | {'%.3f' % value if value is not None else 'n/a'} | {len(collected[name])} |")
    print_families(by_family, key_errors)
    print_confidence(segment_rows)
    if missing:
        print(f"missing from the dataset: {', '.join(missing)}", file=sys.stderr)
    if args.json:
        args.json.write_text(json.dumps(summary, indent=1) + "\n")
    failed = []
    for bound in args.min:
        name, value = bound.split("=")
        if summary.get(name) is None or summary[name] < float(value):
            failed.append(f"{name} = {summary.get(name)} < {value}")
    if failed or missing:
        print("below bounds: " + "; ".join(failed + [f"missing {m}" for m in missing]), file=sys.stderr)
        return 1 if (failed or (args.min and missing)) else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
