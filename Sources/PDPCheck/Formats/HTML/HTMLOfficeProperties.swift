/// Word, Excel and PowerPoint's "Save as Web Page" keep the document properties in a
/// conditional comment: `<!--[if gte mso 9]><xml><o:DocumentProperties><o:Author>…`. The
/// author and last editor are a person, so they are read as ExifTool's HTML-office fields.
enum HTMLOfficeProperties {
    static let maxValueBytes = 4096

    /// Calls `found(tagName, value)` for each `<o:Name>value</o:Name>` in `range` whose name is
    /// a document property.
    static func read(_ s: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, found: (String, String) -> Void) {
        let scope = UnsafeBufferPointer(rebasing: s[0..<range.upperBound])
        var k = range.lowerBound
        while let at = HTMLCharsetSniffer.find(scope, "<o:", from: k, caseInsensitive: true) {
            k = at + 3
            var nameEnd = k
            while nameEnd < range.upperBound, HTMLEntities.isAlphanumeric(scope[nameEnd]) { nameEnd += 1 }
            guard nameEnd < range.upperBound, scope[nameEnd] == UInt8(ascii: ">"), nameEnd > k else { continue }
            let key = HTMLTagParser.lowercased(scope, k..<nameEnd)
            guard let tagName = HTMLElements.officeProperties[key] else { continue }
            let valueStart = nameEnd + 1
            let valueEnd = HTMLTagParser.indexOf(UInt8(ascii: "<"), in: scope, from: valueStart) ?? range.upperBound
            k = valueEnd
            let raw = UnsafeBufferPointer(rebasing: scope[valueStart..<min(valueEnd, valueStart + maxValueBytes)])
            let value = decode(raw)
            if !value.isEmpty { found(tagName, value) }
        }
    }

    /// XML text: the five XML entities and numeric references (via the HTML decoder).
    private static func decode(_ raw: UnsafeBufferPointer<UInt8>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(raw.count)
        var k = 0
        while k < raw.count {
            if raw[k] == UInt8(ascii: "&"), let (scalar, next) = HTMLEntities.decode(raw, at: k, end: raw.count, inAttribute: true) {
                UTF8.encode(scalar) { out.append($0) }
                k = next
            } else {
                out.append(raw[k])
                k += 1
            }
        }
        return String(decoding: out, as: UTF8.self).trimmingSpaces
    }
}
