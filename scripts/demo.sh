#!/usr/bin/env bash
# Quick start 1: install what is missing, build pdpcheck (release), scan the demo corpus.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/release-flags.sh
bash scripts/setup.sh
swift build "${RELEASE_FLAGS[@]}" --product pdpcheck 2>&1 | grep -Ev '^\[|^Building|^Compiling|^Write' >&2 || true
bin="$(swift build "${RELEASE_FLAGS[@]}" --show-bin-path)/pdpcheck"
[ -x "$bin" ] || { echo "demo: build failed" >&2; exit 1; }
set +e
# Drafts, phone photos and videos, and an application ZIP with a DOCX holding a GPS photo.
"$bin" scan Corpus/drafts Corpus/media/heic Corpus/media/jpeg Corpus/media/video Corpus/archives/ho-so-ung-tuyen.zip --quiet "$@"
status=$?
set -e
echo >&2
echo "demo: pdpcheck exited with $status (0 clean, 1 findings at or above --fail-on, 2 usage, 3 some input not scanned)." >&2
echo "demo: try: echo 'Liên hệ anh Tuấn 0905.123.456' | $bin scan - --format json" >&2
# Findings are the point of the demo, so exit 1 from the scan is success here.
[ "$status" -le 1 ]
