#!/usr/bin/python3
"""Renders one song of known tempo, key and chords (see songs.py) to an audio file.

usage: make_song.py OUT.wav [--seconds 180] [--bpm 120] [--key C] [--minor] [--seed 1] [--rate 44100]
                   [--beats-per-bar 4] [--truth OUT.json]
"""
import argparse
from pathlib import Path

import songs


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("output", type=Path)
    parser.add_argument("--seconds", type=float, default=180)
    parser.add_argument("--bpm", type=float, default=120)
    parser.add_argument("--key", default="C", choices=songs.NOTE_NAMES)
    parser.add_argument("--minor", action="store_true")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--rate", type=int, default=44100)
    parser.add_argument("--beats-per-bar", type=int, default=4, choices=[3, 4])
    parser.add_argument("--truth", type=Path, help="also write the ground truth as JSON here")
    args = parser.parse_args()
    song = songs.compose(args.seed, seconds=args.seconds, bpm=args.bpm, tonic=songs.NOTE_NAMES.index(args.key),
                         minor=args.minor, beats_per_bar=args.beats_per_bar)
    songs.render(song, args.output, rate=args.rate, seconds=args.seconds)
    if args.truth:
        songs.save_truth(song, args.truth)


if __name__ == "__main__":
    main()
