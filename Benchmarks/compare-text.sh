#!/usr/bin/env bash
# Compare pdpcheck's text engine with python-phonenumbers' PhoneNumberMatcher on the same
# generated Vietnamese post text. See Benchmarks/README.md.
#
# Environment:
#   SCRATCH       SwiftPM scratch path for the release build (default .build)
#   MEGABYTES     size of the generated text (default 20)
#   PY_MEGABYTES  prefix of that text given to phonenumbers, which is slow (default 2)
#   SEED          generator seed (default 42)
#   REPEAT        timed runs of pdpcheck-bench (default 5); PY_REPEAT for python (default 3)
#   PYTHON        python interpreter (default python3)
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/release-flags.sh

SCRATCH="${SCRATCH:-.build}"
MEGABYTES="${MEGABYTES:-20}"
PY_MEGABYTES="${PY_MEGABYTES:-2}"
SEED="${SEED:-42}"
REPEAT="${REPEAT:-5}"
PY_REPEAT="${PY_REPEAT:-3}"
PYTHON="${PYTHON:-python3}"

echo "== building pdpcheck-bench (release, scratch path $SCRATCH)"
swift build "${RELEASE_FLAGS[@]}" --scratch-path "$SCRATCH" --product pdpcheck-bench 2>&1 | tail -n 3
BIN="$(swift build "${RELEASE_FLAGS[@]}" --scratch-path "$SCRATCH" --show-bin-path)/pdpcheck-bench"

if ! "$PYTHON" -c 'import phonenumbers' 2>/dev/null; then
    echo "== installing python phonenumbers"
    "$PYTHON" -m pip install --quiet phonenumbers
fi

workdir="$(mktemp -d)"
trap 'rm -rf "$workdir"' EXIT
text="$workdir/text.txt"
prefix="$workdir/prefix.txt"

echo "== generating text"
"$BIN" --write-text "$text" --megabytes "$MEGABYTES" --seed "$SEED"

# The prefix for phonenumbers, cut at a line break so it is valid UTF-8 and whole posts.
"$PYTHON" - "$text" "$prefix" "$PY_MEGABYTES" <<'EOF'
import sys
data = open(sys.argv[1], "rb").read()
limit = int(float(sys.argv[3]) * 1_000_000)
if len(data) > limit:
    cut = data.rfind(b"\n", 0, limit)
    data = data[: cut + 1] if cut >= 0 else data[:limit]
open(sys.argv[2], "wb").write(data)
EOF

echo "== pdpcheck on the whole text, then on the phonenumbers prefix"
pd_full="$("$BIN" --input "$text" --repeat "$REPEAT" --json)"
pd_prefix="$("$BIN" --input "$prefix" --repeat "$REPEAT" --json)"
echo "== recall of pdpcheck on the generated text (ground truth kept by the generator)"
"$BIN" --megabytes "$MEGABYTES" --seed "$SEED" --repeat 1 | grep -E '^(inserted|recall|  missed)'
echo "== phonenumbers (PhoneNumberMatcher, region VN, leniency VALID) on the prefix"
py_prefix="$("$PYTHON" Benchmarks/phonenumbers_bench.py "$prefix" --repeat "$PY_REPEAT")"

"$PYTHON" - "$pd_full" "$pd_prefix" "$py_prefix" <<'EOF'
import json, sys
full, pre, py = (json.loads(a) for a in sys.argv[1:4])
rows = [
    ("pdpcheck (whole text)", full),
    ("pdpcheck (prefix)", pre),
    ("phonenumbers (prefix)", py),
]
print()
print(f"{'engine':<24}{'MB':>8}{'seconds':>11}{'MB/s':>11}{'matches':>10}")
for name, r in rows:
    print(f"{name:<24}{r['bytes'] / 1e6:>8.1f}{r['bestSeconds']:>11.4f}{r['mbPerSecond']:>11.1f}{r['matches']:>10}")
print()
print("seconds: best run. pdpcheck matches count every category "
      f"({', '.join(f'{k}={v}' for k, v in sorted(pre['byCategory'].items()))} on the prefix); "
      "phonenumbers finds phone numbers only.")
print(f"phonenumbers ran on the first {py['bytes'] / 1e6:.1f} MB of the text because it is slow; "
      "throughput is per MB, so the ratio stays fair.")
ratio = full["mbPerSecond"] / py["mbPerSecond"] if py["mbPerSecond"] else float("inf")
print(f"ratio: {ratio:.1f}x  (pdpcheck MB/s on the whole text / phonenumbers MB/s, single core each)")
EOF
exit 0
