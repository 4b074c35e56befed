/// A run of digits as people write numbers in posts: groups of digits joined by single
/// separators (`0905.123.456`, `(+84) 905 123 456`, `028 3823 4567`). One shared pass finds
/// every run; each number detector then reads the digits and group edges it needs.
///
/// Digits are folded from the ways posts write them to dodge filters (`folding` says which):
/// full-width `０９０５`, keycap emoji `0️⃣9️⃣`, spelled words "không chín không năm…"
/// (a spelled run is one group), and `O`/`o` for 0 and `l`/`I` for 1 next to real digits.
/// Letter-digits are kept only when the run then reads as a phone number (the scanner checks
/// `PhoneNumberDetector.hasPhoneReading`); otherwise the run is read as before, the letters
/// ending it. So other detectors never see a letter-digit unless it makes a phone number, and
/// can require real digits with `folding.isEmpty` or `isFolded(_:)`.
public struct NumberRun: Sendable {
    /// How some digits of a run were written.
    public struct Folding: OptionSet, Sendable, Hashable {
        public let rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }
        /// `０`–`９` (U+FF10–FF19).
        public static let fullWidth = Folding(rawValue: 1)
        /// `0️⃣` (digit, optional U+FE0F, U+20E3).
        public static let keycap = Folding(rawValue: 2)
        /// `O`/`o` for 0, `l`/`I` for 1, inside a run of real digits.
        public static let letters = Folding(rawValue: 4)
        /// Vietnamese digit words ("không chín không năm…"); the run is one group.
        public static let spelled = Folding(rawValue: 8)
    }

    /// Byte offset where the run begins: its first digit, or a leading `+` or `(`.
    public internal(set) var start = 0
    /// Byte offset just after the last digit.
    public internal(set) var end = 0
    /// Digit values 0…9.
    public internal(set) var digits: [UInt8] = []
    /// Source byte range of each digit.
    public internal(set) var digitStart: [Int] = []
    public internal(set) var digitEnd: [Int] = []
    /// Index into `digits` where each group begins (the first is 0).
    public internal(set) var groupStart: [Int] = []
    /// The separator before each group (`0` before the first): a space, `.`, `-`, `)`, or
    /// `NumberRun.spacedPunctuation` for ` - ` / ` . `.
    public internal(set) var separator: [UInt8] = []
    /// The run began with `+` or `(+`.
    public internal(set) var hasPlus = false
    /// The run began with `(` that closed right after the first group: `(028) 3823 4567`.
    public internal(set) var parenthesizedFirstGroup = false
    /// Byte offset of a leading `(` or `+`, when there is one.
    var leadPosition: Int? = nil
    /// A letter or digit touches the run's start (`DH12345678`) or end (`0905123456abc`).
    public internal(set) var gluedBefore = false
    public internal(set) var gluedAfter = false
    /// Which folded forms occur in the run (empty: every digit is one ASCII digit).
    public internal(set) var folding: Folding = []
    /// Indices into `digits` of letter-digits (`O`, `o`, `l`, `I`), ascending.
    public internal(set) var letterDigits: [Int] = []

    public var groupCount: Int { groupStart.count }

    /// The separator recorded for ` - ` and ` . `: punctuation with spaces around it.
    public static let spacedPunctuation = UInt8(ascii: "|")

    /// Spaces, ` - ` and a closing parenthesis set numbers apart; a bare `.` or `-` ties the
    /// digits on both sides into one figure (`1.250.000`, `0905-123-456`).
    @inline(__always) public static func isLoose(_ separator: UInt8) -> Bool {
        separator == 0x20 || separator == spacedPunctuation || separator == UInt8(ascii: ")")
    }

    /// Digit index one past the end of group `g`.
    @inline(__always) public func groupEnd(_ g: Int) -> Int {
        g + 1 < groupStart.count ? groupStart[g + 1] : digits.count
    }

    mutating func reset(at position: Int) {
        resetScalars(at: position)
        digits.removeAll(keepingCapacity: true)
        digitStart.removeAll(keepingCapacity: true)
        digitEnd.removeAll(keepingCapacity: true)
        groupStart.removeAll(keepingCapacity: true)
        separator.removeAll(keepingCapacity: true)
    }

    /// Resets everything but the digit and group arrays (the scanner replaces those in bulk).
    mutating func resetScalars(at position: Int) {
        start = position
        end = position
        hasPlus = false
        parenthesizedFirstGroup = false
        leadPosition = nil
        gluedBefore = false
        gluedAfter = false
        folding = []
        if !letterDigits.isEmpty { letterDigits.removeAll(keepingCapacity: true) }
    }

    /// Whether digit `i` was written as something other than one ASCII digit.
    public func isFolded(_ i: Int) -> Bool {
        guard !folding.isEmpty, i >= 0, i < digits.count else { return false }
        return digitEnd[i] - digitStart[i] != 1 || letterDigits.contains(i)
    }

    /// Whether any of the digits `from..<to` is folded.
    public func hasFoldedDigit(_ from: Int, _ to: Int) -> Bool {
        guard !folding.isEmpty else { return false }
        var i = max(0, from)
        while i < min(to, digits.count) {
            if isFolded(i) { return true }
            i += 1
        }
        return false
    }

    /// Digits `from..<to` as an integer (at most 18 digits).
    public func value(_ from: Int, _ to: Int) -> Int {
        var v = 0
        for i in from..<to { v = v * 10 + Int(digits[i]) }
        return v
    }

    /// Whether digits starting at `index` spell `prefix`.
    public func digits(at index: Int, startWith prefix: [UInt8]) -> Bool {
        guard index + prefix.count <= digits.count else { return false }
        for k in 0..<prefix.count where digits[index + k] != prefix[k] { return false }
        return true
    }

    /// Where a match that begins at group `g` begins in the text: a leading `+` or a
    /// balanced `(` belongs to the number; an unbalanced one does not.
    public func matchStart(group g: Int) -> Int {
        if g == 0 && (hasPlus || parenthesizedFirstGroup), let lead = leadPosition { return lead }
        return digitStart[groupStart[g]]
    }

    /// Byte offset just after the digits of group `g`.
    public func matchEnd(group g: Int) -> Int { digitEnd[groupEnd(g) - 1] }

    /// Whether the text continues past group `g` with a separator joining another group:
    /// the match would then be a slice of a longer number.
    public func continues(after g: Int) -> Bool { g + 1 < groupCount }
}
