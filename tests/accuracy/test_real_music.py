#!/usr/bin/python3
"""bench/real_music.py names how two answers relate (a key a fifth or relative away, a tempo at
another metrical level) and lists every file where the analyzer and qm-dsp disagree.

usage: test_real_music.py BUILD_DIR FIXTURE_AUDIO"""
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

BENCH = Path(__file__).resolve().parents[2] / "bench"
sys.path.insert(0, str(BENCH))
from real_music import key_relation, tempo_relation  # noqa: E402


def check(condition, message):
    if not condition:
        sys.exit("FAIL: " + message)


def relations_are_named():
    check(tempo_relation(121.0, 120.0) == "agree", "within 4%")
    check(tempo_relation(240.0, 120.0) == "octave" and tempo_relation(40.0, 120.0) == "octave", "twice and a third")
    check(tempo_relation(100.0, 120.0) == "other", "neither")
    check(key_relation("Bb major", "A# major") == "agree", "spelling does not matter")
    check(key_relation("A minor", "C major") == "relative", "relative")
    check(key_relation("G major", "C major") == "fifth", "fifth")
    check(key_relation("C minor", "C major") == "parallel", "parallel")


def disagreements_are_listed(build, audio):
    with tempfile.TemporaryDirectory() as work:
        music = Path(work) / "music"
        music.mkdir()
        shutil.copy(audio, music / "piece.ogg")
        dataset = Path(work) / "data.json"
        dataset.write_text(json.dumps([{"audio_path": "piece.ogg", "key": "F# major", "tempo": 51.3}]))
        run = subprocess.run([sys.executable, str(BENCH / "real_music.py"), build, str(dataset), str(music)], capture_output=True, text=True)
        check(run.returncode == 0, run.stderr)
        check("1 files of" in run.stdout, run.stdout)
        check("key agrees with qm-dsp's key detector: 0.000 (0 of 1)" in run.stdout, run.stdout)
        check(f"{music / 'piece.ogg'} | key F# major / " in run.stdout and "tempo 51.3 / " in run.stdout, run.stdout)

        dataset.write_text(json.dumps([{"audio_path": "elsewhere.ogg", "key": "C major", "tempo": 100}]))
        run = subprocess.run([sys.executable, str(BENCH / "real_music.py"), build, str(dataset), str(music)], capture_output=True, text=True)
        check(run.returncode != 0 and "build it from that folder first" in run.stderr, run.stderr)


relations_are_named()
disagreements_are_listed(sys.argv[1], sys.argv[2])
print("PASS")
