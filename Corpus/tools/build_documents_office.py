#!/usr/bin/env python3
"""Build the pdpcheck office-document and archive corpus (issue #5, items 1, 2, 4, 7).

Outputs (all paths relative to Corpus/):
  documents/office/*.docx|xlsx|pptx|odt|ods|odp   office documents built from the XML templates below
  documents/office/oracle/<name>.json             `exiftool -j -G1 -n -a <file>` limited to the
                                                  document-property groups (XML, XMP-*) and File:MIMEType
  documents/office/manifest.json                  what each document holds ("expect")
  archives/*.zip|cbz                              a ZIP holding the DOCX (JPEG in DOCX in ZIP), a CBZ,
                                                  a ZIP64 archive
  archives/hostile/*.zip                          bombs, deep nesting, 20,000 members (wrapped),
                                                  traversal names, an encrypted member, a truncated
                                                  archive, a central directory outside the file
  archives/manifest.json                          expected findings, per-file errors and skipped members

Every ZIP here is written by the small writer in this file (fixed timestamps, fixed deflate
settings), so the output is deterministic for one zlib version, and the hostile variants can set
any header field. Members are deflated with raw zlib at level 9.

Usage:
  python3 Corpus/tools/build_documents_office.py            rebuild (deterministic)
  python3 Corpus/tools/build_documents_office.py --check    rebuild in a temp dir, exit 1 if anything differs
  python3 Corpus/tools/build_documents_office.py --many-members OUT
                                        also write the raw 20,000-member archive (1.5 MB, not committed)

Needs python3 (stdlib only) and, for the oracle files, exiftool 12.57. No real person's data:
every name, number, address and company here is invented; coordinates are a public park.
"""

import argparse
import json
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib
from pathlib import Path

CORPUS = Path(__file__).resolve().parent.parent
OFFICE_DIR = "documents/office"
ARCHIVE_DIR = "archives"
GPS_JPEG = CORPUS / "media/jpeg/gps-exif.jpg"
CLEAN_JPEG = CORPUS / "media/jpeg/clean.jpg"
GPS = {"latitude": 11.940419, "longitude": 108.458313}  # Công viên Yersin, Đà Lạt (from gps-exif.jpg)
EXPECTED_EXIFTOOL = "12.57"

# ============================================================================ ZIP writer

DOS_TIME = (9 << 11) | (30 << 5) | 0          # 09:30:00
DOS_DATE = ((2026 - 1980) << 9) | (1 << 5) | 15  # 2026-01-15


def deflate(data):
    c = zlib.compressobj(9, zlib.DEFLATED, -15, 9)
    return c.compress(data) + c.flush()


class Member:
    """One ZIP member; every header field can be overridden for hostile files."""

    def __init__(self, name, data=b"", method=8, flags=0, declared_size=None, declared_compressed=None,
                 crc=None, comment=b"", zip64=False, local_name=None, compressed=None):
        self.name = name.encode("utf-8") if isinstance(name, str) else name
        self.local_name = self.name if local_name is None else local_name
        self.data = data
        self.method = method
        self.flags = flags | (0x0800 if any(b > 0x7F for b in self.name) else 0)
        if compressed is not None:
            self.compressed = compressed
        else:
            self.compressed = deflate(data) if method == 8 else data
        self.crc = zlib.crc32(data) if crc is None else crc
        self.usize = len(data) if declared_size is None else declared_size
        self.csize = len(self.compressed) if declared_compressed is None else declared_compressed
        self.comment = comment
        self.zip64 = zip64


def build_zip(members, comment=b"", zip64_end=False, aliases=(), cd_offset_delta=0, truncate_at=None):
    """Writes members, then a central directory (one entry per member plus `aliases`: extra
    names pointing at an existing member's local header), then the end records."""
    out = bytearray()
    offsets = []
    for m in members:
        offsets.append(len(out))
        if m.zip64:
            extra = struct.pack("<HHQQ", 1, 16, m.usize, m.csize)
            sizes = (0xFFFFFFFF, 0xFFFFFFFF)
        else:
            extra = b""
            sizes = (m.csize, m.usize)
        out += struct.pack("<IHHHHHIIIHH", 0x04034B50, 45 if m.zip64 else 20, m.flags, m.method, DOS_TIME, DOS_DATE,
                           m.crc, sizes[0], sizes[1], len(m.local_name), len(extra))
        out += m.local_name + extra + m.compressed
    entries = [(m, m.name, offsets[i]) for i, m in enumerate(members)]
    entries += [(members[index], name.encode("utf-8"), offsets[index]) for name, index in aliases]
    cd_start = len(out)
    for m, name, offset in entries:
        if m.zip64:
            extra = struct.pack("<HHQQQ", 1, 24, m.usize, m.csize, offset)
            fields = (0xFFFFFFFF, 0xFFFFFFFF, 0xFFFFFFFF)
        else:
            extra = b""
            fields = (m.csize, m.usize, offset)
        out += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 0x031E, 45 if m.zip64 else 20, m.flags, m.method,
                           DOS_TIME, DOS_DATE, m.crc, fields[0], fields[1], len(name), len(extra), len(m.comment),
                           0, 0, 0o100644 << 16, fields[2])
        out += name + extra + m.comment
    cd_size = len(out) - cd_start
    count = len(entries)
    if zip64_end:
        record = len(out)
        out += struct.pack("<IQHHIIQQQQ", 0x06064B50, 44, 0x031E, 45, 0, 0, count, count, cd_size, cd_start)
        out += struct.pack("<IIQI", 0x07064B50, 0, record, 1)
        out += struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, 0xFFFF, 0xFFFF, 0xFFFFFFFF, 0xFFFFFFFF, len(comment))
    else:
        out += struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, count, count, cd_size, cd_start + cd_offset_delta, len(comment))
    out += comment
    if truncate_at is not None:
        del out[truncate_at:]
    return bytes(out)


def plain_zip(files, **kwargs):
    return build_zip([Member(name, data) for name, data in files], **kwargs)


def odf_zip(mimetype, files):
    """ODF: `mimetype` first and stored, then the rest deflated."""
    members = [Member("mimetype", mimetype.encode(), method=0)]
    members += [Member(name, data) for name, data in files]
    return build_zip(members)


def x(s):
    return s.encode("utf-8")


XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

# ============================================================================ OOXML shared parts

NS_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
CT = "application/vnd.openxmlformats-officedocument."


def content_types(overrides, defaults=()):
    parts = ['<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">',
             '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>',
             '<Default Extension="xml" ContentType="application/xml"/>']
    parts += [f'<Default Extension="{ext}" ContentType="{t}"/>' for ext, t in defaults]
    parts += [f'<Override PartName="/{name}" ContentType="{t}"/>' for name, t in overrides]
    parts.append("</Types>")
    return x(XML_DECL + "".join(parts))


def relationships(rels):
    parts = [f'<Relationships xmlns="{NS_REL}">']
    for rid, rtype, target, external in rels:
        mode = ' TargetMode="External"' if external else ""
        parts.append(f'<Relationship Id="{rid}" Type="{rtype}" Target="{target}"{mode}/>')
    parts.append("</Relationships>")
    return x(XML_DECL + "".join(parts))


PACKAGE_RELS = [
    ("rId2", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties", "docProps/core.xml", False),
    ("rId3", REL + "extended-properties", "docProps/app.xml", False),
    ("rId4", REL + "custom-properties", "docProps/custom.xml", False),
]
PROPS_OVERRIDES = [
    ("docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"),
    ("docProps/app.xml", CT + "extended-properties+xml"),
    ("docProps/custom.xml", CT + "custom-properties+xml"),
]


def core_props(creator, modified_by, title, subject, description, keywords):
    return x(XML_DECL + (
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{title}</dc:title><dc:subject>{subject}</dc:subject><dc:creator>{creator}</dc:creator>"
        f"<cp:keywords>{keywords}</cp:keywords><dc:description>{description}</dc:description>"
        f"<cp:lastModifiedBy>{modified_by}</cp:lastModifiedBy><cp:revision>7</cp:revision>"
        '<dcterms:created xsi:type="dcterms:W3CDTF">2026-01-12T08:15:00Z</dcterms:created>'
        '<dcterms:modified xsi:type="dcterms:W3CDTF">2026-01-15T09:30:00Z</dcterms:modified>'
        "</cp:coreProperties>"))


def app_props(application, company, manager, extra=""):
    return x(XML_DECL + (
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
        'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
        f"<Template>Normal.dotm</Template><TotalTime>42</TotalTime><Application>{application}</Application>"
        f"{extra}<Company>{company}</Company><Manager>{manager}</Manager><AppVersion>16.0000</AppVersion>"
        "</Properties>"))


def custom_props(props):
    parts = ['<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" '
             'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">']
    for pid, (name, value) in enumerate(props, start=2):
        parts.append(f'<property fmtid="{{D5CDD505-2E9C-101B-9397-08002B2CF9AE}}" pid="{pid}" name="{name}">'
                     f"<vt:lpwstr>{value}</vt:lpwstr></property>")
    parts.append("</Properties>")
    return x(XML_DECL + "".join(parts))


# ============================================================================ DOCX

def w_par(*runs, ppr=""):
    return f"<w:p>{ppr}{''.join(runs)}</w:p>"


def w_run(text, rpr=""):
    return f'<w:r>{rpr}<w:t xml:space="preserve">{text}</w:t></w:r>'


def build_docx():
    image_run = (
        '<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="914400" cy="914400"/>'
        '<wp:docPr id="1" name="Ảnh 1" descr="Ảnh mặt tiền căn nhà cho thuê"/>'
        '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
        '<a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">'
        '<pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:nvPicPr>'
        '<pic:cNvPr id="0" name="image1.jpeg"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed="rId7"/>'
        '<a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x="0" y="0"/>'
        '<a:ext cx="914400" cy="914400"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr>'
        "</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>")
    body = "".join([
        w_par(w_run("HỢP ĐỒNG THUÊ NHÀ Ở"), ppr='<w:pPr><w:jc w:val="center"/></w:pPr>'),
        w_par(w_run("Bên cho thuê (Bên A): bà Nguyễn Thị Hồng Nhung, số CCCD 079186001234, "
                    "điện thoại 0912 345 678.")),
        w_par(w_run("Số điện thoại liên hệ dự phòng: "),
              '<w:del w:id="1" w:author="Lê Thị Thu Hà" w:date="2026-01-14T10:00:00Z"><w:r>'
              '<w:delText xml:space="preserve">0903 123 456</w:delText></w:r></w:del>',
              '<w:ins w:id="2" w:author="Lê Thị Thu Hà" w:date="2026-01-14T10:01:00Z">'
              + w_run("0938 765 432") + "</w:ins>"),
        w_par(w_run("Tiền thuê chuyển vào tài khoản của Bên A. "),
              w_run("Số tài khoản 19035678901234 Techcombank", rpr="<w:rPr><w:vanish/></w:rPr>")),
        w_par('<w:commentRangeStart w:id="0"/>',
              w_run("Địa chỉ nhà cho thuê: số 12 ngõ 34 phố Hoàng Hoa Thám, phường Ngọc Hà, Hà Nội."),
              '<w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r>'),
        w_par(w_run("Bên thuê cam kết giữ gìn nhà"),
              '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="1"/></w:r>',
              w_run(".")),
        w_par(image_run),
        w_par('<w:hyperlink r:id="rId8">' + w_run("Gửi thư cho Bên A") + "</w:hyperlink>"),
        '<w:sectPr><w:headerReference w:type="default" r:id="rId1"/><w:footerReference w:type="default" r:id="rId2"/></w:sectPr>',
    ])
    ns = (f'xmlns:w="{NS_W}" xmlns:r="{NS_R}" '
          'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"')
    document = x(XML_DECL + f"<w:document {ns}><w:body>{body}</w:body></w:document>")
    header = x(XML_DECL + f'<w:hdr xmlns:w="{NS_W}">'
               + w_par(w_run("Công ty TNHH Mây Hồng Phát – hotline 024 3999 8888")) + "</w:hdr>")
    footer = x(XML_DECL + f'<w:ftr xmlns:w="{NS_W}">'
               + w_par(w_run("Liên hệ Bên A qua thư điện tử: nhung.nguyen@example.vn")) + "</w:ftr>")
    footnotes = x(XML_DECL + f'<w:footnotes xmlns:w="{NS_W}">'
                  '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
                  '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
                  '<w:footnote w:id="1">' + w_par(w_run("Người làm chứng: ông Trần Văn Bình, điện thoại 0987 111 222."))
                  + "</w:footnote></w:footnotes>")
    comments = x(XML_DECL + f'<w:comments xmlns:w="{NS_W}">'
                 '<w:comment w:id="0" w:author="Trần Văn Bình" w:date="2026-01-14T09:00:00Z" w:initials="TVB">'
                 + w_par(w_run("Kiểm tra lại CCCD của chị Nhung: 079186001234, chủ nhà đổi số sang 0977 000 111."))
                 + "</w:comment></w:comments>")
    people = x(XML_DECL + '<w15:people xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml">'
               '<w15:person w15:author="Trần Văn Bình"><w15:presenceInfo w15:providerId="None" w15:userId="Trần Văn Bình"/></w15:person>'
               '<w15:person w15:author="Lê Thị Thu Hà"><w15:presenceInfo w15:providerId="AD" '
               'w15:userId="S::ha.le@example.vn::6a1f0c2e-1111-4222-8333-944455566677"/></w15:person></w15:people>')
    rels = relationships([
        ("rId1", REL + "header", "header1.xml", False),
        ("rId2", REL + "footer", "footer1.xml", False),
        ("rId3", REL + "footnotes", "footnotes.xml", False),
        ("rId5", REL + "comments", "comments.xml", False),
        ("rId6", "http://schemas.microsoft.com/office/2011/relationships/people", "people.xml", False),
        ("rId7", REL + "image", "media/image1.jpeg", False),
        ("rId8", REL + "hyperlink", "mailto:nhung.nguyen@example.vn", True),
    ])
    files = [
        ("[Content_Types].xml", content_types([
            ("word/document.xml", CT + "wordprocessingml.document.main+xml"),
            ("word/header1.xml", CT + "wordprocessingml.header+xml"),
            ("word/footer1.xml", CT + "wordprocessingml.footer+xml"),
            ("word/footnotes.xml", CT + "wordprocessingml.footnotes+xml"),
            ("word/comments.xml", CT + "wordprocessingml.comments+xml"),
            ("word/people.xml", CT + "wordprocessingml.people+xml"),
        ] + PROPS_OVERRIDES, defaults=[("jpeg", "image/jpeg")])),
        ("_rels/.rels", relationships([("rId1", REL + "officeDocument", "word/document.xml", False)] + PACKAGE_RELS)),
        ("word/document.xml", document),
        ("word/_rels/document.xml.rels", rels),
        ("word/header1.xml", header),
        ("word/footer1.xml", footer),
        ("word/footnotes.xml", footnotes),
        ("word/comments.xml", comments),
        ("word/people.xml", people),
        ("word/media/image1.jpeg", GPS_JPEG.read_bytes()),
        ("docProps/core.xml", core_props("Nguyễn Thị Hồng Nhung", "Trần Văn Bình", "Hợp đồng thuê nhà – Ngọc Hà",
                                         "Cho thuê nhà nguyên căn", "Liên hệ Bên A: 0912 345 678",
                                         "hợp đồng, thuê nhà")),
        ("docProps/app.xml", app_props("Microsoft Office Word", "Công ty TNHH Mây Hồng Phát", "Phạm Quốc Huy")),
        ("docProps/custom.xml", custom_props([("Người phụ trách", "Phạm Quốc Huy"),
                                              ("SoDienThoaiLienHe", "0912 345 678")])),
    ]
    expect = [
        text("phone_number", "word/document.xml", "0912 345 678"),
        text("national_id", "word/document.xml", "079186001234"),
        text("phone_number", "word/document.xml", "0903 123 456", note="deleted text (tracked change)"),
        text("phone_number", "word/document.xml", "0938 765 432", note="inserted text (tracked change)"),
        text("bank_account", "word/document.xml", "19035678901234", note="hidden text (w:vanish)"),
        text("phone_number", "word/footnotes.xml", "0987 111 222"),
        text("phone_number", "word/header1.xml", "024 3999 8888"),
        text("email_address", "word/footer1.xml", "nhung.nguyen@example.vn"),
        text("email_address", "word/_rels/document.xml.rels", "nhung.nguyen@example.vn", note="mailto: hyperlink target"),
        text("national_id", "word/comments.xml", "079186001234"),
        text("phone_number", "word/comments.xml", "0977 000 111"),
        field("author_identity", "docProps/core.xml", "XMP-dc", "Creator", "Nguyễn Thị Hồng Nhung"),
        field("author_identity", "docProps/core.xml", "XML", "LastModifiedBy", "Trần Văn Bình"),
        field("author_identity", "docProps/app.xml", "XML", "Manager", "Phạm Quốc Huy"),
        field("author_identity", "docProps/app.xml", "XML", "Company", "Công ty TNHH Mây Hồng Phát"),
        field("author_identity", "word/people.xml", "XML", "Person", "Lê Thị Thu Hà"),
        field("phone_number", "docProps/core.xml", "XMP-dc", "Description", "0912 345 678"),
        field("phone_number", "docProps/custom.xml", "XML", "SoDienThoaiLienHe", "0912 345 678"),
        hidden("word/comments.xml", "comment", "Trần Văn Bình"),
        hidden("word/document.xml", "tracked-change", "Lê Thị Thu Hà"),
        hidden("word/document.xml", "hidden-text", None),
        gps("word/media/image1.jpeg"),
    ]
    return build_zip([Member(n, d) for n, d in files]), expect, ["word/media/image1.jpeg"]


# ============================================================================ XLSX

def xlsx_parts(sheets, shared, extra_files=(), extra_overrides=(), workbook_rels_extra=(), persons=None, workbook_extra=""):
    """sheets: list of (name, state, sheet_xml, sheet_rels or None)."""
    ns_main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    sheet_elems = "".join(
        f'<sheet name="{name}" sheetId="{i + 1}"{state_attr(state)} r:id="rId{i + 1}"/>'
        for i, (name, state, _, _) in enumerate(sheets))
    workbook = x(XML_DECL + f'<workbook xmlns="{ns_main}" xmlns:r="{NS_R}"><sheets>{sheet_elems}</sheets>{workbook_extra}</workbook>')
    wb_rels = [(f"rId{i + 1}", REL + "worksheet", f"worksheets/sheet{i + 1}.xml", False) for i in range(len(sheets))]
    wb_rels.append((f"rId{len(sheets) + 1}", REL + "sharedStrings", "sharedStrings.xml", False))
    wb_rels += list(workbook_rels_extra)
    sst = "".join(f'<si><t xml:space="preserve">{s}</t></si>' for s in shared)
    shared_xml = x(XML_DECL + f'<sst xmlns="{ns_main}" count="{len(shared)}" uniqueCount="{len(shared)}">{sst}</sst>')
    overrides = [("xl/workbook.xml", CT + "spreadsheetml.sheet.main+xml"),
                 ("xl/sharedStrings.xml", CT + "spreadsheetml.sharedStrings+xml")]
    overrides += [(f"xl/worksheets/sheet{i + 1}.xml", CT + "spreadsheetml.worksheet+xml") for i in range(len(sheets))]
    overrides += list(extra_overrides)
    files = [("[Content_Types].xml", content_types(overrides + PROPS_OVERRIDES if persons is not False else overrides)),
             ("_rels/.rels", relationships([("rId1", REL + "officeDocument", "xl/workbook.xml", False)]
                                           + (PACKAGE_RELS if persons is not False else []))),
             ("xl/workbook.xml", workbook),
             ("xl/_rels/workbook.xml.rels", relationships(wb_rels)),
             ("xl/sharedStrings.xml", shared_xml)]
    for i, (_, _, sheet_xml, sheet_rels) in enumerate(sheets):
        files.append((f"xl/worksheets/sheet{i + 1}.xml", x(XML_DECL + sheet_xml)))
        if sheet_rels:
            files.append((f"xl/worksheets/_rels/sheet{i + 1}.xml.rels", sheet_rels))
    files += list(extra_files)
    return files


def state_attr(state):
    return "" if state == "visible" else ' state="%s"' % state


def cell(ref, value, kind):
    if kind == "s":
        return f'<c r="{ref}" t="s"><v>{value}</v></c>'
    if kind == "inline":
        return f'<c r="{ref}" t="inlineStr"><is><t>{value}</t></is></c>'
    return f'<c r="{ref}"><v>{value}</v></c>'


def row(number, cells, hidden=False):
    hidden_attr = ' hidden="1"' if hidden else ""
    return f'<row r="{number}"{hidden_attr}>{"".join(cells)}</row>'


def worksheet(rows):
    return ('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            f'xmlns:r="{NS_R}"><sheetData>{"".join(rows)}</sheetData></worksheet>')


def build_xlsx():
    shared = ["Họ và tên", "Số điện thoại", "Số CCCD", "Email", "Phạm Minh Tuấn", "0977 246 810",
              "tuan.pham@example.vn", "Đỗ Thị Lan", "Trịnh Văn Hậu", "0909 864 213",
              "SĐT cũ của chị Lan 0966 555 777 (đã xoá khỏi bảng)", "Số tài khoản", "Ngân hàng"]
    sheet1 = worksheet([
        row(1, [cell("A1", 0, "s"), cell("B1", 1, "s"), cell("C1", 2, "s"), cell("D1", 3, "s")]),
        row(2, [cell("A2", 4, "s"), cell("B2", 5, "s"), cell("C2", "001095012345", "inline"), cell("D2", 6, "s")]),
        row(3, [cell("A3", 7, "s"), cell("B3", "0988 135 792", "inline"), cell("C3", "079195008765", "inline"),
                cell("D3", "lan.do@example.vn", "inline")]),
        row(4, [cell("A4", 8, "s"), cell("B4", 9, "s"), cell("C4", 42, "n")], hidden=True),
    ])
    sheet2 = worksheet([
        row(1, [cell("A1", 0, "s"), cell("B1", 11, "s"), cell("C1", 12, "s")]),
        row(2, [cell("A2", 4, "s"), cell("B2", "STK 0011001234567", "inline"), cell("C2", "Vietcombank", "inline")]),
    ])
    sheet1_rels = relationships([
        ("rId1", REL + "comments", "../comments1.xml", False),
        ("rId2", "http://schemas.microsoft.com/office/2017/10/relationships/threadedComment",
         "../threadedComments/threadedComment1.xml", False),
    ])
    ns_main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    comments = x(XML_DECL + f'<comments xmlns="{ns_main}"><authors><author>Hoàng Văn Nam</author>'
                 "<author>tc={7A3F2B10-0000-4000-8000-000000000001}</author></authors><commentList>"
                 '<comment ref="B3" authorId="0"><text><r><t xml:space="preserve">SĐT cũ của chị Lan: 0905 333 444</t></r></text></comment>'
                 '<comment ref="C2" authorId="1"><text><t>[Threaded comment] Đã đối chiếu CCCD với bản gốc</t></text></comment>'
                 "</commentList></comments>")
    threaded = x(XML_DECL + '<ThreadedComments xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments">'
                 '<threadedComment ref="C2" dT="2026-01-14T08:00:00.00" personId="{5B8E1C22-0000-4000-8000-000000000002}" '
                 'id="{7A3F2B10-0000-4000-8000-000000000001}"><text>Đã đối chiếu CCCD với bản gốc</text></threadedComment>'
                 "</ThreadedComments>")
    persons = x(XML_DECL + '<personList xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments">'
                '<person displayName="Vũ Thị Mai" id="{5B8E1C22-0000-4000-8000-000000000002}" '
                'userId="mai.vu@example.vn" providerId="None"/></personList>')
    files = xlsx_parts(
        [("Nhân viên", "visible", sheet1, sheet1_rels), ("Lương", "hidden", sheet2, None)], shared,
        extra_files=[("xl/comments1.xml", comments), ("xl/threadedComments/threadedComment1.xml", threaded),
                     ("xl/persons/person.xml", persons),
                     ("docProps/core.xml", core_props("Đặng Quốc Khánh", "Vũ Thị Mai", "Danh sách nhân viên",
                                                      "Nhân sự", "Bảng nội bộ", "nhân sự")),
                     ("docProps/app.xml", app_props("Microsoft Excel", "Công ty CP Sao Mai Hưng Thịnh", "Hoàng Văn Nam",
                                                    extra='<TitlesOfParts><vt:vector size="2" baseType="lpstr">'
                                                          "<vt:lpstr>Nhân viên</vt:lpstr><vt:lpstr>Lương</vt:lpstr>"
                                                          "</vt:vector></TitlesOfParts>")),
                     ("docProps/custom.xml", custom_props([("Phòng ban", "Hành chính")]))],
        extra_overrides=[("xl/comments1.xml", CT + "spreadsheetml.comments+xml"),
                         ("xl/threadedComments/threadedComment1.xml", "application/vnd.ms-excel.threadedcomments+xml"),
                         ("xl/persons/person.xml", "application/vnd.ms-excel.person+xml")],
        workbook_rels_extra=[("rId9", "http://schemas.microsoft.com/office/2017/10/relationships/person",
                              "persons/person.xml", False)])
    expect = [
        text("phone_number", "xl/worksheets/sheet1.xml", "0977 246 810", note="shared string resolved into the sheet"),
        text("national_id", "xl/worksheets/sheet1.xml", "001095012345", note="inline string"),
        text("email_address", "xl/worksheets/sheet1.xml", "tuan.pham@example.vn"),
        text("phone_number", "xl/worksheets/sheet1.xml", "0988 135 792"),
        text("national_id", "xl/worksheets/sheet1.xml", "079195008765"),
        text("email_address", "xl/worksheets/sheet1.xml", "lan.do@example.vn"),
        text("phone_number", "xl/worksheets/sheet1.xml", "0909 864 213", note="hidden row"),
        text("bank_account", "xl/worksheets/sheet2.xml", "0011001234567", note="hidden sheet"),
        text("phone_number", "xl/sharedStrings.xml", "0966 555 777", note="shared string no cell uses"),
        text("phone_number", "xl/comments1.xml", "0905 333 444"),
        field("author_identity", "docProps/core.xml", "XMP-dc", "Creator", "Đặng Quốc Khánh"),
        field("author_identity", "docProps/core.xml", "XML", "LastModifiedBy", "Vũ Thị Mai"),
        field("author_identity", "docProps/app.xml", "XML", "Manager", "Hoàng Văn Nam"),
        field("author_identity", "xl/persons/person.xml", "XML", "Person", "Vũ Thị Mai"),
        hidden("xl/comments1.xml", "comment", "Hoàng Văn Nam"),
        hidden("xl/threadedComments/threadedComment1.xml", "comment", "Vũ Thị Mai"),
        hidden("xl/worksheets/sheet2.xml", "hidden-text", None, note="hidden sheet “Lương”"),
        hidden("xl/worksheets/sheet1.xml", "hidden-text", None, note="hidden row"),
    ]
    return build_zip([Member(n, d) for n, d in files]), expect, []


def build_xlsx_numbers():
    """Phone numbers, CCCDs and an account stored as NUMBERS (as Excel keeps a column typed as
    numbers): the fix must turn each such cell into a string cell holding the masked text.
    A formula copies a phone number onto a second sheet (calcChain lists it), and a pivot
    cache keeps its own copy of one number. Every value is invented."""
    ns_main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    shared = ["Họ và tên", "SĐT", "Số CCCD", "STK", "Số ngày công", "Hồ Thị Ngọc Ánh", "Lương Văn Thắng",
              "Liên hệ", "Ngân hàng", "Techcombank", "SĐT người liên hệ", "Tổng ngày công"]

    def num(ref, value, style=None, formula=None):
        s_attr = f' s="{style}"' if style is not None else ""
        f = f"<f>{formula}</f>" if formula else ""
        return f'<c r="{ref}"{s_attr}><v>{value}</v></c>' if not f else f'<c r="{ref}"{s_attr}>{f}<v>{value}</v></c>'
    sheet1 = worksheet([
        row(1, [cell("A1", 0, "s"), cell("B1", 1, "s"), cell("C1", 2, "s"), cell("D1", 3, "s"), cell("E1", 4, "s")]),
        # A phone number with its country code; a CCCD as an exporting program wrote it, leading zero kept.
        row(2, [cell("A2", 5, "s"), num("B2", "84912345678", 1), num("C2", "079195008765", 2), num("D2", "19036677889900", 1),
                num("E2", 22)]),
        # As Excel stores them: the leading zero gone (the column's number format shows it again).
        row(3, [cell("A3", 6, "s"), num("B3", "84987654321", 1), num("C3", "1094006789", 2), num("D3", "1012345678", 1),
                num("E3", 21)]),
    ])
    sheet2 = worksheet([
        row(1, [cell("A1", 7, "s"), cell("B1", 6, "s")]),
        row(2, [cell("A2", 3, "s"), num("B2", "19036677889911", 1)]),
        row(3, [cell("A3", 8, "s"), cell("B3", 9, "s")]),
        row(4, [cell("A4", 10, "s"), num("B4", "84987654321", 1, formula="'Nhân sự'!B3")]),
        row(5, [cell("A5", 11, "s"), num("B5", 43, None, formula="SUM('Nhân sự'!E2:E3)")]),
    ])
    styles = x(XML_DECL + f'<styleSheet xmlns="{ns_main}"><numFmts count="1"><numFmt numFmtId="164" formatCode="000000000000"/>'
               '</numFmts><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
               '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
               '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
               '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
               '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
               '<xf numFmtId="1" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
               '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>'
               "</styleSheet>")
    calc_chain = x(XML_DECL + f'<calcChain xmlns="{ns_main}"><c r="B4" i="2"/><c r="B5"/></calcChain>')
    pivot_definition = x(XML_DECL + (
        f'<pivotCacheDefinition xmlns="{ns_main}" xmlns:r="{NS_R}" r:id="rId1" refreshOnLoad="1" recordCount="2">'
        '<cacheSource type="worksheet"><worksheetSource ref="A1:B3" sheet="Nhân sự"/></cacheSource>'
        '<cacheFields count="2"><cacheField name="Họ và tên" numFmtId="0"><sharedItems/></cacheField>'
        '<cacheField name="SĐT" numFmtId="1"><sharedItems containsSemiMixedTypes="0" containsString="0" containsNumber="1" '
        'containsInteger="1" minValue="84912345678" maxValue="84987654321"/></cacheField></cacheFields>'
        "</pivotCacheDefinition>"))
    pivot_records = x(XML_DECL + f'<pivotCacheRecords xmlns="{ns_main}" count="2">'
                      '<r><s v="Hồ Thị Ngọc Ánh"/><n v="84912345678"/></r><r><s v="Lương Văn Thắng"/><n v="84987654321"/></r>'
                      "</pivotCacheRecords>")
    pivot_rels = relationships([("rId1", REL + "pivotCacheRecords", "pivotCacheRecords1.xml", False)])
    files = xlsx_parts(
        [("Nhân sự", "visible", sheet1, None), ("Liên hệ", "visible", sheet2, None)], shared,
        extra_files=[("xl/styles.xml", styles), ("xl/calcChain.xml", calc_chain),
                     ("xl/pivotCache/pivotCacheDefinition1.xml", pivot_definition),
                     ("xl/pivotCache/_rels/pivotCacheDefinition1.xml.rels", pivot_rels),
                     ("xl/pivotCache/pivotCacheRecords1.xml", pivot_records)],
        extra_overrides=[("xl/styles.xml", CT + "spreadsheetml.styles+xml"),
                         ("xl/calcChain.xml", CT + "spreadsheetml.calcChain+xml"),
                         ("xl/pivotCache/pivotCacheDefinition1.xml", CT + "spreadsheetml.pivotCacheDefinition+xml"),
                         ("xl/pivotCache/pivotCacheRecords1.xml", CT + "spreadsheetml.pivotCacheRecords+xml")],
        workbook_rels_extra=[("rId7", REL + "styles", "styles.xml", False),
                             ("rId8", REL + "calcChain", "calcChain.xml", False),
                             ("rId9", REL + "pivotCacheDefinition", "pivotCache/pivotCacheDefinition1.xml", False)],
        persons=False,
        workbook_extra='<pivotCaches><pivotCache cacheId="1" r:id="rId9"/></pivotCaches>')
    expect = [
        text("phone_number", "xl/worksheets/sheet1.xml", "84912345678", note="number cell"),
        text("national_id", "xl/worksheets/sheet1.xml", "079195008765", note="number cell, leading zero written"),
        text("phone_number", "xl/worksheets/sheet1.xml", "84987654321", note="number cell"),
        text("bank_account", "xl/worksheets/sheet2.xml", "19036677889911", note="number cell next to its label"),
    ]
    return build_zip([Member(n, d) for n, d in files]), expect, []


def tiny_xlsx(line):
    """A one-cell workbook (embedded in the PPTX)."""
    sheet = worksheet([row(1, [cell("A1", line, "inline")])])
    files = xlsx_parts([("Sheet1", "visible", sheet, None)], [], persons=False)
    return build_zip([Member(n, d) for n, d in files])


# ============================================================================ PPTX

NS_P = "http://schemas.openxmlformats.org/presentationml/2006/main"
NS_A = "http://schemas.openxmlformats.org/drawingml/2006/main"


def shape(sid, paragraphs):
    paras = "".join(f'<a:p><a:r><a:rPr lang="vi-VN"/><a:t>{p}</a:t></a:r></a:p>' for p in paragraphs)
    return (f'<p:sp><p:nvSpPr><p:cNvPr id="{sid}" name="TextBox {sid}"/><p:cNvSpPr txBox="1"/><p:nvPr/></p:nvSpPr>'
            f'<p:spPr/><p:txBody><a:bodyPr/><a:lstStyle/>{paras}</p:txBody></p:sp>')


def slide(shapes, show=True, root="p:sld", extra=""):
    attrs = "" if show else ' show="0"'
    return x(XML_DECL + f'<{root} xmlns:a="{NS_A}" xmlns:r="{NS_R}" xmlns:p="{NS_P}"{attrs}><p:cSld><p:spTree>'
             '<p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr/>'
             f"{''.join(shapes)}{extra}</p:spTree></p:cSld></{root}>")


def build_pptx():
    ole = ('<p:graphicFrame><p:nvGraphicFramePr><p:cNvPr id="5" name="Bảng tính nhúng"/><p:cNvGraphicFramePr/><p:nvPr/>'
           '</p:nvGraphicFramePr><p:xfrm><a:off x="0" y="0"/><a:ext cx="100" cy="100"/></p:xfrm><a:graphic>'
           '<a:graphicData uri="http://schemas.openxmlformats.org/presentationml/2006/ole">'
           '<p:oleObj progId="Excel.Sheet.12" r:id="rId3"><p:embed/></p:oleObj></a:graphicData></a:graphic></p:graphicFrame>')
    slide1 = slide([shape(2, ["Dự án Nhà ở xã hội Mây Hồng"]),
                    shape(3, ["Liên hệ: anh Lý Quang Vinh – 0868 123 456", "Email: vinh.ly@example.vn"])], extra=ole)
    slide2 = slide([shape(2, ["Danh sách khách đặt cọc (không trình chiếu)"]),
                    shape(3, ["Trịnh Thu Trang – CCCD 036190004567 – 0904 246 135"])], show=False)
    notes = slide([shape(2, ["Nhắc khán giả chuyển khoản giữ chỗ: STK 0123456789 Vietcombank, chủ TK Lý Quang Vinh."])],
                  root="p:notes")
    comments = x(XML_DECL + f'<p:cmLst xmlns:a="{NS_A}" xmlns:r="{NS_R}" xmlns:p="{NS_P}">'
                 '<p:cm authorId="1" dt="2026-01-14T11:00:00.000" idx="1"><p:pos x="10" y="10"/>'
                 "<p:text>Bỏ số 0868 123 456 của anh Vinh trước khi gửi khách</p:text></p:cm></p:cmLst>")
    authors = x(XML_DECL + f'<p:cmAuthorLst xmlns:a="{NS_A}" xmlns:r="{NS_R}" xmlns:p="{NS_P}">'
                '<p:cmAuthor id="1" name="Ngô Thị Bảo Ngọc" initials="NBN" lastIdx="1" clrIdx="0"/></p:cmAuthorLst>')
    presentation = x(XML_DECL + f'<p:presentation xmlns:a="{NS_A}" xmlns:r="{NS_R}" xmlns:p="{NS_P}">'
                     '<p:sldIdLst><p:sldId id="256" r:id="rId2"/><p:sldId id="257" r:id="rId3"/></p:sldIdLst>'
                     '<p:sldSz cx="9144000" cy="6858000"/><p:notesSz cx="6858000" cy="9144000"/></p:presentation>')
    files = [
        ("[Content_Types].xml", content_types([
            ("ppt/presentation.xml", CT + "presentationml.presentation.main+xml"),
            ("ppt/slides/slide1.xml", CT + "presentationml.slide+xml"),
            ("ppt/slides/slide2.xml", CT + "presentationml.slide+xml"),
            ("ppt/notesSlides/notesSlide1.xml", CT + "presentationml.notesSlide+xml"),
            ("ppt/comments/comment1.xml", CT + "presentationml.comments+xml"),
            ("ppt/commentAuthors.xml", CT + "presentationml.commentAuthors+xml"),
        ] + PROPS_OVERRIDES, defaults=[("xlsx", CT + "spreadsheetml.sheet")])),
        ("_rels/.rels", relationships([("rId1", REL + "officeDocument", "ppt/presentation.xml", False)] + PACKAGE_RELS)),
        ("ppt/presentation.xml", presentation),
        ("ppt/_rels/presentation.xml.rels", relationships([
            ("rId2", REL + "slide", "slides/slide1.xml", False), ("rId3", REL + "slide", "slides/slide2.xml", False),
            ("rId4", REL + "commentAuthors", "commentAuthors.xml", False)])),
        ("ppt/slides/slide1.xml", slide1),
        ("ppt/slides/_rels/slide1.xml.rels", relationships([
            ("rId1", REL + "notesSlide", "../notesSlides/notesSlide1.xml", False),
            ("rId2", REL + "comments", "../comments/comment1.xml", False),
            ("rId3", REL + "package", "../embeddings/Microsoft_Excel_Worksheet.xlsx", False)])),
        ("ppt/slides/slide2.xml", slide2),
        ("ppt/notesSlides/notesSlide1.xml", notes),
        ("ppt/comments/comment1.xml", comments),
        ("ppt/commentAuthors.xml", authors),
        ("ppt/embeddings/Microsoft_Excel_Worksheet.xlsx", tiny_xlsx("Hotline riêng của anh Vinh: 0939 888 777")),
        ("docProps/core.xml", core_props("Lý Quang Vinh", "Ngô Thị Bảo Ngọc", "Giới thiệu dự án", "Bán hàng",
                                         "Bản trình chiếu cho khách", "dự án, nhà ở")),
        ("docProps/app.xml", app_props("Microsoft Office PowerPoint", "Công ty TNHH Mây Hồng Phát", "Lý Quang Vinh")),
        ("docProps/custom.xml", custom_props([("Khu vực", "Đà Lạt")])),
    ]
    expect = [
        text("phone_number", "ppt/slides/slide1.xml", "0868 123 456"),
        text("email_address", "ppt/slides/slide1.xml", "vinh.ly@example.vn"),
        text("national_id", "ppt/slides/slide2.xml", "036190004567", note="hidden slide"),
        text("phone_number", "ppt/slides/slide2.xml", "0904 246 135", note="hidden slide"),
        text("bank_account", "ppt/notesSlides/notesSlide1.xml", "0123456789", note="speaker notes"),
        text("phone_number", "ppt/comments/comment1.xml", "0868 123 456"),
        text("phone_number", "ppt/embeddings/Microsoft_Excel_Worksheet.xlsx/xl/worksheets/sheet1.xml", "0939 888 777",
             note="XLSX embedded in the PPTX (scanned recursively)"),
        field("author_identity", "docProps/core.xml", "XMP-dc", "Creator", "Lý Quang Vinh"),
        field("author_identity", "docProps/core.xml", "XML", "LastModifiedBy", "Ngô Thị Bảo Ngọc"),
        field("author_identity", "ppt/commentAuthors.xml", "XML", "Person", "Ngô Thị Bảo Ngọc"),
        hidden("ppt/notesSlides/notesSlide1.xml", "speaker-notes", None),
        hidden("ppt/comments/comment1.xml", "comment", "Ngô Thị Bảo Ngọc"),
        hidden("ppt/slides/slide2.xml", "hidden-text", None, note="hidden slide"),
        hidden("ppt/embeddings/Microsoft_Excel_Worksheet.xlsx", "attachment", None),
    ]
    return build_zip([Member(n, d) for n, d in files]), expect, ["ppt/embeddings/Microsoft_Excel_Worksheet.xlsx"]


# ============================================================================ ODF

ODF_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
          'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
          'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
          'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
          'xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:dc="http://purl.org/dc/elements/1.1/" '
          'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" '
          'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
          'xmlns:presentation="urn:oasis:names:tc:opendocument:xmlns:presentation:1.0" office:version="1.3"')


def odf_manifest(mimetype, paths):
    entries = "".join(f'<manifest:file-entry manifest:full-path="{p}" manifest:media-type="{t}"/>' for p, t in paths)
    return x(XML_DECL + '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
             f'manifest:version="1.3"><manifest:file-entry manifest:full-path="/" manifest:media-type="{mimetype}"/>'
             f"{entries}</manifest:manifest>")


def odf_meta(initial, creator, title, description, user_defined):
    ud = "".join(f'<meta:user-defined meta:name="{n}">{v}</meta:user-defined>' for n, v in user_defined)
    return x(XML_DECL + f"<office:document-meta {ODF_NS}><office:meta>"
             f"<meta:initial-creator>{initial}</meta:initial-creator><dc:creator>{creator}</dc:creator>"
             f"<dc:title>{title}</dc:title><dc:description>{description}</dc:description>"
             "<meta:creation-date>2026-01-12T08:15:00</meta:creation-date><dc:date>2026-01-15T09:30:00</dc:date>"
             f"<meta:printed-by>{creator}</meta:printed-by><meta:editing-cycles>5</meta:editing-cycles>"
             f"<meta:generator>LibreOffice/7.4.7.2$Linux_X86_64</meta:generator>{ud}</office:meta></office:document-meta>")


def odf_annotation(author, paragraph):
    return (f"<office:annotation><dc:creator>{author}</dc:creator><dc:date>2026-01-14T09:00:00</dc:date>"
            f"<text:p>{paragraph}</text:p></office:annotation>")


def build_odt():
    mimetype = "application/vnd.oasis.opendocument.text"
    content = x(XML_DECL + f"<office:document-content {ODF_NS}><office:automatic-styles>"
                '<style:style style:name="T1" style:family="text"><style:text-properties text:display="none"/></style:style>'
                "</office:automatic-styles><office:body><office:text>"
                "<text:tracked-changes>"
                '<text:changed-region text:id="ct1"><text:deletion><office:change-info><dc:creator>Lê Thị Thu Hà</dc:creator>'
                "<dc:date>2026-01-14T10:00:00</dc:date></office:change-info>"
                "<text:p>Số điện thoại cũ của thư ký: 0903 555 666</text:p></text:deletion></text:changed-region>"
                "</text:tracked-changes>"
                "<text:h text:outline-level=\"1\">BIÊN BẢN HỌP TỔ DÂN PHỐ SỐ 5</text:h>"
                '<text:p>Thư ký: chị Đinh Thị Thu Trang, điện thoại 0915 678 901.<text:change text:change-id="ct1"/></text:p>'
                "<text:p>Tổ trưởng: ông Phan Văn Long."
                + odf_annotation("Phan Văn Long", "Xác nhận lại CCCD của ông Long: 079190007890")
                + "</text:p>"
                '<text:p>Quỹ tổ chuyển khoản: <text:span text:style-name="T1">STK 0071000654321 Vietcombank</text:span> '
                "(xem bảng).</text:p>"
                "<table:table table:name=\"Danh sách hộ\"><table:table-row>"
                "<table:table-cell><text:p>Bùi Anh Tuấn</text:p></table:table-cell>"
                "<table:table-cell><text:p>0976 123 987</text:p></table:table-cell></table:table-row></table:table>"
                '<text:p><draw:frame draw:name="Ảnh 1" svg:width="2cm" svg:height="2cm"><draw:image '
                'xlink:href="Pictures/hien-truong.jpg" xlink:type="simple" xlink:show="embed" xlink:actuate="onLoad"/>'
                "<svg:title>Ảnh hiện trường</svg:title></draw:frame></text:p>"
                "</office:text></office:body></office:document-content>")
    styles = x(XML_DECL + f"<office:document-styles {ODF_NS}><office:master-styles>"
               '<style:master-page style:name="Standard"><style:footer><text:p>Tổ dân phố 5 – đường dây nóng 0912 000 999</text:p>'
               "</style:footer></style:master-page></office:master-styles></office:document-styles>")
    files = [
        ("META-INF/manifest.xml", odf_manifest(mimetype, [("content.xml", "text/xml"), ("styles.xml", "text/xml"),
                                                          ("meta.xml", "text/xml"), ("Pictures/hien-truong.jpg", "image/jpeg")])),
        ("content.xml", content),
        ("styles.xml", styles),
        ("meta.xml", odf_meta("Đinh Thị Thu Trang", "Phan Văn Long", "Biên bản họp tổ dân phố", "Họp quý I",
                              [("Người liên hệ", "Bùi Anh Tuấn 0976 123 987")])),
        ("Pictures/hien-truong.jpg", GPS_JPEG.read_bytes()),
    ]
    expect = [
        text("phone_number", "content.xml", "0915 678 901"),
        text("phone_number", "content.xml", "0903 555 666", note="deleted text (tracked change)"),
        text("national_id", "content.xml", "079190007890", note="annotation"),
        text("bank_account", "content.xml", "0071000654321", note="hidden span (text:display=none)"),
        text("phone_number", "content.xml", "0976 123 987", note="table cell"),
        text("phone_number", "styles.xml", "0912 000 999", note="page footer"),
        field("author_identity", "meta.xml", "XMP-meta", "Initial-creator", "Đinh Thị Thu Trang"),
        field("author_identity", "meta.xml", "XMP-dc", "Creator", "Phan Văn Long"),
        field("phone_number", "meta.xml", "XMP-meta", "User-defined", "0976 123 987"),
        hidden("content.xml", "comment", "Phan Văn Long"),
        hidden("content.xml", "tracked-change", "Lê Thị Thu Hà"),
        hidden("content.xml", "hidden-text", None),
        gps("Pictures/hien-truong.jpg"),
    ]
    return odf_zip(mimetype, files), expect, ["Pictures/hien-truong.jpg"]


def build_ods():
    mimetype = "application/vnd.oasis.opendocument.spreadsheet"

    def cells(*values):
        return "<table:table-row>" + "".join(
            f"<table:table-cell office:value-type=\"string\"><text:p>{v}</text:p></table:table-cell>" for v in values
        ) + "</table:table-row>"
    content = x(XML_DECL + f"<office:document-content {ODF_NS}><office:body><office:spreadsheet>"
                '<table:table table:name="Tháng 1">'
                + cells("Họ và tên", "Điện thoại", "CCCD")
                + cells("Mạc Thị Hương", "0934 567 890", "001190003456")
                + "<table:table-row><table:table-cell office:value-type=\"string\"><text:p>Tạ Văn Đức</text:p>"
                + odf_annotation("Mạc Thị Hương", "Anh Đức đổi số, số cũ 0913 246 802")
                + "</table:table-cell><table:table-cell office:value-type=\"float\" office:value=\"1\"><text:p>1</text:p>"
                "</table:table-cell></table:table-row>"
                "</table:table></office:spreadsheet></office:body></office:document-content>")
    files = [
        ("META-INF/manifest.xml", odf_manifest(mimetype, [("content.xml", "text/xml"), ("meta.xml", "text/xml")])),
        ("content.xml", content),
        ("meta.xml", odf_meta("Mạc Thị Hương", "Tạ Văn Đức", "Bảng chấm công", "Tháng 1/2026", [])),
    ]
    expect = [
        text("phone_number", "content.xml", "0934 567 890"),
        text("national_id", "content.xml", "001190003456"),
        text("phone_number", "content.xml", "0913 246 802", note="annotation"),
        field("author_identity", "meta.xml", "XMP-meta", "Initial-creator", "Mạc Thị Hương"),
        field("author_identity", "meta.xml", "XMP-dc", "Creator", "Tạ Văn Đức"),
        hidden("content.xml", "comment", "Mạc Thị Hương"),
    ]
    return odf_zip(mimetype, files), expect, []


def build_ods_numbers():
    """The ODS twin of the numbers workbook: float cells (`office:value` + the displayed
    paragraph), one copying a phone number by formula, one that is just a count."""
    mimetype = "application/vnd.oasis.opendocument.spreadsheet"
    ns = ODF_NS + ' xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0" ' \
        'xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2"'

    def string(v):
        return f'<table:table-cell office:value-type="string" calcext:value-type="string"><text:p>{v}</text:p></table:table-cell>'

    def number(value, shown=None, style=None, formula=None):
        style_attr = f' table:style-name="{style}"' if style else ""
        formula_attr = f' table:formula="{formula}"' if formula else ""
        return (f'<table:table-cell{style_attr}{formula_attr} office:value-type="float" office:value="{value}" '
                f'calcext:value-type="float"><text:p>{shown or value}</text:p></table:table-cell>')

    def table_row(*cells):
        return "<table:table-row>" + "".join(cells) + "</table:table-row>"
    content = x(XML_DECL + f"<office:document-content {ns}><office:automatic-styles>"
                '<style:style style:name="ce1" style:family="table-cell" style:data-style-name="N12"/>'
                "</office:automatic-styles><office:body><office:spreadsheet>"
                '<table:table table:name="Nhân sự">'
                + table_row(string("Họ và tên"), string("SĐT"), string("Số CCCD"), string("Số ngày công"))
                + table_row(string("Quách Thị Diệu Linh"), number("84923456789"),
                            number("79195004321", shown="079195004321", style="ce1"), number("22"))
                + table_row(string("Kiều Văn Bảo"), number("84976543210"), number("1094007788", style="ce1"), number("20"))
                + "</table:table>"
                '<table:table table:name="Liên hệ">'
                + table_row(string("STK"), number("19036677880022"))
                + table_row(string("SĐT người liên hệ"), number("84976543210", formula="of:=['Nhân sự'.B3]"))
                + table_row(string("Tổng ngày công"), number("42", formula="of:=SUM(['Nhân sự'.D2:.D3])"))
                + "</table:table></office:spreadsheet></office:body></office:document-content>")
    files = [
        ("META-INF/manifest.xml", odf_manifest(mimetype, [("content.xml", "text/xml")])),
        ("content.xml", content),
    ]
    expect = [
        text("phone_number", "content.xml", "84923456789", note="float cell"),
        text("national_id", "content.xml", "079195004321", note="float cell shown with its leading zero"),
        text("phone_number", "content.xml", "84976543210", note="float cell"),
        text("bank_account", "content.xml", "19036677880022", note="float cell next to its label"),
    ]
    return odf_zip(mimetype, files), expect, []


def build_odp():
    mimetype = "application/vnd.oasis.opendocument.presentation"

    def frame(paragraphs):
        ps = "".join(f"<text:p>{p}</text:p>" for p in paragraphs)
        return (f'<draw:frame svg:width="20cm" svg:height="3cm" svg:x="1cm" svg:y="1cm"><draw:text-box>{ps}'
                "</draw:text-box></draw:frame>")
    content = x(XML_DECL + f"<office:document-content {ODF_NS}><office:body><office:presentation>"
                '<draw:page draw:name="Trang 1">'
                + frame(["Khóa học làm bánh cuối tuần", "Đăng ký: cô Lò Thị Hoa – 0987 654 321"])
                + "<presentation:notes><draw:page-thumbnail/>"
                + frame(["Nói với học viên: chuyển học phí vào STK 0123456789 Vietcombank, chủ TK Lò Thị Hoa."])
                + "</presentation:notes></draw:page></office:presentation></office:body></office:document-content>")
    files = [
        ("META-INF/manifest.xml", odf_manifest(mimetype, [("content.xml", "text/xml"), ("meta.xml", "text/xml")])),
        ("content.xml", content),
        ("meta.xml", odf_meta("Lò Thị Hoa", "Lò Thị Hoa", "Giới thiệu khóa học", "Lớp làm bánh", [])),
    ]
    expect = [
        text("phone_number", "content.xml", "0987 654 321"),
        text("bank_account", "content.xml", "0123456789", note="speaker notes"),
        field("author_identity", "meta.xml", "XMP-meta", "Initial-creator", "Lò Thị Hoa"),
        hidden("content.xml", "speaker-notes", None),
    ]
    return odf_zip(mimetype, files), expect, []


# ============================================================================ manifest helpers

def text(category, part, value, note=None):
    e = {"category": category, "kind": "text", "part": part, "value": value}
    if note:
        e["note"] = note
    return e


def field(category, part, group, name, value):
    return {"category": category, "kind": "field", "part": part, "group": group, "field": name, "value": value}


def hidden(part, hidden_kind, person, note=None):
    e = {"category": "hidden_content", "kind": "hidden", "part": part, "hiddenKind": hidden_kind}
    if person:
        e["person"] = person
    if note:
        e["note"] = note
    return e


def gps(part):
    return {"category": "gps_location", "kind": "embedded-field", "part": part, "group": "GPS", "field": "GPSLatitude",
            "latitude": GPS["latitude"], "longitude": GPS["longitude"]}


def with_prefix(expect, prefix):
    out = []
    for e in expect:
        e = dict(e)
        e["part"] = prefix + "/" + e["part"]
        out.append(e)
    return out


def author_entries(expect):
    """Comment and revision authors are author_identity findings too."""
    out = []
    for e in expect:
        if e["kind"] == "hidden" and e.get("person"):
            out.append({"category": "author_identity", "kind": "hidden-person", "part": e["part"], "value": e["person"],
                        "hiddenKind": e["hiddenKind"]})
    return out


# ============================================================================ archives

def build_archives(docx):
    out = {}
    files = []
    # JPEG in DOCX in ZIP.
    note = x("Hồ sơ ứng tuyển vị trí kế toán.\nNgười nộp: Nguyễn Thị Hồng Nhung, điện thoại 0912 345 678.\n")
    out["ho-so-ung-tuyen.zip"] = build_zip([Member("ho-so/ghi-chu.txt", note), Member("ho-so/hop-dong-thue-nha.docx", docx[0])],
                                           comment=x("Gửi chị Nhung – gọi lại 0912 345 678"))
    prefix = "ho-so/hop-dong-thue-nha.docx"
    expect = [text("phone_number", "ho-so/ghi-chu.txt", "0912 345 678"),
              {"category": "phone_number", "kind": "field", "part": None, "group": "ZIP", "field": "Comment",
               "value": "0912 345 678", "note": "archive comment"},
              gps(prefix + "/word/media/image1.jpeg")]
    expect += with_prefix([e for e in docx[1] if e["kind"] in ("text", "field")][:6], prefix)
    files.append({"path": f"{ARCHIVE_DIR}/ho-so-ung-tuyen.zip", "format": "zip",
                  "description": "A ZIP with a note and the rental-contract DOCX: GPS of a JPEG inside a DOCX inside a ZIP "
                                 "(part chain ho-so/hop-dong-thue-nha.docx/word/media/image1.jpeg); archive comment with a phone number.",
                  "expect": expect,
                  "embedded": ["ho-so/ghi-chu.txt", "ho-so/hop-dong-thue-nha.docx", prefix + "/word/media/image1.jpeg"]})

    comic_info = x('<?xml version="1.0" encoding="utf-8"?>\n<ComicInfo><Title>Chuyến đi Đà Lạt</Title>'
                   "<Writer>Hà Minh Khoa</Writer><Notes>Liên hệ tác giả: 0962 147 258</Notes></ComicInfo>")
    out["truyen-tranh.cbz"] = build_zip([Member("001.jpg", CLEAN_JPEG.read_bytes(), method=0),
                                         Member("002.jpg", GPS_JPEG.read_bytes(), method=0),
                                         Member("ComicInfo.xml", comic_info)])
    files.append({"path": f"{ARCHIVE_DIR}/truyen-tranh.cbz", "format": "cbz", "mediaType": "application/vnd.comicbook+zip",
                  "description": "Comic book archive: two stored JPEG pages (the second with GPS) and ComicInfo.xml.",
                  "expect": [gps("002.jpg"), text("phone_number", "ComicInfo.xml", "0962 147 258")],
                  "embedded": ["001.jpg", "002.jpg", "ComicInfo.xml"]})

    zip64_note = x("Danh bạ khẩn cấp: chú Quách Văn Tài 0911 222 333.\n")
    out["zip64.zip"] = build_zip([Member("danh-ba.txt", zip64_note, zip64=True), Member("anh.jpg", GPS_JPEG.read_bytes(), zip64=True)],
                                 zip64_end=True)
    files.append({"path": f"{ARCHIVE_DIR}/zip64.zip", "format": "zip",
                  "description": "ZIP64 structures throughout: sizes and offsets in ZIP64 extra fields, ZIP64 end record and locator.",
                  "expect": [text("phone_number", "danh-ba.txt", "0911 222 333"), gps("anh.jpg")],
                  "embedded": ["danh-ba.txt", "anh.jpg"]})

    h = "hostile/"
    # 1. Ratio bomb: 48 MiB of zeros (~47 KB), declared honestly.
    zeros = bytes(48 << 20)
    out[h + "bomb-zeros.zip"] = build_zip([Member("zeros.bin", zeros), Member("doc-truoc.txt", x("Số của tôi 0912 345 678\n"))])
    files.append(hostile("bomb-zeros.zip", "One member expands 48 MiB from ~47 KB (ratio ~1000, over the 200 guard): "
                         "skipped without inflating; the small member is still read.",
                         skipped=[("zeros.bin", "suspected-zip-bomb")],
                         expect=[text("phone_number", "doc-truoc.txt", "0912 345 678")]))
    # 1b. 1 GiB of zeros: the deflate stream is 1 MB, itself so regular that a ZIP around it is 3 KB.
    one_gib = gib_of_zeros()
    inner = build_zip([Member("zeros-1gib.bin", b"", compressed=one_gib[0], crc=one_gib[1], declared_size=1 << 30)])
    out[h + "bomb-1gib-wrapped.zip"] = build_zip([Member("zeros-1gib.zip", inner)])
    files.append(hostile("bomb-1gib-wrapped.zip", "A 3 KB ZIP holding zeros-1gib.zip (1 MB), whose one member expands to "
                         "1 GiB of zeros (ratio ~1030): the inner ZIP is read, its member is skipped without inflating.",
                         skipped=[("zeros-1gib.zip/zeros-1gib.bin", "suspected-zip-bomb")], embedded=["zeros-1gib.zip"]))
    # 2. The same data with headers that lie: 64 KB declared, so the ratio looks harmless.
    out[h + "bomb-lying-size.zip"] = build_zip([Member("zeros.bin", zeros, declared_size=64 << 10, crc=0)])
    files.append(hostile("bomb-lying-size.zip", "48 MiB of zeros whose headers claim 64 KB: inflation stops at the declared "
                         "size, the member is skipped.", skipped=[("zeros.bin", "suspected-zip-bomb")]))
    # 3. Overlap bomb: one 4 MiB kernel (ratio ~80) referenced by 270 central entries → 1.05 GiB.
    kernel = bytearray(4 << 20)
    seed = 12345
    for i in range(0, len(kernel), 1024):
        for j in range(12):
            seed = (seed * 1103515245 + 12345) & 0x7FFFFFFF
            kernel[i + j] = seed >> 16 & 0xFF
    kernel = bytes(kernel)
    out[h + "bomb-overlap.zip"] = build_zip([Member("kernel.bin", kernel)],
                                            aliases=[(f"copy-{i:03d}.bin", 0) for i in range(1, 270)])
    files.append(hostile("bomb-overlap.zip", "Overlapping-file bomb: 270 central entries share one 4 MiB kernel "
                         "(1.05 GiB if each were expanded): the first is read, the 269 others are skipped.",
                         skipped_pattern={"name": "copy-*.bin", "code": "suspected-zip-bomb", "count": 269},
                         embedded=["kernel.bin"]))
    # 4. 42.zip-style nested bomb of modest size: 4 levels × 16 copies, leaves of 1 MiB zeros.
    level = build_zip([Member(f"{i:x}.bin", bytes(1 << 20)) for i in range(16)])
    for depth in range(3):
        level = build_zip([Member(f"lop-{depth + 1}-{i:x}.zip", level) for i in range(16)])
    out[h + "bomb-nested.zip"] = level
    files.append(hostile("bomb-nested.zip", "42.zip-style: 16 ZIPs of 16 ZIPs of 16 ZIPs of 16 × 1 MiB of zeros (64 GiB in "
                         "total). Every leaf member is a ratio bomb and is skipped; the nesting stays within depth 4; "
                         "the expansion budget is never near its limit.",
                         skipped_pattern={"name": "*/*/*/*.bin", "code": "suspected-zip-bomb", "count": 65536}))
    # 5. Deep nesting: 6 levels, a phone number at the bottom.
    inner = plain_zip([("so-dien-thoai.txt", x("Gọi cho tôi: 0912 345 678\n"))])
    names = []
    for n in range(5, 0, -1):
        inner = plain_zip([(f"tang-{n}.zip", inner)])
        names.insert(0, f"tang-{n}.zip")
    out[h + "deep-nesting.zip"] = inner
    files.append(hostile("deep-nesting.zip", "Six levels: tang-1.zip/…/tang-5.zip/so-dien-thoai.txt. With the default depth 4 "
                         "(the input itself is depth 0) tang-5.zip is not opened.",
                         skipped=[("/".join(names), "limit-exceeded")]))
    # 6. 20,000 tiny members, wrapped in an outer ZIP so the committed file stays small.
    many = many_members()
    out[h + "many-members-wrapped.zip"] = build_zip([Member("many-members.zip", many)])
    files.append(hostile("many-members-wrapped.zip", "An outer ZIP holding many-members.zip: 20,000 one-byte members, "
                         "over the 10,000-member limit. The inner archive fails with limit-exceeded as a skipped member "
                         "(scanned on its own, the inner file is a per-file error).",
                         skipped=[("many-members.zip", "limit-exceeded")], embedded=["many-members.zip"]))
    # 7. Traversal and absolute names: only names.
    out[h + "traversal.zip"] = build_zip([
        Member("../../etc/passwd", x("root:x:0:0:Số khẩn cấp 0912 345 678:/root:/bin/sh\n")),
        Member("/abs/name.txt", x("Đường dẫn tuyệt đối\n")),
        Member("..\\..\\windows\\win.ini", x("[boot]\n")),
        Member("a/\x1b[31mred.txt", x("Tên có ký tự điều khiển\n")),
    ])
    files.append(hostile("traversal.zip", "Members named ../../etc/passwd, /abs/name.txt, ..\\..\\windows\\win.ini and one with an "
                         "ESC control character: scanned as names, nothing written anywhere; the control character is "
                         "shown as U+FFFD.",
                         expect=[text("phone_number", "../../etc/passwd", "0912 345 678")],
                         embedded=["../../etc/passwd", "/abs/name.txt", "..\\..\\windows\\win.ini", "a/\ufffd[31mred.txt"]))
    # 8. Encrypted member (flag bit 0; the bytes are not real ZipCrypto) next to a plain one.
    out[h + "encrypted-member.zip"] = build_zip([
        Member("mat-khau.txt", b"", method=0, flags=1, compressed=bytes(range(12)) + b"ciphertext", crc=0x12345678,
               declared_size=22, declared_compressed=22),
        Member("cong-khai.txt", x("Liên hệ 0912 345 678\n")),
    ])
    files.append(hostile("encrypted-member.zip", "mat-khau.txt has the encryption flag: skipped with reason encrypted; "
                         "cong-khai.txt is read.", skipped=[("mat-khau.txt", "encrypted")],
                         expect=[text("phone_number", "cong-khai.txt", "0912 345 678")]))
    # 9. Truncated: cut inside the third member's data; no central directory.
    members = [Member(f"phan-{i}.txt", x(f"Phần {i}: số điện thoại 091{i} 345 678. " + "Nội dung dài. " * 40)) for i in (1, 2, 3)]
    full = build_zip(members)
    third = full.index(b"phan-3.txt")
    out[h + "truncated.zip"] = full[:third + 10 + 40]
    files.append(hostile("truncated.zip", "Cut off inside the third member: no end record, so the members are recovered "
                         "from local headers; phan-1 and phan-2 are read, phan-3 is skipped (malformed, truncated).",
                         skipped=[("phan-3.txt", "malformed")],
                         expect=[text("phone_number", "phan-1.txt", "0911 345 678"),
                                 text("phone_number", "phan-2.txt", "0912 345 678")]))
    # 10. Central directory offset far outside the file.
    out[h + "cd-outside.zip"] = build_zip([Member("a.txt", x("0912 345 678\n"))], cd_offset_delta=0x40000000)
    files.append(hostile("cd-outside.zip", "The end record puts the central directory 1 GiB past the end of the file: "
                         "a per-file error.", error="malformed"))
    return out, files, many


def gib_of_zeros():
    """Raw deflate of 1 GiB of zeros and its CRC, made in 1 MiB steps (never 1 GiB in memory)."""
    c = zlib.compressobj(9, zlib.DEFLATED, -15, 9)
    chunk = bytes(1 << 20)
    parts, crc = [], 0
    for _ in range(1024):
        parts.append(c.compress(chunk))
        crc = zlib.crc32(chunk, crc)
    parts.append(c.flush())
    return b"".join(parts), crc


def many_members():
    return build_zip([Member(f"{i:05d}", b"x", method=0) for i in range(20000)])


def hostile(name, description, skipped=(), expect=(), embedded=None, error=None, skipped_pattern=None):
    entry = {"path": f"{ARCHIVE_DIR}/hostile/{name}", "format": "zip", "description": description,
             "expect": list(expect), "error": {"code": error} if error else None,
             "skipped": [{"part": part, "code": code} for part, code in skipped]}
    if skipped_pattern:
        entry["skippedPattern"] = skipped_pattern
    if embedded is not None:
        entry["embedded"] = embedded
    return entry


# ============================================================================ main

def oracle(path, root):
    result = subprocess.run(["exiftool", "-j", "-G1", "-n", "-a", str(path.relative_to(root))], cwd=root,
                            capture_output=True, text=True, check=True)
    data = json.loads(result.stdout)[0]
    keep = {k: v for k, v in data.items()
            if k.startswith("XML:") or k.startswith("XMP-") or k == "File:MIMEType" or k == "SourceFile"}
    return keep


def check_exiftool():
    try:
        version = subprocess.run(["exiftool", "-ver"], capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return None
    if version != EXPECTED_EXIFTOOL:
        print(f"warning: exiftool {version}, oracle files were made with {EXPECTED_EXIFTOOL}", file=sys.stderr)
    return version


def write_all(root, many_out=None):
    office = root / OFFICE_DIR
    archives = root / ARCHIVE_DIR
    for d in (office, office / "oracle", archives, archives / "hostile"):
        d.mkdir(parents=True, exist_ok=True)
    documents = [
        ("hop-dong-thue-nha.docx", "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
         "Rental contract: body text, header, footer, footnote, a comment, a tracked deletion and insertion, hidden "
         "text, a mailto: link, core/app/custom properties, people.xml, and a JPEG with GPS.", build_docx()),
        ("danh-sach-nhan-vien.xlsx", "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
         "Staff list: shared and inline strings, a hidden row, a hidden sheet with a bank account, an unused shared "
         "string, a legacy comment and a threaded comment with its person.", build_xlsx()),
        ("thuyet-trinh-du-an.pptx", "pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation",
         "Project slides: slide text, a hidden slide, speaker notes with a bank account, a legacy comment with its "
         "author, and an embedded XLSX.", build_pptx()),
        ("bien-ban-hop.odt", "odt", "application/vnd.oasis.opendocument.text",
         "Meeting minutes: a tracked deletion, an annotation, a hidden span, a table, a footer in styles.xml, "
         "meta.xml authors and a user-defined field, and a JPEG with GPS in Pictures/.", build_odt()),
        ("bang-cham-cong.ods", "ods", "application/vnd.oasis.opendocument.spreadsheet",
         "Timesheet: cells with a phone number and a CCCD, an annotation on a cell.", build_ods()),
        ("danh-sach-so-dien-thoai.xlsx", "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
         "Staff numbers stored as numbers: phone, CCCD and account cells typed as numbers under their headers, a "
         "formula copying a phone number (listed in calcChain), a pivot cache holding the phone numbers.", build_xlsx_numbers()),
        ("danh-sach-so-dien-thoai.ods", "ods", "application/vnd.oasis.opendocument.spreadsheet",
         "The ODS twin: float cells (office:value and the shown paragraph) with phone, CCCD and account numbers, a "
         "formula copying a phone number, a SUM that is not personal.", build_ods_numbers()),
        ("gioi-thieu-khoa-hoc.odp", "odp", "application/vnd.oasis.opendocument.presentation",
         "Course slides: slide text and speaker notes with a bank account.", build_odp()),
    ]
    have_exiftool = check_exiftool() is not None
    office_files = []
    for name, fmt, media_type, description, (data, expect, embedded) in documents:
        path = office / name
        path.write_bytes(data)
        entry = {"path": f"{OFFICE_DIR}/{name}", "format": fmt, "mediaType": media_type, "description": description,
                 "bytes": len(data), "expect": expect + author_entries(expect), "embedded": embedded}
        if have_exiftool:
            oracle_path = office / "oracle" / (name + ".json")
            oracle_path.write_text(json.dumps(oracle(path, root), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
            entry["oracle"] = f"{OFFICE_DIR}/oracle/{name}.json"
        office_files.append(entry)
    (office / "manifest.json").write_text(json.dumps({
        "version": 1,
        "generator": "Corpus/tools/build_documents_office.py",
        "oracleCommand": "exiftool -j -G1 -n -a <path>, keys XML:*, XMP-*:* and File:MIMEType kept",
        "expectFields": {
            "kind": "text (a text detector finding in the part's extracted text), field (a metadata field), "
                    "hidden (a HiddenItem), hidden-person (the author of a comment or revision), "
                    "embedded-field (a field of a file embedded at `part`)",
            "part": "member path inside the document (text parts and field containers are named by member path)",
            "value": "text: the matched text; field: the field value or one of its list values",
            "hiddenKind": "HiddenItem.Kind raw value: comment, tracked-change, speaker-notes, hidden-text, attachment",
            "embedded": "members handed to the embedded-file handler",
        },
        "files": office_files,
    }, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")

    docx = next(d for d in documents if d[1] == "docx")[4]
    archive_data, archive_files, many = build_archives(docx)
    for name, data in archive_data.items():
        (archives / name).write_bytes(data)
    for entry in archive_files:
        entry["bytes"] = (root / entry["path"]).stat().st_size
    (archives / "manifest.json").write_text(json.dumps({
        "version": 1,
        "generator": "Corpus/tools/build_documents_office.py",
        "limits": {"maxDepth": 4, "maxMembers": 10000, "maxTotalExpandedBytes": 1 << 30, "maxExpansionRatio": 200,
                   "ratioGuardAppliesAbove": 1 << 20},
        "expectFields": {
            "error": "per-file error code for the whole file, or null",
            "skipped": "members the handler gets as skipped, with the ScanError code; part chains with / through nesting",
            "skippedPattern": "many skipped members described by a glob and a count",
            "expect": "findings as in documents/office/manifest.json; part chains with / through nesting",
        },
        "files": archive_files,
    }, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    if many_out:
        Path(many_out).write_bytes(many)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true")
    parser.add_argument("--many-members", metavar="OUT")
    args = parser.parse_args()
    if not GPS_JPEG.exists():
        sys.exit(f"missing {GPS_JPEG}: run Corpus/tools/build_media.py first")
    if args.check:
        with tempfile.TemporaryDirectory() as tmp:
            root = Path(tmp)
            shutil.copytree(CORPUS / "media", root / "media")
            write_all(root)
            differ = []
            for sub in (OFFICE_DIR, ARCHIVE_DIR):
                for p in sorted((root / sub).rglob("*")):
                    if p.is_file():
                        mine = CORPUS / p.relative_to(root)
                        if not mine.exists() or mine.read_bytes() != p.read_bytes():
                            differ.append(str(p.relative_to(root)))
            if differ:
                print("differs:\n  " + "\n  ".join(differ))
                sys.exit(1)
            print("office and archive corpus up to date")
        return
    write_all(CORPUS, args.many_members)
    total = sum(p.stat().st_size for sub in (OFFICE_DIR, ARCHIVE_DIR) for p in (CORPUS / sub).rglob("*") if p.is_file())
    print(f"wrote {OFFICE_DIR} and {ARCHIVE_DIR}: {total} bytes")


if __name__ == "__main__":
    main()
