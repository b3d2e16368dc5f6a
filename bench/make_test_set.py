#!/usr/bin/python3
"""Builds the accuracy test set: songs of known tempo, key, time signature, beats, downbeats, chords
and sections, each on its own instruments, saved as MP3, Ogg, FLAC or WAV at 22.05 to 48 kHz; some
with recorded speech mixed in as a voice (for vocal activity); and monophonic melodies with their
pitch every 10 ms (for F0).

With --families N, also N songs of each family of families.py (the second composer), named
FAMILY_K, their truth saying the family and whether it is in the tuning or the held-out half. With
--songbook N, N songs of each family of songbook.py (the third composer, never tuned on), named
FAMILY_K too.

usage: make_test_set.py OUT_DIR [--songs 40] [--melodies 12] [--families 0] [--songbook 0] [--seed 2024] [--seconds S] [--jobs N]
Writes OUT_DIR/audio/NAME.EXT and OUT_DIR/truth/NAME.json; OUT_DIR/manifest.json lists them.
"""
import argparse
import array
import concurrent.futures
import json
import os
import random
import subprocess
import tempfile
import wave
from pathlib import Path

import families
import songbook
import songs

SPEECH = Path("/usr/share/pocketsphinx/test/data/librivox")
FORMATS = [("mp3", ["-c:a", "libmp3lame", "-b:a", "160k"]), ("ogg", ["-c:a", "libvorbis", "-q:a", "4"]),
           ("flac", ["-c:a", "flac"]), ("wav", ["-c:a", "pcm_s16le"])]
RATES = [22050, 32000, 44100, 48000]


def speech_clips():
    """(samples at 16 kHz as a list of ints, transcription) for each recorded sentence."""
    texts = {}
    for line in (SPEECH / "transcription").read_text().splitlines():
        text, _, name = line.rpartition("(")
        texts[name.strip(") ")] = text.replace("<s>", "").replace("</s>", "").strip()
    clips = []
    for path in sorted(SPEECH.glob("*.wav")):
        with wave.open(str(path), "rb") as w:
            clips.append((array.array("h", w.readframes(w.getnframes())), texts.get(path.stem, "")))
    return clips


def place_voice(truth, clips, rng):
    """Where speech goes in the verses and choruses: (start, clip index) pairs. Sets the truth's
    has_vocals, vocal_regions and lyrics."""
    placements, regions, words = [], [], []
    for section in truth["sections"]:
        if section["label"] not in ("verse", "chorus"):
            continue
        start = section["start"] + 0.5
        while start < section["end"] - 3.5:
            index = rng.randrange(len(clips))
            clip, text = clips[index]
            length = len(clip) / 16000
            if start + length > section["end"] - 0.2:
                break
            placements.append((start, index))
            regions.append([round(start, 3), round(start + length, 3)])
            words.append(text)
            start += length + rng.uniform(0.6, 1.5)
    truth["has_vocals"] = bool(regions)
    truth["vocal_regions"] = regions
    truth["lyrics"] = " ".join(words)
    return placements


def mix_voice(wav_path, placements, clips):
    """Mixes the placed speech into a rendered 16-bit WAV, in the centre."""
    with wave.open(str(wav_path), "rb") as w:
        rate, channels, frames = w.getframerate(), w.getnchannels(), w.readframes(w.getnframes())
    music = array.array("h", frames)
    for start, index in placements:
        clip = clips[index][0]
        for i in range(int(len(clip) / 16000 * rate)):
            value = clip[min(len(clip) - 1, int(i * 16000 / rate))] * 1.2
            base = (int(start * rate) + i) * channels
            if base + channels > len(music):
                break
            for c in range(channels):
                music[base + c] = max(-32768, min(32767, int(music[base + c] + value)))
    with wave.open(str(wav_path), "wb") as w:
        w.setnchannels(channels)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(music.tobytes())


def encode(source, output, codec_args):
    subprocess.run(["ffmpeg", "-nostdin", "-hide_banner", "-loglevel", "error", "-y", "-i", str(source), *codec_args, *songs.BITEXACT,
                    str(output)], check=True)


def render_song(output, scratch, clips, name, song, rate, extension, codec, placements):
    wav = scratch / f"{name}.wav"
    songs.render(song, wav, rate=rate)
    if placements:
        mix_voice(wav, placements, clips)
    audio = output / "audio" / f"{name}.{extension}"
    encode(wav, audio, codec)
    songs.save_truth(song, output / "truth" / f"{name}.json")
    return {"name": name, "kind": "song", "audio": f"audio/{audio.name}", "rate": rate}


def render_melody(output, name, melody, rate):
    audio = output / "audio" / f"{name}.flac"
    songs.render(melody, audio, rate=rate)
    songs.save_truth(melody, output / "truth" / f"{name}.json")
    return {"name": name, "kind": "melody", "audio": f"audio/{audio.name}"}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("output", type=Path)
    parser.add_argument("--songs", type=int, default=40)
    parser.add_argument("--melodies", type=int, default=12)
    parser.add_argument("--families", type=int, default=0, help="songs of each family of families.py")
    parser.add_argument("--songbook", type=int, default=0, help="songs of each family of songbook.py")
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--seconds", type=float, help="cut songs to about this long (whole bars)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count(), help="songs rendered at once")
    args = parser.parse_args()
    (args.output / "audio").mkdir(parents=True, exist_ok=True)
    (args.output / "truth").mkdir(parents=True, exist_ok=True)
    rng = random.Random(args.seed)
    clips = speech_clips()
    composed = [(f"song{index:03d}", songs.compose(args.seed * 1000 + index, seconds=args.seconds)) for index in range(args.songs)]
    composed += [(f"{family}_{k}", families.compose(family, args.seed * 1000 + 700 + 37 * k + index, args.seconds))
                 for index, family in enumerate(families.FAMILIES) for k in range(args.families)]
    composed += [(f"{family}_{k}", songbook.compose(family, args.seed * 1000 + 900 + 37 * k + index, args.seconds))
                 for index, family in enumerate(songbook.FAMILIES) for k in range(args.songbook)]
    # Every random choice is drawn here, in order, so that the set does not depend on --jobs.
    work = []
    for index, (name, song) in enumerate(composed):
        rate = rng.choice(RATES)
        extension, codec = rng.choice(FORMATS)
        song.truth["has_vocals"] = False
        placements = place_voice(song.truth, clips, rng) if index % 3 == 0 else []
        work.append((name, song, rate, extension, codec, placements))
    melodies = [(f"melody{index:03d}", songs.compose_melody(args.seed * 1000 + 500 + index), rng.choice(RATES)) for index in range(args.melodies)]
    with tempfile.TemporaryDirectory() as scratch, concurrent.futures.ProcessPoolExecutor(args.jobs) as pool:
        jobs = [pool.submit(render_song, args.output, Path(scratch), clips, *item) for item in work]
        jobs += [pool.submit(render_melody, args.output, *item) for item in melodies]
        manifest = [job.result() for job in jobs]
    (args.output / "manifest.json").write_text(json.dumps(manifest, indent=1) + "\n")


if __name__ == "__main__":
    main()
