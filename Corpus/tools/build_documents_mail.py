#!/usr/bin/env python3
"""Build the e-mail, HTML-draft and subtitle fixtures: Corpus/documents/{email,html,subtitles}/
and their ground truth Corpus/documents/mail-html-manifest.json (issue #5, items 5 and 6).

Every fixture is written byte by byte here (no email.generator, no HTML library), so the
encodings under test are exactly the ones named: RFC 2047 B and Q words (one UTF-8 character
split across two words), RFC 2231 file-name continuations, quoted-printable with soft breaks,
Base64 bodies, a forwarded message/rfc822 whose body is Windows-1258, an attached JPEG (the
bytes of Corpus/media/jpeg/gps-exif.jpg, which carries GPS), a damaged message, HTML with
character references, tel:/mailto: links, alt text, script/style/template decoys, comments and
display:none text, a Word "Save as Web Page" export in Windows-1258, and .srt/.vtt subtitles
full of timestamps.

Ground truth markup in the templates below: ⟦category|part|source⟧ marks an expected text
finding. `part` is the text part the reader names ("" for the page's visible text, "body",
"Subject", "alt text"…). `source` is written to the file as is; the manifest records the value
the detectors see (references decoded, tags removed) and, for HTML and subtitles, the byte
offsets of `source` in the written file, so a test can check `file[start:end] == source`.

Usage:
  python3 Corpus/tools/build_documents_mail.py           rebuild (deterministic)
  python3 Corpus/tools/build_documents_mail.py --check   exit 1 if a committed file differs

python3 stdlib only. No real person's data: names, numbers and addresses are invented
(phone numbers follow the VN numbering plan, CCCD numbers carry a valid province code and
century digit, e-mail domains are RFC 2606 example domains).
"""

import argparse
import base64
import hashlib
import html
import json
import quopri
import re
import sys
import unicodedata
from pathlib import Path

CORPUS = Path(__file__).resolve().parent.parent
OUT = "documents"
MANIFEST = "documents/mail-html-manifest.json"
GPS_JPEG = "media/jpeg/gps-exif.jpg"

MARK = re.compile(r"⟦([a-z_]+)\|([^|]*)\|(.*?)⟧", re.S)


# ---------------------------------------------------------------- helpers

def cp1258(text):
    """Encodes NFC Vietnamese as Windows-1258 the way Windows does: a precomposed letter where
    the code page has one (â ê ô ă ơ ư đ, some toned vowels), else base letter + tone mark."""
    out = bytearray()
    for ch in text:
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        decomposed = unicodedata.normalize("NFD", ch)
        base = "".join(c for c in decomposed if unicodedata.combining(c) == 0 or c in "\u0302\u0306\u031b")
        tones = "".join(c for c in decomposed if unicodedata.combining(c) != 0 and c not in "\u0302\u0306\u031b")
        out += unicodedata.normalize("NFC", base).encode("cp1258") + tones.encode("cp1258")
    return bytes(out)


def visible_value(source, kind):
    """What the reader's text part holds for a marked source span."""
    if kind == "html":
        without_tags = re.sub(r"<[^>]*>", "", source)
        return re.sub(r"[ \t\r\n]+", " ", html.unescape(without_tags))
    if kind == "link":
        return re.sub(r"%([0-9A-Fa-f]{2})", lambda m: chr(int(m.group(1), 16)) if int(m.group(1), 16) < 0x80 else m.group(0),
                      html.unescape(source))
    return source


def render(template, encode, kind):
    """Strips the marks from `template`; returns (bytes, findings with byte offsets)."""
    out = bytearray()
    findings = []
    pos = 0
    for m in MARK.finditer(template):
        out += encode(template[pos:m.start()])
        start = len(out)
        source = m.group(3)
        out += encode(source)
        part = m.group(2) or None
        value_kind = "link" if part in ("links",) else kind
        findings.append({
            "category": m.group(1),
            "part": part,
            "value": visible_value(source, value_kind),
            "start": start,
            "end": len(out),
            "source": source,
        })
        pos = m.end()
    out += encode(template[pos:])
    return bytes(out), findings


def strip_marks(template):
    """The template's text with marks removed, and its findings without offsets (e-mail:
    offsets index each decoded part, so the value and part are the truth)."""
    findings = []

    def keep(m):
        findings.append({"category": m.group(1), "part": m.group(2) or None, "value": visible_value(m.group(3), "text")})
        return m.group(3)

    return MARK.sub(keep, template), findings


def b_word(text, charset="UTF-8", split_at=None):
    data = text.encode("utf-8") if charset.upper() == "UTF-8" else cp1258(text)
    chunks = [data] if split_at is None else [data[:split_at], data[split_at:]]
    return "\r\n ".join(f"=?{charset}?B?{base64.b64encode(c).decode()}?=" for c in chunks)


def q_word(text, charset="UTF-8"):
    data = text.encode("utf-8") if charset.upper() == "UTF-8" else cp1258(text)
    encoded = "".join(
        "_" if b == 0x20 else chr(b) if (0x30 <= b <= 0x39 or 0x41 <= b <= 0x5A or 0x61 <= b <= 0x7A) else f"={b:02X}"
        for b in data)
    return f"=?{charset}?Q?{encoded}?="


def qp(data):
    """Quoted-printable of LF-ended data, with CRLF line ends (soft breaks "=\r\n")."""
    return quopri.encodestring(data, quotetabs=False).replace(b"\n", b"\r\n")


def b64(data):
    return base64.encodebytes(data).replace(b"\n", b"\r\n")


def crlf(text):
    return text.replace("\r\n", "\n").replace("\n", "\r\n").encode("ascii")


def sha256(data):
    return hashlib.sha256(data).hexdigest()


# ---------------------------------------------------------------- e-mail

def email_plain():
    body, findings = strip_marks(
        "Chào anh Khoa,\n\n"
        "Em gửi lại thông tin đăng ký lớp học thêm cho bé:\n"
        "- Phụ huynh: chị Phạm Ngọc Lan, điện thoại ⟦phone_number|body|0913 527 846⟧\n"
        "- CCCD phụ huynh: ⟦national_id|body|001195372816⟧\n"
        "- Email dự phòng: ⟦email_address|body|lan.pham.84@example.net⟧\n\n"
        "Cảm ơn anh.\n")
    subject = "Thông tin đăng ký học thêm"
    head = (
        f"From: {b_word('Phạm Ngọc Lan')} <lan.pham.84@example.net>\r\n"
        f"To: {q_word('Lê Văn Khoa')} <khoa.le@example.com>,\r\n"
        f" \"Do Thu Ha\" <thu.ha.do@example.org>\r\n"
        "Cc: minhthu.nguyen@example.com (Nguyen Thi Minh Thu)\r\n"
        # A UTF-8 character split across two encoded words (bytes 2–3 are "ô").
        f"Subject: {b_word(subject, split_at=3)}\r\n"
        "Date: Mon, 12 Jan 2026 09:30:00 +0700\r\n"
        "Message-ID: <20260112093000.4721@mail.example.net>\r\n"
        "X-Mailer: Thunderbird 128.5\r\n"
        "MIME-Version: 1.0\r\n"
        "Content-Type: text/plain; charset=UTF-8; format=flowed\r\n"
        "Content-Transfer-Encoding: 8bit\r\n"
        "\r\n")
    data = head.encode("ascii") + body.replace("\n", "\r\n").encode("utf-8")
    findings += [
        {"category": "email_address", "part": "headers", "value": "lan.pham.84@example.net"},
        {"category": "email_address", "part": "headers", "value": "khoa.le@example.com"},
        {"category": "email_address", "part": "headers", "value": "thu.ha.do@example.org"},
        {"category": "email_address", "part": "headers", "value": "minhthu.nguyen@example.com"},
    ]
    fields = [
        {"group": "Email", "name": "From", "value": "Phạm Ngọc Lan <lan.pham.84@example.net>"},
        {"group": "Email", "name": "To", "value": ["Lê Văn Khoa <khoa.le@example.com>", "Do Thu Ha <thu.ha.do@example.org>"]},
        {"group": "Email", "name": "Cc", "value": "Nguyen Thi Minh Thu <minhthu.nguyen@example.com>"},
        {"group": "Email", "name": "Date", "value": "Mon, 12 Jan 2026 09:30:00 +0700"},
        {"group": "Email", "name": "Message-ID", "value": "<20260112093000.4721@mail.example.net>"},
        {"group": "Email", "name": "X-Mailer", "value": "Thunderbird 128.5"},
    ]
    return data, {"findings": findings, "fields": fields, "parts": ["headers", "Subject", "body"]}


def email_alternative():
    plain, plain_findings = strip_marks(
        "Thông báo: buổi họp phụ huynh lớp 5A dời sang thứ Bảy.\n"
        "Cô chủ nhiệm Đỗ Thu Hà, số máy ⟦phone_number|body|0386 492 157⟧, nhờ các phụ huynh xác nhận.\n"
        "Dòng này rất dài để bộ mã hoá quoted-printable phải ngắt dòng mềm ở giữa chừng một chữ có dấu như "
        "những chữ Nguyễn, Trường, Phường.\n")
    page = (
        "<html><head><meta charset=\"utf-8\"><title>Họp phụ huynh</title></head><body>\n"
        "<p>Thông báo: buổi họp phụ huynh lớp 5A dời sang <b>thứ Bảy</b>.</p>\n"
        # The link's text shows its number: one finding, at the text (the target is not repeated).
        "<p>Cô chủ nhiệm Đỗ Thu Hà, số máy <a href=\"tel:0386492157\">"
        "⟦phone_number|body.html|0386&nbsp;492&nbsp;157⟧</a>.</p>\n"
        "<!-- số nhà cô: ⟦phone_number|body.html/HTML comments|0977.214.683⟧ -->\n"
        "<div style=\"display:none\">CCCD cô Hà: ⟦national_id|body.html/hidden text|048187264915⟧</div>\n"
        "</body></html>\n")
    page_text, page_findings = strip_marks(page)
    for f in page_findings:
        f["value"] = visible_value(f["value"], "link" if f["part"].endswith("links") else "html")
    boundary = "=_alt_7c1e5a"
    head = (
        f"From: {q_word('Đỗ Thu Hà')} <thu.ha.do@example.org>\r\n"
        "To: phuhuynh-5a@example.com\r\n"
        f"Subject: {q_word('Họp phụ huynh lớp 5A')}\r\n"
        "Date: Tue, 13 Jan 2026 20:05:00 +0700\r\n"
        "MIME-Version: 1.0\r\n"
        f"Content-Type: multipart/alternative; boundary=\"{boundary}\"\r\n"
        "\r\n"
        "This is a multi-part message in MIME format.\r\n")
    data = head.encode("ascii")
    data += crlf(f"--{boundary}\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\n")
    data += qp(plain.encode("utf-8")) + b"\r\n"
    data += crlf(f"--{boundary}\nContent-Type: text/html; charset=\"utf-8\"\nContent-Transfer-Encoding: base64\n\n")
    data += b64(page_text.encode("utf-8"))
    data += crlf(f"--{boundary}--\n")
    fields = [
        {"group": "Email", "name": "From", "value": "Đỗ Thu Hà <thu.ha.do@example.org>"},
        {"group": "HTML", "name": "Title", "value": "Họp phụ huynh"},
    ]
    return data, {"findings": plain_findings + page_findings, "fields": fields,
                  "parts": ["headers", "Subject", "body", "body.html", "body.html/HTML comments",
                            "body.html/hidden text"],
                  "hidden": ["body.html/HTML comments", "body.html/hidden text"]}


def email_attachment(jpeg):
    body, findings = strip_marks(
        "Gửi anh ảnh chụp căn nhà cần bán, khu vực Bảo Lộc.\n"
        "Xem nhà xin gọi ⟦phone_number|body|0868 301 954⟧ (anh Long).\n")
    note = "Ghi chú: chủ cũ để lại số 0977 214 683.".encode("utf-8")
    boundary = "----=_Part_20260114_1"
    head = (
        f"From: {b_word('Trần Hoàng Long')} <hoang.long.tran@example.org>\r\n"
        "To: nhadat@example.com\r\n"
        "Subject: Anh nha Bao Loc\r\n"
        "Date: Wed, 14 Jan 2026 07:45:10 +0700\r\n"
        "MIME-Version: 1.0\r\n"
        f"Content-Type: multipart/mixed;\r\n boundary=\"{boundary}\"\r\n"
        "\r\n")
    data = head.encode("ascii")
    data += crlf(f"--{boundary}\nContent-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: base64\n\n")
    data += b64(body.encode("utf-8"))
    # RFC 2231 continuation, UTF-8, percent-encoded: "ảnh nhà.jpg".
    data += crlf(f"--{boundary}\nContent-Type: image/jpeg\nContent-Transfer-Encoding: base64\n"
                 "Content-Disposition: attachment;\n filename*0*=UTF-8''%E1%BA%A3nh%20;\n filename*1*=nh%C3%A0.jpg\n\n")
    data += b64(jpeg)
    # RFC 2047 word inside a quoted name, as Outlook writes it: "ghi chú.txt".
    data += crlf(f"--{boundary}\nContent-Type: text/plain; charset=utf-8;\n name=\"{b_word('ghi chú.txt')}\"\n"
                 "Content-Transfer-Encoding: quoted-printable\nContent-Disposition: attachment\n\n")
    data += qp(note) + b"\r\n"
    data += crlf(f"--{boundary}--\n")
    attachments = [
        {"name": "ảnh nhà.jpg", "bytes": len(jpeg), "sha256": sha256(jpeg), "source": GPS_JPEG,
         "findings": [{"category": "gps_location"}]},
        {"name": "ghi chú.txt", "bytes": len(note), "sha256": sha256(note),
         "findings": [{"category": "phone_number", "value": "0977 214 683"}]},
    ]
    fields = [{"group": "Email", "name": "From", "value": "Trần Hoàng Long <hoang.long.tran@example.org>"}]
    return data, {"findings": findings, "fields": fields, "attachments": attachments, "parts": ["headers", "Subject", "body"]}


def email_forwarded(jpeg):
    outer_body, findings = strip_marks(
        "Chuyển tiếp thư của chị Lan để anh xử lý.\n")
    inner_body, inner_findings = strip_marks(
        "Anh Khoa ơi, số điện thoại mới của em là ⟦phone_number|part 2/body|0977.214.683⟧.\n"
        "Ảnh căn cước em gửi kèm theo đây.\n")
    inner_boundary = "inner-b0undary-91"
    inner_subject = "Số điện thoại mới"
    inner = (
        f"From: {q_word('Phạm Ngọc Lan', 'windows-1258')} <lan.pham.84@example.net>\r\n"
        "To: khoa.le@example.com\r\n"
        f"Subject: {q_word(inner_subject, 'windows-1258')}\r\n"
        "Date: Fri, 9 Jan 2026 18:20:00 +0700\r\n"
        "MIME-Version: 1.0\r\n"
        f"Content-Type: multipart/mixed; boundary={inner_boundary}\r\n"
        "\r\n").encode("ascii")
    inner += crlf(f"--{inner_boundary}\nContent-Type: text/plain; charset=windows-1258\n"
                  "Content-Transfer-Encoding: quoted-printable\n\n")
    inner += qp(cp1258(inner_body)) + b"\r\n"
    inner += crlf(f"--{inner_boundary}\nContent-Type: image/jpeg; name=\"can-cuoc.jpg\"\n"
                  "Content-Transfer-Encoding: base64\n\n")
    inner += b64(jpeg)
    inner += crlf(f"--{inner_boundary}--\n")

    boundary = "fwd-outer-3d2"
    head = (
        f"From: {b_word('Lê Văn Khoa')} <khoa.le@example.com>\r\n"
        "To: hoang.long.tran@example.org\r\n"
        f"Subject: Fwd: {q_word(inner_subject)}\r\n"
        "Date: Sat, 10 Jan 2026 08:00:00 +0700\r\n"
        "MIME-Version: 1.0\r\n"
        f"Content-Type: multipart/mixed; boundary=\"{boundary}\"\r\n"
        "\r\n")
    data = head.encode("ascii")
    data += crlf(f"--{boundary}\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n")
    data += outer_body.replace("\n", "\r\n").encode("utf-8") + b"\r\n"
    data += crlf(f"--{boundary}\nContent-Type: message/rfc822\nContent-Disposition: inline\n\n")
    data += inner + b"\r\n"
    data += crlf(f"--{boundary}--\n")
    findings += inner_findings
    findings += [{"category": "email_address", "part": "part 2/headers", "value": "lan.pham.84@example.net"}]
    fields = [
        {"group": "Email", "name": "From", "value": "Lê Văn Khoa <khoa.le@example.com>"},
        {"group": "Email", "name": "From", "value": "Phạm Ngọc Lan <lan.pham.84@example.net>", "container": "part 2/headers"},
    ]
    attachments = [{"name": "part 2/can-cuoc.jpg", "bytes": len(jpeg), "sha256": sha256(jpeg), "source": GPS_JPEG,
                    "findings": [{"category": "gps_location"}]}]
    return data, {"findings": findings, "fields": fields, "attachments": attachments,
                  "parts": ["headers", "Subject", "body", "part 2/headers", "part 2/Subject", "part 2/body"]}


def email_malformed():
    """Damage every layer and still expect the numbers: an unterminated quote in From, a
    broken encoded word, an unknown charset, a header line without a colon, Base64 with
    garbage and no padding, quoted-printable with invalid escapes, no closing boundary."""
    b64_body = "Số liên hệ khẩn: 0386 492 157\n".encode("utf-8")
    encoded = base64.b64encode(b64_body).decode().rstrip("=")
    garbled = encoded[:12] + " !!\r\n" + encoded[12:30] + "\t~\r\n" + encoded[30:] + "\r\n"
    boundary = "broken-boundary"
    head = (
        "From: \"Lê Văn Khoa <khoa.le@example.com>\r\n".encode("utf-8") +
        b"To: =?utf-8?B?@@@not-base64?= <thu.ha.do@example.org>\r\n"
        b"Subject: =?x-unknown-charset?Q?Ch=C3=A0o?= =?utf-8?q?unterminated\r\n"
        b"MIME-Version: 1.0\r\n"
        b"Content-Type: multipart/mixed; boundary=\"" + boundary.encode() + b"\"\r\n"
        b"this line has no colon and ends the header section\r\n"
        b"\r\n")
    data = head
    data += crlf(f"--{boundary}\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64\n\n")
    data += garbled.encode("ascii")
    data += crlf(f"--{boundary}\nContent-Type: text/plain; charset=x-made-up\nContent-Transfer-Encoding: quoted-printable\n\n")
    data += b"Email li=C3=AAn h=E1=BB=87: minhthu.nguyen=40example.com =ZZ =\r\nnoi tiep=\r\n\r\n"
    # No closing delimiter: the message just ends.
    findings = [
        {"category": "phone_number", "part": "body", "value": "0386 492 157"},
        {"category": "email_address", "part": "part 2/body", "value": "minhthu.nguyen@example.com"},
        {"category": "email_address", "part": "headers", "value": "khoa.le@example.com"},
        {"category": "email_address", "part": "headers", "value": "thu.ha.do@example.org"},
    ]
    return data, {"findings": findings, "fields": [], "parts": ["headers", "body", "part 2/body"], "malformed": True}


# ---------------------------------------------------------------- HTML

DRAFT_HTML = """<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<title>Bản nháp: Chung tay giúp bé Na</title>
<meta name="author" content="Phạm Ngọc Lan">
<meta name="description" content="Kêu gọi quyên góp chữa bệnh cho bé Na">
<style>
  .sdt { color: #c00; } /* mẫu: 0909 000 111 */
</style>
<script>
  var hotline = "0987 654 321"; // không phải số thật, không được báo
</script>
</head>
<body>
<h1>Chung tay gi&uacute;p b&eacute; Na</h1>
<p>Mọi đóng góp xin liên hệ chị <b>Ph&#7841;m Ng&#x1ECD;c Lan</b> qua số <b>⟦phone_number||0913&nbsp;527&nbsp;846⟧</b>
hoặc email ⟦email_address||lan.pham.84&#64;example.net⟧.</p>
<p>Số dự phòng của anh Long: ⟦phone_number||0386<span class="x">492</span>157⟧.</p>
<p><img src="nha.jpg" alt="Ảnh trước nhà, gọi ⟦phone_number|alt text|0977.214.683⟧ khi đến"> Ảnh chụp tại nhà.</p>
<p><a href="tel:⟦phone_number|links|%2B84935618247⟧">Gọi ngay</a> ·
<a href="mailto:⟦email_address|links|minhthu.nguyen@example.com⟧?subject=Quy%C3%AAn%20g%C3%B3p">Gửi thư</a></p>
<table>
<tr><th>Họ tên</th><th>Giấy tờ</th></tr>
<tr><td>Phạm Ngọc Lan</td><td>⟦national_id||001195372816⟧</td></tr>
</table>
<!-- ghi chú nội bộ: số cũ của chị Lan là ⟦phone_number|HTML comments|0868 301 954⟧, đừng đăng -->
<div style="display: none">CCCD người nhận: ⟦national_id|hidden text|048187264915⟧</div>
<template><p>Mẫu: 0904 883 172</p></template>
<p>Cảm ơn mọi người &amp; chúc an lành&hellip;</p>
</body>
</html>
"""

WORD_HTML = """<html xmlns:v="urn:schemas-microsoft-com:vml"
xmlns:o="urn:schemas-microsoft-com:office:office"
xmlns:w="urn:schemas-microsoft-com:office:word"
xmlns="http://www.w3.org/TR/REC-html40">

<head>
<meta http-equiv=Content-Type content="text/html; charset=windows-1258">
<meta name=ProgId content=Word.Document>
<meta name=Generator content="Microsoft Word 15">
<title>Đơn xin việc</title>
<!--[if gte mso 9]><xml>
 <o:DocumentProperties>
  <o:Author>Trần Hoàng Long</o:Author>
  <o:LastAuthor>Đỗ Thu Hà</o:LastAuthor>
  <o:Revision>3</o:Revision>
  <o:Created>2026-01-05T02:14:00Z</o:Created>
  <o:Company>Công ty TNHH Mẫu Thử</o:Company>
 </o:DocumentProperties>
</xml><![endif]-->
<style>
<!--
 /* Style Definitions */
 p.MsoNormal {margin:0cm; font-size:12.0pt; font-family:"Times New Roman",serif;}
-->
</style>
</head>

<body lang=VI style='tab-interval:36.0pt'>
<div class=WordSection1>
<p class=MsoNormal>Kính gửi: Phòng Nhân sự</p>
<p class=MsoNormal>Tôi tên là Trần Hoàng Long, điện thoại ⟦phone_number||0868.301.954⟧,
email ⟦email_address||hoang.long.tran@example.org⟧.</p>
<p class=MsoNormal>Số CCCD: ⟦national_id||001095372816⟧<span style='mso-hide:all'> (số cũ: ⟦phone_number|hidden text|0913 527 864⟧)</span></p>
<p class=MsoNormal>Địa chỉ liên lạc: Phường Bến Nghé, Quận Một.</p>
</div>
</body>
</html>
"""

# Authors in <meta> as people write them (name, Dublin Core, Open Graph's property), and contact
# links whose text shows their own target: each number or address is one finding, at the text.
PROFILE_HTML = """<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<title>Tiệm bánh nhà Hạnh</title>
<meta name="author" content="Lê Thị Hạnh">
<meta name="DC.Creator" content="Lê Thị Hạnh">
<meta name="dc.contributor" content="Vương Quốc Bảo">
<meta property="article:author" content="Vương Quốc Bảo">
<meta property="og:title" content="Tiệm bánh nhà Hạnh">
</head>
<body>
<h1>Tiệm bánh nhà Hạnh</h1>
<p>Đặt bánh: <a href="tel:+84916274835">⟦phone_number||0916 274 835⟧</a>
hoặc <a href="mailto:hanh.le@example.net?subject=%C4%90%E1%BA%B7t%20b%C3%A1nh">⟦email_address||hanh.le@example.net⟧</a>.</p>
<p>Giao hàng: <a href="tel:⟦phone_number|links|0987213546⟧">gọi anh Bảo</a>.</p>
</body>
</html>
"""

TRUNCATED_HTML = """<html><body>
<p>Bài đăng bán xe, liên hệ ⟦phone_number||0935 618 247⟧ gặp chị Hà.</p>
<p>Ảnh xe: <img src="xe.jpg" alt="xe của chị Hà, 0904 883 172"""


def html_fixtures():
    draft, draft_findings = render(DRAFT_HTML, lambda s: s.encode("utf-8"), "html")
    word, word_findings = render(WORD_HTML.replace("\n", "\r\n"), cp1258, "html")
    truncated, truncated_findings = render(TRUNCATED_HTML, lambda s: s.encode("utf-8"), "html")
    profile, profile_findings = render(PROFILE_HTML, lambda s: s.encode("utf-8"), "html")
    return [
        ("html/draft-utf8.html", draft, {
            "findings": draft_findings,
            "absent": ["0987 654 321", "0909 000 111", "0904 883 172"],
            "fields": [
                {"group": "HTML", "name": "Title", "value": "Bản nháp: Chung tay giúp bé Na"},
                {"group": "HTML", "name": "Author", "value": "Phạm Ngọc Lan"},
                {"group": "HTML", "name": "Description", "value": "Kêu gọi quyên góp chữa bệnh cho bé Na"},
            ],
            "hidden": ["HTML comments", "hidden text"],
            "parts": [None, "alt text", "links", "HTML comments", "hidden text"],
        }),
        ("html/word-export.htm", word, {
            "charset": "windows-1258",
            "findings": word_findings,
            "absent": [],
            "fields": [
                {"group": "HTML", "name": "Title", "value": "Đơn xin việc"},
                {"group": "HTML", "name": "Generator", "value": "Microsoft Word 15"},
                {"group": "HTML-office", "name": "Author", "value": "Trần Hoàng Long"},
                {"group": "HTML-office", "name": "LastAuthor", "value": "Đỗ Thu Hà"},
                {"group": "HTML-office", "name": "Company", "value": "Công ty TNHH Mẫu Thử"},
            ],
            "hidden": ["HTML comments", "hidden text"],
            "parts": [None, "HTML comments", "hidden text"],
        }),
        ("html/profile-meta.html", profile, {
            "findings": profile_findings,
            "absent": [],
            # Each of these is found once in the whole page (the link targets are not repeated).
            "once": ["0916 274 835", "hanh.le@example.net"],
            "fields": [
                {"group": "HTML", "name": "Title", "value": "Tiệm bánh nhà Hạnh"},
                {"group": "HTML", "name": "Author", "value": "Lê Thị Hạnh"},
                {"group": "HTML-dc", "name": "Creator", "value": "Lê Thị Hạnh"},
                {"group": "HTML-dc", "name": "Contributor", "value": "Vương Quốc Bảo"},
                {"group": "HTML-article", "name": "ArticleAuthor", "value": "Vương Quốc Bảo"},
            ],
            # ExifTool reads <meta name> only; these come from <meta property>.
            "notExifTool": ["HTML-article:ArticleAuthor", "HTML-og:OgTitle"],
            "hidden": [],
            "parts": [None, "links"],
        }),
        ("html/truncated.html", truncated, {
            "findings": truncated_findings,
            # The unfinished <img> tag and what follows are dropped, as a browser drops them.
            "absent": ["0904 883 172"],
            "fields": [],
            "hidden": [],
            "parts": [None],
        }),
    ]


# ---------------------------------------------------------------- subtitles

def srt_timestamp(ms):
    h, ms = divmod(ms, 3_600_000)
    m, ms = divmod(ms, 60_000)
    s, ms = divmod(ms, 1000)
    return f"{h:02}:{m:02}:{s:02},{ms:03}"


SRT_LINES = [
    "Xin chào cả nhà, hôm nay mình review quán bún chả",
    "Quán nằm trong hẻm nhỏ, đi bộ 5 phút từ chợ",
    "Giá một phần là 45 nghìn, thêm chả là 15 nghìn",
    "Ai muốn đặt bàn thì gọi chủ quán ⟦phone_number||0977 214 683⟧ nhé",
    "Mình ăn ở đây từ năm 2019 đến giờ",
    "Nước chấm pha vừa miệng, không quá ngọt",
    "Góp ý cho kênh gửi về ⟦email_address||minhthu.nguyen@example.com⟧",
    "Hẹn gặp lại cả nhà vào 20 giờ 30 tối thứ Sáu",
]


def srt_fixture():
    cues = []
    t = 1000
    for i in range(60):
        text = SRT_LINES[i % len(SRT_LINES)] if i % len(SRT_LINES) not in (3, 6) or i < len(SRT_LINES) else "…"
        start, end = t, t + 2500 + (i * 37) % 900
        cues.append(f"{i + 1}\n{srt_timestamp(start)} --> {srt_timestamp(end)}\n{text}\n")
        t = end + 120 + (i * 53) % 400
    # A long video: hour timestamps too.
    for i in range(60, 70):
        start = 3_600_000 + i * 4321
        cues.append(f"{i + 1}\n{srt_timestamp(start)} --> {srt_timestamp(start + 2750)}\nPhần cuối, cảm ơn đã xem\n")
    template = "\n".join(cues).replace("\n", "\r\n")
    return render(template, lambda s: s.encode("utf-8"), "text")


VTT_TEMPLATE = """WEBVTT
Kind: captions
Language: vi

NOTE Phụ đề buổi livestream bán hàng, 2026-01-16

intro
00:00:00.500 --> 00:00:03.000 align:start position:10%
<v Lan>Chào mọi người, live hôm nay có 120 mẫu mới

00:00:03.000 --> 00:00:06.480
<v Lan>Chốt đơn inbox hoặc gọi <c.yellow>⟦phone_number||0386.492.157⟧</c>

c3
00:01:02.500 --> 00:01:05.000 line:85%
<00:01:02.500>Mã <00:01:03.000>giảm <00:01:03.400>giá <00:01:03.900>LIVE20

01:15:42.120 --> 01:15:45.000
Ship toàn quốc, 2 đến 4 ngày

01:15:45.000 --> 01:15:49.250 size:80%
Đơn trên 500.000 đồng được miễn phí vận chuyển

NOTE đoạn dưới là khung giờ 10:00:00.000 --> 11:00:00.000 của ca sau

12:00:00.000 --> 12:00:02.000
Hẹn gặp lại lúc 20:00 tối mai
"""


def vtt_fixture():
    return render(VTT_TEMPLATE, lambda s: s.encode("utf-8"), "text")


# ---------------------------------------------------------------- main

def build():
    jpeg = (CORPUS / GPS_JPEG).read_bytes()
    files = {}
    manifest = []

    for name, (data, truth) in [
        ("email/plain-utf8.eml", email_plain()),
        ("email/alternative-qp-base64.eml", email_alternative()),
        ("email/attachment-gps.eml", email_attachment(jpeg)),
        ("email/forwarded-rfc822.eml", email_forwarded(jpeg)),
        ("email/malformed.eml", email_malformed()),
    ]:
        files[name] = data
        manifest.append({"path": f"{OUT}/{name}", "format": "email", **truth})

    for name, data, truth in html_fixtures():
        files[name] = data
        manifest.append({"path": f"{OUT}/{name}", "format": "html", **truth})

    srt, srt_findings = srt_fixture()
    vtt, vtt_findings = vtt_fixture()
    files["subtitles/vlog-review.srt"] = srt
    files["subtitles/livestream.vtt"] = vtt
    manifest.append({"path": f"{OUT}/subtitles/vlog-review.srt", "format": "text", "findings": srt_findings,
                     "only": True})
    manifest.append({"path": f"{OUT}/subtitles/livestream.vtt", "format": "text", "findings": vtt_findings,
                     "only": True})

    # Self-check: every offset span is its source, in the bytes written.
    for entry in manifest:
        data = files[entry["path"][len(OUT) + 1:]]
        for f in entry["findings"]:
            if "start" in f:
                enc = cp1258 if entry.get("charset") == "windows-1258" else (lambda s: s.encode("utf-8"))
                assert data[f["start"]:f["end"]] == enc(f["source"]), (entry["path"], f)
    manifest.sort(key=lambda e: e["path"])
    text = json.dumps({"note": "Ground truth for Corpus/documents/{email,html,subtitles}; written by "
                               "Corpus/tools/build_documents_mail.py. Offsets are UTF-8 byte offsets into the "
                               "file (HTML, subtitles); e-mail findings name the decoded text part instead. "
                               "\"only\": no other identifier finding may appear in the file.",
                       "files": manifest}, ensure_ascii=False, indent=2) + "\n"
    return files, text.encode("utf-8")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if a committed file differs")
    args = parser.parse_args()
    files, manifest = build()
    outputs = {f"{OUT}/{name}": data for name, data in files.items()}
    outputs[MANIFEST] = manifest
    if args.check:
        stale = [p for p, d in outputs.items() if not (CORPUS / p).exists() or (CORPUS / p).read_bytes() != d]
        for p in stale:
            print(f"out of date: Corpus/{p}", file=sys.stderr)
        return 1 if stale else 0
    for path, data in outputs.items():
        target = CORPUS / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    print(f"wrote {len(outputs)} files under Corpus/{OUT}/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
