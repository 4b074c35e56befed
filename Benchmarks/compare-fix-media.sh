#!/usr/bin/env bash
# Compare cleaning photos and videos with pdpcheck against `exiftool -all= -o` on the same
# files, in one run. Three pdpcheck figures, each against the same exiftool time:
#   - `pdpcheck fix --strip all`: the whole command a user runs (walk, judge, clean, prove the
#     image data unchanged, write atomically, re-scan every copy, write the JSON fix report);
#   - `pdpcheck fix --strip privacy` (the default): the same, removing what the policy flags;
#   - the cleaner alone (`pdpcheck-bench fix-media`: read, clean, write each file).
# Everything is one process over the whole folder, as users run them.
#
# Environment:
#   SCRATCH   SwiftPM scratch path for the release build (default .build)
#   COPIES    how many copies of Corpus/media's fixtures to clean (default 20 → ~1,000 files)
#   REPEAT    timed runs of each tool; the best is kept (default 3)
#   MODE      the cleaner-alone mode: privacy (default) or all
#   JOBS      pdpcheck --jobs (default: all cores); exiftool is one process, as users run it
#   MEDIA     a folder of your own media to clean instead of the fixtures
#   WORKROOT  where the copies and outputs go (default /tmp; /dev/shm takes the disk out of
#             the comparison and leaves each tool's own work)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/release-flags.sh

SCRATCH="${SCRATCH:-.build}"
COPIES="${COPIES:-20}"
REPEAT="${REPEAT:-3}"
MODE="${MODE:-privacy}"
JOBS="${JOBS:-$(nproc)}"

command -v exiftool >/dev/null || { echo "exiftool is missing: bash scripts/setup.sh installs it" >&2; exit 1; }

echo "== building pdpcheck and pdpcheck-bench (release, scratch path $SCRATCH)"
swift build "${RELEASE_FLAGS[@]}" --scratch-path "$SCRATCH" --product pdpcheck-bench 2>&1 | tail -n 1
swift build "${RELEASE_FLAGS[@]}" --scratch-path "$SCRATCH" --product pdpcheck 2>&1 | tail -n 1
BINDIR="$(swift build "${RELEASE_FLAGS[@]}" --scratch-path "$SCRATCH" --show-bin-path)"
BIN="$BINDIR/pdpcheck-bench"
PDP="$BINDIR/pdpcheck"

workdir="$(mktemp -d -p "${WORKROOT:-/tmp}")"
trap 'rm -rf "$workdir"' EXIT
source Benchmarks/media-folder.sh
make_media_folder

best() {  # "wall cpu" of the fastest of REPEAT runs of "$@", in seconds; cpu is user+system
          # time of the process and its children. Every run writes into its own new folder (the
          # argument @OUT@ stands for it) and nothing is deleted until the script ends: on ext4
          # without a journal, as here, each file created within minutes of a mass delete makes
          # the kernel skip every recently deleted inode (`recently_deleted`), ~1 ms per create,
          # and whichever tool ran later would pay for the earlier runs' deletes.
    python3 - "$workdir/runs" "$REPEAT" "$@" <<'PY'
import os, resource, subprocess, sys, time
runs, repeat, cmd = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
best = None
for _ in range(repeat):
    out = os.path.join(runs, str(time.time_ns()))
    os.makedirs(out)
    args = [a.replace("@OUT@", out) for a in cmd]
    r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - t0
    r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime)
    if best is None or wall < best[0]:
        best = (wall, cpu)
    last = out
with open(os.path.join(runs, "last"), "w") as f:
    f.write(last)
print(f"{best[0]:.4f} {best[1]:.4f}")
PY
}

echo "== pdpcheck fix --strip all / privacy (the whole command, JSON report)"
"$PDP" fix --strip all --jobs "$JOBS" --format json --out "$workdir/check-all" "$folder" >"$workdir/fix-all.json" 2>/dev/null || true
python3 - "$workdir/fix-all.json" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))["summary"]
print("   " + ", ".join(f"{k} {v}" for k, v in s.items() if isinstance(v, (int, float))))
PY
fa=$(best "$PDP" fix --strip all --jobs "$JOBS" --format json --report @OUT@/r.json --out @OUT@/copies "$folder")
fp=$(best "$PDP" fix --strip privacy --jobs "$JOBS" --format json --report @OUT@/r.json --out @OUT@/copies "$folder")

echo "== pdpcheck-bench fix-media --mode $MODE (the cleaner alone: read, clean, write each file)"
mkdir -p "$workdir/check"
"$BIN" fix-media --mode "$MODE" --jobs "$JOBS" --out "$workdir/check" "$folder" 2>/dev/null | tail -n 1 || true
pd1=$(best "$BIN" fix-media --mode "$MODE" --jobs 1 --out @OUT@ "$folder")
pd=$(best "$BIN" fix-media --mode "$MODE" --jobs "$JOBS" --out @OUT@ "$folder")
written=$(find "$(cat "$workdir/runs/last")" -type f | wc -l)
echo "== exiftool -all= -o (one process, recursive)"
ex=$(best exiftool -q -q -all= -o @OUT@/%d%f.%e -r "$folder")
exwritten=$(find "$(cat "$workdir/runs/last")" -type f | wc -l)

python3 - "$files" "$JOBS" "$MODE" "$written" "$exwritten" "$ex" "$fa" "$fp" "$pd1" "$pd" <<'PY'
import sys
files, jobs, mode, w, xw = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5]
ex, fa, fp, pd1, pd = ([float(x) for x in a.split()] for a in sys.argv[6:11])
def row(label, t, extra=""):
    print(f"{label:<42} {t[0]:7.3f} s wall, {t[1]:7.3f} s CPU, {files/t[0]:7,.0f} files/s{extra}")
def ratio(t):
    return f"  → {ex[0]/t[0]:.1f}× exiftool (wall), {ex[1]/t[1]:.1f}× (CPU)"
row("exiftool -all= -o (1 process)", ex, f", {xw} copies")
row(f"pdpcheck fix --strip all ({jobs} jobs)", fa, ratio(fa))
row(f"pdpcheck fix --strip privacy ({jobs} jobs)", fp, ratio(fp))
row(f"cleaner alone ({mode}, 1 job)", pd1, ratio(pd1))
row(f"cleaner alone ({mode}, {jobs} jobs)", pd, ratio(pd) + f", {w} copies")
PY
