#!/usr/bin/env bash
# Builds the libFuzzer target for the text path (sniffer, UTF-16 and legacy decoders, the
# digit-run scanner and every text detector) with AddressSanitizer, then fuzzes it.
#   bash Fuzz/run.sh [SECONDS]    (default 60; crashes land in Fuzz/artifacts/)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
out=.build-fuzz
mkdir -p "$out" Fuzz/artifacts "$out/corpus"
sources=$(find Sources/PDPCheck -name '*.swift' | sort)
swiftc -O -sanitize=fuzzer,address -parse-as-library -module-name PDPCheckFuzz -swift-version 6 \
  -I Sources/CMagic -I Sources/CExif -lmagic -lexif \
  $sources Fuzz/FuzzTextPipeline.swift -o "$out/fuzz-text" 2>&1 | grep -v "Cannot export local symbol" || true
# Seeds: the corpus drafts and the detectors' own examples are good starting points.
cp Corpus/drafts/*.txt "$out/corpus/" 2>/dev/null || true
"$out/fuzz-text" "$out/corpus" -max_total_time="$seconds" -max_len=4096 -timeout=5 \
  -artifact_prefix=Fuzz/artifacts/ -print_final_stats=1 2>&1 | tail -n 25
