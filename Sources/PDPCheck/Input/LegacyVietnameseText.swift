/// Recognises and decodes the pre-Unicode Vietnamese encodings (Windows-1258, TCVN3/ABC), so an
/// old draft saved by a Windows-era editor or typed with the ABC keyboard in a .VnTime font is
/// scanned as text instead of being reported as binary.
///
/// Sources of the tables below (each checked byte for byte, not guessed):
/// - Windows-1258, 0x80–0xFF: GNU libiconv `lib/cp1258.h` (`cp1258_2uni`); identical to Python's
///   built-in `cp1258` codec and to glibc `iconv -f CP1258` for every byte. The nine bytes Microsoft
///   leaves undefined (0x81 0x8A 0x8D 0x8E 0x8F 0x90 0x9A 0x9D 0x9E) decode to U+FFFD.
/// - TCVN3 = TCVN 5712:1993: GNU libiconv `lib/tcvn.h` (`tcvn_2uni_1`, `tcvn_2uni_2`), identical to
///   glibc `iconv -f TCVN5712-1` for every byte. Its VN3 subset (the "ABC" code used by .VnTime
///   fonts: Ă Â Ê Ô Ơ Ư Đ at 0xA1–0xA7, ă â ê ô ơ ư đ at 0xA8–0xAE, the 60 lowercase toned vowels in
///   0xB5–0xFE) was cross-checked against two independent converters: cmpitg/bogoengine
///   `src/charset.hpp` (`utf8ToTCVN3`) and Eruylz/XuatThuy `Utils/Unicode2TCVN3.cs`; all 74
///   positions agree. VN3 writes capitals with the lowercase codes in an uppercase font
///   (.VnTimeH), so its text never uses the other positions; there we follow the full VN1 table
///   (capital toned letters at 0x80–0x9F and in the gaps of 0xAF–0xFF, combining tone marks at
///   0xB0–0xB4, and the capitals VN1 puts on the C0 positions 0x01 0x02 0x04–0x06 0x11–0x17), so a
///   file written by `iconv -t TCVN` decodes too. Tab, LF, CR and the other C0 codes are untouched.
/// - Canonical composition: the (composite, base, mark) triples below are the Unicode canonical
///   decompositions (generated with Python `unicodedata`) of every character these two tables
///   produce, plus every composite that one of the five tone marks can form with them. That is all
///   NFC needs here, so the output is NFC without running a general normaliser over the text.
enum LegacyVietnameseText {
    /// Called only for input that is NOT valid UTF-8 and has no NUL bytes. Returns .windows1258 or
    /// .tcvn3 when the bytes look like Vietnamese text in that encoding, nil otherwise.
    ///
    /// Heuristic. The head (at most 64 KiB) is read once per candidate encoding through a 256-entry
    /// class table (letter with its base letter and tone, combining tone mark, other, undefined,
    /// control). Every word that contains a non-ASCII byte is tested against Vietnamese syllable
    /// structure: an allowed initial (b c ch d đ g gh h k kh l m n ng ngh nh p ph qu r s t th tr v x
    /// or none), one to three vowels from a ă â e ê i o ô ơ u ư y, an allowed final (c ch m n ng nh p
    /// t or none), at most one tone, a tone mark only right after a vowel, and only sắc or nặng
    /// before a final c/ch/p/t. A valid syllable counts as evidence for the encoding; an invalid
    /// word, a non-letter high byte touching a letter (what a wrong code page shows: "Nguy¸n"),
    /// a stray tone mark and an undefined byte count against it. Text in the right encoding
    /// yields almost only valid syllables; the wrong Vietnamese encoding yields double tones and
    /// symbols inside words (Windows-1258 tone-mark bytes are toned vowels in TCVN3, TCVN3's
    /// frequent 0xB5–0xBE are symbols in Windows-1258); Latin-1 German or French yields ä ö ü ß ç
    /// (not Vietnamese letters) or, read as TCVN3, impossible clusters such as "sch", "str", "-ll".
    /// An encoding is accepted with at least one valid syllable, at least three times as much
    /// evidence for as against, and at most 1% control characters; the better accepted one wins.
    static func guessEncoding(_ head: [UInt8]) -> TextEncoding? {
        let count = min(head.count, 64 * 1024)
        guard count > 0 else { return nil }
        let tallies = head.withUnsafeBufferPointer { all -> (Tally, Tally) in
            let buffer = UnsafeBufferPointer(rebasing: all[0..<count])
            return (tally(buffer, classes: windows1258Classes), tally(buffer, classes: tcvn3Classes))
        }
        func accepted(_ t: Tally) -> Bool {
            t.controls * 100 <= count && t.good >= 1 && t.good >= 3 * t.bad
        }
        let a = tallies.0, b = tallies.1
        switch (accepted(a), accepted(b)) {
        case (false, false): return nil
        case (true, false): return .windows1258
        case (false, true): return .tcvn3
        case (true, true):
            let scoreA = a.good - 3 * a.bad, scoreB = b.good - 3 * b.bad
            return scoreB > scoreA ? .tcvn3 : .windows1258
        }
    }

    /// Decodes to NFC UTF-8. `sourceOffsets` has one entry per output byte, the offset of the source
    /// byte of the character it came from (a base letter composed with a following tone-mark byte
    /// maps, all bytes of it, to the base letter's byte), plus a final entry == bytes.count.
    static func decode(_ bytes: [UInt8], encoding: TextEncoding) -> TextPart {
        switch encoding {
        case .windows1258: return decode(bytes, table: windows1258Table, pairs: windows1258Pairs)
        case .tcvn3: return decode(bytes, table: tcvn3Table, pairs: tcvn3Pairs)
        case .utf8, .utf16LE, .utf16BE: return PlainTextReader.read(bytes, encoding: encoding)
        }
    }

    /// The single pass. `table` maps all 256 bytes to scalars. `pairs` (see `pairTable`) is the
    /// fast path for the usual "letter byte + one tone-mark byte"; nil while building it.
    static func decode(_ bytes: [UInt8], table: [UInt16], pairs: [UInt16]?) -> TextPart {
        let composition = composeTable
        let decomposition = decomposeTable
        return table.withUnsafeBufferPointer { t in
            bytes.withUnsafeBufferPointer { src in
                var out: [UInt8] = []
                var map: [Int] = []
                // Vietnamese letters are 2–3 UTF-8 bytes from one or two source bytes; ASCII is 1:1.
                out.reserveCapacity(bytes.count + bytes.count / 2 + 16)
                map.reserveCapacity(bytes.count + bytes.count / 2 + 17)
                // Scratch buffers for a base letter followed by tone marks, reused across the pass.
                var marks: [Mark] = []
                var sorted: [Mark] = []
                var kept: [Mark] = []
                let n = src.count
                var i = 0
                while i < n {
                    let start = i
                    let scalar = UInt32(t[Int(src[i])])
                    var starter: UInt32? = nil
                    if !isToneMark(scalar) {
                        i += 1
                        if i >= n || !isToneMark(UInt32(t[Int(src[i])])) {
                            appendUTF8(scalar, offset: start, out: &out, map: &map)
                            continue
                        }
                        if let pairs, i + 1 >= n || !isToneMark(UInt32(t[Int(src[i + 1])])) {
                            let composed = pairs[Int(src[start]) * 5 + Int(toneSlot(UInt32(t[Int(src[i])])))]
                            if composed != 0 {
                                appendUTF8(UInt32(composed), offset: start, out: &out, map: &map)
                                i += 1
                                continue
                            }
                        }
                        starter = scalar
                    }
                    // A starter (or the start of the text) followed by combining tone marks: NFC of
                    // this one segment = full canonical decomposition, canonical ordering, composition.
                    marks.removeAll(keepingCapacity: true)
                    var base = starter
                    if var x = starter {
                        while let d = decomposition[x] {
                            marks.append(Mark(scalar: d & 0xFFFF, offset: start))
                            x = d >> 16
                        }
                        marks.reverse()
                        base = x
                    }
                    while i < n {
                        let m = UInt32(t[Int(src[i])])
                        guard isToneMark(m) else { break }
                        marks.append(Mark(scalar: m, offset: i))
                        i += 1
                    }
                    canonicalOrder(&marks, scratch: &sorted)
                    kept.removeAll(keepingCapacity: true)
                    var lastKeptClass: UInt8 = 0
                    for mark in marks {
                        let ccc = combiningClass(mark.scalar)
                        if let current = base, kept.isEmpty || lastKeptClass < ccc,
                           let composed = composition[current << 16 | mark.scalar] {
                            base = UInt32(composed)
                        } else {
                            kept.append(mark)
                            lastKeptClass = ccc
                        }
                    }
                    if let b = base { appendUTF8(b, offset: start, out: &out, map: &map) }
                    // Offsets must not go backwards: if reordering moved a mark before an earlier
                    // one, all the left-over marks point at the first of them.
                    var monotonic = true
                    var lowest = Int.max
                    for k in kept.indices {
                        if k > 0 && kept[k].offset < kept[k - 1].offset { monotonic = false }
                        lowest = min(lowest, kept[k].offset)
                    }
                    for mark in kept {
                        appendUTF8(mark.scalar, offset: monotonic ? mark.offset : lowest, out: &out, map: &map)
                    }
                }
                map.append(n)
                return TextPart(utf8: out, sourceOffsets: map)
            }
        }
    }

    // MARK: - Byte tables

    /// Windows-1258 bytes 0x80–0xFF (GNU libiconv `cp1258.h`; = Python `cp1258`).
    static let windows1258High: [UInt16] = [
        0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,  // 0x80
        0x02C6, 0x2030, 0xFFFD, 0x2039, 0x0152, 0xFFFD, 0xFFFD, 0xFFFD,  // 0x88
        0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,  // 0x90
        0x02DC, 0x2122, 0xFFFD, 0x203A, 0x0153, 0xFFFD, 0xFFFD, 0x0178,  // 0x98
        0x00A0, 0x00A1, 0x00A2, 0x00A3, 0x00A4, 0x00A5, 0x00A6, 0x00A7,  // 0xA0
        0x00A8, 0x00A9, 0x00AA, 0x00AB, 0x00AC, 0x00AD, 0x00AE, 0x00AF,  // 0xA8
        0x00B0, 0x00B1, 0x00B2, 0x00B3, 0x00B4, 0x00B5, 0x00B6, 0x00B7,  // 0xB0
        0x00B8, 0x00B9, 0x00BA, 0x00BB, 0x00BC, 0x00BD, 0x00BE, 0x00BF,  // 0xB8
        0x00C0, 0x00C1, 0x00C2, 0x0102, 0x00C4, 0x00C5, 0x00C6, 0x00C7,  // 0xC0
        0x00C8, 0x00C9, 0x00CA, 0x00CB, 0x0300, 0x00CD, 0x00CE, 0x00CF,  // 0xC8
        0x0110, 0x00D1, 0x0309, 0x00D3, 0x00D4, 0x01A0, 0x00D6, 0x00D7,  // 0xD0
        0x00D8, 0x00D9, 0x00DA, 0x00DB, 0x00DC, 0x01AF, 0x0303, 0x00DF,  // 0xD8
        0x00E0, 0x00E1, 0x00E2, 0x0103, 0x00E4, 0x00E5, 0x00E6, 0x00E7,  // 0xE0
        0x00E8, 0x00E9, 0x00EA, 0x00EB, 0x0301, 0x00ED, 0x00EE, 0x00EF,  // 0xE8
        0x0111, 0x00F1, 0x0323, 0x00F3, 0x00F4, 0x01A1, 0x00F6, 0x00F7,  // 0xF0
        0x00F8, 0x00F9, 0x00FA, 0x00FB, 0x00FC, 0x01B0, 0x20AB, 0x00FF,  // 0xF8
    ]

    /// TCVN 5712:1993 bytes 0x80–0xFF (GNU libiconv `tcvn.h`; = glibc `TCVN5712-1`). The VN3/ABC
    /// positions are listed in `tcvn3VN3Bytes`.
    static let tcvn3High: [UInt16] = [
        0x00C0, 0x1EA2, 0x00C3, 0x00C1, 0x1EA0, 0x1EB6, 0x1EAC, 0x00C8,  // 0x80
        0x1EBA, 0x1EBC, 0x00C9, 0x1EB8, 0x1EC6, 0x00CC, 0x1EC8, 0x0128,  // 0x88
        0x00CD, 0x1ECA, 0x00D2, 0x1ECE, 0x00D5, 0x00D3, 0x1ECC, 0x1ED8,  // 0x90
        0x1EDC, 0x1EDE, 0x1EE0, 0x1EDA, 0x1EE2, 0x00D9, 0x1EE6, 0x0168,  // 0x98
        0x00A0, 0x0102, 0x00C2, 0x00CA, 0x00D4, 0x01A0, 0x01AF, 0x0110,  // 0xA0
        0x0103, 0x00E2, 0x00EA, 0x00F4, 0x01A1, 0x01B0, 0x0111, 0x1EB0,  // 0xA8
        0x0300, 0x0309, 0x0303, 0x0301, 0x0323, 0x00E0, 0x1EA3, 0x00E3,  // 0xB0
        0x00E1, 0x1EA1, 0x1EB2, 0x1EB1, 0x1EB3, 0x1EB5, 0x1EAF, 0x1EB4,  // 0xB8
        0x1EAE, 0x1EA6, 0x1EA8, 0x1EAA, 0x1EA4, 0x1EC0, 0x1EB7, 0x1EA7,  // 0xC0
        0x1EA9, 0x1EAB, 0x1EA5, 0x1EAD, 0x00E8, 0x1EC2, 0x1EBB, 0x1EBD,  // 0xC8
        0x00E9, 0x1EB9, 0x1EC1, 0x1EC3, 0x1EC5, 0x1EBF, 0x1EC7, 0x00EC,  // 0xD0
        0x1EC9, 0x1EC4, 0x1EBE, 0x1ED2, 0x0129, 0x00ED, 0x1ECB, 0x00F2,  // 0xD8
        0x1ED4, 0x1ECF, 0x00F5, 0x00F3, 0x1ECD, 0x1ED3, 0x1ED5, 0x1ED7,  // 0xE0
        0x1ED1, 0x1ED9, 0x1EDD, 0x1EDF, 0x1EE1, 0x1EDB, 0x1EE3, 0x00F9,  // 0xE8
        0x1ED6, 0x1EE7, 0x0169, 0x00FA, 0x1EE5, 0x1EEB, 0x1EED, 0x1EEF,  // 0xF0
        0x1EE9, 0x1EF1, 0x1EF3, 0x1EF7, 0x1EF9, 0x00FD, 0x1EF5, 0x1ED0,  // 0xF8
    ]

    /// The C0 positions TCVN 5712 VN1 reuses for capital letters (libiconv `tcvn_2uni_1`).
    static let tcvn3Low: [(byte: UInt8, scalar: UInt16)] = [
        (0x01, 0x00DA), (0x02, 0x1EE4), (0x04, 0x1EEA), (0x05, 0x1EEC), (0x06, 0x1EEE),
        (0x11, 0x1EE8), (0x12, 0x1EF0), (0x13, 0x1EF2), (0x14, 0x1EF6), (0x15, 0x1EF8),
        (0x16, 0x00DD), (0x17, 0x1EF4),
    ]

    /// The 74 bytes the VN3 ("ABC", .VnTime) subset defines.
    static let tcvn3VN3Bytes: [UInt8] = Array(0xA1...0xAE) + [
        0xB5, 0xB6, 0xB7, 0xB8, 0xB9, 0xBB, 0xBC, 0xBD, 0xBE, 0xC6, 0xC7, 0xC8, 0xC9, 0xCA, 0xCB,
        0xCC, 0xCE, 0xCF, 0xD0, 0xD1, 0xD2, 0xD3, 0xD4, 0xD5, 0xD6, 0xD7, 0xD8, 0xDC, 0xDD, 0xDE,
        0xDF, 0xE1, 0xE2, 0xE3, 0xE4, 0xE5, 0xE6, 0xE7, 0xE8, 0xE9, 0xEA, 0xEB, 0xEC, 0xED, 0xEE,
        0xEF, 0xF1, 0xF2, 0xF3, 0xF4, 0xF5, 0xF6, 0xF7, 0xF8, 0xF9, 0xFA, 0xFB, 0xFC, 0xFD, 0xFE,
    ]

    /// Byte → Unicode scalar for all 256 bytes.
    static let windows1258Table: [UInt16] = (0..<128).map { UInt16($0) } + windows1258High
    static let tcvn3Table: [UInt16] = {
        var table = (0..<128).map { UInt16($0) } + tcvn3High
        for (byte, scalar) in tcvn3Low { table[Int(byte)] = scalar }
        return table
    }()

    /// For each byte b and tone mark k (`toneSlot`), entry b * 5 + k is the single character NFC
    /// makes of b followed by that mark, or 0 when it stays two characters (computed once with the
    /// general path of `decode`, so both paths agree by construction).
    static func pairTable(_ table: [UInt16]) -> [UInt16] {
        var pairs = [UInt16](repeating: 0, count: 256 * 5)
        let markBytes = (0..<256).filter { isToneMark(UInt32(table[$0])) }
        for b in 0..<256 where !isToneMark(UInt32(table[b])) {
            for m in markBytes {
                let part = decode([UInt8(b), UInt8(m)], table: table, pairs: nil)
                let scalars = String(decoding: part.utf8, as: UTF8.self).unicodeScalars
                if scalars.count == 1, let only = scalars.first {
                    pairs[b * 5 + Int(toneSlot(UInt32(table[m])))] = UInt16(only.value)
                }
            }
        }
        return pairs
    }

    static let windows1258Pairs: [UInt16] = pairTable(windows1258Table)
    static let tcvn3Pairs: [UInt16] = pairTable(tcvn3Table)

    // MARK: - Canonical composition (NFC) for what these tables produce

    /// (composite, base, mark) triples: every canonical decomposition needed (see the file header).
    static let canonicalTriples: [UInt16] = [
        0x00C0, 0x0041, 0x0300, 0x00C1, 0x0041, 0x0301, 0x00C2, 0x0041, 0x0302,
        0x00C3, 0x0041, 0x0303, 0x00C4, 0x0041, 0x0308, 0x00C5, 0x0041, 0x030A,
        0x00C7, 0x0043, 0x0327, 0x00C8, 0x0045, 0x0300, 0x00C9, 0x0045, 0x0301,
        0x00CA, 0x0045, 0x0302, 0x00CB, 0x0045, 0x0308, 0x00CC, 0x0049, 0x0300,
        0x00CD, 0x0049, 0x0301, 0x00CE, 0x0049, 0x0302, 0x00CF, 0x0049, 0x0308,
        0x00D1, 0x004E, 0x0303, 0x00D2, 0x004F, 0x0300, 0x00D3, 0x004F, 0x0301,
        0x00D4, 0x004F, 0x0302, 0x00D5, 0x004F, 0x0303, 0x00D6, 0x004F, 0x0308,
        0x00D9, 0x0055, 0x0300, 0x00DA, 0x0055, 0x0301, 0x00DB, 0x0055, 0x0302,
        0x00DC, 0x0055, 0x0308, 0x00DD, 0x0059, 0x0301, 0x00E0, 0x0061, 0x0300,
        0x00E1, 0x0061, 0x0301, 0x00E2, 0x0061, 0x0302, 0x00E3, 0x0061, 0x0303,
        0x00E4, 0x0061, 0x0308, 0x00E5, 0x0061, 0x030A, 0x00E7, 0x0063, 0x0327,
        0x00E8, 0x0065, 0x0300, 0x00E9, 0x0065, 0x0301, 0x00EA, 0x0065, 0x0302,
        0x00EB, 0x0065, 0x0308, 0x00EC, 0x0069, 0x0300, 0x00ED, 0x0069, 0x0301,
        0x00EE, 0x0069, 0x0302, 0x00EF, 0x0069, 0x0308, 0x00F1, 0x006E, 0x0303,
        0x00F2, 0x006F, 0x0300, 0x00F3, 0x006F, 0x0301, 0x00F4, 0x006F, 0x0302,
        0x00F5, 0x006F, 0x0303, 0x00F6, 0x006F, 0x0308, 0x00F9, 0x0075, 0x0300,
        0x00FA, 0x0075, 0x0301, 0x00FB, 0x0075, 0x0302, 0x00FC, 0x0075, 0x0308,
        0x00FD, 0x0079, 0x0301, 0x00FF, 0x0079, 0x0308, 0x0102, 0x0041, 0x0306,
        0x0103, 0x0061, 0x0306, 0x0106, 0x0043, 0x0301, 0x0107, 0x0063, 0x0301,
        0x0128, 0x0049, 0x0303, 0x0129, 0x0069, 0x0303, 0x0139, 0x004C, 0x0301,
        0x013A, 0x006C, 0x0301, 0x0143, 0x004E, 0x0301, 0x0144, 0x006E, 0x0301,
        0x0154, 0x0052, 0x0301, 0x0155, 0x0072, 0x0301, 0x015A, 0x0053, 0x0301,
        0x015B, 0x0073, 0x0301, 0x0168, 0x0055, 0x0303, 0x0169, 0x0075, 0x0303,
        0x0178, 0x0059, 0x0308, 0x0179, 0x005A, 0x0301, 0x017A, 0x007A, 0x0301,
        0x01A0, 0x004F, 0x031B, 0x01A1, 0x006F, 0x031B, 0x01AF, 0x0055, 0x031B,
        0x01B0, 0x0075, 0x031B, 0x01D7, 0x00DC, 0x0301, 0x01D8, 0x00FC, 0x0301,
        0x01DB, 0x00DC, 0x0300, 0x01DC, 0x00FC, 0x0300, 0x01F4, 0x0047, 0x0301,
        0x01F5, 0x0067, 0x0301, 0x01F8, 0x004E, 0x0300, 0x01F9, 0x006E, 0x0300,
        0x01FA, 0x00C5, 0x0301, 0x01FB, 0x00E5, 0x0301, 0x01FC, 0x00C6, 0x0301,
        0x01FD, 0x00E6, 0x0301, 0x01FE, 0x00D8, 0x0301, 0x01FF, 0x00F8, 0x0301,
        0x0385, 0x00A8, 0x0301, 0x1E04, 0x0042, 0x0323, 0x1E05, 0x0062, 0x0323,
        0x1E08, 0x00C7, 0x0301, 0x1E09, 0x00E7, 0x0301, 0x1E0C, 0x0044, 0x0323,
        0x1E0D, 0x0064, 0x0323, 0x1E24, 0x0048, 0x0323, 0x1E25, 0x0068, 0x0323,
        0x1E2E, 0x00CF, 0x0301, 0x1E2F, 0x00EF, 0x0301, 0x1E30, 0x004B, 0x0301,
        0x1E31, 0x006B, 0x0301, 0x1E32, 0x004B, 0x0323, 0x1E33, 0x006B, 0x0323,
        0x1E36, 0x004C, 0x0323, 0x1E37, 0x006C, 0x0323, 0x1E3E, 0x004D, 0x0301,
        0x1E3F, 0x006D, 0x0301, 0x1E42, 0x004D, 0x0323, 0x1E43, 0x006D, 0x0323,
        0x1E46, 0x004E, 0x0323, 0x1E47, 0x006E, 0x0323, 0x1E4C, 0x00D5, 0x0301,
        0x1E4D, 0x00F5, 0x0301, 0x1E54, 0x0050, 0x0301, 0x1E55, 0x0070, 0x0301,
        0x1E5A, 0x0052, 0x0323, 0x1E5B, 0x0072, 0x0323, 0x1E62, 0x0053, 0x0323,
        0x1E63, 0x0073, 0x0323, 0x1E6C, 0x0054, 0x0323, 0x1E6D, 0x0074, 0x0323,
        0x1E78, 0x0168, 0x0301, 0x1E79, 0x0169, 0x0301, 0x1E7C, 0x0056, 0x0303,
        0x1E7D, 0x0076, 0x0303, 0x1E7E, 0x0056, 0x0323, 0x1E7F, 0x0076, 0x0323,
        0x1E80, 0x0057, 0x0300, 0x1E81, 0x0077, 0x0300, 0x1E82, 0x0057, 0x0301,
        0x1E83, 0x0077, 0x0301, 0x1E88, 0x0057, 0x0323, 0x1E89, 0x0077, 0x0323,
        0x1E92, 0x005A, 0x0323, 0x1E93, 0x007A, 0x0323, 0x1EA0, 0x0041, 0x0323,
        0x1EA1, 0x0061, 0x0323, 0x1EA2, 0x0041, 0x0309, 0x1EA3, 0x0061, 0x0309,
        0x1EA4, 0x00C2, 0x0301, 0x1EA5, 0x00E2, 0x0301, 0x1EA6, 0x00C2, 0x0300,
        0x1EA7, 0x00E2, 0x0300, 0x1EA8, 0x00C2, 0x0309, 0x1EA9, 0x00E2, 0x0309,
        0x1EAA, 0x00C2, 0x0303, 0x1EAB, 0x00E2, 0x0303, 0x1EAC, 0x1EA0, 0x0302,
        0x1EAD, 0x1EA1, 0x0302, 0x1EAE, 0x0102, 0x0301, 0x1EAF, 0x0103, 0x0301,
        0x1EB0, 0x0102, 0x0300, 0x1EB1, 0x0103, 0x0300, 0x1EB2, 0x0102, 0x0309,
        0x1EB3, 0x0103, 0x0309, 0x1EB4, 0x0102, 0x0303, 0x1EB5, 0x0103, 0x0303,
        0x1EB6, 0x1EA0, 0x0306, 0x1EB7, 0x1EA1, 0x0306, 0x1EB8, 0x0045, 0x0323,
        0x1EB9, 0x0065, 0x0323, 0x1EBA, 0x0045, 0x0309, 0x1EBB, 0x0065, 0x0309,
        0x1EBC, 0x0045, 0x0303, 0x1EBD, 0x0065, 0x0303, 0x1EBE, 0x00CA, 0x0301,
        0x1EBF, 0x00EA, 0x0301, 0x1EC0, 0x00CA, 0x0300, 0x1EC1, 0x00EA, 0x0300,
        0x1EC2, 0x00CA, 0x0309, 0x1EC3, 0x00EA, 0x0309, 0x1EC4, 0x00CA, 0x0303,
        0x1EC5, 0x00EA, 0x0303, 0x1EC6, 0x1EB8, 0x0302, 0x1EC7, 0x1EB9, 0x0302,
        0x1EC8, 0x0049, 0x0309, 0x1EC9, 0x0069, 0x0309, 0x1ECA, 0x0049, 0x0323,
        0x1ECB, 0x0069, 0x0323, 0x1ECC, 0x004F, 0x0323, 0x1ECD, 0x006F, 0x0323,
        0x1ECE, 0x004F, 0x0309, 0x1ECF, 0x006F, 0x0309, 0x1ED0, 0x00D4, 0x0301,
        0x1ED1, 0x00F4, 0x0301, 0x1ED2, 0x00D4, 0x0300, 0x1ED3, 0x00F4, 0x0300,
        0x1ED4, 0x00D4, 0x0309, 0x1ED5, 0x00F4, 0x0309, 0x1ED6, 0x00D4, 0x0303,
        0x1ED7, 0x00F4, 0x0303, 0x1ED8, 0x1ECC, 0x0302, 0x1ED9, 0x1ECD, 0x0302,
        0x1EDA, 0x01A0, 0x0301, 0x1EDB, 0x01A1, 0x0301, 0x1EDC, 0x01A0, 0x0300,
        0x1EDD, 0x01A1, 0x0300, 0x1EDE, 0x01A0, 0x0309, 0x1EDF, 0x01A1, 0x0309,
        0x1EE0, 0x01A0, 0x0303, 0x1EE1, 0x01A1, 0x0303, 0x1EE2, 0x01A0, 0x0323,
        0x1EE3, 0x01A1, 0x0323, 0x1EE4, 0x0055, 0x0323, 0x1EE5, 0x0075, 0x0323,
        0x1EE6, 0x0055, 0x0309, 0x1EE7, 0x0075, 0x0309, 0x1EE8, 0x01AF, 0x0301,
        0x1EE9, 0x01B0, 0x0301, 0x1EEA, 0x01AF, 0x0300, 0x1EEB, 0x01B0, 0x0300,
        0x1EEC, 0x01AF, 0x0309, 0x1EED, 0x01B0, 0x0309, 0x1EEE, 0x01AF, 0x0303,
        0x1EEF, 0x01B0, 0x0303, 0x1EF0, 0x01AF, 0x0323, 0x1EF1, 0x01B0, 0x0323,
        0x1EF2, 0x0059, 0x0300, 0x1EF3, 0x0079, 0x0300, 0x1EF4, 0x0059, 0x0323,
        0x1EF5, 0x0079, 0x0323, 0x1EF6, 0x0059, 0x0309, 0x1EF7, 0x0079, 0x0309,
        0x1EF8, 0x0059, 0x0303, 0x1EF9, 0x0079, 0x0303, 0x1FED, 0x00A8, 0x0300,
    ]

    /// base << 16 | mark → composite.
    static let composeTable: [UInt32: UInt16] = {
        var table: [UInt32: UInt16] = [:]
        table.reserveCapacity(canonicalTriples.count / 3)
        for k in stride(from: 0, to: canonicalTriples.count, by: 3) {
            table[UInt32(canonicalTriples[k + 1]) << 16 | UInt32(canonicalTriples[k + 2])] = canonicalTriples[k]
        }
        return table
    }()

    /// composite → base << 16 | mark (one level; apply repeatedly for the full decomposition).
    static let decomposeTable: [UInt32: UInt32] = {
        var table: [UInt32: UInt32] = [:]
        table.reserveCapacity(canonicalTriples.count / 3)
        for k in stride(from: 0, to: canonicalTriples.count, by: 3) {
            table[UInt32(canonicalTriples[k])] = UInt32(canonicalTriples[k + 1]) << 16 | UInt32(canonicalTriples[k + 2])
        }
        return table
    }()

    struct Mark {
        var scalar: UInt32
        var offset: Int
    }

    /// The five combining tone marks are the only combining characters either table produces.
    @inline(__always)
    static func isToneMark(_ scalar: UInt32) -> Bool {
        scalar &- 0x0300 < 0x30
    }

    /// 0…4 for U+0300, U+0301, U+0303, U+0309, U+0323.
    @inline(__always)
    static func toneSlot(_ mark: UInt32) -> UInt8 {
        switch mark {
        case 0x0300: return 0
        case 0x0301: return 1
        case 0x0303: return 2
        case 0x0309: return 3
        default: return 4
        }
    }

    /// Canonical combining class of the marks that occur here (tone marks and the marks inside
    /// the decompositions of the tables' letters).
    @inline(__always)
    static func combiningClass(_ scalar: UInt32) -> UInt8 {
        switch scalar {
        case 0x0300...0x0314: return 230
        case 0x031B: return 216
        case 0x0323: return 220
        case 0x0327: return 202
        default: return 0
        }
    }

    /// Stable sort by combining class (Unicode canonical ordering), linear for long runs.
    static func canonicalOrder(_ marks: inout [Mark], scratch: inout [Mark]) {
        var ordered = true
        for k in marks.indices.dropFirst() where combiningClass(marks[k - 1].scalar) > combiningClass(marks[k].scalar) {
            ordered = false
            break
        }
        if ordered { return }
        scratch.removeAll(keepingCapacity: true)
        for ccc: UInt8 in [202, 216, 220, 230] {
            for mark in marks where combiningClass(mark.scalar) == ccc { scratch.append(mark) }
        }
        swap(&marks, &scratch)
    }

    /// Appends a BMP scalar (all these tables produce) as UTF-8, with its source offset per byte.
    @inline(__always)
    static func appendUTF8(_ scalar: UInt32, offset: Int, out: inout [UInt8], map: inout [Int]) {
        if scalar < 0x80 {
            out.append(UInt8(scalar))
            map.append(offset)
        } else if scalar < 0x800 {
            out.append(UInt8(0xC0 | scalar >> 6))
            out.append(UInt8(0x80 | scalar & 0x3F))
            map.append(offset)
            map.append(offset)
        } else {
            out.append(UInt8(0xE0 | scalar >> 12))
            out.append(UInt8(0x80 | (scalar >> 6) & 0x3F))
            out.append(UInt8(0x80 | scalar & 0x3F))
            map.append(offset)
            map.append(offset)
            map.append(offset)
        }
    }

    // MARK: - Guessing

    enum Kind: UInt8 {
        case other, letter, toneMark, undefined, control
    }

    /// What one byte is in one encoding, for the syllable check.
    struct ByteClass {
        var kind: Kind = .other
        /// Lowercase base letter: ASCII a–z, or one of the `Letter` codes.
        var letter: UInt8 = 0
        /// 0 none, else the tone (`Tone`) carried by the letter or added by the mark.
        var tone: UInt8 = 0
    }

    enum Letter {
        static let aBreve: UInt8 = 1, aCircumflex: UInt8 = 2, eCircumflex: UInt8 = 3
        static let oCircumflex: UInt8 = 4, oHorn: UInt8 = 5, uHorn: UInt8 = 6, dStroke: UInt8 = 7
        /// A letter Vietnamese does not use (ä, ß, ñ, ç, f, w …).
        static let foreign: UInt8 = 8
    }

    enum Tone {
        static let grave: UInt8 = 1, acute: UInt8 = 2, tilde: UInt8 = 3, hook: UInt8 = 4, dot: UInt8 = 5

        static func of(_ mark: UInt32) -> UInt8 {
            switch mark {
            case 0x0300: return grave
            case 0x0301: return acute
            case 0x0303: return tilde
            case 0x0309: return hook
            case 0x0323: return dot
            default: return 0
            }
        }
    }

    static let windows1258Classes: [ByteClass] = windows1258Table.map(classify)
    static let tcvn3Classes: [ByteClass] = tcvn3Table.map(classify)

    static func classify(_ value: UInt16) -> ByteClass {
        let scalar = UInt32(value)
        switch scalar {
        case 0xFFFD: return ByteClass(kind: .undefined)
        case 0x09, 0x0A, 0x0C, 0x0D, 0x1B: return ByteClass(kind: .other)
        case 0..<0x20, 0x7F: return ByteClass(kind: .control)
        case 0x0300...0x032F: return ByteClass(kind: .toneMark, tone: Tone.of(scalar))
        case 0x41...0x5A, 0x61...0x7A: return ByteClass(kind: .letter, letter: vietnameseLetter(UInt8(scalar | 0x20)))
        case 0x0110, 0x0111: return ByteClass(kind: .letter, letter: Letter.dStroke)
        default: break
        }
        if decomposeTable[scalar] != nil {
            var x = scalar
            var tone: UInt8 = 0
            var modifier: UInt32 = 0
            var foreign = false
            while let d = decomposeTable[x] {
                let mark = d & 0xFFFF
                x = d >> 16
                let t = Tone.of(mark)
                if t != 0 {
                    if tone != 0 { foreign = true }
                    tone = t
                } else if modifier == 0 && (mark == 0x0302 || mark == 0x0306 || mark == 0x031B) {
                    modifier = mark
                } else {
                    foreign = true
                }
            }
            var letter: UInt8 = Letter.foreign
            if !foreign, x < 0x80, (0x41...0x5A).contains(x) || (0x61...0x7A).contains(x) {
                let base = UInt8(x | 0x20)
                switch (base, modifier) {
                case (_, 0): letter = vietnameseLetter(base)
                case (UInt8(ascii: "a"), 0x0306): letter = Letter.aBreve
                case (UInt8(ascii: "a"), 0x0302): letter = Letter.aCircumflex
                case (UInt8(ascii: "e"), 0x0302): letter = Letter.eCircumflex
                case (UInt8(ascii: "o"), 0x0302): letter = Letter.oCircumflex
                case (UInt8(ascii: "o"), 0x031B): letter = Letter.oHorn
                case (UInt8(ascii: "u"), 0x031B): letter = Letter.uHorn
                default: letter = Letter.foreign
                }
                if tone != 0 && !isVowel(letter) { letter = Letter.foreign }
            }
            return ByteClass(kind: .letter, letter: letter, tone: letter == Letter.foreign ? 0 : tone)
        }
        if let s = Unicode.Scalar(scalar), s.properties.isAlphabetic {
            return ByteClass(kind: .letter, letter: Letter.foreign)
        }
        return ByteClass(kind: .other)
    }

    static func vietnameseLetter(_ lower: UInt8) -> UInt8 {
        switch lower {
        case UInt8(ascii: "f"), UInt8(ascii: "j"), UInt8(ascii: "w"), UInt8(ascii: "z"): return Letter.foreign
        default: return lower
        }
    }

    @inline(__always)
    static func isVowel(_ letter: UInt8) -> Bool {
        switch letter {
        case UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "i"), UInt8(ascii: "o"), UInt8(ascii: "u"),
             UInt8(ascii: "y"), Letter.aBreve, Letter.aCircumflex, Letter.eCircumflex, Letter.oCircumflex,
             Letter.oHorn, Letter.uHorn:
            return true
        default:
            return false
        }
    }

    struct Tally {
        var good = 0
        var bad = 0
        var controls = 0
    }

    static func tally(_ bytes: UnsafeBufferPointer<UInt8>, classes: [ByteClass]) -> Tally {
        var result = Tally()
        // The current word: letters (a syllable has at most 7), its tone, whether it is broken.
        var word: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0, 0, 0, 0, 0)
        var length = 0
        var tone: UInt8 = 0
        var tones = 0
        var hasHigh = false
        var broken = false

        func flush() {
            if length > 0 && hasHigh {
                if !broken && tones <= 1 && length <= 7 {
                    let letters = withUnsafeBytes(of: word) { Array($0.prefix(length)) }
                    if isSyllable(letters, tone: tone) { result.good += 1 } else { result.bad += 1 }
                } else {
                    result.bad += 1
                }
            }
            length = 0; tone = 0; tones = 0; hasHigh = false; broken = false
        }

        classes.withUnsafeBufferPointer { cls in
            let n = bytes.count
            for i in 0..<n {
                let b = bytes[i]
                let c = cls[Int(b)]
                switch c.kind {
                case .letter:
                    if b >= 0x80 { hasHigh = true }
                    if c.letter == Letter.foreign { broken = true }
                    if length < 8 {
                        withUnsafeMutableBytes(of: &word) { $0[length] = c.letter }
                    }
                    length += 1
                    if c.tone != 0 { tone = c.tone; tones += 1 }
                case .toneMark:
                    if length == 0 {
                        result.bad += 1
                        continue
                    }
                    hasHigh = true
                    let last = length <= 8 ? withUnsafeBytes(of: word) { $0[length - 1] } : 0
                    if !isVowel(last) { broken = true }
                    tone = c.tone
                    tones += 1
                case .undefined:
                    flush()
                    result.bad += 2
                case .control:
                    flush()
                    result.controls += 1
                case .other:
                    let afterLetter = length > 0
                    flush()
                    if b >= 0x80 && (afterLetter || (i + 1 < n && cls[Int(bytes[i + 1])].kind == .letter)) {
                        result.bad += 1
                    }
                }
            }
        }
        flush()
        return result
    }

    /// Vietnamese syllable structure (see `guessEncoding`). `letters` are lowercase letter codes.
    static func isSyllable(_ letters: [UInt8], tone: UInt8) -> Bool {
        let n = letters.count
        var p = 0
        while p < n && !isVowel(letters[p]) { p += 1 }
        guard isInitial(letters[0..<p]) else { return false }
        if p == 1 && letters[0] == UInt8(ascii: "q") {
            // "qu" + vowel: the u belongs to the initial.
            guard p + 1 < n, letters[p] == UInt8(ascii: "u"), isVowel(letters[p + 1]) else { return false }
            p += 1
        }
        let nucleusStart = p
        while p < n && isVowel(letters[p]) { p += 1 }
        let nucleus = p - nucleusStart
        guard nucleus >= 1 && nucleus <= 3 else { return false }
        let final = letters[p..<n]
        guard isFinal(final) else { return false }
        if let first = final.first, first == UInt8(ascii: "c") || first == UInt8(ascii: "p") || first == UInt8(ascii: "t") {
            // Syllables closed by a stop (c, ch, p, t) carry only the sắc or nặng tone.
            return tone == Tone.acute || tone == Tone.dot
        }
        return true
    }

    static func isInitial(_ s: ArraySlice<UInt8>) -> Bool {
        switch s.count {
        case 0: return true
        case 1:
            switch s.first! {
            case UInt8(ascii: "b"), UInt8(ascii: "c"), UInt8(ascii: "d"), Letter.dStroke, UInt8(ascii: "g"),
                 UInt8(ascii: "h"), UInt8(ascii: "k"), UInt8(ascii: "l"), UInt8(ascii: "m"), UInt8(ascii: "n"),
                 UInt8(ascii: "p"), UInt8(ascii: "q"), UInt8(ascii: "r"), UInt8(ascii: "s"), UInt8(ascii: "t"),
                 UInt8(ascii: "v"), UInt8(ascii: "x"):
                return true
            default:
                return false
            }
        case 2:
            let a = s[s.startIndex], b = s[s.startIndex + 1]
            if b == UInt8(ascii: "h") {
                switch a {
                case UInt8(ascii: "c"), UInt8(ascii: "g"), UInt8(ascii: "k"), UInt8(ascii: "n"), UInt8(ascii: "p"),
                     UInt8(ascii: "t"):
                    return true
                default:
                    return false
                }
            }
            return (a == UInt8(ascii: "n") && b == UInt8(ascii: "g")) || (a == UInt8(ascii: "t") && b == UInt8(ascii: "r"))
        case 3:
            return s.elementsEqual([UInt8(ascii: "n"), UInt8(ascii: "g"), UInt8(ascii: "h")])
        default:
            return false
        }
    }

    static func isFinal(_ s: ArraySlice<UInt8>) -> Bool {
        switch s.count {
        case 0: return true
        case 1:
            switch s.first! {
            case UInt8(ascii: "c"), UInt8(ascii: "m"), UInt8(ascii: "n"), UInt8(ascii: "p"), UInt8(ascii: "t"):
                return true
            default:
                return false
            }
        case 2:
            let a = s[s.startIndex], b = s[s.startIndex + 1]
            return (a == UInt8(ascii: "c") || a == UInt8(ascii: "n")) && b == UInt8(ascii: "h")
                || (a == UInt8(ascii: "n") && b == UInt8(ascii: "g"))
        default:
            return false
        }
    }
}
