#!/usr/bin/env python3
"""Real recordings, where no ground truth exists: how often the analyzer's key and tempo agree with
qm-dsp's own key detector and tempo tracker out of the box (bench_qm_reference), and every
disagreement listed so that a person can listen to it.

A key agrees when tonic and mode match; a disagreement is named as mir_eval's weighted key score
names it (fifth, relative, parallel, other). A tempo agrees within 4%; a disagreement at twice,
half, three times or a third of the other is an octave (metrical level) error, else other.

usage: real_music.py BUILD_DIR DATASET_JSON [MUSIC_DIR]
DATASET_JSON is a build of MUSIC_DIR (default: Debian's wesnoth-1.16-music) by BUILD_DIR/app/muze.
"""
import json
import subprocess
import sys
from pathlib import Path

import mir_eval

from score_dataset import KEY_ERRORS, same_key

WESNOTH = Path("/usr/share/games/wesnoth/1.16/data/core/music")


def tempo_relation(ours, theirs):
    if abs(ours - theirs) <= 0.04 * theirs:
        return "agree"
    for ratio in (2.0, 0.5, 3.0, 1 / 3):
        if abs(ours - theirs * ratio) <= 0.04 * theirs * ratio:
            return "octave"
    return "other"


def key_relation(ours, theirs):
    if same_key(ours, theirs):
        return "agree"
    return KEY_ERRORS[mir_eval.key.weighted_score(theirs, ours)]


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    build, dataset = Path(sys.argv[1]), Path(sys.argv[2])
    music = Path(sys.argv[3]) if len(sys.argv) > 3 else WESNOTH
    records = {Path(r["audio_path"]).name: r for r in json.loads(dataset.read_text())}
    files = sorted(p for p in music.rglob("*") if p.name in records)
    if not files:
        sys.exit(f"no record of {dataset} names a file in {music}: build it from that folder first")
    reference = subprocess.run([str(build / "bench" / "bench_qm_reference"), *map(str, files)], capture_output=True, text=True, check=True)
    theirs = {Path(line["file"]).name: line for line in map(json.loads, reference.stdout.splitlines())}

    keys, tempi, rows = {}, {}, []
    for path in files:
        ours, other = records[path.name], theirs[path.name]
        key = key_relation(ours.get("key"), other["key"]) if ours.get("key") and other.get("key") else "missing"
        tempo = tempo_relation(ours["tempo"], other["tempo"]) if ours.get("tempo") and other.get("tempo") else "missing"
        keys[key] = keys.get(key, 0) + 1
        tempi[tempo] = tempi.get(tempo, 0) + 1
        if key != "agree" or tempo != "agree":
            rows.append((path, ours.get("key"), other.get("key"), key, ours.get("tempo"), other.get("tempo"), tempo))

    count = len(files)
    print(f"== real recordings: {count} files of {music} ==")
    print(f"key agrees with qm-dsp's key detector: {keys.get('agree', 0) / count:.3f} ({keys.get('agree', 0)} of {count}); "
          + ", ".join(f"{kind} {n}" for kind, n in sorted(keys.items()) if kind != "agree"))
    print(f"tempo agrees with qm-dsp's tempo tracker within 4%: {tempi.get('agree', 0) / count:.3f} ({tempi.get('agree', 0)} of {count}); "
          + ", ".join(f"{kind} {n}" for kind, n in sorted(tempi.items()) if kind != "agree"))
    print("disagreements, to listen to (file | key: ours / qm-dsp | tempo: ours / qm-dsp):")
    for path, our_key, their_key, key, our_tempo, their_tempo, tempo in rows:
        fmt = lambda t: f"{t:.1f}" if isinstance(t, (int, float)) else "-"
        print(f"  {path} | key {our_key} / {their_key} ({key}) | tempo {fmt(our_tempo)} / {fmt(their_tempo)} ({tempo})")


if __name__ == "__main__":
    main()
