#!/usr/bin/env bash
# Scores the extractor on sample-meetings/ with Tests/Corpus/sample-meetings.gold.json,
# using the shared scorer (../shared/eval/score.py). The sample series was written apart
# from the dev corpus, so it is a small check that the rules generalise.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bin=${1:-$root/.build/release/smartmeet}
scorer=$root/../shared/eval/score.py
[ -f "$scorer" ] || { echo "no scorer at $scorer; skipping"; exit 0; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/clinic-ops"
cp "$root"/sample-meetings/* "$tmp/clinic-ops/"
cp "$root/Tests/Corpus/sample-meetings.gold.json" "$tmp/clinic-ops/gold.json"
shift || true
python3 "$scorer" --bin "$bin" "$@" "$tmp"
