#!/usr/bin/env bash
# Longer coverage-guided fuzzing of the reader and the extractor (atheris / libFuzzer).
# Usage: scripts/fuzz.sh [SECONDS_PER_TARGET]   (default 300; env PYTHON overrides the interpreter)
# Seeds come from the robustness tests' own strings; the corpus grows in fuzz/corpus/<target>/
# between runs; a crash leaves fuzz/crashes/crash-<hash>: turn it into a regression test in
# tests/robustness/test_robust_regressions.py, then delete it.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-.venv/bin/python}"
# libFuzzer re-runs the target by its own path for -minimize_crash and -fork: use the venv
export PATH="$(cd "$(dirname "$PYTHON")" && pwd):$PATH"
SECONDS_PER_TARGET="${1:-300}"
"$PYTHON" -c "import atheris" 2>/dev/null || "$PYTHON" -m pip install --quiet atheris
mkdir -p fuzz/crashes
"$PYTHON" fuzz/seeds.py fuzz/corpus >/dev/null
status=0
for target in extract reader; do
  echo "== fuzz_${target}: ${SECONDS_PER_TARGET} s"
  if ! "$PYTHON" "fuzz/fuzz_${target}.py" -max_total_time="$SECONDS_PER_TARGET" \
      -artifact_prefix=fuzz/crashes/ -dict="fuzz/${target}.dict" -max_len=8192 -rss_limit_mb=4096 -print_final_stats=1 \
      "fuzz/corpus/${target}" 2> "fuzz/crashes/${target}.log"; then
    status=1
    echo "fuzz_${target}: crash found, see fuzz/crashes/ and fuzz/crashes/${target}.log"
  fi
  grep -E "^(Done|stat::number_of_executed_units)" "fuzz/crashes/${target}.log" || true
done
exit "$status"
