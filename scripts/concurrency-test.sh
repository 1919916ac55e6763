#!/usr/bin/env bash
# Two processes import the same 200 meetings into one database while a third keeps
# reading: nobody sees "database is locked" and every meeting is stored exactly once.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bin=$root/.build/release/smartmeet
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$bin" generate --meetings 200 --entities 80 "$work/corpus" >/dev/null
db=$work/shared.db
"$bin" --db "$db" ingest -q "$work/corpus" > "$work/a.log" 2>&1 & a=$!
"$bin" --db "$db" ingest -q "$work/corpus" > "$work/b.log" 2>&1 & b=$!
reads=0
while kill -0 "$a" 2>/dev/null || kill -0 "$b" 2>/dev/null; do
  "$bin" --db "$db" ask "what is blocked?" >> "$work/reader.log" 2>&1 || { echo "concurrency-test: reader failed"; cat "$work/reader.log" | tail -3; exit 1; }
  "$bin" --db "$db" entities >/dev/null 2>> "$work/reader.log" || { echo "concurrency-test: reader failed"; exit 1; }
  reads=$((reads + 1))
done
wait "$a" || { echo "concurrency-test: importer A failed"; cat "$work/a.log"; exit 1; }
wait "$b" || { echo "concurrency-test: importer B failed"; cat "$work/b.log"; exit 1; }
if grep -qi "database is locked\|sqlite_busy\|database is busy" "$work/a.log" "$work/b.log" "$work/reader.log"; then
  echo "concurrency-test: a process reported a locked database"; grep -i "database is locked\|sqlite_busy\|database is busy" "$work/a.log" "$work/b.log" "$work/reader.log" | head -5; exit 1
fi
count=$(python3 -c "import sqlite3,sys; db=sqlite3.connect(sys.argv[1]); print(db.execute('SELECT COUNT(*), COUNT(DISTINCT content_hash) FROM meetings').fetchone())" "$db")
[ "$count" = "(200, 200)" ] || { echo "concurrency-test: expected 200 distinct meetings, got $count"; exit 1; }
echo "concurrency-test: importers: $(tail -1 "$work/a.log") | $(tail -1 "$work/b.log"); $reads reader rounds"
echo "concurrency-test: 1 passed, 0 failed"
