/// The shared digit-run pass: one walk over the bytes that hands every number-like run to
/// the number detectors. Bytes that cannot start a run are skipped by a table lookup.
enum NumberRunScanner {
    private static let startsRun: [Bool] = {
        var t = [Bool](repeating: false, count: 256)
        for b in UInt8(ascii: "0")...UInt8(ascii: "9") { t[Int(b)] = true }
        t[Int(UInt8(ascii: "+"))] = true
        t[Int(UInt8(ascii: "("))] = true
        return t
    }()

    static func scan(_ text: UnsafeBufferPointer<UInt8>, _ body: (NumberRun) -> Void) {
        var run = NumberRun()
        run.digits.reserveCapacity(32)
        run.digitStart.reserveCapacity(32)
        run.digitEnd.reserveCapacity(32)
        let n = text.count
        var i = 0
        startsRun.withUnsafeBufferPointer { table in
            while i < n {
                if !table[Int(text[i])] { i += 1; continue }
                if let next = parseRun(text, at: i, into: &run) {
                    body(run)
                    i = next
                } else {
                    i += 1
                }
            }
        }
    }

    /// Parses the run that starts at `i`; returns where scanning resumes, or nil when `i`
    /// does not start a run.
    static func parseRun(_ text: UnsafeBufferPointer<UInt8>, at i: Int, into run: inout NumberRun) -> Int? {
        let n = text.count
        var j = i
        var openParen = false
        if text[j] == UInt8(ascii: "(") {
            openParen = true
            j += 1
            guard j < n else { return nil }
        }
        var plus = false
        if text[j] == UInt8(ascii: "+") {
            plus = true
            j += 1
            guard j < n else { return nil }
        }
        guard UTF8Classes.isDigit(text[j]) else { return nil }

        run.reset(at: i)
        run.hasPlus = plus
        if openParen || plus {
            // `(+84)` starts at its `(` only when that parenthesis closes after the code.
            run.leadPosition = plus && !openParen ? i : (plus ? i + 1 : i)
        }
        run.gluedBefore = UTF8Classes.isWordCharacter(endingBefore: i, in: text)
        var sep: UInt8 = 0
        while true {
            // One group of digits.
            run.groupStart.append(run.digits.count)
            run.separator.append(sep)
            while j < n && UTF8Classes.isDigit(text[j]) {
                run.digits.append(text[j] &- 0x30)
                run.digitStart.append(j)
                run.digitEnd.append(j + 1)
                j += 1
            }
            run.end = j
            // A separator only counts when a digit follows it.
            var k = j
            sep = 0
            if openParen && k < n && text[k] == UInt8(ascii: ")") {
                openParen = false
                sep = UInt8(ascii: ")")
                if run.groupStart.count == 1 {
                    run.parenthesizedFirstGroup = true
                    run.leadPosition = i
                }
                k += 1
                if k < n && (text[k] == 0x20 || text[k] == UInt8(ascii: "-") || text[k] == UInt8(ascii: ".")) { k += 1 }
            } else if k < n {
                let b = text[k]
                if b == 0x20 || b == UInt8(ascii: ".") || b == UInt8(ascii: "-") {
                    sep = b
                    k += 1
                    // " - " and " . " read as one separator.
                    if b == 0x20 && k + 1 < n && (text[k] == UInt8(ascii: "-") || text[k] == UInt8(ascii: "."))
                        && text[k + 1] == 0x20 {
                        sep = NumberRun.spacedPunctuation
                        k += 2
                    }
                } else if b == 0xC2 && k + 1 < n && text[k + 1] == 0xA0 {
                    sep = 0x20  // no-break space
                    k += 2
                }
            }
            guard sep != 0, k < n, UTF8Classes.isDigit(text[k]) else { break }
            j = k
        }
        run.gluedAfter = UTF8Classes.isWordCharacter(startingAt: run.end, in: text)
        return run.end
    }
}
