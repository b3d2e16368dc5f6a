"""Songs with known answers: MIDI composed here, rendered by fluidsynth with Debian's General MIDI
soundfont, with the ground truth the analysis is scored against (tempo, key, time signature,
beats, downbeats, chords, sections; for melodies, the pitch of every 10 ms frame).

Used by make_song.py (one song) and make_test_set.py (the accuracy test set). Needs fluidsynth,
fluid-soundfont-gm and ffmpeg; Python's standard library only.
"""
import json
import random
import struct
import subprocess
import tempfile
import wave
from dataclasses import dataclass, field
from pathlib import Path

SOUNDFONT = "/usr/share/sounds/sf2/FluidR3_GM.sf2"
TICKS = 480  # per quarter note
NOTE_NAMES = ["C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"]
MAJOR_SCALE = [0, 2, 4, 5, 7, 9, 11]
MINOR_SCALE = [0, 2, 3, 5, 7, 8, 10]

# Progressions as scale degrees (0 = tonic), one chord a bar. Verses and choruses differ, so a
# listener (and the segmenter) can tell them apart; most start on the tonic, as most songs do.
MAJOR_PROGRESSIONS = {
    "verse": [[0, 4, 5, 3], [0, 5, 3, 4], [0, 3, 0, 4], [0, 5, 1, 4]],
    "chorus": [[3, 4, 0, 0], [3, 0, 4, 5], [5, 3, 0, 4], [3, 4, 2, 5]],
    "bridge": [[5, 2, 3, 4], [1, 4, 0, 5], [3, 2, 1, 4]],
}
MINOR_PROGRESSIONS = {
    "verse": [[0, 5, 2, 6], [0, 3, 4, 0], [0, 6, 5, 6], [0, 3, 6, 2]],
    "chorus": [[5, 6, 0, 0], [2, 6, 0, 4], [5, 2, 6, 0], [3, 6, 2, 5]],
    "bridge": [[3, 4, 0, 0], [5, 6, 3, 4], [2, 5, 3, 6]],
}
FORM = [("intro", 4), ("verse", 8), ("chorus", 8), ("verse", 8), ("chorus", 8), ("bridge", 4), ("chorus", 8), ("outro", 4)]

CHORD_INSTRUMENTS = [0, 4, 24, 25, 16, 48]     # piano, e-piano, nylon and steel guitar, organ, strings
BASS_INSTRUMENTS = [32, 33, 34, 38]             # acoustic, finger, pick, synth bass
LEAD_INSTRUMENTS = [73, 56, 65, 40, 80, 71, 11]  # flute, trumpet, alto sax, violin, square lead, clarinet, vibraphone
PAD_INSTRUMENTS = [48, 49, 89, 52]              # strings, slow strings, warm pad, choir


@dataclass
class Song:
    """A composed song: its MIDI events and its ground truth."""
    bpm: float
    tonic: int
    minor: bool
    beats_per_bar: int
    tracks: list = field(default_factory=list)  # per track: list of (tick, bytes)
    truth: dict = field(default_factory=dict)

    @property
    def seconds_per_beat(self):
        return 60.0 / self.bpm

    def key_name(self):
        return f"{NOTE_NAMES[self.tonic]} {'minor' if self.minor else 'major'}"


def variable_length(value):
    out = [value & 0x7F]
    value >>= 7
    while value:
        out.append(0x80 | (value & 0x7F))
        value >>= 7
    return bytes(reversed(out))


def track_chunk(events):
    data = bytearray()
    now = 0
    for tick, message in sorted(events, key=lambda e: (e[0], e[1][0] & 0xF0 != 0x80)):
        data += variable_length(tick - now) + message
        now = tick
    data += variable_length(0) + b"\xff\x2f\x00"
    return b"MTrk" + struct.pack(">I", len(data)) + bytes(data)


def write_midi(song, path):
    tracks = [track_chunk(events) for events in song.tracks]
    path.write_bytes(b"MThd" + struct.pack(">IHHH", 6, 1, len(tracks), TICKS) + b"".join(tracks))


def note(events, channel, pitch, start, length, velocity):
    pitch = max(0, min(127, pitch))
    events.append((start, bytes([0x90 | channel, pitch, max(1, min(127, velocity))])))
    events.append((start + max(1, length), bytes([0x80 | channel, pitch, 0])))


def triad(tonic, minor, degree):
    """Pitch classes of the diatonic triad on `degree`, and its label in mir_eval syntax."""
    scale = MINOR_SCALE if minor else MAJOR_SCALE
    root = (tonic + scale[degree % 7]) % 12
    third = (tonic + scale[(degree + 2) % 7]) % 12
    fifth = (tonic + scale[(degree + 4) % 7]) % 12
    quality = "maj" if (third - root) % 12 == 4 else "min"
    if (fifth - root) % 12 != 7:
        quality = "min"  # the diminished triad (vii in major, ii in minor), scored as its nearest majmin
    return [root, third, fifth], f"{NOTE_NAMES[root]}:{quality}"


def compose(seed, seconds=None, bpm=None, tonic=None, minor=None, beats_per_bar=None, vocal_sections=()):
    """A song in the FORM above, cut to about `seconds` (whole bars) when given."""
    rng = random.Random(seed)
    song = Song(bpm=bpm or rng.choice(range(72, 168, 2)), tonic=rng.randrange(12) if tonic is None else tonic,
                minor=rng.random() < 0.4 if minor is None else minor,
                beats_per_bar=beats_per_bar or (3 if rng.random() < 0.2 else 4))
    progressions = MINOR_PROGRESSIONS if song.minor else MAJOR_PROGRESSIONS
    chosen = {name: rng.choice(options) for name, options in progressions.items()}
    chosen["intro"] = chosen["outro"] = chosen["verse"]
    chords_program = rng.choice(CHORD_INSTRUMENTS)
    programs = {1: rng.choice(BASS_INSTRUMENTS), 2: chords_program, 3: rng.choice(LEAD_INSTRUMENTS), 4: rng.choice(PAD_INSTRUMENTS)}
    arpeggiate = chords_program in (24, 25) or rng.random() < 0.3

    bar_ticks = song.beats_per_bar * TICKS
    form = FORM
    if seconds is not None:
        bars_wanted = max(8, int(seconds / (song.seconds_per_beat * song.beats_per_bar)))
        form = []
        while sum(length for _, length in form) < bars_wanted:
            form.extend(FORM[1:7] if form else FORM[:7])
        cut, total = [], 0
        for name, length in form:
            if total >= bars_wanted:
                break
            length = min(length, bars_wanted - total)
            cut.append((name, length))
            total += length
        form = cut

    tempo_track = [(0, b"\xff\x51\x03" + struct.pack(">I", int(round(60_000_000 / song.bpm)))[1:]),
                   (0, b"\xff\x58\x04" + bytes([song.beats_per_bar, 2, 24, 8]))]
    drums, bass, chords, lead, pad = [], [], [], [], []
    # Panned as mixes usually are: drums, bass and any voice in the middle, the rest to the sides.
    side = rng.choice([-1, 1])
    pans = {1: 64, 2: 64 + side * rng.randint(30, 50), 3: 64 - side * rng.randint(20, 40), 4: 64 - side * rng.randint(35, 55)}
    for channel, events in ((1, bass), (2, chords), (3, lead), (4, pad)):
        events.append((0, bytes([0xC0 | channel, programs[channel]])))
        events.append((0, bytes([0xB0 | channel, 10, pans[channel]])))

    truth_chords, truth_sections, beats, downbeats = [], [], [], []
    bar = 0
    spb = song.seconds_per_beat
    for section_index, (name, length) in enumerate(form):
        section_start = bar * song.beats_per_bar * spb
        loud = name in ("chorus", "bridge")
        progression = chosen[name]
        for b in range(length):
            start = bar * bar_ticks
            degree = progression[b % len(progression)] if name != "bridge" else progression[(b // 2) % len(progression)]
            if name == "outro" and b == length - 1:
                degree = 0  # songs end home
            classes, label = triad(song.tonic, song.minor, degree)
            root = 36 + classes[0]
            fade = 1.0 - 0.15 * b if name == "outro" else 1.0
            velocity = int((100 if loud else 82) * fade)
            # chords: block or arpeggio, in the octave above middle C's neighbourhood
            voicing = sorted(52 + ((c - 52) % 12) for c in classes)
            if arpeggiate:
                for beat in range(song.beats_per_bar * 2):
                    note(chords, 2, voicing[beat % 3] + (12 if beat % 6 >= 3 else 0), start + beat * TICKS // 2, TICKS // 2, velocity - 10)
            else:
                for beat in range(song.beats_per_bar):
                    for pitch in voicing:
                        note(chords, 2, pitch, start + beat * TICKS, TICKS - 40, velocity - (0 if beat == 0 else 15))
            if loud or name == "intro":
                for pitch in voicing:
                    note(pad, 4, pitch + 12, start, bar_ticks - 20, int(velocity * 0.6))
            # bass: root on the downbeat, root or fifth after
            for beat in range(song.beats_per_bar):
                pitch = root if beat != song.beats_per_bar - 1 or rng.random() < 0.5 else root + 7
                note(bass, 1, pitch, start + beat * TICKS, TICKS - 30, velocity + (10 if beat == 0 else 0))
            # drums, from the third bar of the intro on
            if name != "intro" or b >= 2:
                for beat in range(song.beats_per_bar):
                    t = start + beat * TICKS
                    if song.beats_per_bar == 3:
                        note(drums, 9, 36 if beat == 0 else 38, t, TICKS // 2, velocity + (10 if beat == 0 else -15))
                    else:
                        note(drums, 9, 36 if beat % 2 == 0 else 38, t, TICKS // 2, velocity + 5)
                    note(drums, 9, 42, t, TICKS // 4, 70)
                    note(drums, 9, 42, t + TICKS // 2, TICKS // 4, 50)
                if b == 0 and name in ("chorus", "bridge"):
                    note(drums, 9, 49, start, TICKS, 100)
            # lead melody in the sung sections: chord tones on the beats, steps between, higher in the chorus
            if name in ("verse", "chorus", "bridge"):
                scale = MINOR_SCALE if song.minor else MAJOR_SCALE
                register = 72 if name == "chorus" else 67
                base = register - ((register - song.tonic) % 12)  # the tonic at or below the register
                melody_degree = degree
                for eighth in range(song.beats_per_bar * 2):
                    if rng.random() >= (0.75 if loud else 0.55):
                        continue
                    if eighth % 2 == 0:
                        melody_degree = degree + rng.choice([0, 2, 4])
                    else:
                        melody_degree += rng.choice([-1, 1])
                    pitch = base + scale[melody_degree % 7] + 12 * (melody_degree // 7)
                    note(lead, 3, pitch, start + eighth * TICKS // 2, TICKS // 2 - 20, velocity - 5)
            bar_start = bar * song.beats_per_bar * spb
            truth_chords.append({"start": round(bar_start, 4), "end": round(bar_start + song.beats_per_bar * spb, 4), "label": label})
            downbeats.append(round(bar_start, 4))
            beats.extend(round(bar_start + k * spb, 4) for k in range(song.beats_per_bar))
            bar += 1
        truth_sections.append({"start": round(section_start, 4), "end": round(bar * song.beats_per_bar * spb, 4), "label": name})

    song.tracks = [tempo_track, drums, bass, chords, lead, pad]
    duration = bar * song.beats_per_bar * spb
    song.truth = {
        "tempo": song.bpm, "key": song.key_name(), "time_signature": f"{song.beats_per_bar}/4",
        "duration": round(duration, 4), "beats": beats, "downbeats": downbeats,
        "chords": merge_repeats(truth_chords), "sections": truth_sections,
        "instruments": programs, "pans": pans,
    }
    return song


def merge_repeats(chords):
    merged = []
    for chord in chords:
        if merged and merged[-1]["label"] == chord["label"] and abs(merged[-1]["end"] - chord["start"]) < 1e-6:
            merged[-1]["end"] = chord["end"]
        else:
            merged.append(dict(chord))
    return merged


def compose_melody(seed, seconds=20.0, bpm=100):
    """A monophonic melody on one instrument, with rests, and its pitch every 10 ms (0 = unvoiced)."""
    rng = random.Random(seed)
    program = rng.choice([73, 40, 71, 56, 65, 68, 53, 41, 42, 57])
    low, high = {73: (62, 88), 40: (57, 88), 71: (52, 82), 56: (57, 80), 65: (52, 76), 68: (60, 84), 53: (57, 76),
                 41: (50, 80), 42: (40, 66), 57: (45, 70)}[program]
    events = [(0, bytes([0xC0, program]))]
    spb = 60.0 / bpm
    hop = 0.01
    frames = int(seconds / hop)
    f0 = [0.0] * frames
    t = 0.5
    pitch = rng.randint(low + 4, high - 4)
    while t < seconds - 1.0:
        length = rng.choice([0.5, 1, 1, 1.5, 2]) * spb
        if rng.random() < 0.2:
            t += length  # a rest
            continue
        pitch = max(low, min(high, pitch + rng.choice([-5, -3, -2, -1, 1, 2, 3, 4])))
        start_tick, ticks = int(t / spb * TICKS), int(length / spb * TICKS)
        note(events, 0, pitch, start_tick, ticks - 30, 90)
        hz = 440.0 * 2 ** ((pitch - 69) / 12)
        # frames well inside the note: attacks and releases are left unvoiced in the truth
        for i in range(int((t + 0.04) / hop), min(frames, int((t + length - 0.06) / hop))):
            f0[i] = round(hz, 3)
        t += length
    tempo = [(0, b"\xff\x51\x03" + struct.pack(">I", int(round(60_000_000 / bpm)))[1:])]
    song = Song(bpm=bpm, tonic=0, minor=False, beats_per_bar=4, tracks=[tempo, events])
    song.truth = {"hop": hop, "f0": f0, "program": program, "duration": seconds}
    return song


# The same bytes for the same song on every run: without these, ffmpeg's Ogg muxer draws each
# stream's serial number at random, and a file's hash (which keeps copies of a song on one side of
# a training split) would differ from run to run.
BITEXACT = ["-fflags", "+bitexact", "-flags:a", "+bitexact"]


def render(song, output, rate=44100, seconds=None, gain=0.35, metadata=None):
    """Renders `song` to `output` (any format ffmpeg writes, chosen by its extension)."""
    with tempfile.TemporaryDirectory() as folder:
        midi = Path(folder) / "song.mid"
        write_midi(song, midi)
        rendered = Path(folder) / "song.wav"
        subprocess.run(["fluidsynth", "-ni", "-q", "-g", str(gain), "-r", str(rate), "-F", str(rendered), SOUNDFONT, str(midi)],
                       check=True, stdout=subprocess.DEVNULL)
        length = seconds if seconds is not None else song.truth["duration"]
        command = ["ffmpeg", "-nostdin", "-hide_banner", "-loglevel", "error", "-y", "-i", str(rendered), "-t", str(length)]
        for key, value in (metadata or {}).items():
            command += ["-metadata", f"{key}={value}"]
        subprocess.run(command + BITEXACT + [str(output)], check=True)


def read_wav(path):
    with wave.open(str(path), "rb") as w:
        return w.getframerate(), w.getnchannels(), w.readframes(w.getnframes())


def save_truth(song, path):
    Path(path).write_text(json.dumps(song.truth, indent=1) + "\n")
