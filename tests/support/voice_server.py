"""A stand-in for the voice servers the studio speaks to, on 127.0.0.1, for tests.

It answers GPT-SoVITS's api_v2 `POST /tts` and Fish Speech's `POST /v1/tts` as those servers do (a
WAV on success, a JSON refusal with "message" or "detail" otherwise), checking the fields each API
requires. The voice is a buzz whose length follows the text: a test checks what is done with the
audio, not what it says. A path prefix picks a misbehaviour: /slow/ waits before answering,
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
import sys
import time
import wave

LOG = sys.argv[1]
API_KEY = sys.argv[sys.argv.index("--api_key") + 1] if "--api_key" in sys.argv else None
SLOW = float(sys.argv[sys.argv.index("--slow_seconds") + 1]) if "--slow_seconds" in sys.argv else 5.0
RATE = 24000


def voice(text):
    seconds = 0.3 + 0.06 * len(text)
    frames = bytearray()
    for i in range(int(seconds * RATE)):
        t = i / RATE
        envelope = min(1.0, t / 0.05, (seconds - t) / 0.05)
        sample = 0.3 * envelope * sum(math.sin(2 * math.pi * 140 * k * t) / k for k in range(1, 6))
        frames += struct.pack("<h", int(sample * 32767))
    out = io.BytesIO()
    with wave.open(out, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes(bytes(frames))
    return out.getvalue()


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
            log.write(json.dumps({"path": path, "authorization": self.headers.get("Authorization"), "body": body.decode()}) + "\n")
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
        request = json.loads(body)
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
