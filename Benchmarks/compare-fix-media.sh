#!/usr/bin/env bash
# Compare cleaning photos and videos with pdpcheck's MediaMetadataCleaner (through
# `pdpcheck-bench fix-media`, which reads each file, cleans it and writes the copy) with
# `exiftool -all= -o` on the same files, in one run: wall time of each, files per second and
# the ratio. Both are one process over the whole folder, as a user would run them.
#
# Environment:
#   SCRATCH   SwiftPM scratch path for the release build (default .build)
#   COPIES    how many copies of Corpus/media's fixtures to clean (default 20 → ~1,000 files)
#   REPEAT    timed runs of each tool; the best is kept (default 3)
#   MODE      privacy (default) or all
#   JOBS      pdpcheck-bench --jobs (default: all cores); exiftool is one process, as users run it
#   MEDIA     a folder of your own media to clean instead of the fixtures
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

SCRATCH="${SCRATCH:-.build}"
COPIES="${COPIES:-20}"
REPEAT="${REPEAT:-3}"
MODE="${MODE:-privacy}"
JOBS="${JOBS:-$(nproc)}"

command -v exiftool >/dev/null || { echo "exiftool is missing: bash scripts/setup.sh installs it" >&2; exit 1; }

echo "== building pdpcheck-bench (release, scratch path $SCRATCH)"
swift build -c release --scratch-path "$SCRATCH" --product pdpcheck-bench 2>&1 | tail -n 1
BIN="$(swift build -c release --scratch-path "$SCRATCH" --show-bin-path)/pdpcheck-bench"

workdir="$(mktemp -d)"
trap 'rm -rf "$workdir"' EXIT
if [[ -n "${MEDIA:-}" ]]; then
    folder="$MEDIA"
else
    folder="$workdir/media"
    for i in $(seq 1 "$COPIES"); do
        mkdir -p "$folder/$i"
        for d in avif gif heic jpeg png tiff video webp; do cp -r "Corpus/media/$d" "$folder/$i/"; done
    done
fi
files=$(find "$folder" -type f | wc -l)
bytes=$(du -sb "$folder" | cut -f1)
echo "== $files files, $bytes bytes in $folder"

best() {  # best wall time of REPEAT runs of "$@" (output folder emptied before each), in seconds
    local best=""
    for _ in $(seq 1 "$REPEAT"); do
        rm -rf "$workdir/out" && mkdir -p "$workdir/out"
        local t0 t1
        t0=$(date +%s.%N)
        "$@" >/dev/null 2>&1 || true
        t1=$(date +%s.%N)
        best=$(python3 -c "import sys; a=float(sys.argv[1])-float(sys.argv[2]); b=sys.argv[3]; print(a if b=='' or a<float(b) else b)" "$t1" "$t0" "$best")
    done
    echo "$best"
}

echo "== pdpcheck-bench fix-media --mode $MODE (read, clean, write each file)"
mkdir -p "$workdir/check"
"$BIN" fix-media --mode "$MODE" --jobs "$JOBS" --out "$workdir/check" "$folder" 2>/dev/null | tail -n 1 || true
pd1=$(best "$BIN" fix-media --mode "$MODE" --jobs 1 --out "$workdir/out" "$folder")
pd=$(best "$BIN" fix-media --mode "$MODE" --jobs "$JOBS" --out "$workdir/out" "$folder")
written=$(find "$workdir/out" -type f | wc -l)
echo "== exiftool -all= -o (one process, recursive)"
ex=$(best exiftool -q -q -all= -o "$workdir/out/%d%f.%e" -r "$folder")
exwritten=$(find "$workdir/out" -type f | wc -l)

python3 - "$files" "$pd" "$ex" "$written" "$exwritten" "$MODE" "$pd1" "$JOBS" <<'PY'
import sys
files, pd, ex, w, xw, mode, pd1, jobs = (int(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3]), sys.argv[4],
                                         sys.argv[5], sys.argv[6], float(sys.argv[7]), sys.argv[8])
print(f"pdpcheck fix-media ({mode}, 1 job):  {pd1:.3f} s, {files/pd1:,.0f} files/s  → {ex/pd1:.1f}× exiftool")
print(f"pdpcheck fix-media ({mode}, {jobs} jobs): {pd:.3f} s, {files/pd:,.0f} files/s, {w} copies written")
print(f"exiftool -all= -o:                {ex:.3f} s, {files/ex:,.0f} files/s, {xw} copies written")
print(f"ratio: pdpcheck is {ex/pd:.1f}× faster")
PY
