#!/usr/bin/env python3
"""Build the pdpcheck text corpus.

Reads marked-up drafts from Corpus/source/drafts/*.txt and the independent
held-out set from Corpus/source/heldout/*.txt, strips the markup, writes the
plain drafts to Corpus/drafts/<name>.txt and Corpus/heldout/<name>.txt and
rebuilds the "drafts/" and "heldout/" text entries of Corpus/manifest.json
(held-out entries carry "set": "heldout"). Every other manifest entry
(kind != "text", or a path outside drafts/ and heldout/) is kept unchanged.

Markup (nothing else is markup; a literal "{{" or "}}" is an error):
  {{phone_number|0905.123.456}}                 positive label
  {{date_of_birth+child_data|2016}}             one span, several positive labels
  {{!phone_number|1900 6868|hotline}}           must-not-flag negative for one category
  {{!|1.250.000đ|money}}                        must-not-flag negative for any category
  {{bank_account+!phone_number|0905123456|account equal to a phone}}
                                                label(s) and category negative(s) on one span

Optional header lines at the top (any order, each at most once), not written to the draft:
  # description: ...     the manifest description
  # variant: nfd         the draft is written in Unicode NFD (offsets are computed on the NFD bytes)

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
from datetime import date
from pathlib import Path

CORPUS = Path(__file__).resolve().parent.parent
SOURCE_DIR = CORPUS / "source" / "drafts"
DRAFTS_DIR = CORPUS / "drafts"
# The held-out set is written by someone who never saw the detectors or the tuning drafts, so it can
# measure precision/recall honestly. It goes through exactly the same parsing and checks.
HELDOUT_SOURCE_DIR = CORPUS / "source" / "heldout"
HELDOUT_DIR = CORPUS / "heldout"
# (set name, source folder, output folder, required); the output folder name is also the manifest path prefix.
SETS = (
    ("drafts", SOURCE_DIR, DRAFTS_DIR, True),
    ("heldout", HELDOUT_SOURCE_DIR, HELDOUT_DIR, False),
)
GENERATED_PREFIXES = tuple(f"{out.name}/" for _, _, out, _ in SETS)
MANIFEST = CORPUS / "manifest.json"

MANIFEST_VERSION = 1
# Every occurrence of these categories in every draft is labelled (DESIGN.md "Categories", text part).
EXHAUSTIVE_CATEGORIES = [
    "phone_number", "national_id", "passport_number", "driver_license", "tax_code",
    "insurance_number", "bank_account", "payment_card", "email_address", "license_plate",
    "date_of_birth", "home_address", "precise_location", "child_data",
    "sensitive_health", "sensitive_criminal", "sensitive_religion", "sensitive_politics",
    "sensitive_ethnicity", "sensitive_sexuality", "sensitive_private_life",
    "credentials", "person_name",
]
CATEGORIES = set(EXHAUSTIVE_CATEGORIES)
VARIANTS = ("nfd",)

# ---------------------------------------------------------------------------------------------
# Reference tables (Shared reference vn-personal-data.md)

# libphonenumber VN metadata (§3.1), national significant number.
VN_MOBILE = re.compile(
    r"121[0-3]\d{5}|(?:160|(?:3\d|7[06-9])\d|5(?:[1689]\d|2[238]|59)"
    r"|8(?:[1-8]\d|9[6-9])|9(?:[0-8]\d|9[013-9]))\d{6}", re.ASCII)
VN_FIXED = re.compile(
    r"2(?:0[3-9]|1[0-689]|2[0-25-9]|[38][2-9]|4[2-8]|5[124-9]|6[0-39]|7[0-7]|9[0-4679])\d{7}", re.ASCII)
# Legacy 11-digit mobiles (012x, 016[2-9], 0186/0188, 0199), dead since 2019 but still in old posts (§3.2).
VN_LEGACY_MOBILE = re.compile(r"1(?:2\d|6[2-9]|8[68]|99)\d{7}", re.ASCII)
# Foreign numbers: country code -> allowed national-number lengths (only written with a leading '+').
FOREIGN_NSN_LENGTHS = {
    "1": {10}, "7": {10}, "31": {9}, "33": {9}, "34": {9}, "39": {9, 10}, "44": {10}, "46": {9},
    "48": {9}, "49": {10, 11}, "60": {9, 10}, "61": {9}, "62": {9, 10, 11}, "63": {10}, "65": {8},
    "66": {8, 9}, "81": {9, 10}, "82": {9, 10}, "86": {11}, "90": {10}, "420": {9}, "852": {8},
    "853": {8}, "855": {8, 9}, "856": {9, 10}, "886": {9}, "966": {9}, "971": {9}, "974": {8},
}

# Circular 07/2016/TT-BCA Appendix 1 province codes (§2.1).
PROVINCE_CODES = frozenset("""
001 002 004 006 008 010 011 012 014 015 017 019 020 022 024 025 026 027
030 031 033 034 035 036 037 038 040 042 044 045 046 048 049 051 052 054
056 058 060 062 064 066 067 068 070 072 074 075 077 079 080 082 083 084
086 087 089 091 092 093 094 095 096
""".split())
assert len(PROVINCE_CODES) == 63
# GPLX: digits 1-2 are the issuing province, the CCCD code without its leading 0 (§2.6).
GPLX_PROVINCES = frozenset(c[1:] for c in PROVINCE_CODES)
# Licence-plate province codes before the 2025 merger (§2.7); 42 treated as unassigned.
PLATE_PROVINCES = frozenset(
    ["11", "12"] + [str(n) for n in range(14, 42)] + ["43"] + [str(n) for n in range(47, 87)]
    + ["88", "89", "90", "92", "93", "94", "95", "97", "98", "99"]) - {"42"}
# Series letters omit I, J, O, Q, W (§2.7).
PLATE_LETTER = "[A-HK-NPR-VX-ZĐ]"
PLATE_RE = re.compile(
    rf"(?P<prov>[0-9][0-9])(?:(?P<car>{PLATE_LETTER}{{1,2}})-|-(?P<moto>{PLATE_LETTER}[A-HK-NPR-VX-ZĐ0-9]) )"
    r"(?P<num>[0-9]{3}\.[0-9]{2}|[0-9]{4,5})")
PLATE_SCAN = re.compile(
    rf"(?<![\w.])\d\d(?:{PLATE_LETTER}{{1,2}}-|-{PLATE_LETTER}[A-HK-NPR-VX-ZĐ0-9] )(?:\d{{3}}\.\d{{2}}|\d{{4,5}})(?![\w])")

# A 9-digit CMND is only a national_id when one of these words is right before it.
CMND_CONTEXT = re.compile(
    r"(?:cmnd|cmt|chứng minh nhân dân|chứng minh thư|chung minh nhan dan|chung minh thu)"
    r"[^\d\n]{0,12}$",   # e.g. "CMND số ", "CMT: ", "CMND cũ số "
    re.IGNORECASE)

# Context words, matched on folded text (lower case, no diacritics, đ -> d), as whole words.
PASSPORT_CONTEXT = re.compile(r"\b(?:ho chieu|passport|so hc|hc)\b[^\n]{0,25}$")
GPLX_CONTEXT = re.compile(r"\b(?:gplx|bang lai(?: xe)?|giay phep lai xe|bang [abc][12]?|driver'?s? licen[cs]e)\b[^\n]{0,40}$")
INSURANCE_CONTEXT = re.compile(r"\b(?:bhxh|bhyt|bao hiem xa hoi|bao hiem y te|vssid|so so bhxh|ma so bhxh)\b[^\n]{0,40}$")
BANK_NAMES = (r"vietcombank|vcb|techcombank|tcb|mb ?bank|mb|bidv|vietinbank|viettinbank|ctg|agribank|acb|vpbank|"
              r"tpbank|sacombank|stb|vib|hdbank|shb|ocb|msb|seabank|scb|eximbank|lpbank|lienvietpostbank|"
              r"nam a ?bank|bac a ?bank|kienlongbank|abbank|pvcombank|vietabank|baoviet ?bank|cake|timo|"
              r"momo|zalopay|viettelpay|viettel money|ngan hang")
BANK_BEFORE = re.compile(
    rf"\b(?:stk|so tk|so tai khoan|tai khoan|tk|ctk|chu tk|chu tai khoan|ck|chuyen khoan|account|acc|{BANK_NAMES})\b[^\n]{{0,60}}$")
BANK_AFTER = re.compile(rf"^[^\n]{{0,30}}\b(?:{BANK_NAMES})\b")
CREDENTIAL_CONTEXT = re.compile(
    r"\b(?:mat khau|mk|pass|password|pw|otp|ma otp|ma xac thuc|ma xac nhan|ma pin|pin|cvv|cvc|ma bao mat|"
    r"ma du phong|ma khoi phuc|backup code|api[ _]?key|token|secret)\b[^\n]{0,40}$")

DIRECTIVE_RE = re.compile(r"^# (description|variant):(.*)$")
PHONE_CHARS = re.compile(r"^[0-9 .\-()+]+$")
ID_CHARS = re.compile(r"^[0-9 .\-]+$")
DIGITS_SEP = re.compile(r"^[0-9]+(?:[ .\-][0-9]+)*$")
# Separators allowed between digit groups when scanning for unlabelled numbers.
GROUP_GAP = re.compile(r"^(?:[ .\-]|\) ?|\)[.\-]| ?\()$")
CARD_GAP = re.compile(r"^[ \-]$")
EMAIL_RE = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9._%+\-]*[A-Za-z0-9_])?@[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?"
                      r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,}")
COORD_RE = re.compile(r"(?<![\d.])(-?\d{1,3}\.\d+)°?\s?[NS]?,\s?(-?\d{1,3}\.\d+)°?\s?[EW]?(?![\d.])")
MAP_LINK_RE = re.compile(
    r"https?://(?:maps\.app\.goo\.gl/[A-Za-z0-9_\-]+|goo\.gl/maps/[A-Za-z0-9_\-]+"
    r"|(?:www\.)?google\.(?:com|com\.vn)/maps[^\s]*|maps\.google\.(?:com|com\.vn)/[^\s]*)")
BHYT_RE = re.compile(r"[A-Z]{2}[1-5](?:0[1-9]|[1-9]\d)\d{10}")
PASSPORT_RE = re.compile(r"[A-Z]\d{7}")

# Spelled digits (with and without diacritics); a run of at least SPELLED_MIN of them is folded.
SPELLED = {
    "không": "0", "khong": "0", "một": "1", "mot": "1", "hai": "2", "ba": "3", "bốn": "4", "bon": "4",
    "năm": "5", "nam": "5", "sáu": "6", "sau": "6", "bảy": "7", "bẩy": "7", "bay": "7",
    "tám": "8", "tam": "8", "chín": "9", "chin": "9",
}
SPELLED_MIN = 4
SPELLED_RUN = re.compile(
    r"(?<!\w)(?:" + "|".join(sorted(SPELLED, key=len, reverse=True)) + r")(?!\w)"
    r"(?:[ ,.\-]{1,2}(?:" + "|".join(sorted(SPELLED, key=len, reverse=True)) + r")(?!\w))*",
    re.IGNORECASE)
SPELLED_WORD = re.compile("|".join(sorted(SPELLED, key=len, reverse=True)), re.IGNORECASE)
KEYCAP_RE = re.compile("([0-9])\ufe0f?\u20e3")
LOOKALIKE_TOKEN = re.compile(r"(?<!\w)[0-9OolI]+(?!\w)")


class CorpusError(Exception):
    pass


def fold_ascii(text):
    """Lower case, diacritics removed, đ -> d. Same length as text (one char per char)."""
    out = []
    for ch in text:
        if ch in "đĐ":
            out.append("d")
            continue
        base = unicodedata.normalize("NFD", ch)[0]
        out.append(base.lower() if len(base.lower()) == 1 else ch)
    return "".join(out)


def fold_digits(text):
    """Fold written-out digits to ASCII digits.

    Returns (folded, starts, ends): folded[i] came from text[starts[i]:ends[i]].
    Folds full-width digits, keycap emoji (0️⃣), runs of >= SPELLED_MIN spelled digits
    ("không chín một …", one digit each, separators kept) and O/o (0) and l/I (1) inside
    tokens made only of digits and those letters (with at least one real digit).
    """
    spans = {}   # start -> (end, replacement)
    for m in SPELLED_RUN.finditer(text):
        words = list(SPELLED_WORD.finditer(m.group(0)))
        words = [w for w in words
                 if (w.start() == 0 or not m.group(0)[w.start() - 1].isalnum())
                 and (w.end() == len(m.group(0)) or not m.group(0)[w.end()].isalnum())]
        if len(words) >= SPELLED_MIN:
            for w in words:
                spans[m.start() + w.start()] = (m.start() + w.end(), SPELLED[w.group(0).lower()])
    for m in KEYCAP_RE.finditer(text):
        spans[m.start()] = (m.end(), m.group(1))
    for m in LOOKALIKE_TOKEN.finditer(text):
        tok = m.group(0)
        if re.search(r"[0-9]", tok) and re.search(r"[OolI]", tok):
            for k, ch in enumerate(tok):
                if ch in "Oo":
                    spans[m.start() + k] = (m.start() + k + 1, "0")
                elif ch in "lI":
                    spans[m.start() + k] = (m.start() + k + 1, "1")
    folded, starts, ends = [], [], []
    i = 0
    while i < len(text):
        if i in spans:
            end, rep = spans[i]
            folded.append(rep)
            starts.append(i)
            ends.append(end)
            i = end
            continue
        ch = text[i]
        if "\uff10" <= ch <= "\uff19":
            ch = chr(ord(ch) - 0xFF10 + 0x30)
        folded.append(ch)
        starts.append(i)
        ends.append(i + 1)
        i += 1
    return "".join(folded), starts, ends


def phone_nsn(text):
    """Return (nsn, kind) for a written phone number, or raise ValueError.

    kind is mobile, fixed, legacy-mobile or foreign. Obfuscations are folded first.
    """
    folded, _, _ = fold_digits(text)
    if not PHONE_CHARS.match(folded):
        raise ValueError("phone text may only contain digits (plain, full-width, keycap, spelled, O/l look-alikes), "
                         "spaces and . - ( ) +")
    digits = re.sub(r"[^0-9]", "", folded)
    if "+" in folded:
        if not re.match(r"^\(?\+", folded) or folded.count("+") != 1:
            raise ValueError("'+' must lead the number")
        if not digits.startswith("84"):
            for cc_len in (1, 2, 3):
                cc = digits[:cc_len]
                if cc in FOREIGN_NSN_LENGTHS:
                    if len(digits) - cc_len in FOREIGN_NSN_LENGTHS[cc]:
                        return digits[cc_len:], "foreign"
                    raise ValueError(f"+{cc} number with {len(digits) - cc_len} digits after the country code")
            raise ValueError(f"unknown country code in +{digits[:3]}…")
        nsn = digits[2:]
    elif digits.startswith("0084"):
        nsn = digits[4:]
    elif digits.startswith("84") and len(digits) - 2 in (9, 10):
        nsn = digits[2:]
    elif digits.startswith("0"):
        nsn = digits[1:]
    else:
        raise ValueError("no national prefix (0, 84, +84 or 0084) and no '+' country code")
    if len(nsn) == 9 and VN_MOBILE.fullmatch(nsn):
        return nsn, "mobile"
    if len(nsn) == 10 and VN_FIXED.fullmatch(nsn):
        return nsn, "fixed"
    if len(nsn) == 10 and VN_LEGACY_MOBILE.fullmatch(nsn):
        return nsn, "legacy-mobile"
    raise ValueError(f"national number {nsn} ({len(nsn)} digits) is neither a VN mobile (current or legacy 11-digit) "
                     "nor a VN fixed-line number")


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


def mst_problem(digits):
    """None if digits (10) has a valid MST check digit (§2.4), else the reason."""
    if len(digits) != 10:
        return f"{len(digits)} digits, expected 10"
    if digits[2:9] == "0000000":
        return "sequence 0000000 is invalid"
    s = sum(w * int(d) for w, d in zip((31, 29, 23, 19, 17, 13, 7, 5, 3), digits))
    check = 10 - s % 11
    if check == 10:
        return "checksum gives 10 (never valid)"
    if int(digits[9]) != check:
        return f"check digit {digits[9]} should be {check}"
    return None


def luhn_ok(digits):
    total = 0
    for k, d in enumerate(reversed(digits)):
        n = int(d)
        if k % 2 == 1:
            n *= 2
            if n > 9:
                n -= 9
        total += n
    return total % 10 == 0


def digits_of(text):
    return re.sub(r"[^0-9]", "", text)


def need_digits(text, what):
    if not DIGITS_SEP.match(text):
        raise ValueError(f"{what} text may only contain digits with single spaces, dots or dashes between groups")
    return digits_of(text)


def validate_national_id(text, ctx):
    if not ID_CHARS.match(text):
        raise ValueError("national_id text may only contain digits, spaces, '.' and '-'")
    digits = digits_of(text)
    if len(digits) == 9:
        if not CMND_CONTEXT.search(ctx.before[-40:]):
            raise ValueError("9-digit CMND needs a context word (CMND, CMT, chứng minh nhân dân …) right before it")
        return
    problem = id12_problem(digits)
    if problem:
        raise ValueError(problem)


def validate_passport(text, ctx):
    if not re.fullmatch(r"[A-Z]\d{7}", text):
        raise ValueError("passport number is one upper-case letter and 7 digits")
    if not PASSPORT_CONTEXT.search(fold_ascii(ctx.before)):
        raise ValueError("passport number needs 'hộ chiếu', 'passport' or 'số HC' before it on the line")


def validate_driver_license(text, ctx):
    digits = need_digits(text, "driver_license")
    if len(digits) != 12:
        raise ValueError(f"GPLX number has {len(digits)} digits, expected 12")
    if digits[:2] not in GPLX_PROVINCES:
        raise ValueError(f"GPLX province {digits[:2]} is not a province code")
    if not GPLX_CONTEXT.search(fold_ascii(ctx.before)):
        raise ValueError("GPLX number needs 'GPLX', 'bằng lái' or 'giấy phép lái xe' before it on the line")


def validate_tax_code(text, ctx):
    m = re.fullmatch(r"(\d{10})(?:-(\d{3}))?", text)
    if not m:
        raise ValueError("tax code is 10 digits, or 10 digits '-' 3 digits")
    problem = mst_problem(m.group(1))
    if problem:
        raise ValueError(f"MST {m.group(1)}: {problem}")
    if m.group(2) == "000":
        raise ValueError("branch suffix 000 is invalid")


def validate_insurance(text, ctx):
    if re.fullmatch(r"[A-Z]{2}\d{13}", text):
        if not BHYT_RE.fullmatch(text):
            raise ValueError("BHYT code: 2 letters, benefit level 1-5, province 01-99, 10 digits")
        return
    digits = need_digits(text, "insurance_number")
    if len(digits) != 10:
        raise ValueError(f"BHXH number has {len(digits)} digits, expected 10 (or a 15-character BHYT code)")
    if not INSURANCE_CONTEXT.search(fold_ascii(ctx.before)):
        raise ValueError("10-digit BHXH number needs 'BHXH', 'BHYT', 'bảo hiểm …' or 'VssID' before it on the line")


def validate_bank_account(text, ctx):
    digits = need_digits(text, "bank_account")
    if not 6 <= len(digits) <= 19:
        raise ValueError(f"bank account has {len(digits)} digits, expected 6-19")
    if not (BANK_BEFORE.search(fold_ascii(ctx.before)) or BANK_AFTER.search(fold_ascii(ctx.after))):
        raise ValueError("bank account needs STK / số tài khoản / a bank name before it (or a bank name right after)")


def validate_payment_card(text, ctx):
    if not re.fullmatch(r"\d+(?:[ \-]\d+)*", text):
        raise ValueError("card number: digits with single spaces or dashes between groups")
    digits = digits_of(text)
    if digits.startswith("9704"):
        if len(digits) not in (16, 19):
            raise ValueError(f"NAPAS card has {len(digits)} digits, expected 16 or 19")
        return
    if not 13 <= len(digits) <= 19:
        raise ValueError(f"card number has {len(digits)} digits, expected 13-19")
    if not luhn_ok(digits):
        raise ValueError("card number fails the Luhn check")


def validate_email(text, ctx):
    if not EMAIL_RE.fullmatch(text):
        raise ValueError("not an e-mail address")


def validate_plate(text, ctx):
    m = PLATE_RE.fullmatch(text)
    if not m:
        raise ValueError("plate shapes: 30A-123.45, 51G-12345, 30A-1234, 29-B1 123.45, 59-X3 1234")
    if m.group("prov") not in PLATE_PROVINCES:
        raise ValueError(f"plate province code {m.group('prov')} is not in use")


def coord_problem(lat, lon):
    la, lo = lat.lstrip("-"), lon.lstrip("-")
    if len(la.split(".")[1]) < 3 or len(lo.split(".")[1]) < 3:
        return "coordinates need at least 3 decimals to be precise"
    if not (-90 <= float(lat) <= 90 and -180 <= float(lon) <= 180):
        return "latitude/longitude out of range"
    return None


def validate_location(text, ctx):
    if MAP_LINK_RE.fullmatch(text):
        return
    m = COORD_RE.fullmatch(text)
    if not m:
        raise ValueError("precise location is a coordinate pair '10.7769, 106.7009' or a whole map link")
    problem = coord_problem(m.group(1), m.group(2))
    if problem:
        raise ValueError(problem)


AGE_RE = re.compile(r"\d{1,3} ?(?:tuổi|tuoi|TUỔI|TUOI|Tuổi)")


def plausible_date(d, m, y):
    try:
        date(y, m, d)
    except ValueError:
        return False
    return 1900 <= y <= 2026


def validate_dob(text, ctx):
    if AGE_RE.fullmatch(text):
        return
    if re.fullmatch(r"(?:19|20)\d\d", text):
        if not 1900 <= int(text) <= 2026:
            raise ValueError("birth year out of range")
        return
    m = re.fullmatch(r"(\d{1,2})([/.\-])(\d{1,2})\2(\d{4})", text)
    if m and plausible_date(int(m.group(1)), int(m.group(3)), int(m.group(4))):
        return
    m = re.fullmatch(r"(?:ngày|ngay) (\d{1,2}) (?:tháng|thang) (\d{1,2}) (?:năm|nam) (\d{4})", text)
    if m and plausible_date(int(m.group(1)), int(m.group(2)), int(m.group(3))):
        return
    raise ValueError("date of birth is a date (12/05/1990, 12-5-1990, ngày 12 tháng 5 năm 1990), "
                     "a year (1995) or an age phrase (35 tuổi)")


def validate_credentials(text, ctx):
    if re.search(r"\s", text) or not 3 <= len(text) <= 64:
        raise ValueError("a credential is one token of 3-64 characters")
    if not CREDENTIAL_CONTEXT.search(fold_ascii(ctx.before)):
        raise ValueError("credential needs 'mật khẩu', 'pass', 'OTP', 'mã xác thực', 'PIN' … before it on the line")


ADDRESS_WORDS = re.compile(
    r"\d|\b(?:so|ngo|ngach|hem|kiet|duong|pho|thon|xom|ap|ban|to|khu pho|kp|khom|phuong|p|xa|q|quan|huyen|"
    r"thi tran|tt|tp|chung cu|cc|toa|can ho|phong|lo|block|tang|khu|lang|doi)\b")


def validate_home_address(text, ctx):
    if not ADDRESS_WORDS.search(fold_ascii(text)):
        raise ValueError("home address has neither a number nor an address word (số, ngõ, hẻm, thôn, phường …)")


def validate_child(text, ctx):
    if not re.search(r"\d|\b(?:lop|truong|mam non|mau giao|tieu hoc|thcs|thpt|tuoi|khoi|nha tre|hoc sinh)\b",
                     fold_ascii(text)):
        raise ValueError("child_data is an age, a class/school phrase or a birth year")


def validate_person_name(text, ctx):
    words = text.split(" ")
    if not 1 <= len(words) <= 6 or any(not w for w in words):
        raise ValueError("a name is 1-6 words separated by single spaces")
    for w in words:
        if not (w[0].isupper() and all(c.isalpha() or c in "'’-" for c in w)):
            raise ValueError(f"name word {w!r} must start with a capital letter and contain only letters")


VALIDATORS = {
    "phone_number": lambda text, ctx: phone_nsn(text),
    "national_id": validate_national_id,
    "passport_number": validate_passport,
    "driver_license": validate_driver_license,
    "tax_code": validate_tax_code,
    "insurance_number": validate_insurance,
    "bank_account": validate_bank_account,
    "payment_card": validate_payment_card,
    "email_address": validate_email,
    "license_plate": validate_plate,
    "precise_location": validate_location,
    "date_of_birth": validate_dob,
    "credentials": validate_credentials,
    "home_address": validate_home_address,
    "child_data": validate_child,
    "person_name": validate_person_name,
}


class Ctx:
    def __init__(self, before, after):
        self.before = before   # text of the same line before the span
        self.after = after     # text of the same line after the span


def line_col(src, pos):
    line = src.count("\n", 0, pos) + 1
    col = pos - (src.rfind("\n", 0, pos) + 1) + 1
    return line, col


def parse_source(path):
    """Parse one source draft.

    Returns (description, variant, text, entries); text is NFC, entries carry character offsets
    into text. Raises CorpusError with every problem found.
    """
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

    description, variant = "", None
    seen = set()
    body_start = 0
    while True:
        nl = src.find("\n", body_start)
        line = src[body_start:] if nl < 0 else src[body_start:nl]
        m = DIRECTIVE_RE.match(line)
        if not m:
            break
        key, value = m.group(1), m.group(2).strip()
        if key in seen:
            err(body_start, f"duplicate '# {key}:' line")
        seen.add(key)
        if not value:
            err(body_start, f"empty '# {key}:' line")
        if key == "description":
            description = value
        elif value not in VARIANTS:
            err(body_start, f"unknown variant {value!r} (known: {', '.join(VARIANTS)})")
        else:
            variant = value
        body_start = len(src) if nl < 0 else nl + 1

    out = []          # pieces of the plain draft text
    out_len = 0       # running length (characters) of out
    entries = []      # dicts with char offsets, plus "_src" for error positions
    pos = body_start
    while True:
        open_at = src.find("{{", pos)
        chunk_end = open_at if open_at >= 0 else len(src)
        stray = src.find("}}", pos, chunk_end)
        if stray >= 0:
            err(stray, "'}}' outside markup")
        chunk = src[pos:chunk_end]
        out.append(chunk)
        out_len += len(chunk)
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
        parts = inner.split("|")
        if len(parts) not in (2, 3):
            err(open_at, f"markup needs 2 or 3 fields, got {len(parts)}: {inner!r}")
            continue
        cats = parts[0].split("+")
        text = parts[1]
        note = parts[2] if len(parts) == 3 else None
        pos_cats = [c for c in cats if not c.startswith("!")]
        neg_cats = [c[1:] for c in cats if c.startswith("!")]
        bad = False
        if "" in pos_cats:
            err(open_at, "label without category (use {{!|text|note}} for an any-category negative)")
            bad = True
        for c in pos_cats + [c for c in neg_cats if c]:
            if c not in CATEGORIES:
                err(open_at, f"unknown category {c!r} (known: {', '.join(sorted(CATEGORIES))})")
                bad = True
        if "" in neg_cats and len(cats) > 1:
            err(open_at, "an any-category negative {{!|…}} cannot be combined with other categories")
            bad = True
        if len(set(cats)) != len(cats) or set(pos_cats) & set(neg_cats):
            err(open_at, f"repeated or contradictory categories: {parts[0]!r}")
            bad = True
        if neg_cats and (note is None or not note.strip() or note != note.strip()):
            err(open_at, f"negative needs a note (third field) without outer spaces: {inner!r}")
            bad = True
        if not neg_cats and note is not None:
            err(open_at, f"a positive label takes no note: {inner!r}")
            bad = True
        if not text or text != text.strip():
            err(open_at, f"markup text is empty or has outer spaces: {inner!r}")
            bad = True
        if bad:
            continue
        start = out_len
        out.append(text)
        out_len += len(text)
        for c in pos_cats:
            entries.append({"category": c, "start": start, "end": out_len, "text": text, "_src": open_at})
        for c in neg_cats:
            entries.append({"category": c or None, "start": start, "end": out_len, "text": text,
                            "note": note, "_src": open_at})

    text = "".join(out)
    if not errors and not text.strip():
        err(body_start, "draft is empty")
    if not text.endswith("\n"):
        text += "\n"

    # validation of positive labels, with the whole line as context
    for e in entries:
        if "note" in e:
            continue
        validator = VALIDATORS.get(e["category"])
        if validator is None:
            continue
        line_start = text.rfind("\n", 0, e["start"]) + 1
        line_end = text.find("\n", e["end"])
        ctx = Ctx(text[line_start:e["start"]], text[e["end"]:line_end])
        try:
            validator(e["text"], ctx)
        except ValueError as exc:
            err(e["_src"], f"invalid {e['category']} label {e['text']!r}: {exc}")
    # a person's name is only labelled when other personal data is on its line (or, in a form-like
    # block such as "Họ tên: …" / "CCCD: …", on the line right before or after it)
    for e in entries:
        if e.get("category") != "person_name" or "note" in e:
            continue
        ls = text.rfind("\n", 0, e["start"])
        ls = text.rfind("\n", 0, ls) + 1 if ls > 0 else 0
        le = text.find("\n", e["end"])
        le = text.find("\n", le + 1) if text.find("\n", le + 1) >= 0 else le
        if not any("note" not in o and o["category"] != "person_name" and ls <= o["start"] and o["end"] <= le
                   for o in entries):
            err(e["_src"], f"person_name {e['text']!r} has no other personal data labelled on its line or the next/previous one")
    if errors:
        raise CorpusError("\n".join(errors))
    return description, variant, text, entries


# ---------------------------------------------------------------------------------------------
# Exhaustiveness: shapes that must be covered by a label or a negative (any category).

def digit_groups(text, gap_re, max_groups):
    """Yield (start, end) of sequences of 1..max_groups digit runs joined by gap_re separators."""
    runs = [(m.start(), m.end()) for m in re.finditer(r"[0-9]+", text)]
    for i in range(len(runs)):
        for j in range(i, min(i + max_groups, len(runs))):
            if j > i and not gap_re.match(text[runs[j - 1][1]:runs[j][0]]):
                break
            yield i, j, runs[i][0], runs[j][1]


CONTEXT_TRIGGERS = [
    # (folded keyword regex, what) – the first digit-bearing token after the keyword on its line must be covered
    (re.compile(r"\b(?:stk|so tk|so tai khoan|account number)\b"), "bank_account"),
    (re.compile(r"\b(?:gplx|bang lai(?: xe)?|giay phep lai xe)\b"), "driver_license"),
    (re.compile(r"\b(?:bhxh|bhyt|ma so bhxh|vssid)\b"), "insurance_number"),
    (re.compile(r"\b(?:ho chieu|passport)\b"), "passport_number"),
    (re.compile(r"\b(?:mst|ma so thue)\b"), "tax_code"),
    (re.compile(r"\b(?:otp|mat khau|password|ma pin)\b"), "credentials"),
    (re.compile(r"\b(?:so the|the atm|the tin dung|the visa|the mastercard|card number)\b"), "payment_card"),
    (re.compile(r"\b(?:sinh nam|nam sinh|ngay sinh|sinh ngay|sn|ns|dob)\b"), "date_of_birth"),
    (re.compile(r"\b(?:bien so|bks|bien kiem soat|xe bien)\b"), "license_plate"),
]


TRIGGER_TOKEN = re.compile(r"(?<![^\s:,;()])[^\s:,;()]*[0-9][^\s,;()]*")


def unlabelled_candidates(text, spans):
    """Find identifier-shaped values not covered by any label or negative.

    spans are (start, end) character offsets. Returns a list of (char_offset, text, category).
    """
    def covered(s, e):
        return any(a < e and s < b for a, b in spans)

    found = []
    seen = set()

    def add(s, e, cat, shown=None):
        if not covered(s, e) and (s, e, cat) not in seen:
            seen.add((s, e, cat))
            found.append((s, shown if shown is not None else text[s:e], cat))

    # phone numbers (after folding obfuscations) and ID numbers
    folded, fstarts, fends = fold_digits(text)
    for i, j, fs, fe in digit_groups(folded, GROUP_GAP, 13):
        start = fs
        if folded[max(0, start - 2):start] == "(+":
            start -= 2
        elif folded[max(0, start - 1):start] == "+":
            start -= 1
        s, e = fstarts[start], fends[fe - 1]
        cand = folded[start:fe]
        digits = digits_of(cand)
        cat = None
        try:
            phone_nsn(cand)
            cat = "phone_number"
        except ValueError:
            pass
        if cat is None and len(digits) == 12 and id12_problem(digits) is None and ID_CHARS.match(cand):
            cat = "national_id"
        if cat is None and len(digits) == 9 and i == j:
            line_before = folded[folded.rfind("\n", 0, start) + 1:start]
            if CMND_CONTEXT.search(line_before[-40:]):
                cat = "national_id"
        if cat:
            add(s, e, cat)
    # e-mail addresses
    for m in EMAIL_RE.finditer(text):
        add(m.start(), m.end(), "email_address")
    # Luhn-valid 13-19 digit card numbers (groups joined by a space or a dash)
    for i, j, s, e in digit_groups(text, CARD_GAP, 6):
        digits = digits_of(text[s:e])
        if 13 <= len(digits) <= 19 and (luhn_ok(digits) or digits.startswith("9704")):
            add(s, e, "payment_card")
    # MST-valid 10-digit numbers and branch codes
    for m in re.finditer(r"(?<![0-9])[0-9]{10}(?:-[0-9]{3})?(?![0-9])", text):
        if mst_problem(m.group(0)[:10]) is None:
            add(m.start(), m.end(), "tax_code")
    # passport-, BHYT- and plate-shaped tokens, coordinates and map links
    for m in re.finditer(r"(?<![\w])[A-Z][0-9]{7}(?![\w])", text):
        add(m.start(), m.end(), "passport_number")
    for m in re.finditer(r"(?<![\w])[A-Z]{2}[1-5][0-9]{12}(?![\w])", text):
        add(m.start(), m.end(), "insurance_number")
    for m in PLATE_SCAN.finditer(text):
        if m.group(0)[:2] in PLATE_PROVINCES:
            add(m.start(), m.end(), "license_plate")
    for m in COORD_RE.finditer(text):
        if coord_problem(m.group(1), m.group(2)) is None:
            add(m.start(), m.end(), "precise_location")
    for m in MAP_LINK_RE.finditer(text):
        add(m.start(), m.end(), "precise_location")
    # ages
    for m in re.finditer(r"(?<![0-9])[0-9]{1,3} ?tuoi\b", fold_ascii(text)):
        add(m.start(), m.end(), "date_of_birth")
    # keyword-triggered values
    ftext = fold_ascii(text)
    for rx, cat in CONTEXT_TRIGGERS:
        for m in rx.finditer(ftext):
            line_end = ftext.find("\n", m.end())
            line_end = line_end if line_end >= 0 else len(ftext)
            tok = TRIGGER_TOKEN.search(ftext, m.end(), line_end)
            if tok and tok.start() - m.end() <= 25 and len(digits_of(tok.group(0))) >= 3:
                s, e = tok.start(), tok.end()
                while e > s and text[e - 1] in ".!?":
                    e -= 1
                add(s, e, cat, shown=f"{text[m.start():m.end()]} … {text[s:e]}")
    found.sort()
    return found


def char_offset_to_line(text, pos):
    return text.count("\n", 0, pos) + 1


def render(text, entries, variant):
    """Return (bytes, labels, negatives) for the draft as written, with UTF-8 byte offsets."""
    if variant == "nfd":
        norm = lambda s: unicodedata.normalize("NFD", s)   # noqa: E731
    else:
        norm = lambda s: s                                  # noqa: E731
    out_text = norm(text)
    data = out_text.encode("utf-8")
    labels, negatives = [], []
    for e in entries:
        span = norm(e["text"])
        start = len(norm(text[:e["start"]]).encode("utf-8"))
        end = start + len(span.encode("utf-8"))
        entry = {"category": e["category"], "start": start, "end": end, "text": span}
        if "note" in e:
            entry["note"] = e["note"]
            negatives.append(entry)
        else:
            labels.append(entry)
    order = {c: k for k, c in enumerate(EXHAUSTIVE_CATEGORIES)}
    key = lambda x: (x["start"], x["end"], order.get(x["category"], -1))   # noqa: E731
    return data, sorted(labels, key=key), sorted(negatives, key=key)


def build_set(set_name, source_dir, out_dir, required, errors):
    """Parse and check one set of sources. Returns (outputs, entries, stats); errors are appended."""
    outputs = {}   # name -> bytes
    entries = []
    variants = {}
    if not source_dir.is_dir():
        if required:
            errors.append(f"missing source directory {source_dir}")
        return outputs, entries, None
    sources = sorted(source_dir.glob("*.txt"), key=lambda p: p.name)
    if not sources:
        if required:
            errors.append(f"no *.txt sources in {source_dir}")
        return outputs, entries, None
    prefix = out_dir.name
    for path in sources:
        rel_src = path.relative_to(CORPUS).as_posix()
        try:
            description, variant, text, spans_in = parse_source(path)
        except CorpusError as exc:
            errors.append(str(exc))
            continue
        data, labels, negatives = render(text, spans_in, variant)
        if data.startswith(b"\xef\xbb\xbf") or b"\r" in data:
            errors.append(f"{rel_src}: output would contain a BOM or CR")
        for e in labels + negatives:
            if data[e["start"]:e["end"]].decode("utf-8") != e["text"]:
                errors.append(f"{rel_src}: offset mismatch for {e['text']!r}")
        # exhaustiveness lint on the NFC text (character offsets)
        spans = [(e["start"], e["end"]) for e in spans_in]
        for cpos, cand, cat in unlabelled_candidates(text, spans):
            errors.append(
                f"{rel_src}: draft line {char_offset_to_line(text, cpos)}: unlabelled {cat}-shaped value {cand!r} "
                f"(label it, or mark it {{{{!{cat}|…|note}}}})")
        name = path.name
        outputs[name] = data
        entry = {"path": f"{prefix}/{name}", "kind": "text"}
        if set_name != "drafts":
            entry["set"] = set_name
        entry["description"] = description
        if variant:
            entry["variant"] = variant
            variants[variant] = variants.get(variant, 0) + 1
        entry["labels"] = labels
        entry["negatives"] = negatives
        entries.append(entry)

    stats = {"drafts": len(entries), "clean": sum(1 for e in entries if not e["labels"]),
             "pos": {}, "neg": {}, "variants": variants}
    for e in entries:
        for lab in e["labels"]:
            stats["pos"][lab["category"]] = stats["pos"].get(lab["category"], 0) + 1
        for neg in e["negatives"]:
            key = neg["category"] or "(any)"
            stats["neg"][key] = stats["neg"].get(key, 0) + 1
    stats["cmnd9"] = sum(1 for e in entries for lab in e["labels"]
                         if lab["category"] == "national_id" and len(digits_of(lab["text"])) == 9)
    return outputs, entries, stats


def build():
    """Return (outputs, manifest_text, stats) or raise CorpusError with all errors.

    outputs maps each set name to {file name: bytes}; stats maps each set name to its counts
    (None for an optional set without sources).
    """
    errors = []
    outputs, entries, stats = {}, [], {}
    for set_name, source_dir, out_dir, required in SETS:
        outputs[set_name], set_entries, stats[set_name] = build_set(set_name, source_dir, out_dir, required, errors)
        entries += set_entries

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
            if not (f.get("kind") == "text" and str(f.get("path", "")).startswith(GENERATED_PREFIXES))]
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
    return outputs, manifest_text, stats


def print_stats(title, stats):
    variants = ", ".join(f"{k}: {v}" for k, v in sorted(stats["variants"].items())) or "none"
    print(f"{title}: {stats['drafts']} ({stats['clean']} without positives; variants {variants})")
    for cat in EXHAUSTIVE_CATEGORIES + ["(any)"]:
        if cat not in stats["pos"] and cat not in stats["neg"] and cat != "(any)":
            print(f"  {cat:22s} positives    0  negatives    0")
            continue
        extra = f" (of which 9-digit CMND: {stats['cmnd9']})" if cat == "national_id" else ""
        print(f"  {cat:22s} positives {stats['pos'].get(cat, 0):4d}  negatives {stats['neg'].get(cat, 0):4d}{extra}")
    print(f"  {'total':22s} positives {sum(stats['pos'].values()):4d}  negatives {sum(stats['neg'].values()):4d}")


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

    # generated files whose source was removed, per output folder
    stale = {}
    for set_name, _, out_dir, _ in SETS:
        stale[set_name] = (sorted(p.name for p in out_dir.glob("*.txt") if p.name not in outputs[set_name])
                           if out_dir.is_dir() else [])
    if check_only:
        problems = []
        for set_name, _, out_dir, _ in SETS:
            problems += [f"{out_dir.name}/{n}: out of date" for n, data in sorted(outputs[set_name].items())
                         if not (out_dir / n).exists() or (out_dir / n).read_bytes() != data]
            problems += [f"{out_dir.name}/{n}: no source" for n in stale[set_name]]
        if not MANIFEST.exists() or MANIFEST.read_bytes() != manifest_text.encode("utf-8"):
            problems.append("manifest.json: out of date")
        if problems:
            print("build_corpus: FAILED (run python3 Corpus/tools/build_corpus.py)\n" + "\n".join(problems),
                  file=sys.stderr)
            return 1
    else:
        for set_name, _, out_dir, _ in SETS:
            if outputs[set_name]:
                out_dir.mkdir(parents=True, exist_ok=True)
            for name, data in sorted(outputs[set_name].items()):
                target = out_dir / name
                if not target.exists() or target.read_bytes() != data:
                    target.write_bytes(data)
            for name in stale[set_name]:   # a generated draft whose source was removed
                (out_dir / name).unlink()
        data = manifest_text.encode("utf-8")
        if not MANIFEST.exists() or MANIFEST.read_bytes() != data:
            MANIFEST.write_bytes(data)
        # final assertion against what is on disk
        manifest = json.loads(MANIFEST.read_text(encoding="utf-8"))
        for f in manifest["files"]:
            if f.get("kind") != "text" or not f["path"].startswith(GENERATED_PREFIXES):
                continue
            file_bytes = (CORPUS / f["path"]).read_bytes()
            for e in f["labels"] + f["negatives"]:
                assert file_bytes[e["start"]:e["end"]].decode("utf-8") == e["text"], (f["path"], e)

    print_stats("drafts", stats["drafts"])
    if stats["heldout"] is not None:
        print_stats("heldout", stats["heldout"])
    removed = [f"{out_dir.name}/{n}" for set_name, _, out_dir, _ in SETS for n in stale[set_name]]
    if removed and not check_only:
        print(f"removed stale drafts: {', '.join(removed)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
