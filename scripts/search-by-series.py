#!/usr/bin/env python3
"""Search figures per AMI series, beside BM25, from one store: a ranking change should
raise every series, not one (the whole-corpus figure is `../shared/eval/search_score.py`).
Uses that scorer's BM25, metrics and turn loading, so the figures agree with it.

Usage: scripts/search-by-series.py [--bin PATH] [--db PATH] [CORPUS_DIR]
The store is built once in --db (kept for the next run) from every transcript in CORPUS_DIR.
"""
import argparse, collections, importlib.util, json, os, subprocess, sys

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ap = argparse.ArgumentParser()
ap.add_argument("--bin", default=os.path.join(root, ".build/release/smartmeet"))
ap.add_argument("--db", default="/tmp/smartmeet-search-by-series.db")
ap.add_argument("corpus", nargs="?", default=os.path.join(root, "../shared/corpus/ami"))
a = ap.parse_args()

spec = importlib.util.spec_from_file_location("search_score", os.path.join(a.corpus, "../../eval/search_score.py"))
scorer = importlib.util.module_from_spec(spec)
spec.loader.exec_module(scorer)

queries = json.load(open(os.path.join(a.corpus, "search.json")))["queries"]
files = {}
for folder, _, names in os.walk(a.corpus):
    for n in names:
        if n not in ("search.json", "gold.json") and not n.startswith(".") and not n.endswith(".md"):
            files[n] = os.path.join(folder, n)
if not os.path.exists(a.db):
    subprocess.run([a.bin, "--db", a.db, "ingest", "-q"] + sorted(files.values()), check=True, capture_output=True)

# per series: queries, p@10, BM25 p@10, MRR, BM25 MRR
sums = collections.defaultdict(lambda: [0, 0.0, 0.0, 0.0, 0.0])
for q in queries:
    relevant = set(q["relevant_turns"])
    bm25 = scorer.metrics(scorer.bm25_rank(scorer.load_turns(files[q["source"]]), q["question"]), relevant, 10)
    out = subprocess.run([a.bin, "--db", a.db, "search", "--json", "--limit", "10", "--source", q["source"], q["question"]],
                         capture_output=True, text=True)
    ours = scorer.metrics([h["turn"] for h in json.loads(out.stdout)["hits"]], relevant, 10)
    s = sums[os.path.basename(os.path.dirname(files[q["source"]]))]
    s[0] += 1; s[1] += ours[1]; s[2] += bm25[1]; s[3] += ours[2]; s[4] += bm25[2]
total = [sum(v[i] for v in sums.values()) for i in range(5)]
print(f"{'series':8} {'queries':>7} {'p@10':>6} {'bm25':>6} {'ratio':>6} {'mrr':>6} {'bm25':>6}")
for name, v in sorted(sums.items()) + [("all", total)]:
    n = v[0]
    print(f"{name:8} {n:7} {v[1]/n:6.3f} {v[2]/n:6.3f} {v[1]/max(v[2], 1e-9):6.2f} {v[3]/n:6.3f} {v[4]/n:6.3f}")
