#!/usr/bin/env bash
# Builds a libFuzzer target with AddressSanitizer, then fuzzes it. Targets (one per parser family):
#   text      the text path (sniffer, UTF-16 and legacy decoders, digit-run scanner, text detectors)
#   media     the media container readers (FuzzMediaContainers.swift)
#   metadata  the EXIF/XMP/IPTC/Photoshop payload decoders (FuzzMetadataDecoders.swift)
#   zip       ZIP archives (FuzzZipArchive.swift)      office  OOXML/ODF XML parts (FuzzOfficeXML.swift)
#   pdf       the PDF reader (FuzzPDFReader.swift)
#   email     MIME messages (FuzzEmailReader.swift)     html    HTML drafts (FuzzHTMLReader.swift)
#   bash Fuzz/run.sh [SECONDS] [TARGET]    (default 60 text; crashes land in Fuzz/artifacts/)
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
  *) echo "unknown target $target (text|media|metadata|zip|office|pdf|email|html)" >&2; exit 2 ;;
esac
out=.build-fuzz
corpus="$out/corpus-$target"
mkdir -p "$out" Fuzz/artifacts "$corpus"
sources=$(find Sources/PDPCheck -name '*.swift' | sort)
swiftc -O -sanitize=fuzzer,address -parse-as-library -module-name PDPCheckFuzz -swift-version 6 \
  -I Sources/CMagic -I Sources/CExif -I Sources/CZlib -lmagic -lexif -lz \
  $sources "$entry" -o "$out/fuzz-$target" 2>&1 | grep -v "Cannot export local symbol" || true
# Seeds: the corpus files of that format are good starting points.
cp $seeds "$corpus/" 2>/dev/null || true
"$out/fuzz-$target" "$corpus" -max_total_time="$seconds" -max_len="$maxlen" -timeout=5 \
  -artifact_prefix=Fuzz/artifacts/ -print_final_stats=1 2>&1 | tail -n 25
