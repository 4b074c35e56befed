#!/usr/bin/env python3
"""Build the pdpcheck media corpus: Corpus/media/** (issue #4).

Small photos and videos whose metadata is known exactly. The base images are written by hand
here (baseline JPEG, PNG, GIF, lossless WebP, TIFF, HEIF/AVIF and MP4/MOV/3GP boxes) and
ExifTool writes the metadata into them. Where ExifTool cannot write a structure (MPF, Extended
XMP split by hand, data after EOI, PNG chunks after IDAT, 3GP `loci`, Samsung `@xyz`, maker
notes) the script assembles it itself and still checks the result with ExifTool when it can.

Outputs (all paths relative to Corpus/):
  media/<container>/<name>          the fixtures (committed)
  media/oracle/<same path>.json     `exiftool -j -G1 -n -a -ee <file>` with the System:File*Date
                                    and System:FilePermissions keys removed (they depend on the
                                    checkout) and SourceFile relative to Corpus/
  media/manifest.json               what each fixture holds ("expect") and whether it is clean

Every "expect" entry is checked against the oracle before anything is written, unless the entry
says "exiftool": false (ExifTool does not report that field, e.g. GPS in a trailer JPEG); those
are checked by running ExifTool on the embedded part before it is embedded.

Usage:
  python3 Corpus/tools/build_media.py                 rebuild Corpus/media (deterministic)
  python3 Corpus/tools/build_media.py --check         rebuild in a temp dir, exit 1 if anything differs
  python3 Corpus/tools/build_media.py --large-video OUT
                                    write a ~50 MB MP4 (mdat first, moov with location at the end)
                                    to OUT for the "bytes read < 1 MB" test; needs no ExifTool

Needs python3 (stdlib only) and exiftool 12.57 (other versions change the oracle files and the
XMP toolkit string). No real person's data: every name, number and address here is invented.
"""

import argparse
import base64
import hashlib
import json
import math
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib
from pathlib import Path

CORPUS = Path(__file__).resolve().parent.parent
MEDIA_DIR = "media"
EXIFTOOL = "exiftool"
EXPECTED_EXIFTOOL = "12.57"
ORACLE_ARGS = ["-j", "-G1", "-n", "-a", "-ee"]
VOLATILE_ORACLE_KEYS = ("System:FileModifyDate", "System:FileAccessDate",
                        "System:FileInodeChangeDate", "System:FilePermissions")

# ============================================================================ invented data
# Nobody here is real. Coordinates are public places (a park, a lake, a beach, an old town).
DALAT = dict(lat=11.940419, lon=108.458313, alt=1500.3, city="Đà Lạt", sub="Công viên Yersin",
             state="Lâm Đồng", country="Việt Nam", code="VN", code3="VNM")
HOIAN = dict(lat=15.877122, lon=108.327415, city="Hội An", sub="Phố cổ Hội An",
             state="Quảng Nam", country="Việt Nam")
NHATRANG = dict(lat=12.238791, lon=109.196749)
HANOI = dict(lat=21.028511, lon=105.852020)
SAIGON = dict(lat=10.774530, lon=106.692310)

MAI_ANH = "Trần Thị Mai Anh"
HUNG = "Nguyễn Văn Hùng"
PHUC = "Lê Hoàng Phúc"
TRAM = "Phạm Ngọc Bảo Trâm"
THU_HA = "Đặng Thu Hà"          # photographer (author)
TOAN = "Bùi Quốc Toàn"          # camera owner
PHONE_1 = "0905 123 456"
PHONE_2 = "0938 472 615"
PHONE_3 = "0367 581 924"
PHONE_4 = "0912.846.305"
CCCD_1 = "068195004217"
EMAIL_1 = "maianh.tran95@example.com"

TAKEN = "2024:03:15 08:30:12"   # local time, +07:00
TAKEN_TZ = "+07:00"
MAC_TAKEN = 3793311012  # 2024-03-15 01:30:12 UTC in seconds since 1904

# ============================================================================ JPEG (baseline, greyscale)
# A real (decodable) JPEG encoder in a few lines: DCT, one quantisation table and Huffman
# tables of fixed-length codes (every DC size 4 bits, every AC run/size 8 bits), which any
# decoder accepts because the tables travel in the file.
ZIGZAG = sorted(((x, y) for y in range(8) for x in range(8)),
                key=lambda p: (p[0] + p[1], p[0] if (p[0] + p[1]) % 2 == 0 else p[1]))
QTABLE = [16, 11, 10, 16, 24, 40, 51, 61, 12, 12, 14, 19, 26, 58, 60, 55,
          14, 13, 16, 24, 40, 57, 69, 56, 14, 17, 22, 29, 51, 87, 80, 62,
          18, 22, 37, 56, 68, 109, 103, 77, 24, 35, 55, 64, 81, 104, 113, 92,
          49, 64, 78, 87, 103, 121, 120, 101, 72, 92, 95, 98, 112, 100, 103, 99]
DC_SYMBOLS = list(range(12))
AC_SYMBOLS = [0x00, 0xF0] + [(run << 4) | size for run in range(16) for size in range(1, 11)]


def jpeg_segment(marker, payload):
    return bytes([0xFF, marker]) + struct.pack(">H", len(payload) + 2) + payload


def jpeg_encode(pixels, width, height):
    """pixels: rows of 0..255; width and height multiples of 8."""
    bits = []

    def put(value, n):
        bits.extend((value >> i) & 1 for i in range(n - 1, -1, -1))

    def magnitude(v):
        size = abs(v).bit_length()
        return size, (v if v >= 0 else v + (1 << size) - 1)

    cos = [[math.cos((2 * x + 1) * u * math.pi / 16) for x in range(8)] for u in range(8)]
    prev_dc = 0
    for by in range(0, height, 8):
        for bx in range(0, width, 8):
            block = [[pixels[by + y][bx + x] - 128 for x in range(8)] for y in range(8)]
            zz = []
            for i, (u, v) in enumerate(ZIGZAG):
                cu = math.sqrt(0.5) if u == 0 else 1.0
                cv = math.sqrt(0.5) if v == 0 else 1.0
                s = sum(block[y][x] * cos[u][x] * cos[v][y] for y in range(8) for x in range(8))
                zz.append(int(round(0.25 * cu * cv * s / QTABLE[i])))
            size, val = magnitude(zz[0] - prev_dc)
            prev_dc = zz[0]
            put(size, 4)
            put(val, size)
            last = max([i for i in range(1, 64) if zz[i] != 0], default=0)
            run = 0
            for i in range(1, last + 1):
                if zz[i] == 0:
                    run += 1
                    continue
                while run > 15:
                    put(AC_SYMBOLS.index(0xF0), 8)
                    run -= 16
                size, val = magnitude(zz[i])
                put(AC_SYMBOLS.index((run << 4) | size), 8)
                put(val, size)
                run = 0
            if last < 63:
                put(AC_SYMBOLS.index(0x00), 8)
    bits.extend([1] * (-len(bits) % 8))
    scan = bytearray()
    for i in range(0, len(bits), 8):
        byte = int("".join(map(str, bits[i:i + 8])), 2)
        scan.append(byte)
        if byte == 0xFF:
            scan.append(0)
    dht = (bytes([0x00, 0, 0, 0, len(DC_SYMBOLS)] + [0] * 12) + bytes(DC_SYMBOLS)
           + bytes([0x10] + [0] * 7 + [len(AC_SYMBOLS)] + [0] * 8) + bytes(AC_SYMBOLS))
    return (b"\xFF\xD8"
            + jpeg_segment(0xE0, b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00")
            + jpeg_segment(0xDB, bytes([0]) + bytes(QTABLE))
            + jpeg_segment(0xC0, struct.pack(">BHHB", 8, height, width, 1) + bytes([1, 0x11, 0]))
            + jpeg_segment(0xC4, dht)
            + jpeg_segment(0xDA, bytes([1, 1, 0x00, 0, 63, 0]))
            + bytes(scan) + b"\xFF\xD9")


def test_pattern(width, height, seed):
    return [[(x * 9 + y * 5 + seed * 37 + ((x // 4 + y // 4) % 2) * 40) % 256 for x in range(width)]
            for y in range(height)]


def base_jpeg(seed=0, size=16):
    return jpeg_encode(test_pattern(size, size, seed), size, size)


def jpeg_split(data):
    """(segments before the image data as (marker, bytes)), rest starting at the first non-APP/COM marker."""
    pos, segs = 2, []
    while pos + 4 <= len(data) and data[pos] == 0xFF:
        marker = data[pos + 1]
        if not (0xE0 <= marker <= 0xEF or marker == 0xFE):
            break
        length = struct.unpack(">H", data[pos + 2:pos + 4])[0]
        segs.append((marker, data[pos:pos + 2 + length]))
        pos += 2 + length
    return segs, data[pos:]


def jpeg_join(segs, rest):
    return b"\xFF\xD8" + b"".join(s for _, s in segs) + rest


# ============================================================================ TIFF / IFD writer
ASCII, SHORT, LONG, RATIONAL, UNDEF, BYTE = 2, 3, 4, 5, 7, 1
TYPE_SIZE = {BYTE: 1, ASCII: 1, SHORT: 2, LONG: 4, RATIONAL: 8, UNDEF: 1}


def ifd_bytes(entries, start, e):
    """One IFD serialised for offset `start` (offsets relative to the TIFF/maker-note origin).
    entries: (tag, type, count, packed bytes) or (tag, LONG, 1, ("ifd", sub_entries))."""
    entries = sorted(entries, key=lambda t: t[0])
    head_len = 2 + 12 * len(entries) + 4
    head = bytearray(struct.pack(e + "H", len(entries)))
    data = bytearray()
    for tag, typ, count, val in entries:
        if isinstance(val, tuple):
            sub = ifd_bytes(val[1], start + head_len + len(data), e)
            head += struct.pack(e + "HHII", tag, LONG, 1, start + head_len + len(data))
            data += sub
        elif len(val) <= 4:
            head += struct.pack(e + "HHI", tag, typ, count) + val.ljust(4, b"\0")
        else:
            head += struct.pack(e + "HHII", tag, typ, count, start + head_len + len(data))
            data += val + (b"\0" if len(val) % 2 else b"")
    head += struct.pack(e + "I", 0)
    return bytes(head + data)


def t_ascii(tag, text):
    raw = text.encode() + b"\0"
    return (tag, ASCII, len(raw), raw)


def t_short(tag, *vals, e="<"):
    return (tag, SHORT, len(vals), struct.pack(e + "%dH" % len(vals), *vals))


def t_undef(tag, raw):
    return (tag, UNDEF, len(raw), raw)


def tiff_image(width, height, big_endian=False, extra=()):
    """A baseline uncompressed greyscale TIFF; `extra` entries are added to IFD0."""
    e = ">" if big_endian else "<"
    pix = bytes(((x * 20 + y * 10) % 256) for y in range(height) for x in range(width))
    base = [t_short(256, width, e=e), t_short(257, height, e=e), t_short(258, 8, e=e),
            t_short(259, 1, e=e), t_short(262, 1, e=e), t_short(277, 1, e=e),
            t_short(278, height, e=e), (279, LONG, 1, struct.pack(e + "I", len(pix))),
            (282, RATIONAL, 1, struct.pack(e + "II", 72, 1)),
            (283, RATIONAL, 1, struct.pack(e + "II", 72, 1)), t_short(296, 2, e=e)] + list(extra)
    # the strip offset depends on the IFD length, which does not depend on the offset's value
    probe = ifd_bytes(base + [(273, LONG, 1, b"\0\0\0\0")], 8, e)
    ifd = ifd_bytes(base + [(273, LONG, 1, struct.pack(e + "I", 8 + len(probe)))], 8, e)
    head = (b"MM\x00\x2a" if big_endian else b"II\x2a\x00") + struct.pack(e + "I", 8)
    return head + ifd + pix


# ============================================================================ PNG
def png_chunk(ctype, data):
    return struct.pack(">I", len(data)) + ctype + data + struct.pack(">I", zlib.crc32(ctype + data))


def png_chunks(data):
    pos, out = 8, []
    while pos + 12 <= len(data):
        length = struct.unpack(">I", data[pos:pos + 4])[0]
        out.append((data[pos + 4:pos + 8], data[pos:pos + 12 + length]))
        pos += 12 + length
    return out


def base_png(width=8, height=8, seed=0):
    raw = b"".join(b"\x00" + bytes(c for x in range(width)
                                   for c in ((x * 30 + seed * 50) % 256, (y * 30) % 256, ((x + y) * 15) % 256))
                   for y in range(height))
    # level 0 (stored) deflate: identical bytes with every zlib build
    return (b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + png_chunk(b"IDAT", zlib.compress(raw, 0)) + png_chunk(b"IEND", b""))


# ============================================================================ GIF
def base_gif(width=8, height=8):
    palette = bytes([0x20, 0x60, 0xA0, 0xF0, 0xC0, 0x40, 0x30, 0x90, 0x50, 0xE0, 0xE0, 0x10])
    pix = [((x // 2) + (y // 2)) % 4 for y in range(height) for x in range(width)]
    codes = []
    for i in range(0, len(pix), 2):
        codes.append(4)                  # clear code before every pair keeps codes 3 bits wide
        codes.extend(pix[i:i + 2])
    codes.append(5)                      # end of information
    acc = nbits = 0
    out = bytearray()
    for c in codes:
        acc |= c << nbits
        nbits += 3
        while nbits >= 8:
            out.append(acc & 0xFF)
            acc >>= 8
            nbits -= 8
    if nbits:
        out.append(acc & 0xFF)
    sub = b"".join(bytes([len(out[i:i + 255])]) + out[i:i + 255] for i in range(0, len(out), 255))
    return (b"GIF89a" + struct.pack("<HHBBB", width, height, 0x81, 0, 0) + palette
            + b"\x2C" + struct.pack("<HHHHB", 0, 0, width, height, 0) + b"\x02" + sub + b"\x00\x3B")


# ============================================================================ WebP (lossless, one colour)
def base_webp(width=16, height=16, argb=(255, 40, 120, 200)):
    bits = []

    def put(value, n):                   # VP8L packs bits LSB first
        bits.extend((value >> i) & 1 for i in range(n))

    put(0x2F, 8)
    put(width - 1, 14); put(height - 1, 14); put(0, 1); put(0, 3)
    put(0, 1); put(0, 1); put(0, 1)      # no transform, no colour cache, no meta prefix codes
    a, r, g, b = argb
    for symbol in (g, r, b, a):          # simple prefix codes with one symbol: 0 bits per pixel
        put(1, 1); put(0, 1); put(1, 1); put(symbol, 8)
    put(1, 1); put(0, 1); put(0, 1); put(0, 1)
    bits.extend([0] * (-len(bits) % 8))
    data = bytes(sum(bits[i + k] << k for k in range(8)) for i in range(0, len(bits), 8))
    chunk = b"VP8L" + struct.pack("<I", len(data)) + data + (b"\0" if len(data) % 2 else b"")
    return b"RIFF" + struct.pack("<I", 4 + len(chunk)) + b"WEBP" + chunk


# ============================================================================ ISOBMFF
def box(btype, payload=b""):
    return struct.pack(">I", 8 + len(payload)) + btype + payload


def fullbox(btype, version, flags, payload=b""):
    return box(btype, struct.pack(">I", (version << 24) | flags) + payload)


def boxes(data, start=0, end=None):
    """Top-level (type, start, end, header length) of a box sequence."""
    end = len(data) if end is None else end
    pos, out = start, []
    while pos + 8 <= end:
        size, btype = struct.unpack(">I4s", data[pos:pos + 8])
        hdr = 8
        if size == 1:
            size = struct.unpack(">Q", data[pos + 8:pos + 16])[0]
            hdr = 16
        elif size == 0:
            size = end - pos
        out.append((btype, pos, pos + size, hdr))
        pos += size
    return out


HVCC = box(b"hvcC", bytes([1, 1, 0x60, 0, 0, 0, 0x90, 0, 0, 0, 0, 0, 90, 0xF0, 0, 0xFC, 0xFD,
                           0xF8, 0xF8, 0, 0, 0x0F, 0]))
AV1C = box(b"av1C", bytes([0x81, 0x00, 0x0C, 0x00]))


def heif_image(brand, compat, coded_type, codec_prop, width=4032, height=3024, xmp=None):
    """A HEIF still image: item 1 is a placeholder coded image (metadata tests never decode
    pixels); optional XMP `mime` item linked to it by `cdsc`. ExifTool adds the Exif item."""
    coded = b"\x00\x00\x00\x10" + bytes(range(16))
    items = [(1, coded_type, None, coded)]
    if xmp is not None:
        items.append((2, b"mime", b"application/rdf+xml", xmp))

    def meta(offsets):
        hdlr = fullbox(b"hdlr", 0, 0, b"\0" * 4 + b"pict" + b"\0" * 12 + b"\0")
        dinf = box(b"dinf", fullbox(b"dref", 0, 0, struct.pack(">I", 1) + fullbox(b"url ", 0, 1)))
        pitm = fullbox(b"pitm", 0, 0, struct.pack(">H", 1))
        infes = b""
        for iid, itype, ctype, _ in items:
            body = struct.pack(">HH", iid, 0) + itype + b"\0" + (ctype + b"\0" if ctype else b"")
            infes += fullbox(b"infe", 2, 1 if iid > 1 else 0, body)
        iinf = fullbox(b"iinf", 0, 0, struct.pack(">H", len(items)) + infes)
        refs = b"".join(box(b"cdsc", struct.pack(">HHH", iid, 1, 1)) for iid, *_ in items[1:])
        iref = fullbox(b"iref", 0, 0, refs) if refs else b""
        ispe = fullbox(b"ispe", 0, 0, struct.pack(">II", width, height))
        ipma = fullbox(b"ipma", 0, 0, struct.pack(">IHB", 1, 1, 2) + bytes([0x81, 0x02]))
        iprp = box(b"iprp", box(b"ipco", codec_prop + ispe) + ipma)
        locs = b"".join(struct.pack(">HHHHII", iid, 0, 0, 1, off, len(data))
                        for (iid, _, _, data), off in zip(items, offsets))
        iloc = fullbox(b"iloc", 1, 0, bytes([0x44, 0x00]) + struct.pack(">H", len(items)) + locs)
        return fullbox(b"meta", 0, 0, hdlr + dinf + pitm + iinf + iref + iprp + iloc)

    ftyp = box(b"ftyp", brand + b"\0\0\0\0" + b"".join(compat))
    pos = len(ftyp) + len(meta([0] * len(items))) + 8
    offsets = []
    for *_x, data in items:
        offsets.append(pos)
        pos += len(data)
    return ftyp + meta(offsets) + box(b"mdat", b"".join(d for *_x, d in items))


MATRIX = struct.pack(">9I", 0x10000, 0, 0, 0, 0x10000, 0, 0, 0, 0x40000000)
SAMPLE = b"\x00\x00\x00\x0c\x65\x88\x84\x00\x33\xff\xff\xfe\xf0\x00\x00\x00"  # placeholder frame


def moov_box(created, chunk_offset, sample_size, quicktime=False, udta=b"", extra=b""):
    mvhd = fullbox(b"mvhd", 0, 0, struct.pack(">IIII", created, created, 1000, 1000)
                   + struct.pack(">IH", 0x10000, 0x100) + b"\0" * 10 + MATRIX + b"\0" * 24
                   + struct.pack(">I", 2))
    tkhd = fullbox(b"tkhd", 0, 3, struct.pack(">IIIII", created, created, 1, 0, 1000) + b"\0" * 8
                   + struct.pack(">hhhH", 0, 0, 0, 0) + MATRIX + struct.pack(">II", 64 << 16, 48 << 16))
    mdhd = fullbox(b"mdhd", 0, 0, struct.pack(">IIIIHH", created, created, 600, 600, 0x55C4, 0))
    hdlr = fullbox(b"hdlr", 0, 0, (b"mhlr" if quicktime else b"\0" * 4) + b"vide" + b"\0" * 12
                   + (b"\x0cVideoHandler" if quicktime else b"VideoHandler\0"))
    vmhd = fullbox(b"vmhd", 0, 1, b"\0" * 8)
    dinf = box(b"dinf", fullbox(b"dref", 0, 0, struct.pack(">I", 1) + fullbox(b"url ", 0, 1)))
    avcc = box(b"avcC", bytes([1, 66, 0, 10, 0xFF, 0xE0, 0]))
    avc1 = box(b"avc1", b"\0" * 6 + struct.pack(">H", 1) + b"\0" * 16
               + struct.pack(">HHII", 64, 48, 0x480000, 0x480000) + b"\0" * 4 + struct.pack(">H", 1)
               + b"\0" * 32 + struct.pack(">Hh", 0x18, -1) + avcc)
    stbl = box(b"stbl", fullbox(b"stsd", 0, 0, struct.pack(">I", 1) + avc1)
               + fullbox(b"stts", 0, 0, struct.pack(">III", 1, 1, 600))
               + fullbox(b"stsc", 0, 0, struct.pack(">IIII", 1, 1, 1, 1))
               + fullbox(b"stsz", 0, 0, struct.pack(">III", 0, 1, sample_size))
               + fullbox(b"stco", 0, 0, struct.pack(">II", 1, chunk_offset)))
    trak = box(b"trak", tkhd + box(b"mdia", mdhd + hdlr + box(b"minf", vmhd + dinf + stbl)))
    return box(b"moov", mvhd + trak + (box(b"udta", udta) if udta else b"") + extra)


def ftyp_box(brand, compat, quicktime=False):
    return box(b"ftyp", brand + (struct.pack(">I", 0x20050300) if quicktime else b"\0\0\x02\0")
               + b"".join(compat))


def movie(brand, compat, created, quicktime=False, moov_first=False, udta=b"", extra=b""):
    """A one-sample video file; mdat before moov unless moov_first."""
    lead = ftyp_box(brand, compat, quicktime) + (box(b"wide") if quicktime else b"")
    if moov_first:
        mlen = len(moov_box(created, 0, len(SAMPLE), quicktime, udta, extra))
        return lead + moov_box(created, len(lead) + mlen + 8, len(SAMPLE), quicktime, udta, extra) \
            + box(b"mdat", SAMPLE)
    return lead + box(b"mdat", SAMPLE) + moov_box(created, len(lead) + 8, len(SAMPLE), quicktime, udta, extra)


def mdat_first(data, quicktime=False):
    """ExifTool always writes mdat last; phones write ftyp, (wide,) mdat, moov. Reorder and
    shift the chunk offsets (stco) so the file stays valid."""
    top = boxes(data)
    ftyp = [data[s:e] for t, s, e, _ in top if t == b"ftyp"]
    mdat = [(s, e) for t, s, e, _ in top if t == b"mdat"]
    others = [data[s:e] for t, s, e, _ in top if t not in (b"ftyp", b"mdat", b"wide")]
    assert len(ftyp) == 1 and len(mdat) == 1
    lead = ftyp[0] + (box(b"wide") if quicktime else b"")
    shift = len(lead) - mdat[0][0]
    body = bytearray(b"".join(others))
    _shift_stco(body, 0, len(body), shift)
    return lead + data[mdat[0][0]:mdat[0][1]] + bytes(body)


def _shift_stco(buf, start, end, shift):
    for btype, s, e, hdr in boxes(buf, start, end):
        if btype in (b"moov", b"trak", b"mdia", b"minf", b"stbl"):
            _shift_stco(buf, s + hdr, e, shift)
        elif btype == b"stco":
            count = struct.unpack(">I", buf[s + 12:s + 16])[0]
            for i in range(count):
                p = s + 16 + 4 * i
                buf[p:p + 4] = struct.pack(">I", struct.unpack(">I", buf[p:p + 4])[0] + shift)


def lang_code(code3):
    return sum((ord(c) - 0x60) << (10 - 5 * i) for i, c in enumerate(code3))


def fixed_16_16(value):
    return struct.pack(">i", int(round(value * 65536)))


def loci_box(name, lat, lon, alt, role=0, body="earth", notes=""):
    """3GPP TS 26.244 location information box."""
    return fullbox(b"loci", 0, 0, struct.pack(">H", lang_code("und")) + name.encode() + b"\0"
                   + bytes([role]) + fixed_16_16(lon) + fixed_16_16(lat) + fixed_16_16(alt)
                   + body.encode() + b"\0" + notes.encode() + b"\0")


def iso6709(lat, lon, alt=None, decimals=4):
    s = "%+0*.*f%+0*.*f" % (decimals + 4, decimals, lat, decimals + 5, decimals, lon)
    if alt is not None:
        s += "%+.3f" % alt
    return s + "/"


def keys_meta(pairs):
    """QuickTime `meta` (plain atom, as iPhones write it) with mdta `keys` and an `ilst`."""
    hdlr = fullbox(b"hdlr", 0, 0, b"\0" * 4 + b"mdta" + b"\0" * 12 + b"\0")
    keys = fullbox(b"keys", 0, 0, struct.pack(">I", len(pairs))
                   + b"".join(struct.pack(">I", 8 + len(k)) + b"mdta" + k.encode() for k, _ in pairs))
    ilst = box(b"ilst", b"".join(box(struct.pack(">I", i + 1), box(b"data", struct.pack(">II", 1, 0) + v.encode()))
                                 for i, (_, v) in enumerate(pairs)))
    return box(b"meta", hdlr + keys + ilst)


# ============================================================================ XMP by hand
XMP_OPEN = ("<?xpacket begin='\ufeff' id='W5M0MpCehiHzreSzNTczkc9d'?>\n"
            "<x:xmpmeta xmlns:x='adobe:ns:meta/' x:xmptk='XMP Core 6.0.0'>\n"
            " <rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'>\n")
XMP_CLOSE = " </rdf:RDF>\n</x:xmpmeta>\n<?xpacket end='w'?>"


def iphone_face_xmp():
    """Face regions the way iOS writes them into HEIC: MWG regions of type Face, no names,
    Apple face-info extensions."""
    def region(x, y, w, h, face_id, yaw):
        return ("       <rdf:li rdf:parseType='Resource'>\n"
                "        <mwg-rs:Type>Face</mwg-rs:Type>\n"
                "        <mwg-rs:Area rdf:parseType='Resource'>\n"
                f"         <stArea:x>{x}</stArea:x><stArea:y>{y}</stArea:y>"
                f"<stArea:w>{w}</stArea:w><stArea:h>{h}</stArea:h>\n"
                "         <stArea:unit>normalized</stArea:unit>\n"
                "        </mwg-rs:Area>\n"
                "        <mwg-rs:Extensions rdf:parseType='Resource'>\n"
                f"         <apple-fi:AngleInfoYaw>{yaw}</apple-fi:AngleInfoYaw>\n"
                "         <apple-fi:AngleInfoRoll>0</apple-fi:AngleInfoRoll>\n"
                "         <apple-fi:ConfidenceLevel>998</apple-fi:ConfidenceLevel>\n"
                f"         <apple-fi:FaceID>{face_id}</apple-fi:FaceID>\n"
                "         <apple-fi:TimeStamp>1278470937</apple-fi:TimeStamp>\n"
                "        </mwg-rs:Extensions>\n"
                "       </rdf:li>\n")
    body = ("  <rdf:Description rdf:about=''\n"
            "    xmlns:mwg-rs='http://www.metadataworkinggroup.com/schemas/regions/'\n"
            "    xmlns:stDim='http://ns.adobe.com/xap/1.0/sType/Dimensions#'\n"
            "    xmlns:stArea='http://ns.adobe.com/xmp/sType/Area#'\n"
            "    xmlns:apple-fi='http://ns.apple.com/faceinfo/1.0/'\n"
            "    xmlns:photoshop='http://ns.adobe.com/photoshop/1.0/'>\n"
            "   <photoshop:DateCreated>2024-03-15T08:30:12.482+07:00</photoshop:DateCreated>\n"
            "   <mwg-rs:Regions rdf:parseType='Resource'>\n"
            "    <mwg-rs:AppliedToDimensions rdf:parseType='Resource'>\n"
            "     <stDim:h>3024</stDim:h><stDim:w>4032</stDim:w><stDim:unit>pixel</stDim:unit>\n"
            "    </mwg-rs:AppliedToDimensions>\n"
            "    <mwg-rs:RegionList>\n"
            "     <rdf:Bag>\n"
            + region(0.412, 0.338, 0.081, 0.108, 3, 0) + region(0.634, 0.352, 0.074, 0.099, 4, 45) +
            "     </rdf:Bag>\n"
            "    </mwg-rs:RegionList>\n"
            "   </mwg-rs:Regions>\n"
            "  </rdf:Description>\n")
    return (XMP_OPEN + body + XMP_CLOSE).encode()


# ============================================================================ ExifTool
class BuildError(Exception):
    pass


def exiftool(path, *args, allow_warning=False):
    """Write tags with ExifTool in place. UTF-8 arguments; IPTC written as UTF-8."""
    cmd = [EXIFTOOL, "-q", "-overwrite_original", "-charset", "iptc=UTF8", *args, str(path)]
    res = subprocess.run(cmd, capture_output=True)
    err = res.stderr.decode("utf-8", "replace").strip()
    if res.returncode != 0 or (err and not allow_warning):
        raise BuildError(f"exiftool failed on {path.name}: {' '.join(args)}\n{err}")


def exiftool_json(path, cwd=None):
    res = subprocess.run([EXIFTOOL, *ORACLE_ARGS, str(path)], capture_output=True, cwd=cwd)
    if res.returncode != 0:
        raise BuildError(f"exiftool could not read {path}: {res.stderr.decode(errors='replace')}")
    return res.stdout


def parse_oracle(raw):
    """ExifTool JSON may repeat a key (with -a, e.g. the same tag in two sub-documents):
    keep every occurrence."""
    def hook(pairs):
        out = {}
        for k, v in pairs:
            out.setdefault(k, []).append(v)
        return out
    return json.loads(raw, object_pairs_hook=hook)[0]


def write_tmp(tmp, name, data):
    p = tmp / name
    p.write_bytes(data)
    return p


def written(tmp, name, data, *args, allow_warning=False):
    """Write `data` to a temp file, run ExifTool with args on it, return the new bytes."""
    p = write_tmp(tmp, name, data)
    if args:
        exiftool(p, *args, allow_warning=allow_warning)
    return p.read_bytes()


# common ExifTool argument groups ---------------------------------------------------------------
def gps_args(place, alt=True):
    """EXIF GPS IFD tags for a place (numeric values, hemisphere in the Ref tags)."""
    a = [f"-GPSLatitude#={abs(place['lat'])}", "-GPSLatitudeRef=" + ("N" if place["lat"] >= 0 else "S"),
         f"-GPSLongitude#={abs(place['lon'])}", "-GPSLongitudeRef=" + ("E" if place["lon"] >= 0 else "W")]
    if alt and "alt" in place:
        a += [f"-GPSAltitude#={place['alt']}", "-GPSAltitudeRef#=0"]
    return a


def gps_expect(place, group="GPS", lat_field="GPSLatitude", lon_field="GPSLongitude", **extra):
    return [E("gps_location", group, lat_field, place["lat"], **extra),
            E("gps_location", group, lon_field, place["lon"], **extra)]


def E(category, group, field, value=None, **extra):
    item = {"category": category, "group": group, "field": field}
    if value is not None:
        item["value"] = value
    item.update(extra)
    return item


TAKEN_ARGS = [f"-ExifIFD:DateTimeOriginal={TAKEN}", f"-ExifIFD:OffsetTimeOriginal={TAKEN_TZ}"]
TAKEN_EXPECT = E("capture_time", "ExifIFD", "DateTimeOriginal", TAKEN)
PHONE_CAMERA = ["-IFD0:Make=samsung", "-IFD0:Model=Galaxy A54 5G", "-IFD0:Software=A546EXXS5CXA1"]


def iso_value(place, decimals, alt=None):
    """ExifTool -n value of a QuickTime GPSCoordinates tag written as ISO 6709 with n decimals."""
    parts = [round(place["lat"], decimals), round(place["lon"], decimals)] + ([alt] if alt is not None else [])
    return " ".join(fmt_num(v) for v in parts)


def fmt_num(v):
    return ("%.10f" % v).rstrip("0").rstrip(".")


def check_embedded(tmp, label, data, expects):
    """Expectations ExifTool cannot see in the final file are checked on the part before embedding."""
    p = write_tmp(tmp, "embedded-" + label, data)
    oracle = parse_oracle(exiftool_json(p))
    for item in expects:
        problem = match_expectation(oracle, item)
        if problem:
            raise BuildError(f"embedded {label}: {problem}")


# ============================================================================ fixtures
FIXTURES = []


def fixture(path, container, description, expect=(), clean=False, negatives=(), warnings=()):
    """Register a fixture builder. `warnings`: ExifTool warnings this file is meant to cause."""
    def register(build):
        FIXTURES.append(dict(path=path, container=container, description=description,
                             expect=list(expect), clean=clean, negatives=list(negatives),
                             warnings=list(warnings), build=build))
        return build
    return register


# ---------------------------------------------------------------------------- JPEG
@fixture("jpeg/gps-exif.jpg", "jpeg",
         "Phone photo (Samsung-style IFD0) with an EXIF GPS IFD: latitude, longitude, altitude, GPS time; "
         "DateTimeOriginal with offset.",
         gps_expect(DALAT) + [E("gps_location", "GPS", "GPSAltitude", DALAT["alt"]), TAKEN_EXPECT])
def _(tmp):
    return written(tmp, "a.jpg", base_jpeg(1), *PHONE_CAMERA, *TAKEN_ARGS, *gps_args(DALAT),
                   "-GPS:GPSTimeStamp=01:30:12", "-GPS:GPSDateStamp=2024:03:15", "-GPS:GPSMapDatum=WGS-84")


@fixture("jpeg/gps-xmp.jpg", "jpeg",
         "GPS only in XMP (exif:GPSLatitude / exif:GPSLongitude), no EXIF block at all.",
         gps_expect(HOIAN, "XMP-exif") + [E("capture_time", "XMP-exif", "DateTimeOriginal", TAKEN + TAKEN_TZ)])
def _(tmp):
    return written(tmp, "a.jpg", base_jpeg(2), f"-XMP-exif:GPSLatitude#={HOIAN['lat']}",
                   f"-XMP-exif:GPSLongitude#={HOIAN['lon']}", f"-XMP-exif:DateTimeOriginal={TAKEN}{TAKEN_TZ}")


@fixture("jpeg/location-iptc.jpg", "jpeg",
         "IPTC-IIM (APP13 Photoshop IRB, UTF-8) City, Sub-location, Province-State, Country name and code.",
         [E("location_name", "IPTC", "City", DALAT["city"]),
          E("location_name", "IPTC", "Sub-location", DALAT["sub"]),
          E("location_name", "IPTC", "Province-State", DALAT["state"]),
          E("location_name", "IPTC", "Country-PrimaryLocationName", DALAT["country"])])
def _(tmp):
    return written(tmp, "a.jpg", base_jpeg(3), "-IPTC:CodedCharacterSet=UTF8",
                   f"-IPTC:City={DALAT['city']}", f"-IPTC:Sub-location={DALAT['sub']}",
                   f"-IPTC:Province-State={DALAT['state']}",
                   f"-IPTC:Country-PrimaryLocationName={DALAT['country']}",
                   f"-IPTC:Country-PrimaryLocationCode={DALAT['code3']}")


@fixture("jpeg/location-xmp.jpg", "jpeg",
         "XMP location fields: photoshop:City/State/Country, Iptc4xmpCore:Location, iptcExt LocationShown "
         "(with GPS inside the structure) and LocationCreated.",
         [E("location_name", "XMP-photoshop", "City", HOIAN["city"]),
          E("location_name", "XMP-photoshop", "State", HOIAN["state"]),
          E("location_name", "XMP-photoshop", "Country", HOIAN["country"]),
          E("location_name", "XMP-iptcCore", "Location", HOIAN["sub"]),
          E("location_name", "XMP-iptcExt", "LocationShownCity", DALAT["city"]),
          E("location_name", "XMP-iptcExt", "LocationShownSublocation", DALAT["sub"]),
          E("location_name", "XMP-iptcExt", "LocationCreatedCity", HOIAN["city"])]
         + gps_expect(DALAT, "XMP-iptcExt", "LocationShownGPSLatitude", "LocationShownGPSLongitude"))
def _(tmp):
    shown = (f"{{City={DALAT['city']},Sublocation={DALAT['sub']},ProvinceState={DALAT['state']},"
             f"CountryName={DALAT['country']},CountryCode={DALAT['code']},"
             f"GPSLatitude={DALAT['lat']},GPSLongitude={DALAT['lon']}}}")
    created = f"{{City={HOIAN['city']},Sublocation={HOIAN['sub']},CountryName={HOIAN['country']}}}"
    return written(tmp, "a.jpg", base_jpeg(4), f"-XMP-photoshop:City={HOIAN['city']}",
                   f"-XMP-photoshop:State={HOIAN['state']}", f"-XMP-photoshop:Country={HOIAN['country']}",
                   f"-XMP-iptcCore:Location={HOIAN['sub']}", "-XMP-iptcCore:CountryCode=VN",
                   f"-XMP-iptcExt:LocationShown={shown}", f"-XMP-iptcExt:LocationCreated={created}")


@fixture("jpeg/faces-mwg.jpg", "jpeg",
         "MWG face regions (XMP mwg-rs) with names: two Face regions and one Pet region named after the dog.",
         [E("face_region", "XMP-mwg-rs", "RegionType", "Face", count=2),
          E("person_tag", "XMP-mwg-rs", "RegionName", MAI_ANH),
          E("person_tag", "XMP-mwg-rs", "RegionName", HUNG)],
         negatives=[E("person_tag", "XMP-mwg-rs", "RegionName", "Mực",
                      note="name of a Pet region, not a person")])
def _(tmp):
    regions = ("{AppliedToDimensions={W=4000,H=3000,Unit=pixel},RegionList=["
               f"{{Area={{X=0.31,Y=0.42,W=0.1,H=0.15,Unit=normalized}},Type=Face,Name={MAI_ANH}}},"
               f"{{Area={{X=0.62,Y=0.40,W=0.09,H=0.14,Unit=normalized}},Type=Face,Name={HUNG}}},"
               "{Area={X=0.5,Y=0.82,W=0.2,H=0.12,Unit=normalized},Type=Pet,Name=Mực}]}")
    return written(tmp, "a.jpg", base_jpeg(5), f"-XMP-mwg-rs:RegionInfo={regions}")


@fixture("jpeg/faces-mp.jpg", "jpeg",
         "Microsoft Photo RegionInfo (XMP MP / MPRI) with PersonDisplayName and rectangles, as Windows Photo "
         "Gallery writes them.",
         [E("face_region", "XMP-MP", "RegionRectangle", count=2),
          E("person_tag", "XMP-MP", "RegionPersonDisplayName", PHUC),
          E("person_tag", "XMP-MP", "RegionPersonDisplayName", TRAM)])
def _(tmp):
    info = ("{Regions=["
            f"{{PersonDisplayName={PHUC},Rectangle=0.1|, 0.2|, 0.15|, 0.2}},"
            f"{{PersonDisplayName={TRAM},Rectangle=0.55|, 0.25|, 0.14|, 0.19}}]}}")
    return written(tmp, "a.jpg", base_jpeg(6), f"-XMP-MP:RegionInfoMP={info}")


@fixture("jpeg/people-keywords.jpg", "jpeg",
         "People named outside regions: iptcExt PersonInImage, digiKam TagsList \"People/…\", Lightroom "
         "HierarchicalSubject \"People|…\"; dc:subject and a second TagsList entry hold places, not people.",
         [E("person_tag", "XMP-iptcExt", "PersonInImage", MAI_ANH),
          E("person_tag", "XMP-iptcExt", "PersonInImage", PHUC),
          E("person_tag", "XMP-digiKam", "TagsList", f"People/{HUNG}"),
          E("person_tag", "XMP-lr", "HierarchicalSubject", f"People|{TRAM}")],
         negatives=[E("person_tag", "XMP-dc", "Subject", "Đà Lạt", note="place keyword"),
                    E("person_tag", "XMP-digiKam", "TagsList", "Du lịch/Đà Lạt", note="not under People/")])
def _(tmp):
    return written(tmp, "a.jpg", base_jpeg(7), f"-XMP-iptcExt:PersonInImage={MAI_ANH}",
                   f"-XMP-iptcExt:PersonInImage+={PHUC}", f"-XMP-digiKam:TagsList=People/{HUNG}",
                   "-XMP-digiKam:TagsList+=Du lịch/Đà Lạt", f"-XMP-lr:HierarchicalSubject=People|{TRAM}",
                   "-XMP-dc:Subject=Đà Lạt", "-XMP-dc:Subject+=du lịch")


@fixture("jpeg/serials.jpg", "jpeg",
         "Device identity: EXIF BodySerialNumber (ExifTool SerialNumber), LensSerialNumber, CameraOwnerName "
         "(ExifTool OwnerName), plus the XMP aux: copies Lightroom writes.",
         [E("device_identity", "ExifIFD", "SerialNumber", "042031005871"),
          E("device_identity", "ExifIFD", "LensSerialNumber", "0000a81c3f"),
          E("device_identity", "ExifIFD", "OwnerName", TOAN),
          E("device_identity", "XMP-aux", "SerialNumber", "042031005871"),
          E("device_identity", "XMP-aux", "LensSerialNumber", "0000a81c3f"),
          E("device_identity", "XMP-aux", "OwnerName", TOAN),
          TAKEN_EXPECT])
def _(tmp):
    return written(tmp, "a.jpg", base_jpeg(8), "-IFD0:Make=Canon", "-IFD0:Model=Canon EOS R6",
                   *TAKEN_ARGS, "-ExifIFD:SerialNumber=042031005871", "-ExifIFD:LensSerialNumber=0000a81c3f",
                   f"-ExifIFD:OwnerName={TOAN}", "-ExifIFD:LensModel=RF24-105mm F4 L IS USM",
                   "-XMP-aux:SerialNumber=042031005871", "-XMP-aux:LensSerialNumber=0000a81c3f",
                   f"-XMP-aux:OwnerName={TOAN}")


def fujifilm_makernote():
    """FujiFilm maker note ("FUJIFILM" + LE IFD, offsets from the note start) with an internal
    serial number, face detection and face recognition (registered names and birthdays)."""
    e = "<"
    faces = [("Mai Anh", "19930303", 4), ("Bao Tram", "20150606", 8)]
    rec_len = 64
    table = b"".join(struct.pack(e + "II", 24 + i * rec_len, rec_len) for i in range(2)) + b"\0" * 8
    records, strings = b"", b""
    str_base = 24 + rec_len * len(faces)
    for name, birthday, category in faces:
        rec = bytearray(rec_len)
        name_off = str_base + len(strings)
        strings += name.encode()
        date_off = str_base + len(strings)
        strings += birthday.encode()
        struct.pack_into(e + "II", rec, 30, len(name), name_off)
        rec[46] = category
        struct.pack_into(e + "II", rec, 54, len(birthday), date_off)
        records += bytes(rec)
    facerec = table + records + strings
    entries = [t_undef(0x0000, b"0130"),
               t_ascii(0x0010, "FFDT22A1234567 593035302035 31320417"),
               t_short(0x4100, 2),
               t_short(0x4103, 1210, 1260, 1610, 1710, 2480, 1200, 2840, 1600),
               t_undef(0x4282, facerec)]
    return b"FUJIFILM" + struct.pack(e + "I", 12) + ifd_bytes(entries, 12, e)


@fixture("jpeg/makernote-fujifilm.jpg", "jpeg",
         "FujiFilm maker note (built by hand, ExifTool cannot create maker notes): InternalSerialNumber, "
         "FacesDetected/FacePositions and FaceRecInfo with two registered names and birthdays.",
         [E("device_identity", "FujiFilm", "InternalSerialNumber", "FFDT22A1234567 593035302035 31320417"),
          E("face_region", "FujiFilm", "FacesDetected", 2, count=2),
          E("person_tag", "FujiFilm", "Face1Name", "Mai Anh"),
          E("person_tag", "FujiFilm", "Face2Name", "Bao Tram"),
          E("date_of_birth", "FujiFilm", "Face1Birthday", "1993:03:03"),
          E("date_of_birth", "FujiFilm", "Face2Birthday", "2015:06:06"),
          TAKEN_EXPECT])
def _(tmp):
    e = "<"
    exif_ifd = [t_undef(0x9000, b"0232"), t_undef(0x927C, fujifilm_makernote())]
    ifd0 = [t_ascii(0x010F, "FUJIFILM"), t_ascii(0x0110, "X-T30 II"),
            (0x8769, LONG, 1, ("ifd", exif_ifd))]
    tiff = b"II*\0" + struct.pack(e + "I", 8) + ifd_bytes(ifd0, 8, e)
    segs, rest = jpeg_split(base_jpeg(9))
    segs.insert(1, (0xE1, jpeg_segment(0xE1, b"Exif\0\0" + tiff)))
    return written(tmp, "a.jpg", jpeg_join(segs, rest), *TAKEN_ARGS)


@fixture("jpeg/authors.jpg", "jpeg",
         "Author identity in four places: IFD0 Artist, IFD0 XPAuthor (UCS-2), XMP dc:creator, IPTC By-line; "
         "the copyright notice names the author too.",
         [E("author_identity", "IFD0", "Artist", THU_HA),
          E("author_identity", "IFD0", "XPAuthor", THU_HA),
          E("author_identity", "XMP-dc", "Creator", THU_HA),
          E("author_identity", "IPTC", "By-line", THU_HA)])
def _(tmp):
    return written(tmp, "a.jpg", base_jpeg(10), f"-IFD0:Artist={THU_HA}", f"-IFD0:XPAuthor={THU_HA}",
                   f"-XMP-dc:Creator={THU_HA}", "-IPTC:CodedCharacterSet=UTF8", f"-IPTC:By-line={THU_HA}",
                   f"-IFD0:Copyright=© 2024 {THU_HA}", f"-XMP-dc:Rights=© 2024 {THU_HA}")


@fixture("jpeg/captions.jpg", "jpeg",
         "Personal numbers inside captions: IFD0 ImageDescription, ExifIFD UserComment (UNICODE), IFD0 "
         "XPComment, XMP dc:description, IPTC Caption-Abstract.",
         [E("phone_number", "IFD0", "ImageDescription", PHONE_1),
          E("national_id", "ExifIFD", "UserComment", CCCD_1),
          E("phone_number", "IFD0", "XPComment", PHONE_2),
          E("phone_number", "XMP-dc", "Description", PHONE_1),
          E("email_address", "XMP-dc", "Description", EMAIL_1),
          E("national_id", "IPTC", "Caption-Abstract", CCCD_1)])
def _(tmp):
    return written(tmp, "a.jpg", base_jpeg(11),
                   f"-IFD0:ImageDescription=Bé Mai Anh đi lạc ở {DALAT['sub']}, ai thấy xin gọi {PHONE_1}",
                   f"-ExifIFD:UserComment=Nhặt được CCCD số {CCCD_1} mang tên {MAI_ANH}",
                   f"-IFD0:XPComment=Liên hệ chị Hà {PHONE_2} để nhận lại",
                   f"-XMP-dc:Description=Gia đình cảm ơn mọi người. SĐT {PHONE_1}, email {EMAIL_1}",
                   "-IPTC:CodedCharacterSet=UTF8",
                   f"-IPTC:Caption-Abstract=Thông báo nhặt được căn cước {CCCD_1} tại {DALAT['city']}")


@fixture("jpeg/com-comment.jpg", "jpeg", "A JPEG COM segment holding a phone number, nothing else.",
         [E("phone_number", "File", "Comment", PHONE_3)])
def _(tmp):
    return written(tmp, "a.jpg", base_jpeg(12), f"-Comment=Chụp ở nhà chị Mai Anh, SĐT {PHONE_3}")


@fixture("jpeg/thumbnail.jpg", "jpeg",
         "EXIF thumbnail in IFD1 (a different 8x8 JPEG) next to GPS and DateTimeOriginal.",
         [E("embedded_preview", "IFD1", "ThumbnailImage"), TAKEN_EXPECT] + gps_expect(NHATRANG))
def _(tmp):
    thumb = write_tmp(tmp, "thumb.jpg", jpeg_encode(test_pattern(8, 8, 20), 8, 8))
    return written(tmp, "a.jpg", base_jpeg(13), *PHONE_CAMERA, *TAKEN_ARGS, *gps_args(NHATRANG),
                   f"-ThumbnailImage<={thumb}")


@fixture("jpeg/previews-photoshop-xmp.jpg", "jpeg",
         "Previews outside EXIF: a Photoshop IRB thumbnail (resource 0x040C) and an XMP xmpGImg thumbnail.",
         [E("embedded_preview", "Photoshop", "PhotoshopThumbnail"),
          E("embedded_preview", "XMP-xmp", "ThumbnailImage")])
def _(tmp):
    thumb_bytes = jpeg_encode(test_pattern(8, 8, 21), 8, 8)
    thumb = write_tmp(tmp, "thumb.jpg", thumb_bytes)
    b64 = base64.b64encode(thumb_bytes).decode()
    return written(tmp, "a.jpg", base_jpeg(14), f"-Photoshop:PhotoshopThumbnail<={thumb}",
                   f"-XMP-xmp:Thumbnails={{Format=JPEG,Width=8,Height=8,Image={b64}}}")


def mpf_segment(entries, e=">"):
    """APP2 MPF index IFD; entries: (attribute, size, offset) with offsets from the MP header."""
    ifd = [t_undef(0xB000, b"0100"), (0xB001, LONG, 1, struct.pack(e + "I", len(entries))),
           t_undef(0xB002, b"".join(struct.pack(e + "IIIHH", a, s, o, 0, 0) for a, s, o in entries))]
    tiff = (b"MM\0*" if e == ">" else b"II*\0") + struct.pack(e + "I", 8) + ifd_bytes(ifd, 8, e)
    return jpeg_segment(0xE2, b"MPF\0" + tiff)


@fixture("jpeg/mpf-gps.jpg", "jpeg",
         "MPF multi-picture JPEG (APP2 MPF index written by hand): the primary image has no GPS, the second "
         "image (a large thumbnail) carries its own EXIF with GPS and serial number.",
         [E("embedded_preview", "MPImage2", "PreviewImage"), E("capture_time", "ExifIFD", "DateTimeOriginal", TAKEN)]
         + gps_expect(SAIGON, part="MPF image 2")
         + [E("device_identity", "ExifIFD", "SerialNumber", "R5CT30XYZ1A", part="MPF image 2")])
def _(tmp):
    second = written(tmp, "b.jpg", base_jpeg(16), *PHONE_CAMERA, *TAKEN_ARGS, *gps_args(SAIGON),
                     "-ExifIFD:SerialNumber=R5CT30XYZ1A")
    primary = written(tmp, "a.jpg", base_jpeg(15), *PHONE_CAMERA, *TAKEN_ARGS)
    segs, rest = jpeg_split(primary)
    insert_at = max(i for i, (m, _) in enumerate(segs) if m == 0xE1) + 1
    # the MP header offset (start of "MM") in the final file: SOI + segments before + FFE2 len "MPF\0"
    header_pos = 2 + sum(len(s) for _, s in segs[:insert_at]) + 4 + 4
    probe = mpf_segment([(0, 0, 0), (0, 0, 0)])
    first_len = len(primary) + len(probe)
    seg = mpf_segment([(0x20030000, first_len, 0), (0x00010001, len(second), first_len - header_pos)])
    segs.insert(insert_at, (0xE2, seg))
    return jpeg_join(segs, rest) + second


@fixture("jpeg/trailer-jpeg.jpg", "jpeg",
         "Data after EOI (as motion-photo and some editor outputs): a complete second JPEG with its own EXIF "
         "GPS is appended after the main image's EOI. ExifTool does not read it.",
         [E("embedded_preview", "File", "TrailerJPEG", exiftool=False)]
         + gps_expect(HANOI, part="trailer JPEG", exiftool=False)
         + [E("capture_time", "ExifIFD", "DateTimeOriginal", TAKEN, part="trailer JPEG", exiftool=False)])
def _(tmp):
    main = written(tmp, "a.jpg", base_jpeg(17), "-IFD0:Make=Google", "-IFD0:Model=Pixel 8")
    tail = written(tmp, "b.jpg", base_jpeg(18), *TAKEN_ARGS, *gps_args(HANOI))
    check_embedded(tmp, "trailer", tail, gps_expect(HANOI) + [TAKEN_EXPECT])
    return main + tail


@fixture("jpeg/motion-photo.jpg", "jpeg",
         "Google motion photo: MicroVideo XMP in the JPEG and an MP4 appended after EOI whose udta ©xyz holds "
         "the location. ExifTool reports the embedded video but not its metadata.",
         [E("embedded_preview", "File", "EmbeddedVideo"),
          E("gps_location", "UserData", "GPSCoordinates", iso_value(HANOI, 4), part="trailer MP4",
            exiftool=False, latitude=round(HANOI["lat"], 4), longitude=round(HANOI["lon"], 4)),
          E("capture_time", "QuickTime", "CreateDate", "2024:03:15 01:30:12", part="trailer MP4", exiftool=False)])
def _(tmp):
    video = written(tmp, "v.mp4", movie(b"mp42", [b"isom", b"mp42"], MAC_TAKEN),
                    f"-UserData:GPSCoordinates#={HANOI['lat']:.4f} {HANOI['lon']:.4f}")
    video = mdat_first(video)
    check_embedded(tmp, "motion.mp4", video,
                   [E("gps_location", "UserData", "GPSCoordinates", iso_value(HANOI, 4)),
                    E("capture_time", "QuickTime", "CreateDate", "2024:03:15 01:30:12")])
    main = written(tmp, "a.jpg", base_jpeg(19), "-IFD0:Make=Google", "-IFD0:Model=Pixel 8",
                   "-XMP-GCamera:MicroVideo=1", "-XMP-GCamera:MicroVideoVersion=1",
                   f"-XMP-GCamera:MicroVideoOffset={len(video)}",
                   "-XMP-GCamera:MicroVideoPresentationTimestampUs=466666")
    return main + video


EXT_XMP_SIG = b"http://ns.adobe.com/xmp/extension/\0"


@fixture("jpeg/xmp-extended.jpg", "jpeg",
         "Extended XMP assembled by hand: the standard XMP packet holds only xmpNote:HasExtendedXMP and "
         "CreatorTool; faces, names and GPS are in the extended packet, split into two APP1 chunks stored "
         "out of order (offset 2nd chunk first).",
         [E("face_region", "XMP-mwg-rs", "RegionType", "Face", count=1),
          E("person_tag", "XMP-mwg-rs", "RegionName", TRAM),
          E("person_tag", "XMP-iptcExt", "PersonInImage", TRAM)]
         + gps_expect(DALAT, "XMP-exif"))
def _(tmp):
    side = tmp / "ext.xmp"
    side.unlink(missing_ok=True)
    regions = ("{AppliedToDimensions={W=6000,H=4000,Unit=pixel},RegionList=["
               f"{{Area={{X=0.48,Y=0.37,W=0.08,H=0.12,Unit=normalized}},Type=Face,Name={TRAM}}}]}}")
    res = subprocess.run([EXIFTOOL, "-q", "-o", str(side), f"-XMP-mwg-rs:RegionInfo={regions}",
                          f"-XMP-iptcExt:PersonInImage={TRAM}", f"-XMP-exif:GPSLatitude#={DALAT['lat']}",
                          f"-XMP-exif:GPSLongitude#={DALAT['lon']}"], capture_output=True)
    if res.returncode:
        raise BuildError(res.stderr.decode())
    lines = side.read_bytes().split(b"\n")
    ext = b"\n".join(l for l in lines if not l.startswith(b"<?xpacket")).strip() + b"\n"
    guid = hashlib.md5(ext).hexdigest().upper().encode()
    main = (XMP_OPEN.replace("XMP Core 6.0.0", "Adobe XMP Core 7.0-c000 79.1357c9e, 2021/07/14-00:39:56")
            + "  <rdf:Description rdf:about=''\n"
              "    xmlns:xmp='http://ns.adobe.com/xap/1.0/'\n"
              "    xmlns:xmpNote='http://ns.adobe.com/xmp/note/'>\n"
              "   <xmp:CreatorTool>Adobe Photoshop Lightroom Classic 13.2 (Windows)</xmp:CreatorTool>\n"
              f"   <xmpNote:HasExtendedXMP>{guid.decode()}</xmpNote:HasExtendedXMP>\n"
              "  </rdf:Description>\n" + XMP_CLOSE).encode()
    half = len(ext) // 2
    chunks = [(half, ext[half:]), (0, ext[:half])]
    segs, rest = jpeg_split(base_jpeg(20))
    segs.append((0xE1, jpeg_segment(0xE1, b"http://ns.adobe.com/xap/1.0/\0" + main)))
    for off, part in chunks:
        segs.append((0xE1, jpeg_segment(0xE1, EXT_XMP_SIG + guid + struct.pack(">II", len(ext), off) + part)))
    return jpeg_join(segs, rest)


@fixture("jpeg/gps-empty-ifd.jpg", "jpeg",
         "A GPS IFD that holds only GPSVersionID (what some phones write with location off): report low.",
         [E("gps_location", "GPS", "GPSVersionID", "2 3 0 0", severity="low")])
def _(tmp):
    return written(tmp, "a.jpg", base_jpeg(21), *PHONE_CAMERA, "-GPS:GPSVersionID=2.3.0.0")


@fixture("jpeg/gps-zero.jpg", "jpeg", "GPS latitude and longitude both 0 (no fix): report low.",
         [E("gps_location", "GPS", "GPSLatitude", 0, severity="low"),
          E("gps_location", "GPS", "GPSLongitude", 0, severity="low")])
def _(tmp):
    return written(tmp, "a.jpg", base_jpeg(22), *PHONE_CAMERA,
                   *gps_args(dict(lat=0.0, lon=0.0), alt=False))


@fixture("jpeg/clean.jpg", "jpeg", "Clean: JFIF only, no metadata.", clean=True)
def _(tmp):
    return base_jpeg(23)


@fixture("jpeg/clean-camera.jpg", "jpeg",
         "Clean: camera EXIF that is not personal (make, model, exposure, orientation), no serials, "
         "dates, GPS or names.", clean=True)
def _(tmp):
    return written(tmp, "a.jpg", base_jpeg(24), "-IFD0:Make=Canon", "-IFD0:Model=Canon EOS R6",
                   "-IFD0:Orientation#=1", "-ExifIFD:ExposureTime=1/250", "-ExifIFD:FNumber=5.6",
                   "-ExifIFD:ISO=200", "-ExifIFD:FocalLength=50", "-ExifIFD:ColorSpace#=1")


# ---------------------------------------------------------------------------- TIFF / DNG
@fixture("tiff/exif-gps.tif", "tiff",
         "Baseline TIFF (II) with IFD0 Artist and ImageDescription, ExifIFD serial/owner/date and a GPS IFD.",
         [E("author_identity", "IFD0", "Artist", THU_HA),
          E("phone_number", "IFD0", "ImageDescription", PHONE_4),
          E("device_identity", "ExifIFD", "SerialNumber", "3021547"),
          E("device_identity", "ExifIFD", "OwnerName", TOAN), TAKEN_EXPECT] + gps_expect(DALAT))
def _(tmp):
    return written(tmp, "a.tif", tiff_image(16, 16), "-IFD0:Make=NIKON CORPORATION", "-IFD0:Model=NIKON Z 6_2",
                   f"-IFD0:Artist={THU_HA}", f"-IFD0:ImageDescription=Đặt ảnh in gọi {PHONE_4}",
                   "-ExifIFD:SerialNumber=3021547", f"-ExifIFD:OwnerName={TOAN}", *TAKEN_ARGS, *gps_args(DALAT))


@fixture("tiff/xmp-iptc.tif", "tiff",
         "TIFF with XMP in tag 700 (creator, face region with name, PersonInImage, city) and IPTC-IIM in "
         "tag 33723 (city, by-line, caption with a phone number).",
         [E("author_identity", "XMP-dc", "Creator", THU_HA),
          E("face_region", "XMP-mwg-rs", "RegionType", "Face", count=1),
          E("person_tag", "XMP-mwg-rs", "RegionName", HUNG),
          E("person_tag", "XMP-iptcExt", "PersonInImage", HUNG),
          E("location_name", "XMP-photoshop", "City", DALAT["city"]),
          E("location_name", "IPTC", "City", DALAT["city"]),
          E("author_identity", "IPTC", "By-line", THU_HA),
          E("phone_number", "IPTC", "Caption-Abstract", PHONE_2)])
def _(tmp):
    regions = ("{AppliedToDimensions={W=16,H=16,Unit=pixel},RegionList=["
               f"{{Area={{X=0.5,Y=0.5,W=0.25,H=0.25,Unit=normalized}},Type=Face,Name={HUNG}}}]}}")
    return written(tmp, "a.tif", tiff_image(16, 16), f"-XMP-dc:Creator={THU_HA}",
                   f"-XMP-mwg-rs:RegionInfo={regions}", f"-XMP-iptcExt:PersonInImage={HUNG}",
                   f"-XMP-photoshop:City={DALAT['city']}", "-IPTC:CodedCharacterSet=UTF8",
                   f"-IPTC:City={DALAT['city']}", f"-IPTC:By-line={THU_HA}",
                   f"-IPTC:Caption-Abstract=Ảnh cưới, đặt lịch chụp: {PHONE_2}")


@fixture("tiff/dng-like.dng", "tiff",
         "DNG-like big-endian TIFF (MM, DNGVersion 1.4): IFD0 CameraSerialNumber and UniqueCameraModel, "
         "EXIF owner name and a GPS IFD.",
         [E("device_identity", "IFD0", "CameraSerialNumber", "9ZB04117"),
          E("device_identity", "ExifIFD", "OwnerName", TOAN)] + gps_expect(HOIAN))
def _(tmp):
    e = ">"
    extra = [(50706, BYTE, 4, bytes([1, 4, 0, 0])), t_ascii(50708, "Sony ILCE-7M4"),
             t_ascii(0x010F, "SONY"), t_ascii(0x0110, "ILCE-7M4")]
    return written(tmp, "a.dng", tiff_image(16, 16, big_endian=True, extra=extra),
                   "-IFD0:CameraSerialNumber=9ZB04117", f"-ExifIFD:OwnerName={TOAN}", *gps_args(HOIAN))


@fixture("tiff/clean.tif", "tiff", "Clean baseline TIFF: image tags only.", clean=True)
def _(tmp):
    return tiff_image(16, 16)


# ---------------------------------------------------------------------------- PNG
@fixture("png/exif-gps.png", "png", "PNG eXIf chunk with GPS, DateTimeOriginal and Artist.",
         gps_expect(NHATRANG) + [TAKEN_EXPECT, E("author_identity", "IFD0", "Artist", THU_HA)])
def _(tmp):
    return written(tmp, "a.png", base_png(seed=1), *TAKEN_ARGS, *gps_args(NHATRANG), f"-IFD0:Artist={THU_HA}")


@fixture("png/xmp-itxt.png", "png",
         "PNG iTXt XML:com.adobe.xmp: MWG face with name, PersonInImage, photoshop:City, dc:creator and XMP GPS.",
         [E("face_region", "XMP-mwg-rs", "RegionType", "Face", count=1),
          E("person_tag", "XMP-mwg-rs", "RegionName", MAI_ANH),
          E("person_tag", "XMP-iptcExt", "PersonInImage", MAI_ANH),
          E("location_name", "XMP-photoshop", "City", HOIAN["city"]),
          E("author_identity", "XMP-dc", "Creator", THU_HA)] + gps_expect(HOIAN, "XMP-exif"))
def _(tmp):
    regions = ("{AppliedToDimensions={W=8,H=8,Unit=pixel},RegionList=["
               f"{{Area={{X=0.5,Y=0.5,W=0.5,H=0.5,Unit=normalized}},Type=Face,Name={MAI_ANH}}}]}}")
    return written(tmp, "a.png", base_png(seed=2), f"-XMP-mwg-rs:RegionInfo={regions}",
                   f"-XMP-iptcExt:PersonInImage={MAI_ANH}", f"-XMP-photoshop:City={HOIAN['city']}",
                   f"-XMP-dc:Creator={THU_HA}", f"-XMP-exif:GPSLatitude#={HOIAN['lat']}",
                   f"-XMP-exif:GPSLongitude#={HOIAN['lon']}")


def raw_profile(kind, payload):
    """ImageMagick's "Raw profile type <kind>" text: newline, kind, length, hex in 72-char lines."""
    hexed = payload.hex()
    lines = "\n".join(hexed[i:i + 72] for i in range(0, len(hexed), 72))
    return f"\n{kind}\n{len(payload):8d}\n{lines}\n".encode()


@fixture("png/raw-profile.png", "png",
         "Old ImageMagick style: zTXt \"Raw profile type exif\" (hex EXIF with GPS and serial number, built by "
         "hand) and zTXt \"Raw profile type iptc\" (written by ExifTool: city, by-line).",
         gps_expect(HANOI) + [E("device_identity", "ExifIFD", "SerialNumber", "SN4829173056"),
                              E("location_name", "IPTC", "City", "Hà Nội"),
                              E("author_identity", "IPTC", "By-line", THU_HA)])
def _(tmp):
    donor = written(tmp, "donor.jpg", base_jpeg(25), *gps_args(HANOI), "-ExifIFD:SerialNumber=SN4829173056")
    segs, _ = jpeg_split(donor)
    app1 = next(s for m, s in segs if m == 0xE1 and s[4:10] == b"Exif\0\0")
    exif_payload = app1[4:]                       # "Exif\0\0" + TIFF, as ImageMagick stores it
    text = b"Raw profile type exif\0\0" + zlib.compress(raw_profile("exif", exif_payload), 9)
    chunks = png_chunks(base_png(seed=3))
    data = b"\x89PNG\r\n\x1a\n" + chunks[0][1] + png_chunk(b"zTXt", text) + b"".join(c for _, c in chunks[1:])
    return written(tmp, "a.png", data, "-IPTC:CodedCharacterSet=UTF8", "-IPTC:City=Hà Nội",
                   f"-IPTC:By-line={THU_HA}", allow_warning=True)


@fixture("png/text-chunks.png", "png",
         "PNG tEXt keywords typed without diacritics (Latin-1 only): Author, Comment with a phone number, "
         "Creation Time.",
         [E("author_identity", "PNG", "Author", "Dang Thu Ha"),
          E("phone_number", "PNG", "Comment", PHONE_2),
          E("capture_time", "PNG", "CreationTime", "2024:03:15 08:30:12+07:00")])
def _(tmp):
    return written(tmp, "a.png", base_png(seed=4), "-PNG:Author=Dang Thu Ha",
                   f"-PNG:Comment=Lien he chi Ha {PHONE_2} de dat chup anh",
                   "-PNG:CreationTime=2024:03:15 08:30:12+07:00")


@fixture("png/after-idat.png", "png",
         "Metadata chunks after IDAT (older writers put them there): eXIf with GPS, iTXt XMP with "
         "PersonInImage and tEXt Comment with a phone number, all between IDAT and IEND.",
         gps_expect(SAIGON) + [E("person_tag", "XMP-iptcExt", "PersonInImage", PHUC),
                               E("phone_number", "PNG", "Comment", PHONE_3)],
         warnings=["[minor] Text/EXIF chunk(s) found after PNG IDAT (may be ignored by some readers)"])
def _(tmp):
    data = written(tmp, "a.png", base_png(seed=5), *gps_args(SAIGON), f"-XMP-iptcExt:PersonInImage={PHUC}",
                   f"-PNG:Comment=Call {PHONE_3}")
    chunks = png_chunks(data)
    meta = [c for t, c in chunks if t in (b"eXIf", b"iTXt", b"tEXt", b"zTXt")]
    keep = [(t, c) for t, c in chunks if t not in (b"eXIf", b"iTXt", b"tEXt", b"zTXt")]
    out = b"\x89PNG\r\n\x1a\n"
    for t, c in keep:
        if t == b"IEND":
            out += b"".join(meta)
        out += c
    return out


@fixture("png/clean.png", "png", "Clean PNG: IHDR, IDAT, IEND.", clean=True)
def _(tmp):
    return base_png(seed=6)


# ---------------------------------------------------------------------------- WebP
@fixture("webp/exif-xmp.webp", "webp",
         "Extended WebP (VP8X) with EXIF (GPS, DateTimeOriginal) and XMP (creator, PersonInImage) chunks.",
         gps_expect(DALAT) + [TAKEN_EXPECT, E("author_identity", "XMP-dc", "Creator", THU_HA),
                              E("person_tag", "XMP-iptcExt", "PersonInImage", TRAM)])
def _(tmp):
    return written(tmp, "a.webp", base_webp(), *TAKEN_ARGS, *gps_args(DALAT), f"-XMP-dc:Creator={THU_HA}",
                   f"-XMP-iptcExt:PersonInImage={TRAM}")


@fixture("webp/clean.webp", "webp", "Clean simple lossless WebP (RIFF + VP8L, no VP8X).", clean=True)
def _(tmp):
    return base_webp(argb=(255, 200, 80, 40))


# ---------------------------------------------------------------------------- HEIF / AVIF
@fixture("heic/iphone.heic", "heic",
         "HEIC the way an iPhone writes it: Exif item (00000006 'Exif\\0\\0' MM…) with Apple make/model, GPS "
         "with altitude/speed/direction/accuracy and DateTimeOriginal; XMP item with face regions (mwg-rs Face, "
         "apple-fi extensions, no names). The coded image is a placeholder, not decodable.",
         gps_expect(DALAT) + [TAKEN_EXPECT, E("face_region", "XMP-mwg-rs", "RegionType", "Face", count=2),
                              E("capture_time", "XMP-photoshop", "DateCreated", "2024:03:15 08:30:12.482+07:00")])
def _(tmp):
    data = heif_image(b"heic", [b"mif1", b"MiHE", b"MiPr", b"miaf", b"MiHB", b"heic"], b"hvc1", HVCC,
                      xmp=iphone_face_xmp())
    return written(tmp, "a.heic", data, "-IFD0:Make=Apple", "-IFD0:Model=iPhone 15 Pro", "-IFD0:Software=17.4",
                   "-IFD0:HostComputer=iPhone 15 Pro", *TAKEN_ARGS, "-ExifIFD:SubSecTimeOriginal=482",
                   "-ExifIFD:LensMake=Apple", "-ExifIFD:LensModel=iPhone 15 Pro back triple camera 6.765mm f/1.78",
                   *gps_args(DALAT), "-GPS:GPSSpeedRef#=K", "-GPS:GPSSpeed#=0", "-GPS:GPSImgDirectionRef#=T",
                   "-GPS:GPSImgDirection#=182.5", "-GPS:GPSHPositioningError#=4.7")


@fixture("heic/clean.heic", "heic", "Clean HEIC: one image item, no Exif or XMP item.", clean=True)
def _(tmp):
    return heif_image(b"heic", [b"mif1", b"heic"], b"hvc1", HVCC)


@fixture("avif/exif-xmp.avif", "avif", "AVIF with an Exif item (GPS) and an XMP item (creator, PersonInImage).",
         gps_expect(HOIAN) + [E("author_identity", "XMP-dc", "Creator", THU_HA),
                              E("person_tag", "XMP-iptcExt", "PersonInImage", HUNG)])
def _(tmp):
    data = heif_image(b"avif", [b"avif", b"mif1", b"miaf"], b"av01", AV1C)
    return written(tmp, "a.avif", data, *gps_args(HOIAN), f"-XMP-dc:Creator={THU_HA}",
                   f"-XMP-iptcExt:PersonInImage={HUNG}")


@fixture("avif/clean.avif", "avif", "Clean AVIF: one image item, no Exif or XMP item.", clean=True)
def _(tmp):
    return heif_image(b"avif", [b"avif", b"mif1", b"miaf"], b"av01", AV1C, width=640, height=480)


# ---------------------------------------------------------------------------- GIF
@fixture("gif/xmp-comment.gif", "gif",
         "GIF89a with an XMP application extension (creator, PersonInImage, city) and a comment extension "
         "with a phone number.",
         [E("author_identity", "XMP-dc", "Creator", THU_HA),
          E("person_tag", "XMP-iptcExt", "PersonInImage", PHUC),
          E("location_name", "XMP-photoshop", "City", DALAT["city"]),
          E("phone_number", "File", "Comment", PHONE_1)])
def _(tmp):
    return written(tmp, "a.gif", base_gif(), f"-XMP-dc:Creator={THU_HA}", f"-XMP-iptcExt:PersonInImage={PHUC}",
                   f"-XMP-photoshop:City={DALAT['city']}", f"-Comment=Ảnh động tặng Phúc. Zalo {PHONE_1}")


@fixture("gif/clean.gif", "gif", "Clean GIF89a.", clean=True)
def _(tmp):
    return base_gif()


# ---------------------------------------------------------------------------- video
QT_CREATED = E("capture_time", "QuickTime", "CreateDate", "2024:03:15 01:30:12")


@fixture("video/iphone.mov", "mov",
         "iPhone-style MOV (ftyp qt, wide, mdat, then moov): moov/meta keys+ilst with "
         "com.apple.quicktime.location.ISO6709 (4 decimals, as iPhones write), make/model/software, "
         "creationdate, location accuracy, plus artist, author and a location name.",
         [E("gps_location", "Keys", "GPSCoordinates", iso_value(DALAT, 4, alt=1500.3),
            latitude=round(DALAT["lat"], 4), longitude=round(DALAT["lon"], 4)),
          E("author_identity", "Keys", "Artist", MAI_ANH),
          E("author_identity", "Keys", "Author", MAI_ANH),
          E("location_name", "Keys", "LocationName", DALAT["sub"]),
          E("capture_time", "Keys", "CreationDate", TAKEN + TAKEN_TZ), QT_CREATED])
def _(tmp):
    data = written(tmp, "a.mov", movie(b"qt  ", [b"qt  "], MAC_TAKEN, quicktime=True),
                   f"-Keys:GPSCoordinates#={DALAT['lat']:.4f} {DALAT['lon']:.4f} 1500.300",
                   "-Keys:LocationAccuracyHorizontal=4.7", "-Keys:Make=Apple", "-Keys:Model=iPhone 15 Pro",
                   "-Keys:Software=17.4", f"-Keys:CreationDate={TAKEN}{TAKEN_TZ}", f"-Keys:Artist={MAI_ANH}",
                   f"-Keys:Author={MAI_ANH}", f"-Keys:LocationName={DALAT['sub']}")
    return mdat_first(data, quicktime=True)


@fixture("video/android.mp4", "mp4",
         "Android-style MP4 (mdat before moov): moov/udta ©xyz \"+lat+lon/\" with 4 decimals.",
         [E("gps_location", "UserData", "GPSCoordinates", iso_value(NHATRANG, 4),
            latitude=round(NHATRANG["lat"], 4), longitude=round(NHATRANG["lon"], 4)), QT_CREATED])
def _(tmp):
    data = written(tmp, "a.mp4", movie(b"mp42", [b"isom", b"mp42"], MAC_TAKEN),
                   f"-UserData:GPSCoordinates#={NHATRANG['lat']:.4f} {NHATRANG['lon']:.4f}")
    return mdat_first(data)


@fixture("video/samsung.mp4", "mp4",
         "Samsung-style MP4 built by hand: moov/udta '@xyz' ISO 6709 with 6 decimals, and a 'smta' box.",
         [E("gps_location", "UserData", "GPSCoordinates", iso_value(SAIGON, 6),
            latitude=SAIGON["lat"], longitude=SAIGON["lon"]), QT_CREATED])
def _(tmp):
    s = iso6709(SAIGON["lat"], SAIGON["lon"], decimals=6).encode()
    udta = (box(b"@xyz", s)
            + box(b"smta", b"\0\0\0\0" + box(b"saut", b"\0" * 4) + box(b"smrd", b"TRUEBLUE")))
    return movie(b"mp42", [b"isom", b"mp42"], MAC_TAKEN, udta=udta)


@fixture("video/3gp-loci.3gp", "3gp",
         "3GP (moov first) with udta 'loci' (place name, role shooting, 16.16 fixed lat/lon/alt) and 3GPP "
         "'auth' author and 'dscp' description with a phone number.",
         [E("location_name", "UserData", "LocationInformation", DALAT["sub"], match="contains"),
          E("gps_location", "UserData", "LocationInformation", "Lat=11.94041 Lon=108.45831", match="contains",
            latitude=DALAT["lat"], longitude=DALAT["lon"]),
          E("author_identity", "UserData", "Author", PHUC),
          E("phone_number", "UserData", "Description", PHONE_4), QT_CREATED])
def _(tmp):
    udta = loci_box(DALAT["sub"], DALAT["lat"], DALAT["lon"], DALAT["alt"])
    data = movie(b"3gp5", [b"3gp5", b"isom"], MAC_TAKEN, moov_first=True, udta=udta)
    return written(tmp, "a.3gp", data, f"-UserData:Author={PHUC}",
                   f"-UserData:Description=Clip sinh nhật, liên hệ {PHONE_4}")


@fixture("video/xmp-uuid.mp4", "mp4",
         "MP4 with a top-level XMP uuid box (BE7ACFCB-97A9-42E8-9C71-999491E3AFAC): creator, PersonInImage, "
         "city and XMP GPS.",
         [E("author_identity", "XMP-dc", "Creator", THU_HA),
          E("person_tag", "XMP-iptcExt", "PersonInImage", MAI_ANH),
          E("location_name", "XMP-photoshop", "City", DALAT["city"]), QT_CREATED] + gps_expect(DALAT, "XMP-exif"))
def _(tmp):
    return written(tmp, "a.mp4", movie(b"mp42", [b"isom", b"mp42"], MAC_TAKEN), f"-XMP-dc:Creator={THU_HA}",
                   f"-XMP-iptcExt:PersonInImage={MAI_ANH}", f"-XMP-photoshop:City={DALAT['city']}",
                   f"-XMP-exif:GPSLatitude#={DALAT['lat']}", f"-XMP-exif:GPSLongitude#={DALAT['lon']}")


@fixture("video/gps-zero.mp4", "mp4", "MP4 whose ©xyz is +00.0000+000.0000/ (no fix): report low.",
         [E("gps_location", "UserData", "GPSCoordinates", "0 0", severity="low", latitude=0, longitude=0)])
def _(tmp):
    return mdat_first(written(tmp, "a.mp4", movie(b"mp42", [b"isom", b"mp42"], 0),
                              "-UserData:GPSCoordinates#=0.0000 0.0000"))


@fixture("video/clean.mp4", "mp4", "Clean MP4: zero mvhd/tkhd/mdhd dates, no udta, no meta.", clean=True)
def _(tmp):
    return movie(b"mp42", [b"isom", b"mp42"], 0)


@fixture("video/clean.3gp", "3gp", "Clean 3GP (moov first): zero dates, no udta.", clean=True)
def _(tmp):
    return movie(b"3gp5", [b"3gp5", b"isom"], 0, moov_first=True)


@fixture("video/clean.mov", "mov", "Clean QuickTime MOV: zero dates, no keys.", clean=True)
def _(tmp):
    return movie(b"qt  ", [b"qt  "], 0, quicktime=True)


# ---------------------------------------------------------------------------- video: timed GPS tracks
# A video track and a timed metadata track whose samples record a route, interleaved in mdat
# (video 1, GPS 1, video 2, GPS 2) as cameras write them. ExifTool reads the route with -ee.
# Routes walk along public places: Hồ Hoàn Kiếm (Hà Nội), the Trần Phú beach road (Nha
# Trang), Nguyễn Huệ walking street (TP.HCM).
ROUTE_HOAN_KIEM = [(21.028511, 105.852020, 12.0), (21.028602, 105.852105, 12.0),
                   (21.028694, 105.852191, 12.5), (21.028785, 105.852276, 12.5)]
ROUTE_NHA_TRANG = [(12.238791, 109.196749, 3.0), (12.238902, 109.196781, 3.0)]
ROUTE_NGUYEN_HUE = [(10.774530, 106.702310, 9.0), (10.774641, 106.702402, 9.0)]
SAMPLE_2 = b"\x00\x00\x00\x0c\x41\x9a\x21\x6c\x42\xff\xfe\xd6\x80\x00\x00\x00"  # placeholder P frame


def avc1_entry():
    avcc = box(b"avcC", bytes([1, 66, 0, 10, 0xFF, 0xE0, 0]))
    return box(b"avc1", b"\0" * 6 + struct.pack(">H", 1) + b"\0" * 16
               + struct.pack(">HHII", 64, 48, 0x480000, 0x480000) + b"\0" * 4 + struct.pack(">H", 1)
               + b"\0" * 32 + struct.pack(">Hh", 0x18, -1) + avcc)


def sample_table(entry, offsets, sizes, wide=False, compact=False):
    """stbl with one sample per chunk; sizes in stsz (or 8-bit stz2), offsets in stco (or co64)."""
    n = len(sizes)
    stts = fullbox(b"stts", 0, 0, struct.pack(">III", 1, n, 600))
    stsc = fullbox(b"stsc", 0, 0, struct.pack(">IIII", 1, 1, 1, 1))
    if compact:
        assert all(s < 256 for s in sizes)
        sz = fullbox(b"stz2", 0, 0, b"\0\0\0\x08" + struct.pack(">I", n) + bytes(sizes))
    else:
        sz = fullbox(b"stsz", 0, 0, struct.pack(">II", 0, n) + b"".join(struct.pack(">I", s) for s in sizes))
    fmt, name = (">Q", b"co64") if wide else (">I", b"stco")
    co = fullbox(name, 0, 0, struct.pack(">I", n) + b"".join(struct.pack(fmt, o) for o in offsets))
    return box(b"stbl", fullbox(b"stsd", 0, 0, struct.pack(">I", 1) + entry) + stts + stsc + sz + co)


def handler_box(handler, name, quicktime):
    return fullbox(b"hdlr", 0, 0, (b"mhlr" if quicktime else b"\0" * 4) + handler + b"\0" * 12
                   + ((bytes([len(name)]) + name) if quicktime else name + b"\0"))


def track_box(track_id, created, handler, name, media_header, stbl, quicktime, flags=3, size=(0, 0), tref=b""):
    tkhd = fullbox(b"tkhd", 0, flags, struct.pack(">IIIII", created, created, track_id, 0, 1200) + b"\0" * 8
                   + struct.pack(">hhhH", 0, 0, 0, 0) + MATRIX + struct.pack(">II", size[0] << 16, size[1] << 16))
    mdhd = fullbox(b"mdhd", 0, 0, struct.pack(">IIIIHH", created, created, 600, 1200, 0x55C4, 0))
    dinf = box(b"dinf", fullbox(b"dref", 0, 0, struct.pack(">I", 1) + fullbox(b"url ", 0, 1)))
    minf = box(b"minf", media_header + dinf + stbl)
    return box(b"trak", tkhd + (box(b"tref", tref) if tref else b"")
               + box(b"mdia", mdhd + handler_box(handler, name, quicktime) + minf))


def timed_gps_movie(brand, compat, entry, handler, samples, quicktime=False, wide=False, compact=False):
    """ftyp (wide), mdat with two video and two GPS samples interleaved, then moov with the
    video track (ID 1) and the timed metadata track (ID 2, tref cdsc → 1)."""
    lead = ftyp_box(brand, compat, quicktime) + (box(b"wide") if quicktime else b"")
    video = [SAMPLE, SAMPLE_2]
    body, v_off, g_off = b"", [], []
    base = len(lead) + 8
    for v, g in zip(video, samples):
        v_off.append(base + len(body))
        body += v
        g_off.append(base + len(body))
        body += g
    mvhd = fullbox(b"mvhd", 0, 0, struct.pack(">IIII", MAC_TAKEN, MAC_TAKEN, 600, 1200)
                   + struct.pack(">IH", 0x10000, 0x100) + b"\0" * 10 + MATRIX + b"\0" * 24 + struct.pack(">I", 3))
    vtrak = track_box(1, MAC_TAKEN, b"vide", b"VideoHandler", fullbox(b"vmhd", 0, 1, b"\0" * 8),
                      sample_table(avc1_entry(), v_off, [len(v) for v in video], wide), quicktime, size=(64, 48))
    gtrak = track_box(2, MAC_TAKEN, handler, b"MetadataHandler", fullbox(b"nmhd", 0, 0),
                      sample_table(entry, g_off, [len(g) for g in samples], wide, compact), quicktime, flags=1,
                      tref=box(b"cdsc", struct.pack(">I", 1)))
    return lead + box(b"mdat", body) + box(b"moov", mvhd + vtrak + gtrak)


def klv(key, fmt, size, data, count=None):
    """One GPMF key-length-value: 4-char key, type, structure size, repeat count, data padded to 4."""
    count = len(data) // size if count is None else count
    return key + bytes([ord(fmt) if fmt else 0, size]) + struct.pack(">H", count) + data + b"\0" * (-len(data) % 4)


def gpmf_sample(points, utc):
    rows = b"".join(struct.pack(">5i", round(la * 1e7), round(lo * 1e7), round(alt * 1000), 1200, 130)
                    for la, lo, alt in points)
    name = b"GPS (Lat., Long., Alt., 2D speed, 3D speed)"
    strm = (klv(b"STNM", "c", 1, name) + klv(b"GPSF", "L", 4, struct.pack(">I", 3))
            + klv(b"GPSU", "U", 16, utc.encode()) + klv(b"GPSP", "S", 2, struct.pack(">H", 160))
            + klv(b"SCAL", "l", 4, struct.pack(">5i", 10000000, 10000000, 1000, 1000, 100))
            + klv(b"GPS5", "l", 20, rows))
    devc = klv(b"DVID", "L", 4, struct.pack(">I", 1)) + klv(b"DVNM", "c", 1, b"Camera") + klv(b"STRM", None, 1, strm)
    return klv(b"DEVC", None, 1, devc)


def camm_gps(lat, lon, alt):
    """camm record type 5 (little-endian doubles): latitude, longitude, altitude."""
    return struct.pack("<HH3d", 0, 5, lat, lon, alt)


def mebx_location(lat, lon, alt):
    value = iso6709(lat, lon, alt, decimals=4).encode()
    return struct.pack(">I", 8 + len(value)) + struct.pack(">I", 1) + value


def track_gps_expect(route, lat_field="GPSLatitude", lon_field="GPSLongitude", combined=False):
    """The first position of a route as ExifTool reads it from the track's samples (-ee). Our
    scan reports the track (TimedGPS), not each position: timedTrack says so."""
    la, lo, _ = route[0]
    if combined:
        return [E("gps_location", "Track2", lat_field, latitude=round(la, 4), longitude=round(lo, 4), timedTrack=True)]
    return [E("gps_location", "Track2", lat_field, la, timedTrack=True),
            E("gps_location", "Track2", lon_field, lo, timedTrack=True)]


@fixture("video/gopro-gpmd.mp4", "mp4",
         "GoPro-style MP4 (mdat before moov): an H.264 video track and a 'meta' timed metadata track with a 'gpmd' "
         "sample entry whose two GPMF samples (DEVC/STRM/GPS5 with SCAL; 1 and 3 positions) record a walk by Hồ Hoàn Kiếm; sizes in "
         "stsz, offsets in stco, samples interleaved with the video's.",
         track_gps_expect(ROUTE_HOAN_KIEM) + [QT_CREATED])
def _(tmp):
    samples = [gpmf_sample([ROUTE_HOAN_KIEM[0]], "240315013012.000"), gpmf_sample(ROUTE_HOAN_KIEM[1:], "240315013013.000")]
    return timed_gps_movie(b"mp41", [b"mp41"], box(b"gpmd", b"\0" * 6 + struct.pack(">H", 1) + b"\0" * 4),
                           b"meta", samples)


@fixture("video/camm-gps.mp4", "mp4",
         "MP4 with a Google camera motion metadata track (handler and sample entry 'camm'): two type-5 records "
         "(latitude, longitude, altitude) on the Trần Phú beach road; sizes in an 8-bit stz2, offsets in stco.",
         track_gps_expect(ROUTE_NHA_TRANG) + [QT_CREATED],
         warnings=["[minor] Approximating GPSDateTime as CreateDate + SampleTime"])
def _(tmp):
    samples = [camm_gps(*p) for p in ROUTE_NHA_TRANG]
    return timed_gps_movie(b"isom", [b"isom", b"mp42"], box(b"camm", b"\0" * 6 + struct.pack(">H", 1)),
                           b"camm", samples, compact=True)


@fixture("video/iphone-mebx.mov", "mov",
         "iPhone-style MOV with a timed metadata track ('mebx' sample entry, keys com.apple.quicktime.location."
         "ISO6709, UTF-8) whose two samples hold positions on Nguyễn Huệ walking street; offsets in co64.",
         track_gps_expect(ROUTE_NGUYEN_HUE, "GPSCoordinates", combined=True) + [QT_CREATED])
def _(tmp):
    key = box(b"\0\0\0\x01", box(b"keyd", b"mdta" + b"com.apple.quicktime.location.ISO6709")
              + box(b"dtyp", struct.pack(">II", 0, 1)))
    entry = box(b"mebx", b"\0" * 6 + struct.pack(">H", 1) + box(b"keys", key))
    samples = [mebx_location(*p) for p in ROUTE_NGUYEN_HUE]
    return timed_gps_movie(b"qt  ", [b"qt  "], entry, b"meta", samples, quicktime=True, wide=True)



# ---------------------------------------------------------------------------- JPEG XL
# An 8x8 lossless codestream (cjxl 0.7 -d 0 on a gradient), small enough to keep inline; the
# container boxes around it are written here and by ExifTool.
JXL_CODESTREAM = bytes.fromhex(
    "ff0a414040712108020100e4004b386998ca83f729280880da31c658c7e301f62a69020076fb4855f3a2cd28d5dde752"
    "ddcdc73239e7c3ae9cf3999951ce3f6638e71cdc9203")
JXL_SIGNATURE = b"\0\0\0\x0cJXL \r\n\x87\n"
C2PA_UUID = bytes.fromhex("6332706100110010800000aa00389b71")
JSON_UUID = bytes.fromhex("6a736f6e00110010800000aa00389b71")


def jxl_container(*middle, split=False):
    """Signature, ftyp, jxll, then the codestream (one jxlc, or two jxlp parts around `middle`)."""
    head = JXL_SIGNATURE + box(b"ftyp", b"jxl \0\0\0\0jxl ") + box(b"jxll", bytes([5]))
    if not split:
        return head + box(b"jxlc", JXL_CODESTREAM) + b"".join(middle)
    cut = len(JXL_CODESTREAM) // 2
    return (head + box(b"jxlp", struct.pack(">I", 0) + JXL_CODESTREAM[:cut]) + b"".join(middle)
            + box(b"jxlp", struct.pack(">I", 0x80000001) + JXL_CODESTREAM[cut:]))


def brotli_stored(data):
    """A Brotli stream holding `data` in one uncompressed meta-block (RFC 7932 §9.2): window
    bits '0', ISLAST 0, MNIBBLES 4, MLEN-1, ISUNCOMPRESSED 1, then an empty last meta-block."""
    assert 0 < len(data) <= 65536
    bits = [0, 0, 0, 0] + [((len(data) - 1) >> k) & 1 for k in range(16)] + [1]
    bits += [0] * (-len(bits) % 8)
    return bytes(sum(bits[i + k] << k for k in range(8)) for i in range(0, len(bits), 8)) + data + b"\x03"


def c2pa_jumbf():
    """A C2PA-labelled JUMBF superbox with one JSON box (no personal data)."""
    claim = box(b"jumb", box(b"jumd", JSON_UUID + b"\x03c2pa.claim\0")
                + box(b"json", b'{"claim_generator":"pdpcheck corpus fixture"}'))
    return box(b"jumb", box(b"jumd", C2PA_UUID + b"\x03c2pa\0") + claim)


@fixture("jxl/exif-xmp.jxl", "jxl",
         "JPEG XL container (signature, ftyp, jxll, codestream split in two jxlp boxes) with an Exif box (GPS, "
         "DateTimeOriginal, Make/Model) and an xml box (creator, PersonInImage) written by ExifTool, then a 'brob' "
         "box holding the same Exif Brotli-compressed (stored meta-block; ExifTool 12.57 skips brob) and a C2PA "
         "'jumb' box. The codestream decodes (8x8, lossless).",
         gps_expect(HOIAN) + [TAKEN_EXPECT, E("author_identity", "XMP-dc", "Creator", THU_HA),
                              E("person_tag", "XMP-iptcExt", "PersonInImage", TRAM)])
def _(tmp):
    data = written(tmp, "a.jxl", jxl_container(split=True), "-IFD0:Make=Canon", "-IFD0:Model=Canon EOS R8",
                   *TAKEN_ARGS, *gps_args(HOIAN), f"-XMP-dc:Creator={THU_HA}", f"-XMP-iptcExt:PersonInImage={TRAM}")
    exif = [data[s + h:e] for t, s, e, h in boxes(data) if t == b"Exif"]
    if len(exif) != 1:
        raise BuildError("ExifTool wrote no single Exif box")
    return data + box(b"brob", b"Exif" + brotli_stored(exif[0])) + c2pa_jumbf()


@fixture("jxl/clean.jxl", "jxl", "Clean JPEG XL container: signature, ftyp, jxll and one jxlc box, no metadata.",
         clean=True)
def _(tmp):
    return jxl_container()



# ============================================================================ oracle and checks
METADATA_CATEGORIES = ["gps_location", "location_name", "face_region", "person_tag", "device_identity",
                       "author_identity", "capture_time", "embedded_preview"]
TEXT_CATEGORIES = {"phone_number", "national_id", "email_address", "date_of_birth"}
# Tag-name fragments that must not appear (with a real value) in a clean file's oracle.
PERSONAL_FRAGMENTS = ("GPS", "Region", "Person", "Serial", "Owner", "Artist", "Author", "Creator",
                      "By-line", "City", "Location", "Country", "Province", "State", "Sub-location",
                      "DateTimeOriginal", "CreateDate", "CreationDate", "Comment", "Description", "Caption",
                      "Thumbnail", "Preview", "MPImage", "EmbeddedVideo", "Copyright", "Rights", "Face")
NEUTRAL_GROUPS = ("ExifTool:", "System:")


def oracle_values(oracle, group, field):
    vals = []
    for v in oracle.get(f"{group}:{field}", []):
        vals.extend(v if isinstance(v, list) else [v])
    return vals


def match_expectation(oracle, item):
    """None if the oracle reports what the item expects, else a description of the mismatch."""
    key = f"{item['group']}:{item['field']}"
    vals = oracle_values(oracle, item["group"], item["field"])
    if not vals:
        return f"{key} missing"
    if "value" in item:
        want = item["value"]
        contains = item.get("match") == "contains" or item["category"] in TEXT_CATEGORIES
        ok = False
        for v in vals:
            if isinstance(want, (int, float)) and not isinstance(want, bool) and isinstance(v, (int, float)):
                ok = abs(v - want) <= 1e-6
            elif contains:
                ok = str(want) in str(v)
            else:
                ok = str(v) == str(want)
            if ok:
                break
        if not ok:
            return f"{key} = {vals!r}, expected {want!r}"
    if "count" in item:
        # RegionType lists every region: count the Face ones; a detector count (FacesDetected) is
        # the number itself; any other list has one entry per region
        if item["field"] == "RegionType":
            n = vals.count("Face")
        elif len(vals) == 1 and isinstance(vals[0], int):
            n = vals[0]
        else:
            n = len(vals)
        if n != item["count"]:
            return f"{key}: {n} regions, expected {item['count']}"
    return None


def clean_problems(oracle):
    out = []
    for key, occurrences in oracle.items():
        if key == "SourceFile" or key.startswith(NEUTRAL_GROUPS):
            continue
        tag = key.split(":", 1)[1]
        if tag == "HandlerDescription":      # "VideoHandler"
            continue
        if any(f.lower() in tag.lower() for f in PERSONAL_FRAGMENTS):
            for v in occurrences:
                if v not in ("", 0, "0000:00:00 00:00:00", [], None):
                    out.append(f"{key} = {v!r}")
    return out


# Tags that show a metadata category is present (checked on non-Composite oracle keys).
CATEGORY_TAGS = {
    "gps_location": {"GPSLatitude", "GPSLongitude", "GPSCoordinates", "LocationInformation",
                     "LocationShownGPSLatitude", "GPSVersionID"},
    "location_name": {"City", "Sub-location", "Province-State", "Country-PrimaryLocationName", "State",
                      "Country", "Location", "LocationName", "LocationShownCity", "LocationCreatedCity"},
    "face_region": {"RegionType", "RegionRectangle", "FacesDetected"},
    "person_tag": {"RegionName", "RegionPersonDisplayName", "PersonInImage", "Face1Name", "TagsList",
                   "HierarchicalSubject"},
    "device_identity": {"SerialNumber", "LensSerialNumber", "InternalSerialNumber", "CameraSerialNumber",
                        "OwnerName"},
    "author_identity": {"Artist", "XPAuthor", "Creator", "By-line", "Author"},
    "capture_time": {"DateTimeOriginal", "CreateDate", "CreationDate", "DateCreated", "CreationTime"},
    "embedded_preview": {"ThumbnailImage", "PreviewImage", "PhotoshopThumbnail", "EmbeddedVideo"},
}


def unlisted_categories(oracle, expect):
    listed = {e["category"] for e in expect}
    found = set()
    for key, occurrences in oracle.items():
        group, _, tag = key.partition(":")
        if group in ("Composite", "ExifTool", "System") or all(
                v in ("", 0, "0000:00:00 00:00:00") for v in occurrences):
            continue
        for cat, tags in CATEGORY_TAGS.items():
            if tag in tags and not (cat == "person_tag" and tag in ("TagsList",) and
                                    not any("People/" in str(v) for v in occurrences)):
                found.add(cat)
    return sorted(found - listed)


def oracle_text(raw, rel_path):
    """ExifTool's JSON, line for line, without the checkout-dependent keys."""
    lines = raw.decode("utf-8").splitlines()
    out = []
    for line in lines:
        stripped = line.strip()
        if any(stripped.startswith(f'"{k}"') for k in VOLATILE_ORACLE_KEYS):
            continue
        if stripped.startswith('"SourceFile"'):
            line = '  "SourceFile": %s,' % json.dumps(rel_path, ensure_ascii=False)
        out.append(line)
    return "\n".join(out) + "\n"


# ============================================================================ build
def build(out_root):
    """Write media/** under out_root. Returns a list of error strings (empty on success)."""
    errors = []
    media = out_root / MEDIA_DIR
    entries = []
    paths = [f["path"] for f in FIXTURES]
    assert len(paths) == len(set(paths)), "duplicate fixture path"
    with tempfile.TemporaryDirectory(prefix="pdpcheck-media-") as work:
        for i, fx in enumerate(FIXTURES):
            tmp = Path(work) / str(i)
            tmp.mkdir()
            try:
                data = fx["build"](tmp)
            except BuildError as err:
                errors.append(f"{fx['path']}: {err}")
                continue
            target = media / fx["path"]
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
    if errors:
        return errors
    for fx in FIXTURES:
        rel = f"{MEDIA_DIR}/{fx['path']}"
        raw = exiftool_json(Path(rel), cwd=out_root)
        text = oracle_text(raw, rel)
        oracle_path = media / "oracle" / (fx["path"] + ".json")
        oracle_path.parent.mkdir(parents=True, exist_ok=True)
        oracle_path.write_text(text, encoding="utf-8")
        oracle = parse_oracle(text)
        for warn in oracle_values(oracle, "ExifTool", "Warning") + oracle_values(oracle, "ExifTool", "Error"):
            if warn not in fx["warnings"]:
                errors.append(f"{rel}: exiftool says {warn!r}")
        for item in fx["expect"]:
            if item.get("exiftool", True):
                problem = match_expectation(oracle, item)
                if problem:
                    errors.append(f"{rel}: {problem}")
        for cat in unlisted_categories(oracle, fx["expect"]):
            errors.append(f"{rel}: oracle shows {cat} but expect does not list it")
        if fx["clean"]:
            if fx["expect"]:
                errors.append(f"{rel}: clean fixture with expectations")
            errors.extend(f"{rel}: clean file reports {p}" for p in clean_problems(oracle))
        elif not fx["expect"]:
            errors.append(f"{rel}: not clean but expects nothing")
        entry = {"path": rel, "container": fx["container"], "description": fx["description"],
                 "clean": fx["clean"], "bytes": (media / fx["path"]).stat().st_size,
                 "oracle": f"{MEDIA_DIR}/oracle/{fx['path']}.json", "expect": fx["expect"]}
        if fx["negatives"]:
            entry["negatives"] = fx["negatives"]
        if fx["warnings"]:
            entry["exiftoolWarnings"] = fx["warnings"]
        entries.append(entry)
    manifest = {
        "version": 1,
        "generator": "Corpus/tools/build_media.py",
        "exiftoolVersion": exiftool_version(),
        "oracleCommand": "exiftool " + " ".join(ORACLE_ARGS) + " <path>",
        "oracleNotes": ("Run from Corpus/ on the path; keys " + ", ".join(VOLATILE_ORACLE_KEYS)
                        + " removed. Keys can repeat (-a); read every occurrence."),
        "metadataCategories": METADATA_CATEGORIES,
        "expectFields": {
            "category": "DESIGN.md category (metadata ones, or a text category for a number inside a caption)",
            "group/field": "ExifTool family-1 group and tag name (as in the oracle key group:field)",
            "value": "expected value with -n; for text categories and match=contains a substring of the field",
            "count": "face_region only: number of regions",
            "severity": "present when the issue fixes it (low for empty GPS blocks and (0, 0))",
            "part": "the field is inside an embedded image/video (MPF image 2, trailer JPEG, trailer MP4)",
            "exiftool": "false when ExifTool does not report the field (checked on the part before embedding)",
            "latitude/longitude": "decimal degrees for gps_location entries whose value is a combined string",
            "negatives": "per file: fields that look personal but must not be reported as that category",
            "timedTrack": ("true when the value is in the samples of a timed metadata track (ExifTool -ee reads "
                           "them); pdpcheck reports the track (Track:TimedGPS), not each position"),
        },
        "completeness": ("a metadata category not listed in expect is not in the file. A listed category "
                         "names its main fields (GPS: the latitude/longitude pair, not altitude, GPS time or "
                         "the Ref/Version helpers; capture time: DateTimeOriginal, CreateDate, CreationDate), "
                         "never ExifTool Composite tags. Text-category entries are the numbers planted in "
                         "captions, not every name in them."),
        "files": sorted(entries, key=lambda e: e["path"]),
    }
    (media / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n",
                                         encoding="utf-8")
    (media / ".gitignore").write_text("# large fixtures are generated on demand (build_media.py --large-video)\nlarge/\n")
    return errors


def exiftool_version():
    return subprocess.run([EXIFTOOL, "-ver"], capture_output=True, text=True).stdout.strip()


def tree_files(root):
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def previously_generated(target):
    """Files an earlier run wrote (from its manifest). Other people keep their own material under
    Corpus/media too (e.g. payloads/), so only these may be deleted."""
    try:
        old = json.loads((target / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return set()
    out = {"manifest.json", ".gitignore"}
    for f in old.get("files", []):
        for key in ("path", "oracle"):
            rel = f.get(key, "")
            if rel.startswith(MEDIA_DIR + "/"):
                out.add(rel[len(MEDIA_DIR) + 1:])
    return out


# ============================================================================ large video
def write_large_video(out, mdat_bytes=50 * 1024 * 1024):
    """~50 MB MP4: ftyp, a huge mdat, then moov with iPhone keys (ISO 6709) and udta ©xyz.
    A reader that seeks over mdat reads a few KB; one that reads the file reads 50 MB."""
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    ftyp = ftyp_box(b"mp42", [b"isom", b"mp42"])
    xyz = iso6709(DALAT["lat"], DALAT["lon"], decimals=4).encode()
    udta = box(b"\xa9xyz", struct.pack(">HH", len(xyz), 0x15C7) + xyz)
    keys = keys_meta([("com.apple.quicktime.location.ISO6709",
                       iso6709(DALAT["lat"], DALAT["lon"], DALAT["alt"], decimals=4)),
                      ("com.apple.quicktime.make", "Apple"), ("com.apple.quicktime.model", "iPhone 15 Pro"),
                      ("com.apple.quicktime.creationdate", "2024-03-15T08:30:12+0700"),
                      ("com.apple.quicktime.author", MAI_ANH)])
    moov = moov_box(MAC_TAKEN, len(ftyp) + 8, mdat_bytes, udta=udta, extra=keys)
    block = bytes(range(256)) * 4096          # 1 MiB, deterministic filler
    with open(out, "wb") as f:
        f.write(ftyp)
        f.write(struct.pack(">I", 8 + mdat_bytes) + b"mdat")
        left = mdat_bytes
        while left:
            n = min(left, len(block))
            f.write(block[:n])
            left -= n
        f.write(moov)
    return out


# ============================================================================ main
def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--check", action="store_true", help="rebuild in a temp dir and compare with Corpus/media")
    ap.add_argument("--large-video", metavar="OUT", help="write the ~50 MB MP4 to OUT and exit")
    ap.add_argument("--large-video-mb", type=int, default=50, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.large_video:
        p = write_large_video(args.large_video, args.large_video_mb * 1024 * 1024)
        print(f"wrote {p} ({p.stat().st_size} bytes)")
        return 0
    if shutil.which(EXIFTOOL) is None:
        print("exiftool not found", file=sys.stderr)
        return 1
    if exiftool_version() != EXPECTED_EXIFTOOL:
        print(f"warning: exiftool {exiftool_version()} is not {EXPECTED_EXIFTOOL}; oracle files will differ",
              file=sys.stderr)
    with tempfile.TemporaryDirectory(prefix="pdpcheck-media-out-") as out:
        out = Path(out)
        errors = build(out)
        if errors:
            for e in errors:
                print("error:", e, file=sys.stderr)
            return 1
        new = tree_files(out / MEDIA_DIR)
        target = CORPUS / MEDIA_DIR
        stale = sorted(previously_generated(target) - set(new))
        if args.check:
            diff = sorted(k for k in new if not (target / k).is_file() or (target / k).read_bytes() != new[k])
            diff += [k for k in stale if (target / k).exists()]
            for k in diff:
                print("differs:", k, file=sys.stderr)
            print(f"{len(FIXTURES)} fixtures, {'up to date' if not diff else str(len(diff)) + ' differences'}")
            return 1 if diff else 0
        for rel in stale:                      # fixtures this script no longer makes
            (target / rel).unlink(missing_ok=True)
        for rel, data in new.items():
            p = target / rel
            p.parent.mkdir(parents=True, exist_ok=True)
            if not p.is_file() or p.read_bytes() != data:
                p.write_bytes(data)
    sizes = {}
    for fx in FIXTURES:
        sizes[fx["container"]] = sizes.get(fx["container"], 0) + (target / fx["path"]).stat().st_size
    total = sum(len(v) for v in new.values())
    print(f"{len(FIXTURES)} fixtures ({sum(1 for f in FIXTURES if f['clean'])} clean), "
          f"{sum(len(f['expect']) for f in FIXTURES)} expectations, {total} bytes in Corpus/media")
    print("  " + ", ".join(f"{k}: {v} B" for k, v in sorted(sizes.items())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
