#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Whether a span sits inside a URL or an e-mail address: digits there are part of an
/// address (a product id, a profile id, a mailbox name), not a number written for people.
/// Also the byte search the anchored scanners (e-mail, map links, coordinates) share.
enum LinkContext {
    /// The first `byte` at or after `from` (memchr: vectorised, so an anchor that is rare in
    /// prose costs far less than a byte loop).
    @inline(__always) static func find(_ byte: UInt8, in text: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        guard from >= 0, from < text.count, let base = text.baseAddress else { return nil }
        guard let hit = memchr(base + from, Int32(byte), text.count - from) else { return nil }
        return UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
    }

    static func isInsideLinkOrEmail(_ start: Int, _ end: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        // The whitespace-delimited token around the span, bounded so a huge token costs little.
        var lo = start
        while lo > 0 && start - lo < 256 && !isSpace(text[lo - 1]) { lo -= 1 }
        var hi = end
        while hi < text.count && hi - end < 256 && !isSpace(text[hi]) { hi += 1 }
        // Adjacent '@' or '/' means the number is a mailbox or a path segment.
        if end < text.count && text[end] == UInt8(ascii: "@") { return true }
        // zalo.me/0905123456 is the phone number itself, written as a chat link.
        if endsWithMessengerLink(text, lo, start) { return false }
        if start > 0 && (text[start - 1] == UInt8(ascii: "@") || text[start - 1] == UInt8(ascii: "/")
                         || text[start - 1] == UInt8(ascii: "=")) {
            return looksLikeLink(text, lo, hi)
        }
        if end < text.count && (text[end] == UInt8(ascii: "/") || text[end] == UInt8(ascii: "?")) {
            return looksLikeLink(text, lo, hi)
        }
        if endsWithMessengerLink(text, lo, start) { return false }
        return looksLikeLink(text, lo, start) || (end < hi && text[end] == UInt8(ascii: "-") && looksLikeLink(text, lo, hi))
    }

    /// Built once: this is asked for every digit run that follows a `/`.
    private static let messengerLinkSuffix = Array("zalo.me/".utf8)

    static func endsWithMessengerLink(_ text: UnsafeBufferPointer<UInt8>, _ lo: Int, _ start: Int) -> Bool {
        let suffix = messengerLinkSuffix
        guard start - lo >= suffix.count else { return false }
        for k in 0..<suffix.count where (text[start - suffix.count + k] | 0x20) != suffix[k] { return false }
        return true
    }

    @inline(__always) static func isSpace(_ b: UInt8) -> Bool {
        b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09
    }

    /// `://`, `www.`, or a dotted host followed by a slash.
    static func looksLikeLink(_ text: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int) -> Bool {
        guard hi - lo >= 4 else { return false }
        var sawDot = false
        var i = lo
        while i < hi {
            let b = text[i]
            if b == UInt8(ascii: ":") && i + 2 < hi && text[i + 1] == UInt8(ascii: "/") && text[i + 2] == UInt8(ascii: "/") {
                return true
            }
            if (b | 0x20) == UInt8(ascii: "w") && i + 3 < hi && (text[i + 1] | 0x20) == UInt8(ascii: "w")
                && (text[i + 2] | 0x20) == UInt8(ascii: "w") && text[i + 3] == UInt8(ascii: ".") {
                return true
            }
            if b == UInt8(ascii: ".") && i + 1 < hi && UTF8Classes.isASCIILetter(text[i + 1]) { sawDot = true }
            if b == UInt8(ascii: "/") && sawDot { return true }
            if b == UInt8(ascii: "@") && sawDot == false && i + 1 < hi && UTF8Classes.isASCIIAlnum(text[i + 1]) {
                // mailbox@host: the token is an e-mail address.
                var j = i + 1
                while j < hi {
                    if text[j] == UInt8(ascii: ".") { return true }
                    j += 1
                }
            }
            i += 1
        }
        return false
    }
}
