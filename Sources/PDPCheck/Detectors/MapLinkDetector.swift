/// A link to a place on a map: `maps.app.goo.gl/…`, `goo.gl/maps/…`, Google Maps links with a
/// place or coordinates (`google.com/maps/place/…`, `…/@lat,lng,15z`, `maps.google.com/?q=…`),
/// `openstreetmap.org/#map=…`, `maps.apple.com/?ll=…`, `waze.com/ul?ll=…`. The span is the whole
/// link, without trailing sentence punctuation or an unbalanced `)`.
///
/// Anchored on `/` (memchr); a token is read as bytes and becomes a String only when its host
/// is a map host. A map link with no place in it (`google.com/maps`) is not reported; a short
/// link (`maps.app.goo.gl/…`) always holds one. `apple.co` and other general shorteners are
/// not read: nothing in them says they lead to a map.
public struct MapLinkDetector: TextDetector {
    public init() {}

    public var description: DetectorDescription { Self.about }

    static let about = DetectorDescription(
        id: "geo.maplink",
        category: .preciseLocation,
        ruleIds: ["geo.maplink"],
        summary: "Links to a place on a map (Google Maps, OpenStreetMap, Apple Maps, Waze).",
        triggeringExamples: [
            "Vị trí: ⟦https://maps.app.goo.gl/Xy7aBcD3eFgH9iJk8⟧",
            "⟦maps.app.goo.gl/AbCdEfGh⟧",
            "⟦https://goo.gl/maps/AbCdEf12345⟧",
            "⟦https://www.google.com/maps/place/Ch%E1%BB%A3+B%E1%BA%BFn/@10.7721,106.6983,17z⟧",
            "⟦https://www.google.com/maps/@10.7769,106.7009,15z⟧",
            "(⟦https://maps.google.com/?q=10.7769,106.7009⟧)",
            "⟦https://www.google.com.vn/maps?q=21.0285,105.8542⟧.",
            "⟦https://www.openstreetmap.org/#map=18/10.77690/106.70090⟧",
            "⟦https://maps.apple.com/?ll=10.7769,106.7009&q=Nha⟧",
            "⟦https://waze.com/ul?ll=10.7769,106.7009&navigate=yes⟧",
            "Nhà em đây ⟦HTTPS://MAPS.APP.GOO.GL/AbCd1234⟧ 👉",
        ],
        nonTriggeringExamples: [
            "https://www.google.com/maps",
            "https://apple.co/3xYzAbC",
            "https://goo.gl/AbCdEf",
            "https://shop.vn/p/10.7769,106.7009.html",
            "Ngày 12/05/2024",
            "maps.app.goo.gl/",
            "https://notgoogle.com/maps/place/x",
            "https://example.vn/maps.app.goo.gl/x",
        ])

    public func detect(in context: TextScanContext, into matches: inout [TextMatch]) {
        mapLinks(in: context.text, into: &matches)
    }

    func mapLinks(in text: UnsafeBufferPointer<UInt8>, into found: inout [TextMatch]) {
        var i = 0
        while let slash = LinkContext.find(UInt8(ascii: "/"), in: text, from: i) {
            var lo = slash
            while lo > 0 && slash - lo < 512 && !LinkContext.isSpace(text[lo - 1]) { lo -= 1 }
            var hi = slash
            while hi < text.count && hi - slash < 4096 && !LinkContext.isSpace(text[hi]) { hi += 1 }
            if let m = mapLink(text, lo, hi) { found.append(m) }
            i = max(hi, slash + 1)
        }
    }

    /// Built once: every `/` in a post (dates, prices per unit, links) reads a token.
    static let schemeSeparator: [UInt8] = Array("://".utf8)

    /// The map link in the token `text[lo..<hi]`, if it is one.
    func mapLink(_ text: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int) -> TextMatch? {
        var start = lo
        // Leading punctuation: `(`, `<`, quotes.
        while start < hi && !UTF8Classes.isASCIIAlnum(text[start]) { start += 1 }
        guard start < hi else { return nil }
        var hostStart = start
        if let scheme = find(Self.schemeSeparator, in: text, start, min(hi, start + 12)) { hostStart = scheme + 3 }
        var hostEnd = hostStart
        while hostEnd < hi && text[hostEnd] != UInt8(ascii: "/") && text[hostEnd] != UInt8(ascii: "?")
                && text[hostEnd] != UInt8(ascii: "#") { hostEnd += 1 }
        guard hostEnd > hostStart, hostEnd - hostStart <= 64 else { return nil }
        // Cheap gate before any String: map hosts (after `www.` or `m.`) begin with one of
        // m (maps.), g (goo.gl, google.), o (openstreetmap, osm), u/w (waze), b (bing).
        var h = hostStart
        if hostEnd - h > 4 && (text[h] | 0x20) == UInt8(ascii: "w") && (text[h + 1] | 0x20) == UInt8(ascii: "w")
            && (text[h + 2] | 0x20) == UInt8(ascii: "w") && text[h + 3] == UInt8(ascii: ".") { h += 4 }
        if hostEnd - h > 2 && (text[h] | 0x20) == UInt8(ascii: "m") && text[h + 1] == UInt8(ascii: ".") { h += 2 }
        guard hostEnd - h >= 6, "mgouwb".utf8.contains(text[h] | 0x20) else { return nil }
        let host = lowercased(text, h, hostEnd)
        let end = trimmedEnd(text, start, hi)
        guard end > hostEnd else { return nil }
        let rest = lowercased(text, hostEnd, end)
        var confidence: Double?
        if host == "maps.app.goo.gl" {
            if rest.count > 2 { confidence = 0.85 }
        } else if host == "goo.gl" {
            if rest.hasPrefix("/maps/") && rest.count > 6 { confidence = 0.85 }
        } else if host.hasPrefix("google.") || host.hasPrefix("maps.google.") {
            let isMaps = host.hasPrefix("maps.") || rest.hasPrefix("/maps")
            if isMaps { confidence = googlePlace(rest) }
        } else if host == "openstreetmap.org" || host == "osm.org" {
            if rest.contains("map=") || rest.contains("mlat=") || rest.hasPrefix("/go/") { confidence = 0.85 }
        } else if host == "maps.apple.com" {
            if rest.contains("ll=") || rest.contains("q=") || rest.contains("address=") || rest.contains("coordinate=") {
                confidence = 0.85
            }
        } else if host == "waze.com" || host == "ul.waze.com" {
            if rest.contains("ll=") || rest.contains("to=") { confidence = 0.85 }
        } else if host == "bing.com" {
            if rest.hasPrefix("/maps") && (rest.contains("cp=") || rest.contains("where")) { confidence = 0.8 }
        }
        guard let confidence else { return nil }
        return TextMatch(ruleId: "geo.maplink", category: .preciseLocation, start: start, end: end, confidence: confidence)
    }

    /// A Google Maps link with a place in it: coordinates (`@lat,lng`, `q=lat,lng`, `!3d`) or
    /// a named place, a search or directions.
    func googlePlace(_ rest: String) -> Double? {
        let bytes = Array(rest.utf8)
        func coordinateAfter(_ marker: String) -> Bool {
            guard let r = rest.range(of: marker) else { return false }
            let offset = rest.utf8.distance(from: rest.startIndex, to: r.upperBound)
            var k = offset
            if k < bytes.count && bytes[k] == UInt8(ascii: "-") { k += 1 }
            return k + 2 < bytes.count && UTF8Classes.isDigit(bytes[k])
                && (bytes[k + 1] == UInt8(ascii: ".") || bytes[k + 2] == UInt8(ascii: ".") || UTF8Classes.isDigit(bytes[k + 1]))
        }
        if coordinateAfter("@") || coordinateAfter("q=") || coordinateAfter("ll=") || coordinateAfter("query=")
            || coordinateAfter("destination=") || rest.contains("!3d") {
            return 0.9
        }
        if rest.contains("/place/") || rest.contains("/dir/") || rest.contains("q=") || rest.contains("query=")
            || rest.contains("cid=") {
            return 0.75
        }
        return nil
    }

    /// The token's end without trailing sentence punctuation or an unbalanced `)`.
    func trimmedEnd(_ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ hi: Int) -> Int {
        var end = hi
        // Parentheses balance of the token, counted once.
        var balance = 0
        for k in start..<hi {
            if text[k] == UInt8(ascii: "(") { balance += 1 } else if text[k] == UInt8(ascii: ")") { balance -= 1 }
        }
        while end > start {
            let b = text[end - 1]
            if b == UInt8(ascii: ".") || b == UInt8(ascii: ",") || b == UInt8(ascii: ";") || b == UInt8(ascii: ":")
                || b == UInt8(ascii: "!") || b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") || b == UInt8(ascii: ">")
                || b == UInt8(ascii: "]") || b == UInt8(ascii: "}") {
                end -= 1
            } else if b == UInt8(ascii: ")") && balance < 0 {
                balance += 1
                end -= 1
            } else if b >= 0x80 && !UTF8Classes.isWordCharacter(endingBefore: end, in: text) {
                // Trailing punctuation or emoji outside ASCII ("…", "👉").
                var s = end - 1
                while s > start && UTF8Classes.isContinuation(text[s]) { s -= 1 }
                end = s
            } else {
                break
            }
        }
        return end
    }

    func lowercased(_ text: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> String {
        var bytes = [UInt8]()
        bytes.reserveCapacity(to - from)
        for k in from..<to {
            let b = text[k]
            bytes.append(b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z") ? b | 0x20 : b)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    func find(_ needle: [UInt8], in text: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> Int? {
        guard to - from >= needle.count else { return nil }
        var k = from
        while k + needle.count <= to {
            var same = true
            for j in 0..<needle.count where text[k + j] != needle[j] { same = false; break }
            if same { return k }
            k += 1
        }
        return nil
    }

}
