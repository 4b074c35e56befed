/// Every BMP scalar's folded keyword symbol, computed once from VietnameseFolding so the
/// keyword scan turns a UTF-8 character into a symbol with one table load instead of a
/// decode-and-switch. 64 KB, shared by every scan.
enum FoldedSymbolTable {
    /// a–z → 0…25, 0–9 → 26…35.
    static let breakSymbol: UInt8 = 36
    /// A combining mark: belongs to the previous letter and is skipped.
    static let mark: UInt8 = 254

    static let bmp: [UInt8] = {
        var table = [UInt8](repeating: breakSymbol, count: 0x10000)
        for v in 0..<UInt32(0x10000) {
            switch VietnameseFolding.fold(v) {
            case .letter(let c): table[Int(v)] = symbol(ofFolded: c)
            case .mark: table[Int(v)] = mark
            case .other: table[Int(v)] = breakSymbol
            }
        }
        return table
    }()

    /// Folded ASCII letter or digit → symbol; anything else (the "?" of unspellable letters) breaks.
    static func symbol(ofFolded c: UInt8) -> UInt8 {
        switch c {
        case UInt8(ascii: "a")...UInt8(ascii: "z"): return c - UInt8(ascii: "a")
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return 26 + c - UInt8(ascii: "0")
        default: return breakSymbol
        }
    }
}
