#!/usr/bin/python3
"""Writes a song of known tempo, key and chords as MIDI and renders it to WAV with fluidsynth and
Debian's General MIDI soundfont: drums, bass, piano chords and a lead melody, in sections
(intro, verse, chorus, bridge, outro) repeated until the song is long enough.

usage: make_song.py OUT.wav [--seconds 180] [--bpm 120] [--key C] [--minor] [--seed 1] [--rate 44100]
Needs: fluidsynth, fluid-soundfont-gm.
"""
import argparse
import random
import struct
import subprocess
import tempfile
from pathlib import Path

SOUNDFONT = "/usr/share/sounds/sf2/FluidR3_GM.sf2"
TICKS = 480  # per quarter note
NOTE_NAMES = ["C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"]
MAJOR = [0, 2, 4, 5, 7, 9, 11]
MINOR = [0, 2, 3, 5, 7, 8, 10]
SECTIONS = [("intro", 4), ("verse", 8), ("chorus", 8), ("verse", 8), ("chorus", 8), ("bridge", 4), ("chorus", 8), ("outro", 4)]


def variable_length(value):
    out = [value & 0x7F]
    value >>= 7
    while value:
        out.append(0x80 | (value & 0x7F))
        value >>= 7
    return bytes(reversed(out))


def track_chunk(events):
    """events: (tick, bytes) pairs, in any order."""
    data = bytearray()
    now = 0
    for tick, message in sorted(events, key=lambda e: e[0]):
        data += variable_length(tick - now) + message
        now = tick
    data += variable_length(0) + b"\xff\x2f\x00"
    return b"MTrk" + struct.pack(">I", len(data)) + bytes(data)


def note(events, channel, pitch, start, length, velocity):
    events.append((start, bytes([0x90 | channel, pitch, velocity])))
    events.append((start + length, bytes([0x80 | channel, pitch, 0])))


def write_song(path, seconds, bpm, tonic, minor, seed):
    rng = random.Random(seed)
    scale = MINOR if minor else MAJOR
    degrees = [0, 5, 3, 4] if minor else [0, 4, 5, 3]  # i-VI-iv-v or I-V-vi-IV
    bar = 4 * TICKS
    bars_needed = int(seconds * bpm / 240) + 1

    tempo = [(0, b"\xff\x51\x03" + struct.pack(">I", int(60_000_000 / bpm))[1:]),
             (0, b"\xff\x58\x04\x04\x02\x18\x08")]
    drums, bass, piano, lead = [], [], [], []
    for channel, program, events in ((1, 33, bass), (2, 0, piano), (3, 80, lead)):
        events.append((0, bytes([0xC0 | channel, program])))

    bar_index = 0
    while bar_index < bars_needed:
        for name, length in SECTIONS:
            loud = name in ("chorus", "bridge")
            for b in range(length):
                if bar_index >= bars_needed:
                    break
                start = bar_index * bar
                degree = degrees[b % 4]
                root = 48 + tonic + scale[degree]
                chord = [root + scale[(degree + step) % 7] - scale[degree] + (12 if (degree + step) >= 7 else 0)
                         for step in (0, 2, 4)]
                for beat in range(4):
                    t = start + beat * TICKS
                    if name != "intro" or b >= 2:
                        note(drums, 9, 36 if beat % 2 == 0 else 38, t, TICKS // 2, 110 if loud else 90)
                    note(drums, 9, 42, t, TICKS // 4, 70)
                    note(drums, 9, 42, t + TICKS // 2, TICKS // 4, 55)
                    note(bass, 1, root - 12, t, TICKS - 20, 100)
                for pitch in chord:
                    note(piano, 2, pitch + 12, start, bar - 30, 80 if loud else 65)
                if name in ("verse", "chorus", "bridge"):
                    for eighth in range(8):
                        if rng.random() < (0.8 if loud else 0.55):
                            pitch = 72 + tonic + scale[rng.choice([0, 2, 4, 0, 2, 4, 1, 3, 5])]
                            note(lead, 3, pitch, start + eighth * TICKS // 2, TICKS // 2 - 10, 95 if loud else 80)
                bar_index += 1
    tracks = [track_chunk(events) for events in (tempo, drums, bass, piano, lead)]
    header = b"MThd" + struct.pack(">IHHH", 6, 1, len(tracks), TICKS)
    path.write_bytes(header + b"".join(tracks))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("output", type=Path)
    parser.add_argument("--seconds", type=float, default=180)
    parser.add_argument("--bpm", type=float, default=120)
    parser.add_argument("--key", default="C", choices=NOTE_NAMES)
    parser.add_argument("--minor", action="store_true")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--rate", type=int, default=44100)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        midi = Path(folder) / "song.mid"
        write_song(midi, args.seconds, args.bpm, NOTE_NAMES.index(args.key), args.minor, args.seed)
        rendered = Path(folder) / "song.wav"
        subprocess.run(["fluidsynth", "-ni", "-q", "-g", "0.35", "-r", str(args.rate), "-F", str(rendered), SOUNDFONT, str(midi)],
                       check=True, stdout=subprocess.DEVNULL)
        # Cut to the exact length: the MIDI runs a little past it.
        subprocess.run(["ffmpeg", "-nostdin", "-hide_banner", "-loglevel", "error", "-y", "-i", str(rendered),
                        "-t", str(args.seconds), str(args.output)], check=True)


if __name__ == "__main__":
    main()
