#!/usr/bin/env python3
"""Lists what the status reader gets wrong on the developed (even) half of Tests/StatusBank,
so the reader can be improved on language written apart from every labelled corpus. The
odd half is held out: read only its figure (StatusBankTests prints both), never its lines.

Usage: scripts/status-bank.py [--bin PATH] [--state STATE] [--limit N]
"""
import argparse, collections, json, os, subprocess, tempfile

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ap = argparse.ArgumentParser()
ap.add_argument("--bin", default=os.path.join(root, ".build/release/smartmeet"))
ap.add_argument("--state", help="only lines labelled with this state")
ap.add_argument("--limit", type=int, default=60)
a = ap.parse_args()
bank_dir = os.path.join(root, "Tests/StatusBank")
lines = []
for f in sorted(x for x in os.listdir(bank_dir) if x.endswith(".jsonl")):
    for i, raw in enumerate(l for l in open(os.path.join(bank_dir, f)) if l.strip()):
        if i % 2 == 0:
            lines.append(json.loads(raw))
with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as t:
    t.write("Title: bank\nDate: 2026-01-05\n\n")
    for i, b in enumerate(lines):
        t.write(f"Speaker {'AB'[i % 2]}: {b['text'].replace(chr(10), ' ')}\n")
p = subprocess.run([a.bin, "extract", t.name], capture_output=True, text=True, env=dict(os.environ, SMARTMEET_TRACE="json"))
os.unlink(t.name)
per_turn = collections.defaultdict(list)
for l in p.stderr.splitlines():
    if l.startswith("{"):
        d = json.loads(l)
        per_turn[d["turn"]] += [r for r in d["readings"] if not r["question"]]
def state(readings):
    if not readings:
        return "none"
    top = max(r["strength"] for r in readings)
    return [r for r in readings if r["strength"] == top][-1]["state"]
right, shown = 0, 0
for i, b in enumerate(lines):
    got = state(per_turn.get(i, []))
    right += got == b["state"]
    if got != b["state"] and (not a.state or b["state"] == a.state) and shown < a.limit:
        shown += 1
        print(f"{b['state']:12} got {got:12} {b['text'][:140]}")
print(f"developed half: {right}/{len(lines)} = {right / max(1, len(lines)):.3f}")
