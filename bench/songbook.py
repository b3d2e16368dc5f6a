"""A third composer for the accuracy bench, written after the analyzer's key method was settled and
kept for measuring it only: no weight, threshold or rule is to be tuned on its songs.

Its idioms are ones neither songs.py nor families.py writes: seventh chords, secondary dominants, a
12-bar blues, the harmonic minor's major V, the Andalusian cadence, basses that walk, descend through
inversions or hold a pedal, songs that end on a deceptive vi or on V. Its arrangement is its own too:
arpeggiated or swung comping, walking and pedal basses, a ride-cymbal swing or a half-time beat, and
a melody that leans on the chord's tones. Only the MIDI plumbing and the rendering are shared.
"""
import random
import struct
from dataclasses import dataclass

import songs
from songs import NOTE_NAMES, TICKS, note

# A chord: its root in semitones above the song's tonic, its quality, and the bass's semitones
# above the tonic when it is not the root (an inversion or a pedal).
QUALITY_TONES = {"maj": [0, 4, 7], "min": [0, 3, 7], "7": [0, 4, 7, 10], "maj7": [0, 4, 7, 11], "min7": [0, 3, 7, 10]}


@dataclass(frozen=True)
class Chord:
    root: int
    quality: str
    bass: int = None


def C(root, quality, bass=None):
    return Chord(root, quality, bass)


@dataclass
class Family:
    minor: bool         # the key the truth names
    scale: list         # the melody's notes, in semitones above the tonic
    loops: dict         # "a" and "b": progressions to choose from, a chord a bar
    ending: list        # the last bars
    feel: str           # "swing" (walking bass, ride cymbal, stabs) or "straight" (arpeggios, half-time beat)
    waltz: bool = False  # always in 3/4


MAJOR, BLUES = [0, 2, 4, 5, 7, 9, 11], [0, 3, 4, 7, 9, 10]
HARMONIC_MINOR, NATURAL_MINOR = [0, 2, 3, 5, 7, 8, 11], [0, 2, 3, 5, 7, 8, 10]

BLUES_CHORUS = [C(0, "7"), C(5, "7"), C(0, "7"), C(0, "7"), C(5, "7"), C(5, "7"), C(0, "7"), C(0, "7"), C(7, "7"), C(5, "7"), C(0, "7"),
                C(7, "7")]

FAMILIES = {
    "blues": Family(False, BLUES, {"a": [BLUES_CHORUS], "b": [BLUES_CHORUS]}, [C(0, "7"), C(0, "7")], "swing"),
    "jazz_turnaround": Family(False, MAJOR, {"a": [[C(2, "min7"), C(7, "7"), C(0, "maj7"), C(9, "7")], [C(0, "maj7"), C(9, "min7"), C(2, "min7"), C(7, "7")]],
                                             "b": [[C(4, "min7"), C(9, "7"), C(2, "min7"), C(7, "7")], [C(5, "maj7"), C(5, "min7"), C(4, "min7"), C(9, "7")]]},
                              [C(2, "min7"), C(7, "7"), C(0, "maj7"), C(0, "maj7")], "swing"),
    "harmonic_minor": Family(True, HARMONIC_MINOR, {"a": [[C(0, "min"), C(5, "min"), C(7, "7"), C(0, "min")], [C(0, "min"), C(8, "maj"), C(5, "min"), C(7, "7")]],
                                                    "b": [[C(8, "maj"), C(5, "min"), C(7, "7"), C(7, "7")], [C(3, "maj"), C(8, "maj"), C(2, "min"), C(7, "7")]]},
                             [C(5, "min"), C(7, "7"), C(0, "min"), C(0, "min")], "straight"),
    "andalusian": Family(True, HARMONIC_MINOR, {"a": [[C(0, "min"), C(10, "maj"), C(8, "maj"), C(7, "maj")]],
                                                "b": [[C(8, "maj"), C(3, "maj"), C(10, "maj"), C(0, "min")], [C(5, "min"), C(0, "min"), C(8, "maj"), C(7, "maj")]]},
                         [C(8, "maj"), C(7, "maj"), C(7, "maj")], "straight"),
    "descending_bass": Family(False, MAJOR, {"a": [[C(0, "maj"), C(7, "maj", 11), C(9, "min"), C(0, "maj", 7)],
                                                   [C(5, "maj"), C(0, "maj", 4), C(2, "min"), C(7, "maj")]],
                                             "b": [[C(9, "min"), C(9, "min", 7), C(5, "maj"), C(7, "maj")], [C(5, "maj"), C(7, "maj"), C(4, "min"), C(9, "min")]]},
                              [C(5, "maj"), C(7, "maj"), C(0, "maj"), C(0, "maj")], "straight"),
    "tonic_pedal": Family(False, MAJOR, {"a": [[C(0, "maj"), C(5, "maj", 0), C(7, "maj", 0), C(0, "maj")], [C(0, "maj"), C(10, "maj", 0), C(5, "maj", 0), C(0, "maj")]],
                                         "b": [[C(9, "min"), C(5, "maj"), C(2, "min"), C(7, "maj", 7)], [C(5, "maj"), C(0, "maj", 7), C(7, "maj", 7), C(7, "7", 7)]]},
                          [C(7, "7"), C(0, "maj"), C(0, "maj")], "straight"),
    "deceptive_end": Family(False, MAJOR, {"a": [[C(0, "maj"), C(4, "min"), C(5, "maj"), C(7, "maj")], [C(0, "maj"), C(2, "min"), C(5, "maj"), C(7, "7")]],
                                           "b": [[C(5, "maj"), C(7, "maj"), C(9, "min"), C(9, "min")], [C(2, "min"), C(7, "7"), C(9, "min"), C(5, "maj")]]},
                            [C(5, "maj"), C(7, "7"), C(9, "min"), C(9, "min")], "straight"),
    "minor_waltz": Family(True, NATURAL_MINOR, {"a": [[C(0, "min"), C(5, "min"), C(0, "min"), C(7, "7")], [C(0, "min"), C(3, "maj"), C(10, "maj"), C(7, "maj")]],
                                                "b": [[C(8, "maj"), C(3, "maj"), C(5, "min"), C(7, "7")], [C(3, "maj"), C(10, "maj"), C(5, "min"), C(5, "min")]]},
                          [C(5, "min"), C(7, "7"), C(0, "min")], "straight", waltz=True),
}

# Forms: AABA (the B a bridge), strophic verse-refrain, and choruses of a blues between a head and a
# tail. A section is (label, which loop, bars); the ending's bars close the last section.
FORMS = {
    "aaba": [("intro", "a", 4), ("verse", "a", 8), ("verse", "a", 8), ("bridge", "b", 8), ("verse", "a", 8), ("outro", "a", 4)],
    "strophic": [("verse", "a", 8), ("chorus", "b", 8), ("verse", "a", 8), ("chorus", "b", 8), ("instrumental", "a", 8), ("chorus", "b", 8),
                 ("outro", "b", 4)],
    "blues": [("intro", "a", 4), ("verse", "a", 12), ("verse", "a", 12), ("instrumental", "a", 12), ("verse", "a", 12), ("outro", "a", 4)],
}

BASSES = [32, 33, 35]                      # acoustic, finger, fretless
COMPING = [0, 2, 4, 5, 16, 26, 27]          # pianos, e-pianos, organ, jazz and clean guitar
LEADS = [56, 61, 64, 66, 22, 68, 73, 52]    # trumpet, brass, soprano and tenor sax, harmonica, oboe, flute, choir aahs
KIT_SWING, KIT_STRAIGHT = {"ride": 51, "pedal_hat": 44, "kick": 35, "snare": 40}, {"ride": 42, "pedal_hat": 46, "kick": 36, "snare": 38}


def label(tonic, chord):
    return f"{NOTE_NAMES[(tonic + chord.root) % 12]}:{chord.quality}"


def pitches(tonic, chord, low):
    """The chord's tones from `low` upwards, closest voicing."""
    return sorted(low + ((tonic + chord.root + t - low) % 12) for t in QUALITY_TONES[chord.quality])


def bass_note(tonic, chord):
    return 36 + ((tonic + (chord.root if chord.bass is None else chord.bass) - 36) % 12)


def form_for(name, rng):
    return FORMS["blues"] if name == "blues" else FORMS[rng.choice(["aaba", "strophic"])]


def compose(name, seed, seconds=None):
    """A song of family `name`; about `seconds` long when given (its middle sections left out until it
    fits or only the first, one more and the last are left, so that it still ends as its family ends)."""
    family = FAMILIES[name]
    rng = random.Random(seed)
    song = songs.Song(bpm=float(rng.randrange(62, 179, 4)), tonic=rng.randrange(12), minor=family.minor,
                      beats_per_bar=3 if family.waltz else 4)
    form = list(form_for(name, rng))
    bar_seconds = song.seconds_per_beat * song.beats_per_bar
    while seconds is not None and len(form) > 3 and sum(bars for _, _, bars in form) * bar_seconds > seconds:
        del form[-2]
    loops = {part: rng.choice(family.loops[part]) for part in ("a", "b")}
    programs = {1: rng.choice(BASSES), 2: rng.choice(COMPING), 3: rng.choice(LEADS)}
    tracks = {channel: [(0, bytes([0xC0 | channel, program]))] for channel, program in programs.items()}
    drums = []
    truth_chords, truth_sections, beats, downbeats = [], [], [], []
    bar = 0
    for index, (section, part, bars) in enumerate(form):
        section_start = bar * bar_seconds
        chords = [loops[part][b % len(loops[part])] for b in range(bars)]
        if index == len(form) - 1:
            chords[-len(family.ending):] = family.ending[-bars:]
        for b, chord in enumerate(chords):
            following = chords[b + 1] if b + 1 < len(chords) else chord
            play_bar(song, family, tracks, drums, chord, following, section, bar * song.beats_per_bar * TICKS, rng)
            start = bar * bar_seconds
            truth_chords.append({"start": round(start, 4), "end": round(start + bar_seconds, 4), "label": label(song.tonic, chord)})
            downbeats.append(round(start, 4))
            beats.extend(round(start + k * song.seconds_per_beat, 4) for k in range(song.beats_per_bar))
            bar += 1
        truth_sections.append({"start": round(section_start, 4), "end": round(bar * bar_seconds, 4), "label": section})
    tempo_track = [(0, b"\xff\x51\x03" + struct.pack(">I", int(round(60_000_000 / song.bpm)))[1:]),
                   (0, b"\xff\x58\x04" + bytes([song.beats_per_bar, 2, 24, 8]))]
    song.tracks = [tempo_track, drums] + [tracks[c] for c in (1, 2, 3)]
    song.truth = {
        "tempo": song.bpm, "key": song.key_name(), "time_signature": f"{song.beats_per_bar}/4",
        "duration": round(bar * bar_seconds, 4), "beats": beats, "downbeats": downbeats,
        "chords": songs.merge_repeats(truth_chords), "sections": truth_sections, "instruments": programs,
        "family": name, "split": "unseen",
    }
    return song


def play_bar(song, family, tracks, drums, chord, following, section, start, rng):
    level = {"verse": 82, "chorus": 98, "bridge": 90, "instrumental": 94}.get(section, 72)
    if family.feel == "swing":
        walk(song, tracks[1], chord, following, start, level)
        stabs(song, tracks[2], chord, start, level, rng)
    else:
        held_bass(song, tracks[1], chord, start, level)
        arpeggio(song, tracks[2], chord, start, level)
    beat_pattern(song, family, drums, section, start, level)
    if section in ("verse", "chorus", "bridge", "instrumental"):
        melody(song, family, tracks[3], chord, section, start, level, rng)


def swung(beat_tick, half):
    """Where the second eighth of a swung beat falls: two thirds through it."""
    return beat_tick + (2 * TICKS // 3 if half else 0)


def walk(song, events, chord, following, start, level):
    """A walking bass: root, a chord tone, another, then a semitone into the next bar's root."""
    root = bass_note(song.tonic, chord)
    tones = [root, root + QUALITY_TONES[chord.quality][1], root + 7]
    target = bass_note(song.tonic, following)
    approach = target - 1 if target > tones[-1] else target + 1
    line = (tones + [approach])[:song.beats_per_bar - 1] + [approach]
    for beat, pitch in enumerate(line):
        note(events, 1, pitch, start + beat * TICKS, TICKS - 30, level - (0 if beat == 0 else 10))


def stabs(song, events, chord, start, level, rng):
    """Swung comping: the chord short on the 'and' of one and on two or four, never the same twice."""
    voicing = pitches(song.tonic, chord, 52)
    for beat, half in rng.choice([[(0, True), (2, False)], [(1, False), (3, False)], [(1, True), (3, True)]]):
        if beat >= song.beats_per_bar:
            continue
        for pitch in voicing:
            note(events, 2, pitch, swung(start + beat * TICKS, half), TICKS // 3, level - 18)


def held_bass(song, events, chord, start, level):
    """A bass of whole and half notes: the bar's bass note, then its octave on the last beat."""
    low = bass_note(song.tonic, chord)
    note(events, 1, low, start, (song.beats_per_bar - 1) * TICKS - 20, level)
    note(events, 1, low + 12, start + (song.beats_per_bar - 1) * TICKS, TICKS - 20, level - 14)


def arpeggio(song, events, chord, start, level):
    """The chord's tones broken in eighths, up and back down."""
    tones = pitches(song.tonic, chord, 57)
    order = tones + [tones[0] + 12] + tones[-2:0:-1]
    for eighth in range(song.beats_per_bar * 2):
        note(events, 2, order[eighth % len(order)], start + eighth * TICKS // 2, TICKS // 2 - 10, level - 22 - (6 if eighth % 2 else 0))


def beat_pattern(song, family, drums, section, start, level):
    kit = KIT_SWING if family.feel == "swing" else KIT_STRAIGHT
    if section == "intro":
        note(drums, 9, kit["pedal_hat"], start, TICKS // 4, 50)
        return
    for beat in range(song.beats_per_bar):
        t = start + beat * TICKS
        note(drums, 9, kit["ride"], t, TICKS // 3, level - 20)
        if family.feel == "swing":
            note(drums, 9, kit["ride"], swung(t, True), TICKS // 4, level - 35)
            if beat % 2:
                note(drums, 9, kit["pedal_hat"], t, TICKS // 4, 55)
        else:
            # half time: the kick on one, the snare on three (on two in a waltz)
            if beat == 0:
                note(drums, 9, kit["kick"], t, TICKS // 2, level)
            if beat == (1 if family.waltz else 2):
                note(drums, 9, kit["snare"], t, TICKS // 2, level - 6)


def melody(song, family, events, chord, section, start, level, rng):
    """A phrase that lands on a chord tone each beat it can, with steps of the family's scale between."""
    register = 72 if section in ("chorus", "instrumental") else 67
    home = register - ((register - song.tonic) % 12)
    chord_tones = [(chord.root + t) % 12 for t in QUALITY_TONES[chord.quality]]
    step = rng.randrange(len(family.scale))
    t = start
    end = start + song.beats_per_bar * TICKS
    while t < end:
        length = rng.choice([TICKS // 2, TICKS, TICKS, 3 * TICKS // 2])
        if (t - start) % TICKS == 0:
            tone = rng.choice(chord_tones)
        else:
            step = (step + rng.choice([-1, 1])) % len(family.scale)
            tone = family.scale[step]
        if rng.random() > 0.2:
            note(events, 3, home + tone, t, min(length, end - t) - 20, level - 4)
        t += length
