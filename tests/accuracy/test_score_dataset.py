#!/usr/bin/python3
"""bench/score_dataset.py counts a null or missing field as wrong, never leaving it out of the mean,
and compares keys by pitch, not by spelling. One song is scored twice: analysed right, and with
its fields null. A song of a family is reported in its family's row with the kind of key error. The
segments' confidence is judged against which segments are right."""
import json
import subprocess
import sys
import tempfile
from pathlib import Path

SCORER = Path(__file__).resolve().parents[2] / "bench" / "score_dataset.py"

TRUTH = {"duration": 8.0, "tempo": 120.0, "key": "A# major", "has_vocals": True,
         "beats": [0.5 * i for i in range(16)], "downbeats": [2.0 * i for i in range(4)],
         "chords": [{"start": 0.0, "end": 8.0, "label": "A#:maj"}],
         "sections": [{"start": 0.0, "end": 4.0, "type": "verse"}, {"start": 4.0, "end": 8.0, "type": "chorus"}],
         "vocal_regions": [[0.0, 8.0]]}
RIGHT = {"audio_path": "right.wav", "tempo": 120.0, "key": "Bb major", "has_vocals": True,
         "beat_positions": [[b, b + 0.5] for b in TRUTH["beats"]], "downbeat_positions": TRUTH["downbeats"],
         "chords": [{"start": 0.0, "end": 8.0, "label": "Bb:maj"}], "segments": TRUTH["sections"],
         "vocal_regions": [[0.0, 8.0]]}
NULLS = {"audio_path": "nulls.wav", "tempo": None, "key": None, "has_vocals": None, "beat_positions": None,
         "downbeat_positions": None, "chords": None, "segments": None, "vocal_regions": None}


def score(work, records, names, truth=TRUTH):
    (work / "truth").mkdir(exist_ok=True)
    for name in names:
        (work / "truth" / f"{name}.json").write_text(json.dumps(truth))
    (work / "manifest.json").write_text(json.dumps([{"name": n, "kind": "song"} for n in names]))
    (work / "data.json").write_text(json.dumps(records))
    out = work / "scores.json"
    printed = subprocess.run([sys.executable, str(SCORER), str(work), str(work / "data.json"), "--json", str(out)], check=True,
                             capture_output=True, text=True).stdout
    return json.loads(out.read_text()) | {"printed": printed}


def main():
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        right = score(work, [RIGHT], ["right"])
        for name in ["tempo_acc1", "key_exact", "chord_majmin", "vocals_accuracy", "section_labels"]:
            assert right[name] == 1.0, (name, right[name])
        both = score(work, [RIGHT, NULLS], ["right", "nulls"])
        for name in ["tempo_acc1", "key_exact", "chord_majmin", "vocals_accuracy", "section_f3", "section_labels", "beat_f"]:
            assert abs(both[name] - right[name] / 2) < 1e-9, (name, both[name], right[name])
        missing = score(work, [RIGHT], ["right", "absent"])
        assert missing["tempo_acc1"] == 0.5, missing
        relative = score(work, [RIGHT], ["right"], TRUTH | {"key": "G minor", "family": "opens_vi", "split": "tuning"})
        assert relative["key_exact"] == 0.0, relative
        row = next(line for line in relative["printed"].splitlines() if line.startswith("| opens_vi | tuning | 1 |"))
        assert row.endswith("| relative 1 |"), row
        assert "| **tuning half** | | 1 |" in relative["printed"], relative["printed"]
        rated = RIGHT | {"segments": [{"start": 0.0, "end": 4.0, "type": "verse", "confidence": 0.9},
                                      {"start": 4.0, "end": 8.0, "type": "bridge", "confidence": 0.2}]}
        printed = score(work, [rated], ["right"])["printed"]
        assert "| bench | 2 | 0.500 | 0.550 | 1.000 (1) | 0.000 (1) | 1.000 |" in printed, printed
    print("1 passed, 0 failed")


if __name__ == "__main__":
    main()
