#!/usr/bin/env python3
"""A small OpenAI-compatible chat-completions server for smartmeet's tests, on 127.0.0.1.

It answers POST /v1/chat/completions with scripted content (looked up by the meeting date
in the prompt) and injects faults on every FAULT_EVERY-th call, cycling through: 400, 429
with Retry-After, 500, a response slower than the client's timeout, malformed JSON, a
truncated body, and valid JSON of the wrong shape. GET /stats reports what it saw;
POST /control {"healthy": bool} switches every call to fail (500) or succeed.
Prints the port it listens on as its first line. Stops by itself after MAX_SECONDS.
"""
import json, re, sys, threading, time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

script = json.load(open(sys.argv[1]))
responses = script.get("responses", {})
faults = script.get("faults", [])
fault_every = script.get("fault_every", 0)
expected_key = script.get("expected_key", "")
slow_seconds = script.get("slow_seconds", 3)
lock = threading.Lock()
state = {"calls": 0, "faults": {}, "auth_ok": 0, "auth_missing": 0, "healthy": script.get("healthy", True), "models": {}}


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass  # never log requests: they carry the API key

    def send(self, status, body, headers=None, declared=None):
        data = body.encode() if isinstance(body, str) else body
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(declared if declared is not None else len(data)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(data)
        self.wfile.flush()

    def do_GET(self):
        with lock:
            self.send(200, json.dumps(state))

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        if self.path == "/control":
            with lock:
                state["healthy"] = json.loads(body).get("healthy", True)
            return self.send(200, "{}")
        request = json.loads(body)
        if self.path.endswith("/embeddings"):
            # Deterministic vectors from word hashes, so similar texts land close.
            dim = script.get("embed_dim", 16)
            data = []
            for i, text in enumerate(request["input"]):
                v = [0.0] * dim
                for w in re.findall(r"[a-z]+", text.lower()):
                    v[sum(map(ord, w)) % dim] += 1.0
                data.append({"index": i, "embedding": v})
            return self.send(200, json.dumps({"data": data, "model": request.get("model")}))
        with lock:
            state["calls"] += 1
            n = state["calls"]
            model = request.get("model", "")
            state["models"][model] = state["models"].get(model, 0) + 1
            if self.headers.get("Authorization") == "Bearer " + expected_key and expected_key:
                state["auth_ok"] += 1
            else:
                state["auth_missing"] += 1
            healthy = state["healthy"]
            fault = None
            if fault_every and faults and n % fault_every == 0:
                fault = faults[(n // fault_every - 1) % len(faults)]
                state["faults"][fault] = state["faults"].get(fault, 0) + 1
        if not healthy:
            return self.send(500, '{"error": "down"}')
        if fault == "400":
            return self.send(400, '{"error": {"message": "bad request"}}')
        if fault == "429":
            return self.send(429, '{"error": "slow down"}', {"Retry-After": "1"})
        if fault == "500":
            return self.send(500, '{"error": "boom"}')
        if fault == "slow":
            time.sleep(slow_seconds)
        if fault == "malformed":
            return self.send(200, '{"choices": [{"message": {"content": ')
        if fault == "truncated":
            return self.send(200, '{"choices": [{"message"', declared=400)
        user = request["messages"][-1]["content"]
        date = re.search(r"Date: (\d{4}-\d{2}-\d{2})", user)
        content = responses.get(date.group(1) if date else "", '{"entities": [], "states": []}')
        if fault == "wrong_shape":
            content = '{"items": [1, 2, 3]}'
        if user.startswith("Question:"):
            content = json.dumps({"answer": "Composed by the model: " + user.splitlines()[0][10:]})
        self.send(200, json.dumps({"choices": [{"message": {"role": "assistant", "content": content}}]}))


server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
print(server.server_address[1], flush=True)
threading.Timer(script.get("max_seconds", 120), server.shutdown).start()
server.serve_forever()
