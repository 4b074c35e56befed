/// One member as the central directory describes it. Sizes and offsets come from a hostile
/// file: readers check them against the file and never size a buffer from them alone.
public struct ZipEntry: Sendable, Hashable {
    /// The member path for reports: UTF-8 (or CP437 for old archives), control characters
    /// replaced by U+FFFD so a name cannot drive a terminal. `../x` and `/x` stay as written:
    /// nothing is ever extracted, so a name is only a name.
    public var name: String
    /// The name bytes exactly as stored.
    public var rawName: [UInt8]
    public var method: UInt16
    public var flags: UInt16
    public var crc32: UInt32
    public var compressedSize: Int
    public var uncompressedSize: Int
    /// Offset of the local header from the start of the file (any prepended data included).
    public var localHeaderOffset: Int
    public var isDirectory: Bool
    /// The member's own comment in the central directory.
    public var comment: String
    /// Index in the central directory.
    public var index: Int
    /// Why the member cannot be read although the directory lists it (overlapping data, a
    /// broken ZIP64 field, cut off by truncation); nil for a sound entry.
    public internal(set) var defect: ScanError? = nil

    /// General-purpose flag bit 0, or the WinZip AES method (99).
    public var isEncrypted: Bool { flags & 0x0001 != 0 || method == 99 }
    /// Bit 3: sizes and CRC follow the data (the central directory still has them).
    public var hasDataDescriptor: Bool { flags & 0x0008 != 0 }

    public static let stored: UInt16 = 0
    public static let deflated: UInt16 = 8
}

/// How ZIP member names become strings.
enum ZipNameDecoder {
    /// Bit 11 says UTF-8. Without it the name is CP437 by the specification, but many tools
    /// write UTF-8 without setting the bit, so valid UTF-8 that is not plain ASCII reads as
    /// UTF-8 too (CP437 names are almost never valid UTF-8 by accident).
    static func decode(_ raw: ArraySlice<UInt8>, utf8Flag: Bool) -> String {
        let text: String
        if let s = String(validating: raw, as: UTF8.self) {
            text = s
        } else if utf8Flag {
            text = String(decoding: raw, as: UTF8.self)
        } else {
            text = cp437(raw)
        }
        return sanitized(text)
    }

    /// Control characters (C0, DEL, C1) become U+FFFD: reports print names to terminals.
    static func sanitized(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: isControl) else { return s }
        var scalars = String.UnicodeScalarView()
        for c in s.unicodeScalars { scalars.append(isControl(c) ? "\u{FFFD}" : c) }
        return String(scalars)
    }

    private static func isControl(_ c: Unicode.Scalar) -> Bool {
        c.value < 0x20 || (c.value >= 0x7F && c.value < 0xA0)
    }

    static func cp437(_ raw: ArraySlice<UInt8>) -> String {
        var scalars = String.UnicodeScalarView()
        for b in raw {
            if b < 0x80 {
                scalars.append(Unicode.Scalar(b))
            } else {
                scalars.append(Unicode.Scalar(cp437High[Int(b) - 0x80]) ?? "\u{FFFD}")
            }
        }
        return String(scalars)
    }

    /// Code page 437, bytes 0x80–0xFF.
    static let cp437High: [UInt32] = [
        0x00C7, 0x00FC, 0x00E9, 0x00E2, 0x00E4, 0x00E0, 0x00E5, 0x00E7, 0x00EA, 0x00EB, 0x00E8, 0x00EF, 0x00EE, 0x00EC, 0x00C4, 0x00C5,
        0x00C9, 0x00E6, 0x00C6, 0x00F4, 0x00F6, 0x00F2, 0x00FB, 0x00F9, 0x00FF, 0x00D6, 0x00DC, 0x00A2, 0x00A3, 0x00A5, 0x20A7, 0x0192,
        0x00E1, 0x00ED, 0x00F3, 0x00FA, 0x00F1, 0x00D1, 0x00AA, 0x00BA, 0x00BF, 0x2310, 0x00AC, 0x00BD, 0x00BC, 0x00A1, 0x00AB, 0x00BB,
        0x2591, 0x2592, 0x2593, 0x2502, 0x2524, 0x2561, 0x2562, 0x2556, 0x2555, 0x2563, 0x2551, 0x2557, 0x255D, 0x255C, 0x255B, 0x2510,
        0x2514, 0x2534, 0x252C, 0x251C, 0x2500, 0x253C, 0x255E, 0x255F, 0x255A, 0x2554, 0x2569, 0x2566, 0x2560, 0x2550, 0x256C, 0x2567,
        0x2568, 0x2564, 0x2565, 0x2559, 0x2558, 0x2552, 0x2553, 0x256B, 0x256A, 0x2518, 0x250C, 0x2588, 0x2584, 0x258C, 0x2590, 0x2580,
        0x03B1, 0x00DF, 0x0393, 0x03C0, 0x03A3, 0x03C3, 0x00B5, 0x03C4, 0x03A6, 0x0398, 0x03A9, 0x03B4, 0x221E, 0x03C6, 0x03B5, 0x2229,
        0x2261, 0x00B1, 0x2265, 0x2264, 0x2320, 0x2321, 0x00F7, 0x2248, 0x00B0, 0x2219, 0x00B7, 0x221A, 0x207F, 0x00B2, 0x25A0, 0x00A0,
    ]
}
