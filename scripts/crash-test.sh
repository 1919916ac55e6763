#!/usr/bin/env bash
# Kills an import of 200 meetings with SIGKILL at random moments, TRIALS times. After each
# kill: the database passes PRAGMA integrity_check, every stored meeting is complete, and
# resuming the import yields exactly the export of an uninterrupted run.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bin=$root/.build/release/smartmeet
trials=${TRIALS:-20}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$bin" generate --meetings 200 --entities 80 "$work/corpus" >/dev/null
"$bin" --db "$work/reference.db" ingest -q "$work/corpus" >/dev/null
python3 "$root/scripts/normalized-export.py" "$bin" "$work/reference.db" > "$work/reference.json"

check_db() { # db: integrity and completeness of every stored meeting
  python3 - "$1" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
ok = db.execute("PRAGMA integrity_check").fetchone()[0]
if ok != "ok":
    sys.exit(f"integrity_check: {ok}")
bad = db.execute("""
    SELECT m.source FROM meetings m
    WHERE m.turn_count != (SELECT COUNT(*) FROM turns t WHERE t.meeting_id = m.id)
       OR NOT EXISTS (SELECT 1 FROM extractions e WHERE e.meeting_id = m.id)
       OR (SELECT COUNT(*) FROM turns_fts f JOIN turns t ON t.id = f.rowid WHERE t.meeting_id = m.id) != m.turn_count
""").fetchall()
if bad:
    sys.exit(f"incomplete meetings: {bad[:5]}")
orphans = db.execute("SELECT COUNT(*) FROM states s LEFT JOIN meetings m ON m.id = s.meeting_id WHERE m.id IS NULL").fetchone()[0]
if orphans:
    sys.exit(f"{orphans} states without a meeting")
print(db.execute("SELECT COUNT(*) FROM meetings").fetchone()[0])
PY
}

killed=0
midway=0
for trial in $(seq 1 "$trials"); do
  db=$work/trial-$trial.db
  "$bin" --db "$db" ingest -q "$work/corpus" >/dev/null 2>&1 &
  pid=$!
  sleep "$(python3 -c "import random; print(round(random.uniform(0.02, 0.6), 3))")"
  if kill -9 "$pid" 2>/dev/null; then killed=$((killed + 1)); fi
  wait "$pid" 2>/dev/null || true
  stored=$(check_db "$db") || { echo "crash-test: trial $trial: database damaged after kill"; exit 1; }
  [ "$stored" -lt 200 ] && midway=$((midway + 1))
  "$bin" --db "$db" ingest -q "$work/corpus" >/dev/null
  check_db "$db" >/dev/null || { echo "crash-test: trial $trial: damaged after resuming"; exit 1; }
  python3 "$root/scripts/normalized-export.py" "$bin" "$db" > "$work/trial.json"
  if ! cmp -s "$work/reference.json" "$work/trial.json"; then
    echo "crash-test: trial $trial: export after resuming differs from an uninterrupted import"
    exit 1
  fi
  echo "crash-test: trial $trial: killed with $stored of 200 meetings stored; resumed export identical"
  rm -f "$db" "$db-wal" "$db-shm"
done
echo "crash-test: $trials trials, $midway killed with the import part-way done"
[ "$midway" -ge $(( trials / 2 )) ] || { echo "crash-test: too few kills landed mid-import ($midway)"; exit 1; }
echo "crash-test: $trials passed, 0 failed"
