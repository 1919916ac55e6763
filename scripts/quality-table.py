#!/usr/bin/env python3
"""Prints the shared scorer's figures per series and per corpus, so a change to the
extractor can be judged series by series (a gain on the series you read while making
it and a loss elsewhere is memorising).

Usage: scripts/quality-table.py [--bin PATH] [--order date|shuffled] CORPUS_OR_SERIES...
"""
import argparse, json, os, subprocess, sys
from concurrent.futures import ThreadPoolExecutor

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ap = argparse.ArgumentParser()
ap.add_argument("--bin", default=os.path.join(root, ".build/release/smartmeet"))
ap.add_argument("--order", default="date")
ap.add_argument("--scorer", default=os.path.join(root, "../shared/eval/score.py"))
ap.add_argument("paths", nargs="+")
a = ap.parse_args()

def series_of(p):
    if os.path.isfile(os.path.join(p, "gold.json")):
        return [p]
    return [os.path.join(p, n) for n in sorted(os.listdir(p)) if os.path.isfile(os.path.join(p, n, "gold.json"))]

def score(path):
    out = subprocess.run([sys.executable, a.scorer, "--bin", a.bin, "--order", a.order, "--json", path],
                         capture_output=True, text=True)
    return json.loads(out.stdout)

cols = ["state_f1", "state_accuracy", "transition_precision", "transition_recall", "transition_f1",
        "resolution", "owner_accuracy", "due_accuracy", "query_accuracy"]
short = ["stateF1", "stAcc", "trP", "trR", "trF1", "resol", "owner", "due", "query"]
print(f"{'series':40}" + "".join(f"{c:>8}" for c in short))
for corpus in a.paths:
    series = series_of(corpus)
    with ThreadPoolExecutor(2) as pool:
        results = list(pool.map(score, series))
    if len(series) > 1:
        for s, r in zip(series, results):
            print(f"  {os.path.basename(s):38}" + "".join(f"{r[c]:8.2f}" for c in cols))
    total = score(corpus) if len(series) > 1 else results[0]
    print(f"{os.path.basename(corpus.rstrip('/')) + ' (all)':40}" + "".join(f"{total[c]:8.2f}" for c in cols))
