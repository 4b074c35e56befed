#!/usr/bin/env python3
"""Throughput of python-phonenumbers' PhoneNumberMatcher (region VN) over a text file.

The file is read and decoded once; only the matcher loop is timed. Prints one JSON line with
the same fields as `pdpcheck-bench --json`: bytes, bestSeconds, medianSeconds, mbPerSecond, matches.

usage: phonenumbers_bench.py FILE [--megabytes N] [--repeat R]
  --megabytes N  use only the first N MB (10^6 bytes) of FILE, cut at the last line break
  --repeat R     timed runs, best and median reported (default 3)
"""
import argparse
import json
import statistics
import sys
import time

import phonenumbers
from phonenumbers import Leniency, PhoneNumberMatcher


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("file")
    parser.add_argument("--megabytes", type=float, default=None)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    with open(args.file, "rb") as f:
        data = f.read()
    if args.megabytes is not None and len(data) > args.megabytes * 1_000_000:
        cut = data.rfind(b"\n", 0, int(args.megabytes * 1_000_000))
        data = data[: cut + 1] if cut >= 0 else data[: int(args.megabytes * 1_000_000)]
    text = data.decode("utf-8", errors="replace")

    times = []
    matches = 0
    for _ in range(max(1, args.repeat)):
        t0 = time.perf_counter()
        # Default leniency (VALID). max_tries defaults to 65535 candidates, after which the
        # matcher silently stops; raise it so the whole text is scanned whatever its size.
        n = 0
        for _match in PhoneNumberMatcher(text, "VN", leniency=Leniency.VALID, max_tries=sys.maxsize):
            n += 1
        times.append(time.perf_counter() - t0)
        matches = n

    best = min(times)
    print(json.dumps({
        "bytes": len(data),
        "bestSeconds": round(best, 6),
        "medianSeconds": round(statistics.median(times), 6),
        "mbPerSecond": round(len(data) / 1e6 / best, 3) if best > 0 else 0,
        "matches": matches,
        "runs": len(times),
        "engine": "python-phonenumbers " + phonenumbers.__version__,
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main())
