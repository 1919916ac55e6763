#!/usr/bin/env bash
# `make test`: runs every stage with its output in .build/test-logs/STAGE.log and prints one
# line per stage (ok / FAIL / skip, seconds, what it measured), the end of each failing
# stage's log, and the total time. A stage exiting 77 is skipped; its last line says why.
#
# To add a stage, add one `stage` line below: a name, an extended regex picking the
# line(s) of its output worth showing (the last line matching each |-separated
# alternative; empty: the stage's last line), then the command.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
logs=$root/.build/test-logs
bin=$root/.build/release/smartmeet

stages() {
  stage "build"            'Build complete|error:'                    swift build -c release
  stage "model"            'model:'                                   scripts/install-model.sh
  stage "unit tests"       'Executed [0-9]+ tests|error:'             swift test
  stage "terminal app"     'key latency|FAILED'                       scripts/e2e-tui.sh
  stage "crash safety"     'trials,|too few'                          env TRIALS=20 scripts/crash-test.sh
  stage "concurrency"      'importers:|locked|expected'               scripts/concurrency-test.sh
  stage "fuzzing"          'executions over|crash found'              env SECONDS_PER_TARGET=20 scripts/fuzz.sh
  stage "benchmark"        'throughput|/ floor|ground-truth|bench:'   "$bin" bench --meetings 300 --runs 10 --max-floor-ratio 40 --min-truth 85 --dir .build/bench-ci
  stage "quality"          'quality: transition|below its floor|not found' scripts/check-quality.sh
  stage "real model"       'real model: SmolLM2|skipped:|FAILED:'    scripts/real-model-test.sh
}

mkdir -p "$logs"
passed=0 failed=0 skipped=0
started=$(date +%s)
bold=$(tput bold 2>/dev/null || true) plain=$(tput sgr0 2>/dev/null || true)
[ -t 1 ] || bold='' plain=''

# Warnings the compiler raised in the project's own code (not in dependencies).
own_warnings() { grep -E "^$root/(Sources|Tests|Fuzz)/.*: warning:" "$1" | sort -u; }

stage() {
  local name=$1 pattern=$2; shift 2
  local log=$logs/${name// /-}.log t0=$SECONDS status summary
  printf '  %-14s ' "$name"
  "$@" > "$log" 2>&1 </dev/null
  status=$?
  local alternatives parts=() a line
  IFS='|' read -ra alternatives <<< "$pattern"
  for a in "${alternatives[@]}"; do
    line=$(grep -E -- "$a" "$log" | tail -n 1 | tr -s ' \t' ' ' | sed 's/^ //')
    [ -n "$line" ] && parts+=("$line")
  done
  summary=$(printf '%s · ' "${parts[@]}"); summary=${summary% · }
  [ -n "$summary" ] || summary=$(grep -m 1 -E 'error:|FAIL' "$log" | tr -s ' \t' ' ')
  [ -n "$summary" ] || summary=$(grep -v '^\s*$' "$log" | tail -n 1 | tr -s ' \t' ' ')
  local warnings; warnings=$(own_warnings "$log")
  if [ "$status" = 0 ] && [ -n "$warnings" ]; then
    status=1
    summary="warnings in the project's code (zero allowed)"
  fi
  local secs=$((SECONDS - t0))
  case $status in
    0)  passed=$((passed + 1)); printf 'ok    %4ds  %s\n' "$secs" "${summary:0:260}" ;;
    77) skipped=$((skipped + 1)); printf 'skip  %4ds  %s\n' "$secs" "${summary:0:260}" ;;
    *)  failed=$((failed + 1)); printf '%sFAIL%s  %4ds  %s\n' "$bold" "$plain" "$secs" "${summary:0:260}"
        if [ -n "$warnings" ]; then echo "$warnings" | head -n 20 | sed 's/^/      /'
        else grep -v '^\s*$' "$log" | tail -n 25 | sed 's/^/      /'; fi
        echo "      (whole output: ${log#$root/})"
        [ "$name" = build ] && { finish; exit 1; } ;;
  esac
}

finish() {
  local total=$(( $(date +%s) - started ))
  printf 'total time %d min %02d s; logs in %s\n' $((total / 60)) $((total % 60)) "${logs#$root/}"
  echo "stages: $passed passed, $failed failed, $skipped skipped"
}

echo "make test: $(date '+%Y-%m-%d %H:%M'), one line per stage (logs in ${logs#$root/}/)"
stages
finish
[ "$failed" = 0 ]
