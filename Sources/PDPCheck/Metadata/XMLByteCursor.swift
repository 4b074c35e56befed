/// The byte-level moves both XML readers (the tree reader for XMP, the streaming reader for
/// office parts) make over their input: spaces, literal markers, `<!…>` declarations.
protocol XMLByteCursor {
    var b: UnsafeBufferPointer<UInt8> { get }
    var i: Int { get set }
}

extension XMLByteCursor {
    mutating func skipSpace() {
        while i < b.count, b[i] == 0x20 || b[i] == 0x09 || b[i] == 0x0A || b[i] == 0x0D { i += 1 }
    }

    func matches(_ s: StaticString) -> Bool {
        let count = s.utf8CodeUnitCount
        guard i + count <= b.count else { return false }
        let p = s.utf8Start
        for k in 0..<count where b[i + k] != p[k] { return false }
        return true
    }

    func find(_ s: StaticString, from: Int) -> Int? {
        let count = s.utf8CodeUnitCount
        let p = s.utf8Start
        var j = from
        while j + count <= b.count {
            if b[j] == p[0] {
                var ok = true
                for k in 1..<count where b[j + k] != p[k] { ok = false; break }
                if ok { return j }
            }
            j += 1
        }
        return nil
    }

    /// Moves past the next `s` at or after `from`; false when there is none.
    mutating func skip(past s: StaticString, from: Int) -> Bool {
        guard let end = find(s, from: from) else { return false }
        i = end + s.utf8CodeUnitCount
        return true
    }

    /// `<!…>` with an internal subset in brackets and quoted strings; nothing inside is used.
    mutating func skipDeclaration() -> Bool {
        var bracket = 0
        var quote: UInt8 = 0
        i += 2
        while i < b.count {
            let c = b[i]
            i += 1
            if quote != 0 {
                if c == quote { quote = 0 }
            } else if c == 0x22 || c == 0x27 {
                quote = c
            } else if c == 0x5B {
                bracket += 1
            } else if c == 0x5D {
                bracket = max(0, bracket - 1)
            } else if c == 0x3E && bracket == 0 {
                return true
            }
        }
        return false
    }
}
