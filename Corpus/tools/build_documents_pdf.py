#!/usr/bin/env python3
"""Build the pdpcheck PDF corpus: Corpus/documents/pdf/** (issue #5, item 3).

Every PDF here is written byte by byte by this script (no PDF library): objects, exact
cross-reference offsets, incremental updates, xref and object streams, so each fixture holds
exactly what the manifest says and nothing else. Page text uses a Type0 font with an identity
ToUnicode CMap, so `pdftotext` returns the Vietnamese text as written.

Outputs (paths relative to Corpus/):
  documents/pdf/<name>.pdf      the fixtures (committed)
  documents/pdf/manifest.json   per file: what it holds ("expect") or the error it must give

Checks before anything is written (the build fails otherwise):
  * `pdftotext -enc UTF-8 <file> -` contains every expected page-text value;
  * `exiftool -j -G1 -a <file>` reports every expected Info/XMP field of the newest revision
    (ExifTool reads only the newest revision), and for old-revision values ExifTool run on the
    file cut after that revision's %%EOF reports them;
  * the embedded image is byte-identical to Corpus/media/jpeg/gps-exif.jpg.
Pass --no-tools to skip these checks (when poppler-utils or exiftool are missing).

Usage:
  python3 Corpus/tools/build_documents_pdf.py           rebuild (deterministic)
  python3 Corpus/tools/build_documents_pdf.py --check   rebuild in a temp dir, exit 1 if anything differs

No real person's data: every name and number is invented (valid in structure only).
"""

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import zlib
from pathlib import Path

CORPUS = Path(__file__).resolve().parent.parent
OUT_DIR = "documents/pdf"
GPS_JPEG = CORPUS / "media/jpeg/gps-exif.jpg"

# ============================================================================ invented data
KHOA = "Trần Văn Khoa"
LAN = "Nguyễn Thị Lan"
OFFICE = "Phòng Hành chính"
TUAN = "Lê Minh Tuấn"
THU_HA = "Phạm Thu Hà"
THANG = "Vũ Đức Thắng"
DUC = "Hoàng Minh Đức"
YEN = "Trịnh Thị Yến"
SON = "Quách Văn Sơn"
PHONE_1 = "0903 456 789"
PHONE_2 = "0912 345 678"
PHONE_3 = "0987 654 321"
PHONE_4 = "0935 218 764"
CCCD_1 = "001204012345"
CCCD_2 = "079304005678"

# ============================================================================ PDF syntax helpers


def text_string(s):
    """A PDF text string: UTF-16BE with BOM as a hex string (ASCII stays a literal)."""
    if all(32 <= ord(c) < 127 for c in s):
        return b"(" + s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)").encode() + b")"
    return b"<FEFF" + s.encode("utf-16-be").hex().upper().encode() + b">"


def name(n):
    return b"/" + n.encode()


def dict_(*pairs):
    out = b"<<"
    for k, v in pairs:
        out += b" /" + k.encode() + b" " + (v if isinstance(v, bytes) else str(v).encode())
    return out + b" >>"


def ref(n):
    return b"%d 0 R" % n


def array(items):
    return b"[" + b" ".join(items) + b"]"


def flate(data):
    return zlib.compress(data, 9)


class PDF:
    """Appends objects and cross-reference sections; remembers exact offsets."""

    def __init__(self, version="1.4"):
        self.out = bytearray(b"%PDF-" + version.encode() + b"\n%\xe2\xe3\xcf\xd3\n")
        self.offsets = {}
        self.pending = []
        self.last_xref = None

    def obj(self, num, body, stream=None, extra=None):
        """An indirect object; with `stream`, `body` is its dict without /Length."""
        self.offsets[num] = len(self.out)
        self.pending.append(num)
        self.out += b"%d 0 obj\n" % num
        if stream is None:
            self.out += body + b"\nendobj\n"
        else:
            d = body[:-2].rstrip() + b" /Length %d >>" % len(stream)
            self.out += d + b"\nstream\n" + stream + b"\nendstream\nendobj\n"

    def raw(self, data):
        self.out += data

    def xref(self, trailer_pairs, size=None, prev=True, startxref=None):
        """A classic xref section for the objects written since the last one."""
        nums = sorted(self.pending)
        self.pending = []
        offset = len(self.out)
        self.out += b"xref\n"
        groups = []
        for n in ([0] if self.last_xref is None else []) + nums:
            if groups and groups[-1][-1] + 1 == n:
                groups[-1].append(n)
            else:
                groups.append([n])
        for g in groups:
            self.out += b"%d %d\n" % (g[0], len(g))
            for n in g:
                if n == 0:
                    self.out += b"0000000000 65535 f\r\n"
                else:
                    self.out += b"%010d 00000 n\r\n" % self.offsets[n]
        pairs = [("Size", size or (max(self.offsets) + 1))] + trailer_pairs
        if prev and self.last_xref is not None:
            pairs.append(("Prev", self.last_xref))
        self.out += b"trailer\n" + dict_(*pairs) + b"\n"
        self.out += b"startxref\n%d\n%%%%EOF\n" % (offset if startxref is None else startxref)
        self.last_xref = offset
        return offset

    def bytes(self):
        return bytes(self.out)


# ============================================================================ fonts and pages

def to_unicode_cmap():
    """Identity CMap: 2-byte code = UTF-16 code unit (BMP only, which covers Vietnamese)."""
    ranges = [b"<%02X00> <%02XFF> <%02X00>" % (hi, hi, hi) for hi in range(256) if not 0xD8 <= hi <= 0xDF]
    blocks = b""
    for i in range(0, len(ranges), 100):
        chunk = ranges[i:i + 100]
        blocks += b"%d beginbfrange\n" % len(chunk) + b"\n".join(chunk) + b"\nendbfrange\n"
    return (b"/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
            b"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
            b"/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
            b"1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n" + blocks +
            b"endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n")


def content_stream(lines):
    out = b"BT\n/F1 12 Tf\n16 TL\n72 760 Td\n"
    for line in lines:
        out += b"<" + line.encode("utf-16-be").hex().upper().encode() + b"> Tj T*\n"
    return out + b"ET\n"


def font_objects(pdf, first):
    """Type0 font at `first`, descendant, descriptor, ToUnicode: four objects."""
    f, desc, fd, tu = first, first + 1, first + 2, first + 3
    pdf.obj(f, dict_(("Type", b"/Font"), ("Subtype", b"/Type0"), ("BaseFont", b"/DejaVuSans"),
                     ("Encoding", b"/Identity-H"), ("DescendantFonts", array([ref(desc)])), ("ToUnicode", ref(tu))))
    pdf.obj(desc, dict_(("Type", b"/Font"), ("Subtype", b"/CIDFontType2"), ("BaseFont", b"/DejaVuSans"),
                        ("CIDSystemInfo", b"<< /Registry (Adobe) /Ordering (Identity) /Supplement 0 >>"),
                        ("FontDescriptor", ref(fd)), ("DW", 600), ("CIDToGIDMap", b"/Identity")))
    pdf.obj(fd, dict_(("Type", b"/FontDescriptor"), ("FontName", b"/DejaVuSans"), ("Flags", 32),
                      ("FontBBox", b"[0 -250 1000 900]"), ("ItalicAngle", 0), ("Ascent", 900), ("Descent", -250),
                      ("CapHeight", 700), ("StemV", 80)))
    pdf.obj(tu, b"<< /Filter /FlateDecode >>", stream=flate(to_unicode_cmap()))
    return f


def page_objects(pdf, catalog, pages, page, content, font, lines, catalog_extra=(), page_extra=(), xobjects=None):
    pdf.obj(catalog, dict_(("Type", b"/Catalog"), ("Pages", ref(pages)), *catalog_extra))
    pdf.obj(pages, dict_(("Type", b"/Pages"), ("Kids", array([ref(page)])), ("Count", 1)))
    resources = b"<< /Font << /F1 %d 0 R >>" % font
    if xobjects:
        resources += b" /XObject << " + b" ".join(b"/%s %d 0 R" % (k.encode(), v) for k, v in xobjects.items()) + b" >>"
    resources += b" >>"
    pdf.obj(page, dict_(("Type", b"/Page"), ("Parent", ref(pages)), ("MediaBox", b"[0 0 595 842]"),
                        ("Resources", resources), ("Contents", ref(content)), *page_extra))
    pdf.obj(content, b"<< >>", stream=content_stream(lines))


def info_dict(author=None, title=None, subject=None, keywords=None, creator="Soạn thảo văn bản",
              producer="pdpcheck corpus builder", created="D:20240315083012+07'00'", modified=None):
    pairs = []
    if title is not None:
        pairs.append(("Title", text_string(title)))
    if author is not None:
        pairs.append(("Author", text_string(author)))
    if subject is not None:
        pairs.append(("Subject", text_string(subject)))
    if keywords is not None:
        pairs.append(("Keywords", text_string(keywords)))
    pairs.append(("Creator", text_string(creator)))
    pairs.append(("Producer", text_string(producer)))
    pairs.append(("CreationDate", text_string(created)))
    if modified:
        pairs.append(("ModDate", text_string(modified)))
    return dict_(*pairs)


# ============================================================================ fixtures

SIMPLE_LINES = [
    "HỒ SƠ ỨNG VIÊN",
    f"Họ và tên: {KHOA}",
    f"Số điện thoại: {PHONE_1}",
    f"Số CCCD: {CCCD_1}",
    "Địa chỉ liên hệ: xem trang sau",
]


def simple_pdf():
    pdf = PDF()
    # The Info dictionary comes first so that a file cut short still holds it.
    pdf.obj(1, info_dict(author=KHOA, title="Hồ sơ ứng viên", subject="Ứng tuyển vị trí kế toán",
                         keywords="hồ sơ, ứng viên, kế toán", modified="D:20240316091500+07'00'"))
    font = font_objects(pdf, 6)
    page_objects(pdf, 2, 3, 4, 5, font, SIMPLE_LINES)
    pdf.xref([("Root", ref(2)), ("Info", ref(1)), ("ID", b"[<0123456789ABCDEF0123456789ABCDEF> <0123456789ABCDEF0123456789ABCDEF>]")])
    return pdf.bytes()


def incremental_pdf():
    pdf = PDF()
    pdf.obj(1, info_dict(author=LAN, title="Biên bản họp tổ", subject=f"Gửi chị Lan, SĐT {PHONE_2}"))
    font = font_objects(pdf, 6)
    page_objects(pdf, 2, 3, 4, 5, font, ["BIÊN BẢN HỌP TỔ CÔNG TÁC", "Nội dung: kế hoạch quý II",
                                         f"Thư ký: {LAN}, điện thoại {PHONE_2}"])
    pdf.xref([("Root", ref(2)), ("Info", ref(1))])
    # Revision 2 rewrites the Info dictionary (new Author, the Subject dropped) and the page
    # content (the secretary's line dropped).
    pdf.obj(1, info_dict(author=OFFICE, title="Biên bản họp tổ", modified="D:20240401100000+07'00'"))
    pdf.obj(5, b"<< >>", stream=content_stream(["BIÊN BẢN HỌP TỔ CÔNG TÁC", "Nội dung: kế hoạch quý II"]))
    pdf.xref([("Root", ref(2)), ("Info", ref(1))], size=10)
    return pdf.bytes()


def png_up(rows):
    out = b""
    prev = bytes(len(rows[0]))
    for r in rows:
        out += b"\x02" + bytes((a - b) & 0xFF for a, b in zip(r, prev))
        prev = r
    return out


def xref_stream_pdf():
    pdf = PDF("1.5")
    # Streams cannot live in object streams: content, ToUnicode.
    font = 6
    pdf.obj(5, b"<< >>", stream=content_stream(["BÁO CÁO NỘI BỘ", f"Người lập: {TUAN}", f"Điện thoại: {PHONE_4}"]))
    pdf.obj(9, b"<< /Filter /FlateDecode >>", stream=flate(to_unicode_cmap()))
    inner = {
        1: info_dict(author=TUAN, title="Báo cáo nội bộ"),
        2: dict_(("Type", b"/Catalog"), ("Pages", ref(3))),
        3: dict_(("Type", b"/Pages"), ("Kids", array([ref(4)])), ("Count", 1)),
        4: dict_(("Type", b"/Page"), ("Parent", ref(3)), ("MediaBox", b"[0 0 595 842]"),
                 ("Resources", b"<< /Font << /F1 6 0 R >> >>"), ("Contents", ref(5))),
        6: dict_(("Type", b"/Font"), ("Subtype", b"/Type0"), ("BaseFont", b"/DejaVuSans"), ("Encoding", b"/Identity-H"),
                 ("DescendantFonts", array([ref(7)])), ("ToUnicode", ref(9))),
        7: dict_(("Type", b"/Font"), ("Subtype", b"/CIDFontType2"), ("BaseFont", b"/DejaVuSans"),
                 ("CIDSystemInfo", b"<< /Registry (Adobe) /Ordering (Identity) /Supplement 0 >>"),
                 ("FontDescriptor", ref(8)), ("DW", 600), ("CIDToGIDMap", b"/Identity")),
        8: dict_(("Type", b"/FontDescriptor"), ("FontName", b"/DejaVuSans"), ("Flags", 32),
                 ("FontBBox", b"[0 -250 1000 900]"), ("ItalicAngle", 0), ("Ascent", 900), ("Descent", -250),
                 ("CapHeight", 700), ("StemV", 80)),
    }
    order = sorted(inner)
    header, body = b"", b""
    for n in order:
        header += b"%d %d " % (n, len(body))
        body += inner[n] + b"\n"
    first = len(header)
    pdf.obj(10, dict_(("Type", b"/ObjStm"), ("N", len(order)), ("First", first), ("Filter", b"/FlateDecode")),
            stream=flate(header + body))
    xref_num = 11
    xref_offset = len(pdf.out)
    rows = []
    for n in range(0, 12):
        if n == 0:
            rows.append(bytes([0, 0, 0, 0, 255]))
        elif n in inner:
            rows.append(bytes([2, 0, 0, 10, order.index(n)]))
        elif n == xref_num:
            rows.append(bytes([1]) + xref_offset.to_bytes(3, "big") + b"\x00")
        else:
            rows.append(bytes([1]) + pdf.offsets[n].to_bytes(3, "big") + b"\x00")
    data = flate(png_up(rows))
    pdf.offsets[xref_num] = xref_offset
    pdf.out += b"%d 0 obj\n" % xref_num
    pdf.out += dict_(("Type", b"/XRef"), ("Size", 12), ("W", b"[1 3 1]"), ("Index", b"[0 12]"), ("Root", ref(2)),
                     ("Info", ref(1)), ("Filter", b"/FlateDecode"),
                     ("DecodeParms", b"<< /Predictor 12 /Columns 5 >>"), ("Length", len(data)))
    pdf.out += b"\nstream\n" + data + b"\nendstream\nendobj\n"
    pdf.out += b"startxref\n%d\n%%%%EOF\n" % xref_offset
    return pdf.bytes()


def xmp_packet():
    return f"""<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
    xmlns:xmp="http://ns.adobe.com/xap/1.0/">
   <dc:creator><rdf:Seq><rdf:li>{THU_HA}</rdf:li></rdf:Seq></dc:creator>
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">Thư mời dự tiệc cưới</rdf:li></rdf:Alt></dc:title>
   <dc:description><rdf:Alt><rdf:li xml:lang="x-default">Liên hệ cô dâu: {PHONE_3}</rdf:li></rdf:Alt></dc:description>
   <pdf:Producer>pdpcheck corpus builder</pdf:Producer>
   <xmp:CreateDate>2024-03-15T08:30:12+07:00</xmp:CreateDate>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>""".encode("utf-8")


def xmp_pdf():
    pdf = PDF("1.6")
    pdf.obj(1, info_dict(title="Thư mời dự tiệc cưới"))
    font = font_objects(pdf, 7)
    page_objects(pdf, 2, 3, 4, 5, font, ["THƯ MỜI", "Trân trọng kính mời quý khách"],
                 catalog_extra=[("Metadata", ref(6))])
    pdf.obj(6, dict_(("Type", b"/Metadata"), ("Subtype", b"/XML")), stream=xmp_packet())
    pdf.xref([("Root", ref(2)), ("Info", ref(1))])
    return pdf.bytes()


def xmp_people_packet():
    return f"""<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
    xmlns:xmp="http://ns.adobe.com/xap/1.0/">
   <dc:creator><rdf:Seq><rdf:li>{DUC}</rdf:li><rdf:li>{YEN}</rdf:li></rdf:Seq></dc:creator>
   <dc:contributor><rdf:Bag><rdf:li>{SON}</rdf:li></rdf:Bag></dc:contributor>
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">Kế hoạch chuyến đi Đà Lạt</rdf:li></rdf:Alt></dc:title>
   <dc:subject><rdf:Bag><rdf:li>du lịch</rdf:li><rdf:li>gia đình</rdf:li></rdf:Bag></dc:subject>
   <dc:rights><rdf:Alt><rdf:li xml:lang="x-default">© {DUC}</rdf:li></rdf:Alt></dc:rights>
   <pdf:Author>{DUC}</pdf:Author>
   <pdf:Keywords>du lịch, gia đình</pdf:Keywords>
   <pdf:Producer>pdpcheck corpus builder</pdf:Producer>
   <xmp:CreatorTool>Soạn thảo văn bản 3.1</xmp:CreatorTool>
   <xmp:CreateDate>2024-03-15T08:30:12+07:00</xmp:CreateDate>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>""".encode("utf-8")


def xmp_people_pdf():
    pdf = PDF("1.6")
    pdf.obj(1, info_dict(author=DUC, title="Kế hoạch chuyến đi Đà Lạt", subject=f"Gọi anh Đức: {PHONE_4}",
                         keywords="du lịch, gia đình", creator="Soạn thảo văn bản 3.1"))
    font = font_objects(pdf, 7)
    page_objects(pdf, 2, 3, 4, 5, font, ["KẾ HOẠCH CHUYẾN ĐI", "Ngày 1: Hồ Xuân Hương"],
                 catalog_extra=[("Metadata", ref(6))])
    pdf.obj(6, dict_(("Type", b"/Metadata"), ("Subtype", b"/XML")), stream=xmp_people_packet())
    pdf.xref([("Root", ref(2)), ("Info", ref(1))])
    return pdf.bytes()


ATTACHMENT_TEXT = f"Ghi chú: liên hệ chị Hoa, số {PHONE_2}, trước thứ Sáu.\n".encode("utf-8")


def annotations_pdf():
    pdf = PDF("1.7")
    pdf.obj(1, info_dict(title="Hợp đồng thuê nhà (bản nháp)"))
    font = font_objects(pdf, 6)
    page_objects(pdf, 2, 3, 4, 5, font, ["HỢP ĐỒNG THUÊ NHÀ", "Bên A: (để trống)", "Bên B: (để trống)"],
                 catalog_extra=[("Names", b"<< /EmbeddedFiles << /Names [(ghi-chu.txt) 12 0 R] >> >>"),
                                ("AcroForm", b"<< /Fields [14 0 R] /DR << /Font << /F1 6 0 R >> >> /DA (/F1 10 Tf 0 g) >>")],
                 page_extra=[("Annots", array([ref(10), ref(11), ref(14)]))])
    pdf.obj(10, dict_(("Type", b"/Annot"), ("Subtype", b"/Text"), ("Rect", b"[400 700 420 720]"),
                      ("T", text_string(THANG)), ("Contents", text_string(f"Anh gọi lại cho em số {PHONE_3} nhé")),
                      ("M", b"(D:20240320101500+07'00')")))
    pdf.obj(11, dict_(("Type", b"/Annot"), ("Subtype", b"/FileAttachment"), ("Rect", b"[400 650 420 670]"),
                      ("T", text_string(THANG)), ("Contents", text_string("Tệp ghi chú")), ("FS", ref(12)),
                      ("Name", b"/Paperclip")))
    pdf.obj(12, dict_(("Type", b"/Filespec"), ("F", b"(ghi-chu.txt)"), ("UF", text_string("ghi-chu.txt")),
                      ("EF", b"<< /F 13 0 R >>")))
    pdf.obj(13, dict_(("Type", b"/EmbeddedFile"), ("Subtype", b"/text#2Fplain"), ("Filter", b"/FlateDecode"),
                      ("Params", b"<< /Size %d >>" % len(ATTACHMENT_TEXT))), stream=flate(ATTACHMENT_TEXT))
    pdf.obj(14, dict_(("Type", b"/Annot"), ("Subtype", b"/Widget"), ("FT", b"/Tx"), ("T", b"(so_cccd)"),
                      ("V", text_string(CCCD_2)), ("DA", b"(/F1 10 Tf 0 g)"), ("Rect", b"[72 600 300 620]"), ("P", ref(4))))
    pdf.xref([("Root", ref(2)), ("Info", ref(1))])
    return pdf.bytes()


def jpeg_size(data):
    i = 2
    while i + 9 < len(data):
        if data[i] != 0xFF:
            raise ValueError("bad JPEG")
        marker = data[i + 1]
        length = int.from_bytes(data[i + 2:i + 4], "big")
        if marker in (0xC0, 0xC1, 0xC2):
            return int.from_bytes(data[i + 7:i + 9], "big"), int.from_bytes(data[i + 5:i + 7], "big")
        i += 2 + length
    raise ValueError("no SOF")


def image_pdf():
    jpeg = GPS_JPEG.read_bytes()
    width, height = jpeg_size(jpeg)
    pdf = PDF()
    pdf.obj(1, info_dict(title="Ảnh hiện trường"))
    font = font_objects(pdf, 6)
    pdf.obj(2, dict_(("Type", b"/Catalog"), ("Pages", ref(3))))
    pdf.obj(3, dict_(("Type", b"/Pages"), ("Kids", array([ref(4)])), ("Count", 1)))
    pdf.obj(4, dict_(("Type", b"/Page"), ("Parent", ref(3)), ("MediaBox", b"[0 0 595 842]"),
                     ("Resources", b"<< /Font << /F1 6 0 R >> /XObject << /Im1 10 0 R >> >>"), ("Contents", ref(5))))
    content = content_stream(["ẢNH HIỆN TRƯỜNG"]) + b"q %d 0 0 %d 72 500 cm /Im1 Do Q\n" % (width * 4, height * 4)
    pdf.obj(5, b"<< >>", stream=content)
    pdf.obj(10, dict_(("Type", b"/XObject"), ("Subtype", b"/Image"), ("Width", width), ("Height", height),
                      ("ColorSpace", b"/DeviceGray"), ("BitsPerComponent", 8), ("Filter", b"/DCTDecode")), stream=jpeg)
    pdf.xref([("Root", ref(2)), ("Info", ref(1))])
    return pdf.bytes()


def encrypted_pdf():
    pdf = PDF()
    pdf.obj(1, dict_(("Author", b"<8A0F3C51D2E97B40>"), ("Producer", b"<55AA0134>")))
    pdf.obj(2, dict_(("Type", b"/Catalog"), ("Pages", ref(3))))
    pdf.obj(3, dict_(("Type", b"/Pages"), ("Kids", array([ref(4)])), ("Count", 1)))
    pdf.obj(4, dict_(("Type", b"/Page"), ("Parent", ref(3)), ("MediaBox", b"[0 0 595 842]")))
    pdf.obj(5, dict_(("Filter", b"/Standard"), ("V", 1), ("R", 2),
                     ("O", b"<" + b"4F" * 32 + b">"), ("U", b"<" + b"55" * 32 + b">"), ("P", -44)))
    pdf.xref([("Root", ref(2)), ("Info", ref(1)), ("Encrypt", ref(5)),
              ("ID", b"[<00112233445566778899AABBCCDDEEFF> <00112233445566778899AABBCCDDEEFF>]")])
    return pdf.bytes()


def truncated_pdf():
    data = simple_pdf()
    return data[:len(data) * 2 // 3]


def xref_outside_pdf():
    data = simple_pdf()
    i = data.rindex(b"startxref\n")
    return data[:i] + b"startxref\n99999999\n%%EOF\n"


def prev_loop_pdf():
    """An incremental update whose sections' /Prev point at each other."""
    pdf = PDF()
    pdf.obj(1, info_dict(author=LAN, title="Danh sách lớp"))
    font = font_objects(pdf, 6)
    page_objects(pdf, 2, 3, 4, 5, font, ["DANH SÁCH LỚP 10A1"])
    first = len(pdf.out)
    # "/Prev 0000000000" is a placeholder, patched below to the second section (same width).
    pdf.xref([("Root", ref(2)), ("Info", ref(1)), ("Prev", b"0000000000")], prev=False)
    pdf.obj(1, info_dict(author=OFFICE, title="Danh sách lớp"))
    second = pdf.xref([("Root", ref(2)), ("Info", ref(1))], size=10)
    data = pdf.bytes()
    i = data.index(b"/Prev 0000000000", first)
    return data[:i] + b"/Prev %010d" % second + data[i + 16:]


def deep_nesting_pdf():
    pdf = PDF()
    pdf.obj(1, info_dict(author=KHOA, title="Tệp lồng sâu"))
    font = font_objects(pdf, 6)
    page_objects(pdf, 2, 3, 4, 5, font, [f"Liên hệ {PHONE_1}"])
    pdf.obj(10, b"[" * 5000 + b"]" * 5000)
    pdf.obj(11, b"<< /A " * 1000 + b"1" + b" >>" * 1000)
    pdf.xref([("Root", ref(2)), ("Info", ref(1))])
    return pdf.bytes()


def broken_offsets_pdf():
    """Every cross-reference offset is 7 bytes off, as after a careless re-encoding."""
    data = bytearray(simple_pdf())
    x = data.rindex(b"\nxref\n") + 1
    t = data.index(b"trailer", x)
    table = bytes(data[x:t])
    fixed = b""
    for line in table.split(b"\r\n"):
        if len(line) == 18 and line.endswith(b" n"):
            line = b"%010d" % (int(line[:10]) + 7) + line[10:]
        fixed += line + b"\r\n"
    fixed = fixed[:-2]
    assert len(fixed) == len(table)
    data[x:t] = fixed
    return bytes(data)


def not_a_pdf():
    body = bytes((i * 37 + 11) % 251 for i in range(600)).replace(b"obj", b"ob_").replace(b"%%EOF", b"%%EO_")
    return b"%PDF-1.7\n" + body


# ============================================================================ manifest

def field(category, group, name, value, container, exiftool=True):
    return {"kind": "field", "category": category, "group": group, "field": name, "value": value,
            "container": container, "exiftool": exiftool}


def text(category, part, value):
    return {"kind": "text", "category": category, "part": part, "value": value}


def hidden(kind, part, person=None, contains=None):
    e = {"kind": "hidden", "category": "hidden_content", "hidden": kind, "part": part}
    if person is not None:
        e["person"] = person
    if contains is not None:
        e["contains"] = contains
    return e


def embedded(name, category, group, field_name, value):
    return {"kind": "embedded", "category": category, "part": name, "group": group, "field": field_name, "value": value}


FIXTURES = [
    ("simple.pdf", simple_pdf, "One page CV: Info Author, page text with a phone number and a CCCD.", [
        field("author_identity", "PDF", "Author", KHOA, "PDF Info"),
        text("phone_number", "page text", PHONE_1),
        text("national_id", "page text", CCCD_1),
        text("person_name", "page text", KHOA),
    ], None),
    ("incremental-update.pdf", incremental_pdf,
     "Revision 1 Author Nguyễn Thị Lan, a Subject with a phone and a page line with the same phone; "
     "revision 2 (incremental update) replaces the Author with Phòng Hành chính, drops the Subject and "
     "rewrites the page without that line. All old values are still in the file.", [
        field("author_identity", "PDF", "Author", OFFICE, "PDF Info"),
        field("author_identity", "PDF", "Author", LAN, "PDF revision 1"),
        field("phone_number", "PDF", "Subject", f"Gửi chị Lan, SĐT {PHONE_2}", "PDF revision 1"),
        hidden("old-revision", "PDF revision 1 Info", person=LAN),
        hidden("old-revision", "PDF revision 1 Info", contains=PHONE_2),
        hidden("old-revision", "PDF revision 1 page text"),
        text("phone_number", "PDF revision 1 page text", PHONE_2),
    ], None),
    ("xref-stream.pdf", xref_stream_pdf,
     "PDF 1.5 with a cross-reference stream (Flate, PNG Up predictor) and an object stream holding "
     "the Info dictionary, catalog and page.", [
        field("author_identity", "PDF", "Author", TUAN, "PDF Info"),
        text("phone_number", "page text", PHONE_4),
    ], None),
    ("xmp.pdf", xmp_pdf, "Catalog /Metadata XMP stream: dc:creator, dc:description with a phone number.", [
        field("author_identity", "XMP-dc", "Creator", THU_HA, "PDF XMP"),
        field("phone_number", "XMP-dc", "Description", f"Liên hệ cô dâu: {PHONE_3}", "PDF XMP"),
    ], None),
    ("xmp-people.pdf", xmp_people_pdf,
     "Info Author, Subject with a phone number and an application Creator; an XMP packet with two dc:creator "
     "names, a dc:contributor, dc:rights, pdf:Author, pdf:Keywords and xmp:CreatorTool (the ExifTool oracle "
     "compares each).", [
        field("author_identity", "PDF", "Author", DUC, "PDF Info"),
        field("phone_number", "PDF", "Subject", f"Gọi anh Đức: {PHONE_4}", "PDF Info"),
        field("author_identity", "XMP-dc", "Creator", YEN, "PDF XMP"),
        field("author_identity", "XMP-dc", "Contributor", SON, "PDF XMP"),
        field("author_identity", "XMP-pdf", "Author", DUC, "PDF XMP"),
    ], None),
    ("annotations.pdf", annotations_pdf,
     "A Text annotation by Vũ Đức Thắng with a phone number, a FileAttachment annotation (also in the "
     "EmbeddedFiles name tree) holding ghi-chu.txt with a phone number, and a filled form field with a CCCD.", [
        hidden("comment", "annotation 1", person=THANG),
        text("phone_number", "annotation 1", PHONE_3),
        hidden("attachment", "attachment ghi-chu.txt"),
        {"kind": "attachment", "category": "phone_number", "part": "ghi-chu.txt", "value": PHONE_2},
        text("national_id", "form field so_cccd", CCCD_2),
    ], None),
    ("image.pdf", image_pdf, "A DCTDecode image XObject whose data is Corpus/media/jpeg/gps-exif.jpg (EXIF GPS).", [
        embedded("image 1.jpg", "gps_location", "GPS", "GPSLatitude", 11.940419),
        embedded("image 1.jpg", "gps_location", "GPS", "GPSLongitude", 108.458313),
    ], None),
    ("encrypted.pdf", encrypted_pdf, "Trailer /Encrypt (Standard handler, RC4 40-bit; keys are dummies).", [],
     {"code": "encrypted"}),
    ("truncated.pdf", truncated_pdf, "simple.pdf cut after two thirds: no cross-reference table or trailer; "
     "the Info dictionary is found by scanning for objects.", [
        field("author_identity", "PDF", "Author", KHOA, "PDF Info", exiftool=False),
    ], None),
    ("xref-outside.pdf", xref_outside_pdf, "simple.pdf whose startxref points past the end of the file.", [
        field("author_identity", "PDF", "Author", KHOA, "PDF Info", exiftool=False),
        text("phone_number", "page text", PHONE_1),
    ], None),
    ("prev-loop.pdf", prev_loop_pdf, "Two revisions whose cross-reference sections name each other in /Prev.", [
        field("author_identity", "PDF", "Author", OFFICE, "PDF Info", exiftool=False),
        field("author_identity", "PDF", "Author", LAN, "PDF revision 1", exiftool=False),
        hidden("old-revision", "PDF revision 1 Info", person=LAN),
    ], None),
    ("deep-nesting.pdf", deep_nesting_pdf, "Unreferenced objects with 5,000 nested arrays and 1,000 nested "
     "dictionaries; the rest of the file is normal.", [
        field("author_identity", "PDF", "Author", KHOA, "PDF Info", exiftool=False),
        text("phone_number", "page text", PHONE_1),
    ], None),
    ("broken-offsets.pdf", broken_offsets_pdf, "simple.pdf with every cross-reference offset 7 bytes off.", [
        field("author_identity", "PDF", "Author", KHOA, "PDF Info", exiftool=False),
        text("phone_number", "page text", PHONE_1),
    ], None),
    ("not-a-pdf.pdf", not_a_pdf, "A %PDF- header followed by noise: no objects at all.", [], {"code": "malformed"}),
]


# ============================================================================ checks with the tools

def run(cmd):
    return subprocess.run(cmd, capture_output=True, check=False)


def exiftool_json(path):
    r = run(["exiftool", "-j", "-G1", "-a", str(path)])
    return json.loads(r.stdout.decode("utf-8"))[0]


def exif_values(info, key):
    v = info.get(key)
    if v is None:
        return []
    return [str(x) for x in v] if isinstance(v, list) else [str(v)]


def check_with_tools(directory, problems):
    for file_name, _, _, expect, error in FIXTURES:
        path = directory / file_name
        if error is not None:
            continue
        text_expect = [e for e in expect if e["kind"] == "text" and e["part"] == "page text"]
        for e in expect:
            if e["kind"] == "text" and e["part"].startswith("PDF revision ") and e["part"].endswith(" page text"):
                n = int(e["part"].split()[2])
                data = path.read_bytes()
                end = 0
                for _ in range(n):
                    end = data.index(b"%%EOF", end) + 6
                r = subprocess.run(["pdftotext", "-q", "-enc", "UTF-8", "-", "-"], input=data[:end], capture_output=True)
                if e["value"] not in r.stdout.decode("utf-8", "replace"):
                    problems.append(f"{file_name}: pdftotext on revision {n} lacks {e['value']!r}")
                r = run(["pdftotext", "-q", "-enc", "UTF-8", str(path), "-"])
                if e["value"] in r.stdout.decode("utf-8", "replace"):
                    problems.append(f"{file_name}: the newest revision still shows {e['value']!r}")
        if text_expect:
            r = run(["pdftotext", "-q", "-enc", "UTF-8", str(path), "-"])
            page = r.stdout.decode("utf-8", "replace")
            for e in text_expect:
                if e["value"] not in page:
                    problems.append(f"{file_name}: pdftotext output lacks {e['value']!r}")
        info = exiftool_json(path)
        for e in expect:
            if e["kind"] != "field" or not e.get("exiftool", True):
                continue
            container = e["container"]
            if container.startswith("PDF revision "):
                # ExifTool reads only the newest revision: check the old one on the file cut
                # after that revision's %%EOF.
                n = int(container.split()[2])
                data = path.read_bytes()
                end = 0
                for _ in range(n):
                    end = data.index(b"%%EOF", end) + 6
                with tempfile.NamedTemporaryFile(suffix=".pdf") as tmp:
                    tmp.write(data[:end])
                    tmp.flush()
                    values = exif_values(exiftool_json(Path(tmp.name)), f"{e['group']}:{e['field']}")
            else:
                values = exif_values(info, f"{e['group']}:{e['field']}")
            if str(e["value"]) not in values:
                problems.append(f"{file_name}: exiftool {e['group']}:{e['field']} = {values}, expected {e['value']!r}")
    # The image inside image.pdf is the GPS JPEG, byte for byte.
    data = (directory / "image.pdf").read_bytes()
    if GPS_JPEG.read_bytes() not in data:
        problems.append("image.pdf: the DCTDecode stream is not gps-exif.jpg")
    r = run(["pdftotext", "-q", str(directory / "encrypted.pdf"), "-"])
    if r.returncode == 0:
        problems.append("encrypted.pdf: pdftotext opened it without a password")


def build(directory, use_tools):
    directory.mkdir(parents=True, exist_ok=True)
    entries = []
    for file_name, make, description, expect, error in FIXTURES:
        data = make()
        (directory / file_name).write_bytes(data)
        entry = {"path": f"{OUT_DIR}/{file_name}", "description": description, "bytes": len(data)}
        if error is not None:
            entry["error"] = error
        entry["expect"] = expect
        entries.append(entry)
    manifest = {
        "version": 1,
        "generator": "Corpus/tools/build_documents_pdf.py",
        "expectFields": {
            "kind": "field: a metadata field (group, field, value, container); text: text found in a text part "
                    "(part, value); hidden: a HiddenItem (hidden = its kind, part, person or contains = a "
                    "substring of its detail); embedded: a field of an embedded file named part; attachment: "
                    "text inside the attached file named part",
            "category": "the DESIGN.md category a scan must report for it",
            "exiftool": "false when ExifTool does not read the field from the file as it is (damaged files)",
            "error": "the per-file error code the reader must throw (then expect is empty)",
        },
        "files": entries,
    }
    (directory / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    problems = []
    if use_tools:
        check_with_tools(directory, problems)
    return problems


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="exit 1 if the committed files differ from a rebuild")
    parser.add_argument("--no-tools", action="store_true", help="skip the pdftotext/exiftool checks")
    args = parser.parse_args()
    use_tools = not args.no_tools and shutil.which("pdftotext") and shutil.which("exiftool")
    if not args.no_tools and not use_tools:
        print("pdftotext or exiftool missing: pass --no-tools to build without the checks", file=sys.stderr)
        return 1
    target = CORPUS / OUT_DIR
    if args.check:
        with tempfile.TemporaryDirectory() as tmp:
            problems = build(Path(tmp), use_tools)
            differ = [p.name for p in sorted(Path(tmp).iterdir())
                      if not (target / p.name).exists() or (target / p.name).read_bytes() != p.read_bytes()]
        for p in problems:
            print(p, file=sys.stderr)
        if differ:
            print("out of date: " + ", ".join(differ), file=sys.stderr)
        return 1 if problems or differ else 0
    with tempfile.TemporaryDirectory() as tmp:
        problems = build(Path(tmp), use_tools)
        if problems:
            for p in problems:
                print(p, file=sys.stderr)
            return 1
        target.mkdir(parents=True, exist_ok=True)
        for p in sorted(Path(tmp).iterdir()):
            shutil.copyfile(p, target / p.name)
    print(f"wrote {len(FIXTURES)} PDFs and manifest.json to Corpus/{OUT_DIR}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
