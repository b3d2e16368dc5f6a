#!/usr/bin/python3
"""Writes the log-mel golden files beside this script: fixed test signals and their log-mel
spectrograms computed by torchaudio in float64, set up to match librosa's defaults at the
reference's settings (sr 32000, n_fft 1024, hop 320, 128 Slaney mels with Slaney norm, centred
frames with zero padding, power 2, power_to_db with ref 1.0, amin 1e-10, top_db 80).

Run with Debian's python3 (numpy, torch, torchaudio): /usr/bin/python3 make_logmel_golden.py
"""
import json
import pathlib

import numpy as np
import torch
import torchaudio

SR = 32000
HERE = pathlib.Path(__file__).resolve().parent / "golden"


def tones():
    t = np.arange(int(0.6 * SR)) / SR
    return 0.5 * np.sin(2 * np.pi * 440 * t) + 0.25 * np.sin(2 * np.pi * 1320 * t) + 0.1 * np.sin(2 * np.pi * 5000 * t)


def chirp_with_gap():
    """A logarithmic chirp from 60 Hz to 15 kHz, silent in the middle: exercises the top_db floor."""
    n = int(0.6 * SR)
    t = np.arange(n) / SR
    f0, f1, duration = 60.0, 15000.0, n / SR
    k = np.log(f1 / f0) / duration
    phase = 2 * np.pi * f0 * (np.exp(k * t) - 1) / k
    signal = 0.8 * np.sin(phase)
    signal[int(0.25 * SR):int(0.35 * SR)] = 0.0
    return signal


def noise_and_clicks():
    """White noise with clicks; 16001 samples, so the last frame is only partly covered."""
    rng = np.random.default_rng(7)
    signal = 0.05 * rng.standard_normal(16001)
    for position in (1000, 7777, 15990):
        signal[position] = 0.9
    return signal


def log_mel(signal):
    torch.set_default_dtype(torch.float64)
    mel = torchaudio.transforms.MelSpectrogram(
        sample_rate=SR, n_fft=1024, win_length=1024, hop_length=320, f_min=0.0, f_max=SR / 2,
        n_mels=128, power=2.0, center=True, pad_mode="constant", norm="slaney", mel_scale="slaney")
    to_db = torchaudio.transforms.AmplitudeToDB(stype="power", top_db=80.0)
    with torch.no_grad():
        return to_db(mel(torch.from_numpy(signal.astype(np.float64)))).numpy()


def main():
    HERE.mkdir(exist_ok=True)
    manifest = []
    for name, make in (("tones", tones), ("chirp_gap", chirp_with_gap), ("noise_clicks", noise_and_clicks)):
        signal = make().astype(np.float32)
        expected = log_mel(signal.astype(np.float64))
        signal.tofile(HERE / f"{name}.input.f32")
        expected.astype(np.float32).tofile(HERE / f"{name}.logmel.f32")
        manifest.append({"name": name, "samples": int(signal.size), "mels": int(expected.shape[0]),
                         "frames": int(expected.shape[1])})
    (HERE / "golden.json").write_text(json.dumps(manifest, indent=2) + "\n")


if __name__ == "__main__":
    main()
