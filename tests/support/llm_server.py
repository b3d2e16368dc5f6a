"""A stand-in for the language-model servers the studio asks for prompts, on 127.0.0.1, for tests.

It answers Ollama's `POST /api/generate` and the OpenAI-compatible `POST /v1/chat/completions` as
those servers do (their reply JSON on success; {"error": ...} otherwise), checking the fields each
API requires. The sentence it writes repeats the facts it was sent (tempo and key), so that a test
can tell they arrived. A model named "missing" is refused as Ollama refuses an unknown model. A path
prefix picks a misbehaviour: /slow/ waits before answering, /garbage/ answers HTML, /refuse/ answers
500, /empty/ answers a reply without a sentence, /rambling/ answers an essay.
Every request is appended to the log file as a JSON line. The first line on stdout is the port.

usage: llm_server.py LOG [--api_key KEY] [--slow_seconds S]
"""
import http.server
import json
import re
import sys
import time

LOG = sys.argv[1]
API_KEY = sys.argv[sys.argv.index("--api_key") + 1] if "--api_key" in sys.argv else None
SLOW = float(sys.argv[sys.argv.index("--slow_seconds") + 1]) if "--slow_seconds" in sys.argv else 5.0


def sentence(question, mode):
    if mode == "empty":
        return "  \n\n"
    if mode == "rambling":
        return "Well, " + "this song is something else, " * 40
    tempo = re.search(r"tempo: (\d+) BPM", question)
    key = re.search(r"key: ([A-G][#b]? (?:major|minor))", question)
    return '"A test-model song at {} BPM in {}."\nThat is all.'.format(tempo.group(1) if tempo else "unknown",
                                                                       key.group(1) if key else "no key")


class Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def reply(self, status, body, content_type="application/json"):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def answer(self, value):
        self.reply(200, json.dumps(value).encode())

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        with open(LOG, "a") as log:
            log.write(json.dumps({"path": self.path, "authorization": self.headers.get("Authorization"), "body": body.decode()}) + "\n")
        mode = self.path.split("/")[1] if self.path.count("/") > 2 else ""
        if mode == "slow":
            time.sleep(SLOW)
        if mode == "garbage":
            return self.reply(200, b"<html><body>It works!</body></html>", "text/html")
        if mode == "refuse":
            return self.reply(500, json.dumps({"error": "the model ran out of memory"}).encode())
        request = json.loads(body)
        if self.path.endswith("/api/generate"):
            if not request.get("model") or not request.get("prompt") or request.get("stream") is not False:
                return self.reply(400, json.dumps({"error": "model, prompt and stream false are required"}).encode())
            if request["model"] == "missing":
                return self.reply(404, json.dumps({"error": "model 'missing' not found, try pulling it first"}).encode())
            return self.answer({"model": request["model"], "response": sentence(request["prompt"], mode), "done": True})
        if self.path.endswith("/v1/chat/completions"):
            if API_KEY and self.headers.get("Authorization") != "Bearer " + API_KEY:
                return self.reply(401, json.dumps({"error": {"message": "Incorrect API key provided", "type": "invalid_request_error"}}).encode())
            messages = request.get("messages") or []
            if not request.get("model") or not messages or messages[-1].get("role") != "user":
                return self.reply(400, json.dumps({"error": {"message": "model and messages are required"}}).encode())
            return self.answer({"object": "chat.completion", "model": request["model"],
                                "choices": [{"index": 0, "message": {"role": "assistant", "content": sentence(messages[-1]["content"], mode)},
                                             "finish_reason": "stop"}]})
        self.reply(404, json.dumps({"error": "Not Found"}).encode())


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
print(server.server_address[1], flush=True)
server.serve_forever()
