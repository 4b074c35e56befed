#!/usr/bin/env bash
# Builds a libFuzzer target with AddressSanitizer, then fuzzes it. Targets (one per parser family):
#   text      the text path (sniffer, UTF-16 and legacy decoders, digit-run scanner, text detectors)
#   media     the media container readers (FuzzMediaContainers.swift)
#   metadata  the EXIF/XMP/IPTC/Photoshop payload decoders (FuzzMetadataDecoders.swift)
#   zip       ZIP archives (FuzzZipArchive.swift)      office  OOXML/ODF XML parts (FuzzOfficeXML.swift)
#   pdf       the PDF reader (FuzzPDFReader.swift)
#   email     MIME messages (FuzzEmailReader.swift)     html    HTML drafts (FuzzHTMLReader.swift)
#   mediafix  the lossless media cleaner (FuzzMediaCleaner.swift)
#   docfix    the document cleaner: office/ODF/ZIP rewriting, redaction (FuzzDocumentCleaner.swift)
#   bash Fuzz/run.sh [SECONDS] [TARGET]    (default 60 text; crashes land in Fuzz/artifacts/)
#   FUZZ_OUT=.build-fuzz-me FUZZ_REUSE_LIB=1 bash Fuzz/run.sh 180 pdf   (own folder; keep the built library)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
target="${2:-text}"
case "$target" in
  text) entry=Fuzz/FuzzTextPipeline.swift; seeds="Corpus/drafts/*.txt"; maxlen=4096 ;;
  media) entry=Fuzz/FuzzMediaContainers.swift; seeds="Corpus/media/*/*.*"; maxlen=65536 ;;
  metadata) entry=Fuzz/FuzzMetadataDecoders.swift; seeds="Corpus/media/payloads/*.*"; maxlen=16384 ;;
  zip) entry=Fuzz/FuzzZipArchive.swift; seeds="Corpus/archives/*.* Corpus/documents/office/*.*"; maxlen=65536 ;;
  office) entry=Fuzz/FuzzOfficeXML.swift; seeds="Corpus/documents/office/*.*"; maxlen=65536 ;;
  pdf) entry=Fuzz/FuzzPDFReader.swift; seeds="Corpus/documents/pdf/*.pdf"; maxlen=65536 ;;
  email) entry=Fuzz/FuzzEmailReader.swift; seeds="Corpus/documents/email/*.eml"; maxlen=65536 ;;
  html) entry=Fuzz/FuzzHTMLReader.swift; seeds="Corpus/documents/html/*.*"; maxlen=65536 ;;
  mediafix) entry=Fuzz/FuzzMediaCleaner.swift; seeds="Corpus/media/*/*.*"; maxlen=65536 ;;
  docfix) entry=Fuzz/FuzzDocumentCleaner.swift; seeds="Corpus/documents/office/*.* Corpus/archives/*.* Corpus/documents/html/*.*"; maxlen=65536 ;;
  *) echo "unknown target $target (text|media|metadata|zip|office|pdf|email|html|mediafix|docfix)" >&2; exit 2 ;;
esac
# FUZZ_OUT: the build folder (one per engineer when several fuzz at once).
out="${FUZZ_OUT:-.build-fuzz}"
corpus="$out/corpus-$target"
mkdir -p "$out" Fuzz/artifacts "$corpus"
# The library imports Yams (policy files): SwiftPM builds it once (release, not instrumented:
# the fuzzers do not reach it) and the fuzz binaries link its objects.
deps="$out/deps"
if [ ! -e "$deps/release/Modules/Yams.swiftmodule" ]; then
  swift build -c release --target Yams --scratch-path "$deps" >&2
fi
yams_objects=$(find "$deps/release/Yams.build" "$deps/release/CYaml.build" -name '*.o' | sort)
common=(-O -sanitize=fuzzer,address -parse-as-library -swift-version 6 -I Sources/CMagic -I Sources/CExif
        -I Sources/CZlib -I "$out/csha256" -I "$deps/release/Modules" -I "$deps/checkouts/Yams/Sources/CYaml/include")
# CSHA256 is a C target: SwiftPM makes its module map; here one is written next to the header
# and the C file is compiled once (plain -O: the fuzzers do not reach the hash's internals).
mkdir -p "$out/csha256"
cp Sources/CSHA256/include/csha256.h "$out/csha256/"
printf 'module CSHA256 {\n    header "csha256.h"\n    export *\n}\n' > "$out/csha256/module.modulemap"
clang -O2 -c Sources/CSHA256/sha256_ni.c -I Sources/CSHA256/include -o "$out/csha256/sha256_ni.o"
# The library is compiled once for all targets (a snapshot of the sources, so edits made
# meanwhile cannot break the build) into a module the entry points import with @testable;
# it is rebuilt when the sources change (FUZZ_REUSE_LIB=1 keeps the last one, for a series of
# runs while others edit the tree).
lib="$out/lib"
stamp=$(cat $(find Sources/PDPCheck Sources/CSHA256 -name '*.swift' -o -name '*.[ch]' | sort) | sha256sum | cut -c1-16)
if [ ! -f "$lib/libPDPCheckFuzzLib.a" ] || { [ -z "${FUZZ_REUSE_LIB:-}" ] && [ "$(cat "$lib/stamp" 2>/dev/null)" != "$stamp" ]; }; then
  rm -rf "$lib" && mkdir -p "$lib/src"
  cp -r Sources/PDPCheck/. "$lib/src/"
  swiftc "${common[@]}" -module-name PDPCheckFuzzLib -enable-testing -emit-module \
    -emit-module-path "$lib/PDPCheckFuzzLib.swiftmodule" -emit-library -static -o "$lib/libPDPCheckFuzzLib.a" \
    $(find "$lib/src" -name '*.swift' | sort) 2>&1 | grep -v "Cannot export local symbol" || true
  [ -f "$lib/libPDPCheckFuzzLib.a" ] && echo "$stamp" > "$lib/stamp"
fi
{ echo "@testable import PDPCheckFuzzLib"; cat "$entry"; } > "$out/entry-$target.swift"
swiftc "${common[@]}" -module-name "Fuzz_$target" -I "$lib" "$out/entry-$target.swift" "$lib/libPDPCheckFuzzLib.a" \
  $yams_objects "$out/csha256/sha256_ni.o" -lmagic -lexif -lz -o "$out/fuzz-$target" 2>&1 | grep -v "Cannot export local symbol" || true
# Seeds: the corpus files of that format are good starting points.
cp $seeds "$corpus/" 2>/dev/null || true
"$out/fuzz-$target" "$corpus" -max_total_time="$seconds" -max_len="$maxlen" -timeout=5 \
  -artifact_prefix=Fuzz/artifacts/ -print_final_stats=1 2>&1 | tail -n 25
