/// Reads an HTML draft (.html, .htm, an e-mail's HTML body) into text the detectors can
/// check, with every offset leading back to the source bytes.
///
/// `textParts[0]` is the visible text (`part` nil for a file of its own): tags removed,
/// character references decoded, block elements on their own lines, `<script>`, `<style>`
/// and `<template>` left out. Its `sourceOffsets` map each byte to the source byte it came
/// from (a decoded reference maps to its `&`), so a finding's `start..<end` is the matched
/// source text. Further parts, when not empty: "alt text" (alt, title, aria-label and
/// placeholder attributes), "links" (`tel:`, `mailto:`, `sms:` and map link targets; not a
/// target the link's own text already shows, so `<a href="tel:…">0912 345 678</a>` is one
/// finding, at the text), "HTML comments" and "hidden text" (elements with `hidden` or `display:none`, hidden form
/// fields), each mapped to the source too. Comments and hidden elements are also listed as
/// `hidden` items. `<title>`, `<meta name content>` (and Open Graph's `<meta property>`) and
/// Word's Office properties become fields named as ExifTool names them (`HTML:Title`,
/// `HTML:Author`, `HTML-dc:Creator`, `HTML-article:ArticleAuthor`, `HTML-office:LastAuthor`), with
/// `container` "" (the page itself) or, for an e-mail body, the body's part name.
public enum HTMLTextReader {
    public static let commentsPart = "HTML comments"
    public static let hiddenPart = "hidden text"
    public static let attributesPart = "alt text"
    public static let linksPart = "links"

    public static func read(_ bytes: [UInt8]) -> DocumentContent {
        read(bytes, charset: nil, part: nil)
    }

    /// `charset`: what the transport declared (an e-mail part's Content-Type charset); a
    /// byte-order mark wins over it, and it wins over the page's own `<meta charset>`.
    /// `part`: the name of the visible-text part (nil for a file); other parts are named
    /// below it ("body.html/alt text").
    public static func read(_ bytes: [UInt8], charset: String?, part: String?) -> DocumentContent {
        var content = DocumentContent()
        let bom = HTMLCharsetSniffer.byteOrderMark(bytes)
        let label = bom ?? charset ?? HTMLCharsetSniffer.declaredCharset(bytes)
        var encoding = MIMECharset.utf8
        if let label {
            if let known = MIMECharset(label: label) {
                encoding = known
            } else {
                content.notes.append("\(part ?? "HTML"): charset \"\(label.prefix(40))\" is not supported; read as UTF-8")
            }
        }
        let decoded = encoding.decode(bytes)
        let text = decoded.sourceOffsets == nil ? bytes : decoded.utf8
        let outer = decoded.sourceOffsets
        var start = 0
        if text.count >= 3, text[0] == 0xEF, text[1] == 0xBB, text[2] == 0xBF { start = 3 }

        var x = text.withUnsafeBufferPointer { HTMLTextExtractor.extract($0, from: start) }

        let prefix = part.map { "\($0)/" } ?? ""
        content.textParts.append(x.main.finish(part: part, outer: outer))
        for name in [attributesPart, linksPart, commentsPart, hiddenPart] {
            let keep = x.withPart(name) { $0.utf8.contains { $0 > 0x20 } }
            if keep { content.textParts.append(x.withPart(name) { $0.finish(part: prefix + name, outer: outer) }) }
        }

        // The fields' place is the page itself: "" for a file, the body's name in an e-mail.
        let container = part ?? ""
        if let title = x.title {
            content.fields.append(MetadataField(group: "HTML", name: "Title", value: .text(title), container: container))
        }
        for field in x.fields {
            content.fields.append(MetadataField(group: field.group, name: field.name, value: .text(field.value), container: container))
        }

        func sourceOffset(_ offset: Int) -> Int {
            guard let outer, !outer.isEmpty else { return offset }
            return outer[min(max(offset, 0), outer.count - 1)]
        }
        for item in x.hiddenItems {
            let name = item.place == .comment ? commentsPart : hiddenPart
            content.hidden.append(HiddenItem(kind: .hiddenText, part: prefix + name,
                                             detail: "\(item.detail) at byte \(sourceOffset(item.offset))"))
        }
        if x.moreHiddenItems > 0 {
            content.hidden.append(HiddenItem(kind: .hiddenText, part: prefix + hiddenPart,
                                             detail: "\(x.moreHiddenItems) more hidden comments or elements"))
        }
        return content
    }
}
