#!/usr/bin/env bash
# Compare pdpcheck with `exiftool -fast` on the same folder of photos and videos, in one run:
# files per second for each and the ratio. See Benchmarks/README.md.
#
# Environment:
#   SCRATCH   SwiftPM scratch path for the release build (default .build)
#   COPIES    how many copies of Corpus/media's fixtures to scan (default 40 → ~2,000 files)
#   REPEAT    timed runs of each tool; the best is kept (default 3)
#   JOBS      pdpcheck --jobs (default: all cores); exiftool is one process, as users run it
#   MEDIA     a folder of your own media to scan instead of the fixtures
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/release-flags.sh

SCRATCH="${SCRATCH:-.build}"
COPIES="${COPIES:-40}"
REPEAT="${REPEAT:-3}"
JOBS="${JOBS:-$(nproc)}"

command -v exiftool >/dev/null || { echo "exiftool is missing: bash scripts/setup.sh installs it" >&2; exit 1; }

echo "== building pdpcheck (release, scratch path $SCRATCH)"
swift build "${RELEASE_FLAGS[@]}" --scratch-path "$SCRATCH" --product pdpcheck 2>&1 | tail -n 1
BIN="$(swift build "${RELEASE_FLAGS[@]}" --scratch-path "$SCRATCH" --show-bin-path)/pdpcheck"

workdir="$(mktemp -d)"
trap 'rm -rf "$workdir"' EXIT
source Benchmarks/media-folder.sh
make_media_folder

best() {  # best wall time of REPEAT runs of "$@", in seconds
    local best=""
    for _ in $(seq 1 "$REPEAT"); do
        local t0 t1
        t0=$(date +%s.%N)
        "$@" >/dev/null 2>&1 || true
        t1=$(date +%s.%N)
        best=$(python3 -c "import sys; a=float(sys.argv[1])-float(sys.argv[2]); b=sys.argv[3]; print(a if b=='' or a<float(b) else b)" "$t1" "$t0" "$best")
    done
    echo "$best"
}

echo "== pdpcheck scan --format json --jobs $JOBS"
pd=$(best "$BIN" scan "$folder" --format json --jobs "$JOBS" --quiet)
echo "== exiftool -fast -j -G1 -n -a -ee -r"
ex=$(best exiftool -fast -j -G1 -n -a -ee -r "$folder")
echo "== exiftool -fast -j -r (its quickest useful form)"
ex2=$(best exiftool -fast -j -r "$folder")

python3 - "$files" "$pd" "$ex" "$ex2" "$JOBS" <<'PY'
import sys
files, pd, ex, ex2, jobs = int(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4]), sys.argv[5]
print(f"pdpcheck ({jobs} jobs):            {pd:.3f} s, {files/pd:,.0f} files/s")
print(f"exiftool -fast -G1 -n -a -ee:  {ex:.3f} s, {files/ex:,.0f} files/s  → pdpcheck is {ex/pd:.1f}× faster")
print(f"exiftool -fast (plain):        {ex2:.3f} s, {files/ex2:,.0f} files/s  → pdpcheck is {ex2/pd:.1f}× faster")
PY
