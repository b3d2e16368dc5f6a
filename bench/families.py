"""A second composer for the accuracy bench: songs in families that differ in what an analyzer could
overfit to (where a progression starts, how a song ends, its mode, borrowed chords, which section is
loudest, section lengths and forms, tempo), with the same kind of ground truth as songs.py.

Its progressions, forms, endings and arrangement are its own; only the MIDI plumbing and the
rendering are shared with songs.py. Each family belongs to one half of the split: the tuning half,
on which the analyzer may be tuned, and the held-out half, which is only reported.
"""
import random
import struct
from dataclasses import dataclass

import songs
from songs import NOTE_NAMES, TICKS, note

# A chord: semitones of its root above the song's tonic, and its quality.
I, ii, iii, IV, V, vi = (0, "maj"), (2, "min"), (4, "min"), (5, "maj"), (7, "maj"), (9, "min")
i, iv, v, III, VI, VII = (0, "min"), (5, "min"), (7, "min"), (3, "maj"), (8, "maj"), (10, "maj")
bVII, bVI, bIII = (10, "maj"), (8, "maj"), (3, "maj")

IONIAN, AEOLIAN = [0, 2, 4, 5, 7, 9, 11], [0, 2, 3, 5, 7, 8, 10]
DORIAN, MIXOLYDIAN = [0, 2, 3, 5, 7, 9, 10], [0, 2, 4, 5, 7, 9, 10]


@dataclass
class Family:
    split: str            # "tuning" or "held_out"
    scale: list           # the mode's scale, for the melody
    minor: bool           # the key the truth names: Dorian as minor, Mixolydian as major (MIREX's convention)
    loops: dict           # section name -> progressions to choose from, a chord a bar
    ending: str = "tonic"  # tonic, half (on V), plagal (on IV) or fade
    quiet_chorus: bool = False
    forms: str = "plain"   # plain, or varied (4-16 bar sections, pre-choruses, instrumental breaks)


FAMILIES = {
    # the tuning half
    "opens_vi": Family("tuning", IONIAN, False, {"verse": [[vi, IV, I, V], [vi, V, IV, V]], "chorus": [[vi, IV, I, V], [IV, I, V, vi]],
                                                 "bridge": [[ii, V, iii, vi]]}),
    "half_cadence": Family("tuning", IONIAN, False, {"verse": [[I, vi, IV, V], [I, iii, IV, V]], "chorus": [[IV, I, ii, V], [I, V, IV, V]],
                                                     "bridge": [[vi, iii, IV, V]]}, ending="half"),
    "dorian": Family("tuning", DORIAN, True, {"verse": [[i, IV, i, IV], [i, (3, "maj"), IV, i]], "chorus": [[i, bVII, IV, i], [bIII, IV, i, i]],
                                              "bridge": [[iv, bVII, i, v]]}),
    "borrowed": Family("tuning", IONIAN, False, {"verse": [[I, bVII, IV, I], [I, iv, I, V]], "chorus": [[IV, iv, I, V], [bVI, bVII, I, I]],
                                                 "bridge": [[vi, bVI, bVII, V]]}),
    "quiet_chorus": Family("tuning", AEOLIAN, True, {"verse": [[i, VI, III, VII], [i, iv, VII, III]], "chorus": [[VI, VII, i, i], [iv, VI, v, i]],
                                                     "bridge": [[III, VII, VI, v]]}, quiet_chorus=True),
    "minor_vamp": Family("tuning", AEOLIAN, True, {"verse": [[VI, VII, i, i], [iv, i, VII, i]], "chorus": [[VI, VII, i, v], [i, VII, VI, VII]],
                                                   "bridge": [[iv, v, VI, VII]]}, forms="varied"),
    # the held-out half
    "opens_IV": Family("held_out", IONIAN, False, {"verse": [[IV, I, V, vi], [IV, V, I, I]], "chorus": [[IV, V, vi, I], [IV, I, V, V]],
                                                   "bridge": [[ii, iii, IV, V]]}),
    "opens_ii": Family("held_out", IONIAN, False, {"verse": [[ii, V, I, vi], [ii, V, I, IV]], "chorus": [[ii, V, I, I], [IV, V, iii, vi]],
                                                   "bridge": [[iii, vi, ii, V]]}),
    "plagal_end": Family("held_out", IONIAN, False, {"verse": [[I, IV, vi, IV], [I, V, vi, IV]], "chorus": [[IV, I, IV, I], [vi, IV, I, IV]],
                                                     "bridge": [[ii, IV, V, IV]]}, ending="plagal"),
    "fade": Family("held_out", AEOLIAN, True, {"verse": [[i, VII, VI, VII], [i, v, VI, iv]], "chorus": [[VI, III, VII, i], [i, VI, III, VII]],
                                               "bridge": [[iv, VI, VII, VII]]}, ending="fade"),
    "mixolydian": Family("held_out", MIXOLYDIAN, False, {"verse": [[I, bVII, IV, I], [I, v, bVII, I]], "chorus": [[bVII, IV, I, I], [IV, bVII, I, V]],
                                                         "bridge": [[ii, bVII, IV, IV]]}),
    "loud_verse": Family("held_out", IONIAN, False, {"verse": [[I, V, vi, iii], [I, IV, ii, V]], "chorus": [[vi, IV, V, I], [IV, V, I, vi]],
                                                     "bridge": [[iii, IV, ii, V]]}, quiet_chorus=True, forms="varied"),
}

PLAIN_FORMS = [
    [("intro", 4), ("verse", 8), ("chorus", 8), ("verse", 8), ("chorus", 8), ("bridge", 8), ("chorus", 8), ("outro", 4)],
    [("verse", 8), ("chorus", 8), ("verse", 8), ("chorus", 8), ("chorus", 8), ("outro", 4)],
    [("intro", 8), ("verse", 16), ("chorus", 8), ("verse", 16), ("chorus", 8), ("outro", 4)],
]
VARIED_FORMS = [
    [("intro", 4), ("verse", 12), ("pre_chorus", 4), ("chorus", 8), ("verse", 12), ("pre_chorus", 4), ("chorus", 8), ("instrumental", 8),
     ("chorus", 8), ("outro", 4)],
    [("intro", 8), ("verse", 16), ("chorus", 16), ("instrumental", 4), ("verse", 8), ("pre_chorus", 4), ("chorus", 16), ("outro", 8)],
    [("verse", 4), ("verse", 8), ("chorus", 12), ("bridge", 4), ("verse", 8), ("chorus", 12), ("outro", 4)],
]

PRE_CHORUS_LOOPS = {False: [[ii, IV, V, V], [IV, V, IV, V]], True: [[iv, v, VI, VII], [VI, VII, VI, VII]]}


def chord_label(tonic, chord):
    offset, quality = chord
    return f"{NOTE_NAMES[(tonic + offset) % 12]}:{quality}"


def chord_classes(tonic, chord):
    offset, quality = chord
    root = (tonic + offset) % 12
    return [root, (root + (3 if quality == "min" else 4)) % 12, (root + 7) % 12]


def progression_for(family, name, chosen, rng):
    if name == "pre_chorus":
        return chosen.setdefault(name, rng.choice(PRE_CHORUS_LOOPS[family.minor]))
    loop_name = {"intro": "verse", "outro": "chorus" if family.ending == "fade" else "verse", "instrumental": "chorus"}.get(name, name)
    return chosen.setdefault(loop_name, rng.choice(family.loops[loop_name]))


def final_chord(family):
    return {"tonic": (0, "min" if family.minor else "maj"), "half": V, "plagal": IV}.get(family.ending)


def loudness(family, name, bar, length):
    """The section's velocity: choruses loudest unless the family has them quiet; a fade-out's outro dies away."""
    level = {"chorus": 104, "bridge": 92, "instrumental": 96, "pre_chorus": 90}.get(name, 84)
    if family.quiet_chorus and name in ("chorus", "verse"):
        level = 74 if name == "chorus" else 104
    if name == "outro" and family.ending == "fade":
        level = int(level * (1.0 - 0.8 * bar / max(1, length)))
    return level


def shortened(form, bars_wanted):
    """The form with every section (the ending too) shortened alike, to about `bars_wanted` bars."""
    factor = min(1.0, bars_wanted / sum(length for _, length in form))
    return [(name, max(2, int(round(length * factor)))) for name, length in form]


def compose(name, seed, seconds=None):
    """A song of family `name`, its truth saying the family and the split; about `seconds` long when
    given (its form shortened, not cut off, so that it still ends as its family ends)."""
    family = FAMILIES[name]
    rng = random.Random(seed)
    song = songs.Song(bpm=float(rng.randrange(60, 181, 3)), tonic=rng.randrange(12), minor=family.minor,
                      beats_per_bar=3 if rng.random() < 0.15 else 4)
    form = rng.choice(VARIED_FORMS if family.forms == "varied" else PLAIN_FORMS)
    if seconds is not None:
        form = shortened(form, int(seconds / (song.seconds_per_beat * song.beats_per_bar)))
    programs = {1: rng.choice(songs.BASS_INSTRUMENTS), 2: rng.choice(songs.CHORD_INSTRUMENTS), 3: rng.choice(songs.LEAD_INSTRUMENTS),
                4: rng.choice(songs.PAD_INSTRUMENTS)}
    bar_ticks = song.beats_per_bar * TICKS
    spb = song.seconds_per_beat
    tracks = {channel: [(0, bytes([0xC0 | channel, program]))] for channel, program in programs.items()}
    drums = []
    chosen = {}
    truth_chords, truth_sections, beats, downbeats = [], [], [], []
    bar = 0
    for section_name, length in form:
        section_start = bar * song.beats_per_bar * spb
        progression = progression_for(family, section_name, chosen, rng)
        for b in range(length):
            last_bar = section_name == "outro" and b == length - 1
            chord = progression[b % len(progression)]
            if last_bar and final_chord(family):
                chord = final_chord(family)
            velocity = loudness(family, section_name, b, length)
            start = bar * bar_ticks
            arrange_bar(song, tracks, drums, chord, section_name, family, start, velocity, rng)
            bar_start = bar * song.beats_per_bar * spb
            truth_chords.append({"start": round(bar_start, 4), "end": round(bar_start + song.beats_per_bar * spb, 4),
                                 "label": chord_label(song.tonic, chord)})
            downbeats.append(round(bar_start, 4))
            beats.extend(round(bar_start + k * spb, 4) for k in range(song.beats_per_bar))
            bar += 1
        truth_sections.append({"start": round(section_start, 4), "end": round(bar * song.beats_per_bar * spb, 4), "label": section_name})
    tempo_track = [(0, b"\xff\x51\x03" + struct.pack(">I", int(round(60_000_000 / song.bpm)))[1:]),
                   (0, b"\xff\x58\x04" + bytes([song.beats_per_bar, 2, 24, 8]))]
    song.tracks = [tempo_track, drums] + [tracks[c] for c in (1, 2, 3, 4)]
    song.truth = {
        "tempo": song.bpm, "key": song.key_name(), "time_signature": f"{song.beats_per_bar}/4",
        "duration": round(bar * song.beats_per_bar * spb, 4), "beats": beats, "downbeats": downbeats,
        "chords": songs.merge_repeats(truth_chords), "sections": truth_sections, "instruments": programs,
        "family": name, "split": family.split,
    }
    return song


def arrange_bar(song, tracks, drums, chord, section_name, family, start, velocity, rng):
    """One bar: bass, chords on an offbeat pattern, a pad, drums and a melody from the mode's scale."""
    beats = song.beats_per_bar
    classes = chord_classes(song.tonic, chord)
    voicing = sorted(55 + ((c - 55) % 12) for c in classes)
    root = 40 + ((classes[0] - 40) % 12)
    # bass: root, octave and fifth in eighths, lighter between beats
    for eighth in range(beats * 2):
        pitch = root + (0, 12, 7, 12)[eighth % 4] if eighth % 2 else root
        note(tracks[1], 1, pitch, start + eighth * TICKS // 2, TICKS // 2 - 20, velocity - (18 if eighth % 2 else 0))
    # chords: on the beat and the "and" of the last beat, a push into the next bar
    for beat in range(beats):
        for pitch in voicing:
            note(tracks[2], 2, pitch, start + beat * TICKS, TICKS * 2 // 3, velocity - 20 - (0 if beat == 0 else 8))
    for pitch in voicing:
        note(tracks[2], 2, pitch, start + beats * TICKS - TICKS // 2, TICKS // 3, velocity - 30)
    if section_name in ("chorus", "bridge", "instrumental", "outro") and not (family.quiet_chorus and section_name == "chorus"):
        for pitch in voicing:
            note(tracks[4], 4, pitch + 12, start, beats * TICKS - 20, int(velocity * 0.55))
    if not (family.quiet_chorus and section_name == "chorus"):
        for beat in range(beats):
            t = start + beat * TICKS
            note(drums, 9, 36 if beat == 0 or (beats == 4 and beat == 2 and rng.random() < 0.5) else 38 if beat % 2 else 42, t, TICKS // 2,
                 velocity)
            note(drums, 9, 44, t + TICKS // 2, TICKS // 4, 45)
    else:
        note(drums, 9, 75, start, TICKS // 4, 60)  # a quiet chorus keeps only a clave on the one
    if section_name in ("verse", "chorus", "pre_chorus", "bridge", "instrumental"):
        register = 74 if section_name in ("chorus", "instrumental") else 69
        base = register - ((register - song.tonic) % 12)
        degree = rng.choice([0, 2, 4])
        for quarter in range(beats):
            if rng.random() < 0.3:
                continue
            tone = (classes[rng.randrange(3)] - song.tonic) % 12 if quarter == 0 else family.scale[degree % 7]
            degree += rng.choice([-1, 1, 2])
            note(tracks[3], 3, base + tone, start + quarter * TICKS, TICKS - 30, velocity - 8)
