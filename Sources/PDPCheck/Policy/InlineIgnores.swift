/// Ignore markers people put in drafts: `pdpcheck:ignore` (findings on this line) and
/// `pdpcheck:ignore-next-line` (findings on the next line), each with an optional list of
/// categories (`pdpcheck:ignore phone_number, email_address`); without one, every category.
///
/// Plain text and Markdown: a marker anywhere on a line counts (`# pdpcheck:ignore`,
/// `<!-- pdpcheck:ignore -->`). HTML: only markers inside `<!-- … -->` comments count, and
/// lines are the source's lines, so a finding is matched by its source byte offset, whatever
/// line the extracted text puts it on. UTF-16 sources are read one code unit at a time.
struct InlineIgnores {
    enum Mode { case text, html }

    static let marker = Array("pdpcheck:ignore".utf8)
    static let nextLineSuffix = Array("-next-line".utf8)
    /// More markers than this in one file are not read (a generated file, not a draft).
    static let maxMarkers = 10_000

    /// Line (1-based) → categories ignored there; nil means all.
    private(set) var lines: [Int: Set<Category>?] = [:]
    /// Problems with markers (unknown categories), for the file's notes.
    private(set) var notes: [String] = []
    /// Source offsets of HTML comments that hold nothing but a marker: their own
    /// `hidden_content` finding is the marker, not content.
    private(set) var directiveComments: Set<Int> = []

    private let lineStarts: [Int]
    /// Source bytes per scanned unit (2 for UTF-16).
    private let scale: Int

    var isEmpty: Bool { lines.isEmpty && directiveComments.isEmpty }

    static func mode(for format: InputFormat) -> Mode? {
        switch format {
        case .text: return .text
        case .html: return .html
        default: return nil
        }
    }

    init(source bytes: [UInt8], format: InputFormat) {
        let mode = Self.mode(for: format) ?? .text
        var narrow = bytes
        var scale = 1
        if case .text(let encoding) = format, encoding == .utf16LE || encoding == .utf16BE {
            // One byte per code unit: ASCII stays, the rest becomes a non-ASCII placeholder.
            scale = 2
            narrow = []
            narrow.reserveCapacity(bytes.count / 2)
            var i = 0
            while i + 1 < bytes.count {
                let unit = encoding == .utf16LE ? UInt16(bytes[i]) | UInt16(bytes[i + 1]) << 8
                                                : UInt16(bytes[i]) << 8 | UInt16(bytes[i + 1])
                narrow.append(unit < 0x80 ? UInt8(unit) : 0x80)
                i += 2
            }
        }
        self.scale = scale
        // Most drafts have no marker: then there is nothing to index.
        guard Self.find(Self.marker, in: narrow, from: 0, to: narrow.count) != nil else {
            lineStarts = [0]
            return
        }
        var starts = [0]
        var i = 0
        while i < narrow.count {
            if narrow[i] == 0x0A { starts.append(i + 1) }
            i += 1
        }
        lineStarts = starts
        switch mode {
        case .text: scanText(narrow)
        case .html: scanHTML(narrow)
        }
    }

    /// 1-based line of a unit index.
    private func line(ofUnit index: Int) -> Int {
        var lo = 0, hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= index { lo = mid } else { hi = mid - 1 }
        }
        return lo + 1
    }

    func line(ofSourceOffset offset: Int) -> Int { line(ofUnit: max(0, offset) / scale) }

    /// Whether a finding sits on an ignored line and its category is ignored there.
    func ignores(category: Category, sourceOffset: Int) -> Bool {
        guard let entry = lines[line(ofSourceOffset: sourceOffset)] else { return false }
        return entry?.contains(category) ?? true
    }

    // MARK: - Scanning

    private mutating func scanText(_ s: [UInt8]) {
        var i = 0
        var found = 0
        while let at = Self.find(Self.marker, in: s, from: i, to: s.count), found < Self.maxMarkers {
            found += 1
            i = at + Self.marker.count
            let lineEnd = Self.lineEnd(s, from: at)
            let line = self.line(ofUnit: at)
            guard let (nextLine, listStart) = Self.kind(s, after: i, end: lineEnd) else { continue }
            let categories = parseCategories(s, from: listStart, to: lineEnd, line: line)
            add(line: nextLine ? line + 1 : line, categories)
        }
    }

    private mutating func scanHTML(_ s: [UInt8]) {
        let open = Array("<!--".utf8), close = Array("-->".utf8)
        var i = 0
        var found = 0
        while let start = Self.find(open, in: s, from: i, to: s.count), found < Self.maxMarkers {
            let contentStart = start + open.count
            let end = Self.find(close, in: s, from: contentStart, to: s.count) ?? s.count
            i = min(s.count, end + close.count)
            var j = contentStart
            var onlyDirectives = true
            var sawMarker = false
            while let at = Self.find(Self.marker, in: s, from: j, to: end) {
                found += 1
                if s[j..<at].contains(where: { !Self.isSpace($0) }) { onlyDirectives = false }
                sawMarker = true
                let after = at + Self.marker.count
                let stop = min(end, Self.lineEnd(s, from: at))
                let markerLine = line(ofUnit: at)
                j = stop
                guard let (nextLine, listStart) = Self.kind(s, after: after, end: stop) else { onlyDirectives = false; continue }
                let categories = parseCategories(s, from: listStart, to: stop, line: markerLine)
                // "Next line" is the line after the comment ends.
                add(line: nextLine ? line(ofUnit: min(end, max(0, s.count - 1))) + 1 : markerLine, categories)
            }
            if s[j..<end].contains(where: { !Self.isSpace($0) }) { onlyDirectives = false }
            if sawMarker && onlyDirectives { directiveComments.insert(start * scale) }
        }
    }

    private mutating func add(line: Int, _ categories: Set<Category>?) {
        switch (lines[line], categories) {
        case (nil, let new): lines[line] = .some(new)
        case (.some(nil), _): break
        case (.some(.some), nil): lines[line] = .some(nil)
        case (.some(.some(let old)), .some(let new)): lines[line] = .some(old.union(new))
        }
    }

    /// After "pdpcheck:ignore": (next line?, where the category list starts), or nil when the
    /// word goes on ("pdpcheck:ignored").
    private static func kind(_ s: [UInt8], after i: Int, end: Int) -> (Bool, Int)? {
        var k = i
        var nextLine = false
        if k + nextLineSuffix.count <= end, Array(s[k..<k + nextLineSuffix.count]) == nextLineSuffix {
            nextLine = true
            k += nextLineSuffix.count
        }
        if k < end, isWordByte(s[k]) || s[k] == 0x2D && !(k + 2 < end && s[k + 1] == 0x2D && s[k + 2] == 0x3E) {
            return nil
        }
        return (nextLine, k)
    }

    /// Category names separated by spaces or commas, up to anything else. No names: all
    /// categories. Unknown snake_case names are noted and ignore nothing.
    private mutating func parseCategories(_ s: [UInt8], from start: Int, to end: Int, line: Int) -> Set<Category>? {
        var k = start
        var found = Set<Category>()
        var unknown: [String] = []
        while k < end {
            while k < end && (isSeparator(s[k])) { k += 1 }
            let tokenStart = k
            while k < end && (Self.isLower(s[k]) || s[k] == 0x5F) { k += 1 }
            guard k > tokenStart else { break }
            // A name runs into something else ("phone_number." or "credentials-foo"): stop.
            if k < end && !isSeparator(s[k]) && !Self.isSpace(s[k]) && s[k] != 0x2D { break }
            let token = String(decoding: s[tokenStart..<k], as: UTF8.self)
            if let category = Category(rawValue: token) {
                found.insert(category)
            } else if token.contains("_") {
                unknown.append(token)
            } else {
                break
            }
        }
        for token in unknown {
            notes.append("line \(line): unknown category '\(token)' in pdpcheck:ignore"
                         + "\(YAMLFieldReader.suggestion(token, Category.allCases.map(\.rawValue))); nothing ignored for it")
        }
        if found.isEmpty && unknown.isEmpty { return nil }
        return found
    }

    private func isSeparator(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x2C }

    // MARK: - Bytes

    static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
    static func isLower(_ b: UInt8) -> Bool { (0x61...0x7A).contains(b) }
    static func isWordByte(_ b: UInt8) -> Bool {
        (0x61...0x7A).contains(b) || (0x41...0x5A).contains(b) || (0x30...0x39).contains(b) || b == 0x5F
    }

    static func lineEnd(_ s: [UInt8], from i: Int) -> Int {
        var k = i
        while k < s.count && s[k] != 0x0A && s[k] != 0x0D { k += 1 }
        return k
    }

    static func find(_ needle: [UInt8], in s: [UInt8], from: Int, to end: Int) -> Int? {
        guard let first = needle.first, needle.count <= end - from else { return nil }
        var i = max(0, from)
        let last = end - needle.count
        while i <= last {
            if s[i] == first {
                var k = 1
                while k < needle.count && s[i + k] == needle[k] { k += 1 }
                if k == needle.count { return i }
            }
            i += 1
        }
        return nil
    }
}
