"""A stand-in for the voice servers the studio speaks to, on 127.0.0.1, for tests.

It answers as those servers do, checking the fields each API requires: GPT-SoVITS's api_v2
`POST /tts` and Fish Speech's `POST /v1/tts` (a WAV, or a JSON refusal with "message" or "detail"),
Coqui TTS's `POST /api/tts` (form-encoded; a WAV or {"error": ...}), ElevenLabs'
`POST /v1/text-to-speech/VOICE_ID` (an MP3 made by ffmpeg, the key in xi-api-key, or
{"detail": {"message": ...}}), and rvc-python's `POST /models/NAME`, `/params` and `/convert` (the
WAV sent back at 40 kHz, slightly longer, as RVC's frames make it). The voice is a buzz whose length
follows the text: a test checks what is done with the audio, not what it says. A path prefix picks a misbehaviour: /slow/ waits before answering,
/garbage/ answers HTML, /refuse/ answers 500, /huge/ sends more than any voice needs.
Every request is appended to the log file as a JSON line. The first line on stdout is the port.

usage: voice_server.py LOG [--api_key KEY] [--slow_seconds S]
"""
import base64
import http.server
import io
import json
import math
import os
import struct
import subprocess
import sys
import urllib.parse
import time
import wave

LOG = sys.argv[1]
API_KEY = sys.argv[sys.argv.index("--api_key") + 1] if "--api_key" in sys.argv else None
SLOW = float(sys.argv[sys.argv.index("--slow_seconds") + 1]) if "--slow_seconds" in sys.argv else 5.0
RATE = 24000


def wav(frames, rate):
    out = io.BytesIO()
    with wave.open(out, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(bytes(frames))
    return out.getvalue()


def voice(text):
    seconds = 0.3 + 0.06 * len(text)
    frames = bytearray()
    for i in range(int(seconds * RATE)):
        t = i / RATE
        envelope = min(1.0, t / 0.05, (seconds - t) / 0.05)
        sample = 0.3 * envelope * sum(math.sin(2 * math.pi * 140 * k * t) / k for k in range(1, 6))
        frames += struct.pack("<h", int(sample * 32767))
    return wav(frames, RATE)


def mp3(wav_bytes):
    return subprocess.run(["ffmpeg", "-v", "error", "-f", "wav", "-i", "-", "-f", "mp3", "-"], input=wav_bytes, capture_output=True, check=True).stdout


RVC_MODELS = {"ana_v2"}
rvc_loaded = []


def converted(wav_bytes):
    """The vocals as RVC gives them back: at 40 kHz, louder by half, 30 ms longer."""
    with wave.open(io.BytesIO(wav_bytes)) as w:
        rate, samples = w.getframerate(), array_of(w.readframes(w.getnframes()))
    out_rate = 40000
    length = int(len(samples) * out_rate / rate) + int(0.03 * out_rate)
    frames = bytearray()
    for i in range(length):
        source = min(len(samples) - 1, int(i * rate / out_rate))
        frames += struct.pack("<h", max(-32768, min(32767, int(samples[source] * 1.5))))
    return wav(frames, out_rate)


def array_of(frames):
    return struct.unpack("<%dh" % (len(frames) // 2), frames)


class Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def reply(self, status, body, content_type):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def refuse(self, status, field, message):
        self.reply(status, json.dumps({field: message}).encode(), "application/json")

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        path = self.path
        with open(LOG, "a") as log:
            log.write(json.dumps({"path": path, "authorization": self.headers.get("Authorization"), "xi-api-key": self.headers.get("xi-api-key"),
                                  "content-type": self.headers.get("Content-Type"), "body": body.decode()}) + "\n")
        mode = path.split("/")[1] if path.count("/") > 1 else ""
        if mode == "slow":
            time.sleep(SLOW)
        if mode == "garbage":
            return self.reply(200, b"<html><body>It works!</body></html>", "text/html")
        if mode == "refuse":
            return self.refuse(500, "detail", "CUDA out of memory")
        if mode == "huge":
            self.send_response(200)
            self.send_header("Content-Type", "audio/wav")
            self.send_header("Content-Length", str(80 << 20))
            self.end_headers()
            for _ in range(80):
                self.wfile.write(bytes(1 << 20))
            return
        if path.endswith("/api/tts"):
            form = urllib.parse.parse_qs(body.decode())
            if not form.get("text", [""])[0].strip():
                return self.refuse(400, "error", "Text parameter is required")
            speaker = form.get("speaker_wav", [""])[0]
            if speaker and not os.path.isfile(speaker):
                return self.refuse(500, "error", "TTS synthesis failed: no such file " + speaker)
            return self.reply(200, voice(form["text"][0]), "audio/wav")
        if "/v1/text-to-speech/" in path:
            if self.headers.get("xi-api-key") != API_KEY:
                return self.reply(401, json.dumps({"detail": {"status": "invalid_api_key", "message": "Invalid API key"}}).encode(), "application/json")
            return self.reply(200, mp3(voice(json.loads(body)["text"])), "audio/mpeg")
        if "/models/" in path:
            name = urllib.parse.unquote(path.rsplit("/", 1)[1])
            if name not in RVC_MODELS:
                return self.refuse(400, "detail", "Model " + name + " not found")
            rvc_loaded.append(name)
            return self.reply(200, json.dumps({"message": "Model " + name + " loaded successfully"}).encode(), "application/json")
        request = json.loads(body)
        if path.endswith("/params"):
            return self.reply(200, json.dumps({"message": "Parameters updated successfully"}).encode(), "application/json")
        if path.endswith("/convert"):
            if not rvc_loaded:
                return self.refuse(400, "detail", "No model loaded. Please load a model first.")
            return self.reply(200, converted(base64.b64decode(request["audio_data"])), "audio/wav")
        if path.endswith("/v1/tts"):
            if API_KEY and self.headers.get("Authorization") != "Bearer " + API_KEY:
                return self.refuse(401, "detail", "Invalid token")
            for reference in request.get("references", []):
                if not base64.b64decode(reference["audio"]).startswith(b"RIFF"):
                    return self.refuse(400, "detail", "reference audio is not a WAV")
            return self.reply(200, voice(request["text"]), "audio/wav")
        if path.endswith("/tts"):
            for field in ("text", "text_lang", "ref_audio_path", "prompt_lang"):
                if not request.get(field):
                    return self.refuse(400, "message", field + " is required")
            if not os.path.isfile(request["ref_audio_path"]):
                return self.refuse(400, "message", "ref_audio_path not exists")
            return self.reply(200, voice(request["text"]), "audio/wav")
        self.refuse(404, "detail", "Not Found")


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
print(server.server_address[1], flush=True)
server.serve_forever()
