#!/usr/bin/env bash
# Builds the libFuzzer target (all transcript parsers, the extractor and the question
# parser, with AddressSanitizer) and runs each target for SECONDS seconds from the
# committed seed corpus in Tests/Fuzz/. A crash leaves its input in .build/fuzz/crashes/.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
seconds=${SECONDS_PER_TARGET:-15}
out=$root/.build/fuzz
mkdir -p "$out/crashes"
core=$root/Sources/SmartMeetCore
sources=( "$core"/Transcript/*.swift "$core"/Util/*.swift $(find "$core/Extraction" -name '*.swift')
          "$core/Resolution/NameMatcher.swift" "$core/Query/Question.swift" "$core/Query/EntityLinker.swift"
          "$core/Query/QuestionDates.swift" "$core/Query/SubjectPhrase.swift" "$core/Query/NameSimilarity.swift" "$core/Query/NameMeaningMatcher.swift"
          "$core/Store/Summaries.swift" "$root/Fuzz/FuzzTargets.swift" )
if [ ! -x "$out/fuzz-smartmeet" ] || [ -n "$(find "${sources[@]}" -newer "$out/fuzz-smartmeet" 2>/dev/null | head -1)" ]; then
  swiftc -O -sanitize=fuzzer,address -parse-as-library -module-name SmartMeetFuzz "${sources[@]}" -o "$out/fuzz-smartmeet"
fi
total=0
for t in txt md vtt srt json question; do
  mkdir -p "$out/corpus-$t"
  log=$out/$t.log
  if ! ASAN_OPTIONS=detect_leaks=0 FUZZ_TARGET=$t "$out/fuzz-smartmeet" -max_total_time="$seconds" -max_len=4096 -timeout=10 -detect_leaks=0 \
        -artifact_prefix="$out/crashes/$t-" "$out/corpus-$t" "$root/Tests/Fuzz/$t" > "$log" 2>&1; then
    echo "fuzz: $t: crash found; input saved under .build/fuzz/crashes/"; tail -30 "$log"; exit 1
  fi
  runs=$(grep -oE "Done [0-9]+ runs" "$log" | grep -oE "[0-9]+" | tail -1)
  total=$((total + ${runs:-0}))
  echo "fuzz: $t: ${runs:-0} executions in ${seconds}s, no crash"
done
echo "fuzz: $total executions over 6 targets"
echo "fuzz: 6 passed, 0 failed"
