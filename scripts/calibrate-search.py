#!/usr/bin/env python3
"""Calibrates search's relevance floor: for the AMI judgements' questions (on topic, asked
of their own meeting as search_score.py asks them) and for off-topic questions written for
this (asked of every meeting and of the whole store), prints the evidence the floor sees —
the best cosine and the best word coverage — and how many of each a floor lets through.
Usage: calibrate-search.py --bin .build/release/smartmeet --db AMI.db CORPUS_DIR
(the database must hold the corpus, its vectors indexed)."""
import argparse, json, os, subprocess

OFF_TOPIC = [
    "purple monkey dishwasher flibbertigibbet",
    "what is the capital of Australia",
    "recipe for sourdough bread with a long cold proof",
    "who won the football world cup in 1998",
    "what did we decide about the office lease renewal",
    "status of the payroll system migration",
    "how is the hiring of the new nurse going",
    "what did legal say about the GDPR audit",
    "when is the server room air conditioning being replaced",
    "glorp zindle wabbajack quux",
    "the quarterly tax filing deadline",
    "what did we say about the kubernetes cluster upgrade",
    "holiday rota for the support desk",
    "did anyone book the venue for the christmas party",
    "how many patients were seen in the evening clinic",
    "the mortgage interest rate on the new warehouse",
    "what is the weather forecast for tomorrow",
    "translate this sentence into French",
    "the dog needs to go to the vet on Tuesday",
    "progress on the database sharding project",
]


def run(bin_, db, q, source=None):
    cmd = [bin_, "--db", db, "search", "--all", "--json", "--limit", "10"] + (["--source", source] if source else []) + [q]
    out = json.loads(subprocess.run(cmd, capture_output=True, text=True, check=True).stdout)
    return out["bestCosine"], out["bestCoverage"], out["about"]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("--db", required=True)
    ap.add_argument("corpus")
    a = ap.parse_args()
    spec = json.load(open(os.path.join(a.corpus, "search.json")))
    on = [run(a.bin, a.db, q["question"], q["source"]) for q in spec["queries"]]
    sources = sorted({q["source"] for q in spec["queries"]})
    off_source = [run(a.bin, a.db, q, s) for q in OFF_TOPIC for s in sources[::4]]
    off_store = [run(a.bin, a.db, q) for q in OFF_TOPIC]
    def pct(xs, k):
        xs = sorted(xs)
        return round(xs[min(len(xs) - 1, int(k * (len(xs) - 1)))], 3)
    for name, xs in [("on-topic (own meeting)", on), ("off-topic (one meeting)", off_source), ("off-topic (whole store)", off_store)]:
        cos = [x[0] for x in xs]
        cov = [x[1] for x in xs]
        print(f"{name:26} n={len(xs):4}  cosine min {pct(cos,0)} p10 {pct(cos,.1)} p50 {pct(cos,.5)} p90 {pct(cos,.9)} max {pct(cos,1)}"
              f"   coverage p10 {pct(cov,.1)} p50 {pct(cov,.5)} p90 {pct(cov,.9)} max {pct(cov,1)}"
              f"   judged about by the built-in floor: {sum(x[2] for x in xs)}")
    print("floor (cosine, cosine with words, coverage): on-topic kept / off-topic kept (one meeting, whole store)")
    for c in [0.40, 0.45, 0.50]:
        for cw in [0.25, 0.30, 0.35]:
            for cv in [0.5, 0.6, 0.75]:
                ok = lambda x: x[0] >= c or (x[1] >= cv and x[0] >= cw)
                print(f"  {c:.2f} {cw:.2f} {cv:.2f}: {sum(map(ok, on))}/{len(on)}  "
                      f"{sum(map(ok, off_source))}/{len(off_source)}  {sum(map(ok, off_store))}/{len(off_store)}")


if __name__ == "__main__":
    main()
