#!/usr/bin/env bash
# Quick start 2: install what is missing, build, and run every test (Swift Testing).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
python3 Corpus/tools/build_corpus.py --check
swift build --build-tests 2>&1 | tee /tmp/pdpcheck-build.log | grep -E 'warning:|error:' | sort -u >&2 || true
if grep -qE 'warning:|error:' /tmp/pdpcheck-build.log; then
  echo "test: the build printed warnings or errors (the project builds warning-free)" >&2
  exit 1
fi
swift test --skip-build "$@"
