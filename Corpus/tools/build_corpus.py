#!/usr/bin/env python3
"""Build the pdpcheck text corpus.

Reads marked-up drafts from Corpus/source/drafts/*.txt, strips the markup,
writes the plain drafts to Corpus/drafts/<name>.txt and rebuilds the
"drafts/" text entries of Corpus/manifest.json. Every other manifest entry
(kind != "text", or a path outside drafts/) is kept unchanged.

Markup (nothing else is markup; a literal "{{" or "}}" is an error):
  {{phone_number|0905.123.456}}          positive label
  {{national_id|079203004567}}           positive label
  {{!phone_number|1900 6868|hotline}}    must-not-flag negative for one category
  {{!|1.250.000đ|money}}                 must-not-flag negative for any category

An optional first line "# description: ..." gives the manifest description
and is not written to the draft.

Offsets in the manifest are UTF-8 byte offsets into the written draft file.

Usage:
  python3 Corpus/tools/build_corpus.py           build (writes files)
  python3 Corpus/tools/build_corpus.py --check   verify files on disk are up to date, write nothing

Python 3 standard library only. Output is deterministic.
Exit status: 0 ok, 1 on any error (all errors are printed as file:line:col).
"""

import json
import re
import sys
import unicodedata
from pathlib import Path

CORPUS = Path(__file__).resolve().parent.parent
SOURCE_DIR = CORPUS / "source" / "drafts"
DRAFTS_DIR = CORPUS / "drafts"
MANIFEST = CORPUS / "manifest.json"

MANIFEST_VERSION = 1
# Every occurrence of these categories in every draft is labelled.
EXHAUSTIVE_CATEGORIES = ["national_id", "phone_number"]
# Categories accepted in markup. Extend together with the validators below.
CATEGORIES = set(EXHAUSTIVE_CATEGORIES)

# libphonenumber VN metadata (reference §3.1), national significant number.
VN_MOBILE = re.compile(
    r"121[0-3]\d{5}|(?:160|(?:3\d|7[06-9])\d|5(?:[1689]\d|2[238]|59)"
    r"|8(?:[1-8]\d|9[6-9])|9(?:[0-8]\d|9[013-9]))\d{6}")
VN_FIXED = re.compile(
    r"2(?:0[3-9]|1[0-689]|2[0-25-9]|[38][2-9]|4[2-8]|5[124-9]|6[0-39]|7[0-7]|9[0-4679])\d{7}")

# Circular 07/2016/TT-BCA Appendix 1 province codes (reference §2.1).
PROVINCE_CODES = frozenset("""
001 002 004 006 008 010 011 012 014 015 017 019 020 022 024 025 026 027
030 031 033 034 035 036 037 038 040 042 044 045 046 048 049 051 052 054
056 058 060 062 064 066 067 068 070 072 074 075 077 079 080 082 083 084
086 087 089 091 092 093 094 095 096
""".split())
assert len(PROVINCE_CODES) == 63

# A 9-digit CMND is only a national_id when one of these words is right before it.
CMND_CONTEXT = re.compile(
    r"(?:cmnd|cmt|chứng minh nhân dân|chứng minh thư|chung minh nhan dan|chung minh thu)"
    r"[^\d\n]{0,12}$",   # e.g. "CMND số ", "CMT: ", "CMND cũ số "
    re.IGNORECASE)

DESCRIPTION_RE = re.compile(r"^# description:(.*)$")
PHONE_CHARS = re.compile(r"^[0-9 .\-()+]+$")
ID_CHARS = re.compile(r"^[0-9 .\-]+$")
# Separators allowed between digit groups when scanning for unlabelled numbers.
GROUP_GAP = re.compile(r"^(?:[ .\-]|\) ?|\)[.\-]| ?\()$")


class CorpusError(Exception):
    pass


def phone_nsn(text):
    """Return (nsn, kind) for a written VN phone number, or raise ValueError."""
    if not PHONE_CHARS.match(text):
        raise ValueError("phone text may only contain digits, spaces and . - ( ) +")
    digits = re.sub(r"\D", "", text)
    if "+" in text:
        if not re.match(r"^\(?\+", text) or text.count("+") != 1:
            raise ValueError("'+' must lead the number")
        if not digits.startswith("84"):
            raise ValueError("foreign country code (only +84 is allowed)")
        nsn = digits[2:]
    elif digits.startswith("0084"):
        nsn = digits[4:]
    elif digits.startswith("84") and len(digits) - 2 in (9, 10):
        nsn = digits[2:]
    elif digits.startswith("0"):
        nsn = digits[1:]
    else:
        raise ValueError("no national prefix (0, 84, +84 or 0084)")
    if len(nsn) == 9 and VN_MOBILE.fullmatch(nsn):
        return nsn, "mobile"
    if len(nsn) == 10 and VN_FIXED.fullmatch(nsn):
        return nsn, "fixed"
    raise ValueError(f"national number {nsn} ({len(nsn)} digits) is neither a VN mobile nor a VN fixed-line number")


def id12_problem(digits):
    """None if digits is a structurally valid 12-digit personal ID number, else the reason."""
    if len(digits) != 12:
        return f"{len(digits)} digits, expected 12"
    if digits[:3] not in PROVINCE_CODES:
        return f"province code {digits[:3]} is not in the Circular 07/2016 table"
    g, yy = int(digits[3]), int(digits[4:6])
    if g > 3:
        return f"century/sex digit {g} is not 0-3"
    if g >= 2 and yy > 26:
        return f"birth year 20{digits[4:6]} is in the future"
    return None


def validate_national_id(text, before):
    """Raise ValueError unless text is a valid 12-digit ID or a 9-digit CMND with context."""
    if not ID_CHARS.match(text):
        raise ValueError("national_id text may only contain digits, spaces, '.' and '-'")
    digits = re.sub(r"\D", "", text)
    if len(digits) == 9:
        if not CMND_CONTEXT.search(before[-40:]):
            raise ValueError("9-digit CMND needs a context word (CMND, CMT, chứng minh nhân dân …) right before it")
        return
    problem = id12_problem(digits)
    if problem:
        raise ValueError(problem)


def line_col(src, pos):
    line = src.count("\n", 0, pos) + 1
    col = pos - (src.rfind("\n", 0, pos) + 1) + 1
    return line, col


def parse_source(path):
    """Parse one source draft. Returns (description, text, labels, negatives); raises CorpusError."""
    rel = path.relative_to(CORPUS).as_posix()
    raw = path.read_bytes()
    try:
        src = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise CorpusError(f"{rel}: not valid UTF-8 ({exc})")
    src = src.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    src = unicodedata.normalize("NFC", src)

    errors = []

    def err(pos, msg):
        line, col = line_col(src, pos)
        errors.append(f"{rel}:{line}:{col}: {msg}")

    description = ""
    body_start = 0
    first_nl = src.find("\n")
    first_line = src if first_nl < 0 else src[:first_nl]
    m = DESCRIPTION_RE.match(first_line)
    if m:
        description = m.group(1).strip()
        if not description:
            err(0, "empty '# description:' line")
        body_start = len(first_line) + 1 if first_nl >= 0 else len(src)

    out = []          # pieces of the plain draft text
    out_bytes = 0     # running UTF-8 length of out
    labels, negatives = [], []
    pos = body_start
    while True:
        open_at = src.find("{{", pos)
        chunk_end = open_at if open_at >= 0 else len(src)
        stray = src.find("}}", pos, chunk_end)
        if stray >= 0:
            err(stray, "'}}' outside markup")
        chunk = src[pos:chunk_end]
        out.append(chunk)
        out_bytes += len(chunk.encode("utf-8"))
        if open_at < 0:
            break
        close_at = src.find("}}", open_at + 2)
        if close_at < 0:
            err(open_at, "unclosed '{{'")
            break
        inner = src[open_at + 2:close_at]
        pos = close_at + 2
        if "{{" in inner:
            err(open_at, "'{{' inside markup (nested or unclosed)")
            continue
        if "\n" in inner:
            err(open_at, "markup spans a line break")
            continue
        negative = inner.startswith("!")
        parts = (inner[1:] if negative else inner).split("|")
        if negative:
            if len(parts) != 3:
                err(open_at, f"negative markup needs 3 fields {{{{!category|text|note}}}}, got {len(parts)}: {inner!r}")
                continue
            category, text, note = parts
            if not note.strip() or note != note.strip():
                err(open_at, f"negative note is empty or has outer spaces: {inner!r}")
                continue
        else:
            if len(parts) != 2:
                err(open_at, f"label markup needs 2 fields {{{{category|text}}}}, got {len(parts)}: {inner!r}")
                continue
            category, text = parts
            note = None
            if not category:
                err(open_at, "label without category (use {{!|text|note}} for an any-category negative)")
                continue
        if category and category not in CATEGORIES:
            err(open_at, f"unknown category {category!r} (known: {', '.join(sorted(CATEGORIES))})")
            continue
        if not text or text != text.strip():
            err(open_at, f"markup text is empty or has outer spaces: {inner!r}")
            continue
        before = "".join(out)
        before_line = before[before.rfind("\n") + 1:]
        if not negative:
            try:
                if category == "phone_number":
                    phone_nsn(text)
                elif category == "national_id":
                    validate_national_id(text, before_line)
            except ValueError as exc:
                err(open_at, f"invalid {category} label {text!r}: {exc}")
                continue
        start = out_bytes
        out.append(text)
        out_bytes += len(text.encode("utf-8"))
        entry = {"category": category or None, "start": start, "end": out_bytes, "text": text}
        if negative:
            entry["note"] = note
            negatives.append(entry)
        else:
            labels.append(entry)

    text = "".join(out)
    if not errors and not text.strip():
        err(body_start, "draft is empty")
    if not text.endswith("\n"):
        text += "\n"
    if errors:
        raise CorpusError("\n".join(errors))
    return description, text, labels, negatives


def unlabelled_candidates(text, spans):
    """Find phone- or ID-shaped numbers not covered by any label or negative.

    spans are (start, end) character offsets. Used to keep the corpus exhaustive
    for EXHAUSTIVE_CATEGORIES. Returns a list of (char_offset, text, category).
    """
    runs = [(m.start(), m.end()) for m in re.finditer(r"\d+", text)]
    found = []
    for i in range(len(runs)):
        start = runs[i][0]
        if text[max(0, start - 2):start] == "(+":
            start -= 2
        elif text[max(0, start - 1):start] == "+":
            start -= 1
        for j in range(i, min(i + 6, len(runs))):
            if j > i and not GROUP_GAP.match(text[runs[j - 1][1]:runs[j][0]]):
                break
            end = runs[j][1]
            if any(s < end and start < e for s, e in spans):
                continue
            cand = text[start:end]
            digits = re.sub(r"\D", "", cand)
            cat = None
            try:
                phone_nsn(cand)
                cat = "phone_number"
            except ValueError:
                pass
            if cat is None and len(digits) == 12 and id12_problem(digits) is None:
                cat = "national_id"
            if cat is None and len(digits) == 9 and i == j:
                line_before = text[text.rfind("\n", 0, start) + 1:start]
                if CMND_CONTEXT.search(line_before[-40:]):
                    cat = "national_id"
            if cat:
                found.append((start, cand, cat))
    return found


def char_offset_to_line(text, pos):
    return text.count("\n", 0, pos) + 1


def build():
    """Return (outputs, manifest_text, stats) or raise CorpusError with all errors."""
    if not SOURCE_DIR.is_dir():
        raise CorpusError(f"missing source directory {SOURCE_DIR}")
    sources = sorted(SOURCE_DIR.glob("*.txt"), key=lambda p: p.name)
    if not sources:
        raise CorpusError(f"no *.txt sources in {SOURCE_DIR}")

    errors = []
    outputs = {}   # name -> bytes
    entries = []
    for path in sources:
        rel_src = path.relative_to(CORPUS).as_posix()
        try:
            description, text, labels, negatives = parse_source(path)
        except CorpusError as exc:
            errors.append(str(exc))
            continue
        data = text.encode("utf-8")
        if data.startswith(b"\xef\xbb\xbf") or b"\r" in data:
            errors.append(f"{rel_src}: output would contain a BOM or CR")
        # byte offsets must round-trip
        for e in labels + negatives:
            if data[e["start"]:e["end"]].decode("utf-8") != e["text"]:
                errors.append(f"{rel_src}: offset mismatch for {e['text']!r}")
        # exhaustiveness lint on the plain text (character offsets)
        spans = []
        for e in labels + negatives:
            cs = len(data[:e["start"]].decode("utf-8"))
            spans.append((cs, cs + len(e["text"])))
        for cpos, cand, cat in unlabelled_candidates(text, spans):
            errors.append(
                f"{rel_src}: draft line {char_offset_to_line(text, cpos)}: unlabelled {cat}-shaped number {cand!r} "
                f"(label it, or mark it {{{{!{cat}|…|note}}}})")
        name = path.name
        outputs[name] = data
        entries.append({
            "path": f"drafts/{name}",
            "kind": "text",
            "description": description,
            "labels": labels,
            "negatives": negatives,
        })

    existing = {}
    if MANIFEST.exists():
        try:
            existing = json.loads(MANIFEST.read_text(encoding="utf-8"))
        except (ValueError, UnicodeDecodeError) as exc:
            errors.append(f"{MANIFEST.relative_to(CORPUS).as_posix()}: cannot parse existing manifest: {exc}")
            existing = {}
        if not isinstance(existing, dict) or not isinstance(existing.get("files", []), list):
            errors.append("manifest.json: unexpected structure (need an object with a 'files' list)")
            existing = {}
    kept = [f for f in existing.get("files", [])
            if not (f.get("kind") == "text" and str(f.get("path", "")).startswith("drafts/"))]
    new_paths = {e["path"] for e in entries}
    for f in kept:
        if f.get("path") in new_paths:
            errors.append(f"manifest.json: kept entry {f.get('path')!r} collides with a generated draft")
    if errors:
        raise CorpusError("\n".join(errors))

    files = sorted(entries + kept, key=lambda f: str(f.get("path", "")))
    manifest = {
        "version": MANIFEST_VERSION,
        "exhaustiveCategories": EXHAUSTIVE_CATEGORIES,
        "files": files,
    }
    for key, value in existing.items():   # keep unknown top-level keys added by later work
        if key not in manifest:
            manifest[key] = value
    manifest_text = json.dumps(manifest, indent=2, ensure_ascii=False) + "\n"

    stats = {"drafts": len(entries), "clean": sum(1 for e in entries if not e["labels"]),
             "pos": {}, "neg": {}}
    for e in entries:
        for lab in e["labels"]:
            stats["pos"][lab["category"]] = stats["pos"].get(lab["category"], 0) + 1
        for neg in e["negatives"]:
            key = neg["category"] or "(any)"
            stats["neg"][key] = stats["neg"].get(key, 0) + 1
    cmnd = sum(1 for e in entries for lab in e["labels"]
               if lab["category"] == "national_id" and len(re.sub(r"\D", "", lab["text"])) == 9)
    stats["cmnd9"] = cmnd
    return outputs, manifest_text, stats


def main(argv):
    check_only = "--check" in argv[1:]
    unknown = [a for a in argv[1:] if a != "--check"]
    if unknown:
        print(f"usage: {argv[0]} [--check]", file=sys.stderr)
        return 2
    try:
        outputs, manifest_text, stats = build()
    except CorpusError as exc:
        print(f"build_corpus: FAILED\n{exc}", file=sys.stderr)
        return 1

    stale = sorted(p.name for p in DRAFTS_DIR.glob("*.txt") if p.name not in outputs) if DRAFTS_DIR.is_dir() else []
    if check_only:
        problems = [f"drafts/{n}: out of date" for n, data in sorted(outputs.items())
                    if not (DRAFTS_DIR / n).exists() or (DRAFTS_DIR / n).read_bytes() != data]
        problems += [f"drafts/{n}: no source" for n in stale]
        if not MANIFEST.exists() or MANIFEST.read_bytes() != manifest_text.encode("utf-8"):
            problems.append("manifest.json: out of date")
        if problems:
            print("build_corpus: FAILED (run python3 Corpus/tools/build_corpus.py)\n" + "\n".join(problems),
                  file=sys.stderr)
            return 1
    else:
        DRAFTS_DIR.mkdir(parents=True, exist_ok=True)
        for name, data in sorted(outputs.items()):
            target = DRAFTS_DIR / name
            if not target.exists() or target.read_bytes() != data:
                target.write_bytes(data)
        for name in stale:   # a generated draft whose source was removed
            (DRAFTS_DIR / name).unlink()
        data = manifest_text.encode("utf-8")
        if not MANIFEST.exists() or MANIFEST.read_bytes() != data:
            MANIFEST.write_bytes(data)
        # final assertion against what is on disk
        manifest = json.loads(MANIFEST.read_text(encoding="utf-8"))
        for f in manifest["files"]:
            if f.get("kind") != "text" or not f["path"].startswith("drafts/"):
                continue
            file_bytes = (CORPUS / f["path"]).read_bytes()
            for e in f["labels"] + f["negatives"]:
                assert file_bytes[e["start"]:e["end"]].decode("utf-8") == e["text"], (f["path"], e)

    print(f"drafts: {stats['drafts']} ({stats['clean']} without positives)")
    for cat in sorted(set(stats["pos"]) | set(stats["neg"])):
        extra = f" (of which 9-digit CMND: {stats['cmnd9']})" if cat == "national_id" else ""
        print(f"  {cat:14s} positives {stats['pos'].get(cat, 0):4d}  negatives {stats['neg'].get(cat, 0):4d}{extra}")
    print(f"  total          positives {sum(stats['pos'].values()):4d}  negatives {sum(stats['neg'].values()):4d}")
    if stale and not check_only:
        print(f"removed stale drafts: {', '.join(stale)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
