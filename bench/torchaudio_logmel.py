#!/usr/bin/python3
"""Times torchaudio's log-mel at the reference's settings on 32 kHz mono float32 samples from a
file (as bench_logmel --dump writes them), best of several runs, on all cores.

usage: torchaudio_logmel.py SAMPLES.f32 [--runs N]
"""
import argparse
import json
import os
import time

import numpy as np
import torch
import torchaudio


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("samples")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    torch.set_num_threads(os.cpu_count())
    signal = torch.from_numpy(np.fromfile(args.samples, dtype=np.float32))
    mel = torchaudio.transforms.MelSpectrogram(
        sample_rate=32000, n_fft=1024, win_length=1024, hop_length=320, f_min=0.0, f_max=16000.0,
        n_mels=128, power=2.0, center=True, pad_mode="constant", norm="slaney", mel_scale="slaney")
    to_db = torchaudio.transforms.AmplitudeToDB(stype="power", top_db=80.0)
    with torch.inference_mode():
        to_db(mel(signal))  # warm-up
        best = float("inf")
        for _ in range(args.runs):
            start = time.perf_counter()
            frames = to_db(mel(signal)).shape[-1]
            best = min(best, time.perf_counter() - start)
    print(json.dumps({"audio_seconds": round(signal.numel() / 32000, 2), "frames": int(frames),
                      "threads": torch.get_num_threads(), "best_seconds": round(best, 5)}))


if __name__ == "__main__":
    main()
