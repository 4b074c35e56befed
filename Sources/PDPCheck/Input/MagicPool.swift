import CMagic
import Synchronization

/// libmagic cookies for the formats we have no signature for. A `magic_t` must never be used
/// by two threads at once, so each call checks one out of this pool and returns it after.
/// Cookies are created serially under the lock (concurrent creation has corrupted heaps
/// elsewhere) and live as long as the pool.
final class MagicPool: Sendable {
    private struct Cookie: @unchecked Sendable { let raw: OpaquePointer }
    private let idle = Mutex<[Cookie]>([])
    private let failed = Mutex(false)

    init() {}

    deinit {
        idle.withLock { cookies in
            for cookie in cookies { magic_close(cookie.raw) }
            cookies.removeAll()
        }
    }

    /// The MIME type libmagic gives for `bytes`, or nil when libmagic is unusable.
    func mimeType(of bytes: [UInt8]) -> String? {
        guard let cookie = checkOut() else { return nil }
        defer { idle.withLock { $0.append(cookie) } }
        let result: UnsafePointer<CChar>? = bytes.withUnsafeBytes { raw in
            magic_buffer(cookie.raw, raw.baseAddress, raw.count)
        }
        guard let result else { return nil }
        let full = String(cString: result)
        // "text/plain; charset=utf-8" → "text/plain"
        return full.split(separator: ";").first.map { $0.trimmingCharacters(in: " ") }
    }

    private func checkOut() -> Cookie? {
        if let cookie = idle.withLock({ $0.popLast() }) { return cookie }
        if failed.withLock({ $0 }) { return nil }
        return idle.withLock { _ -> Cookie? in
            guard let raw = magic_open(Int32(MAGIC_MIME_TYPE | MAGIC_ERROR)) else { return nil }
            guard magic_load(raw, nil) == 0 else {
                magic_close(raw)
                failed.withLock { $0 = true }
                return nil
            }
            return Cookie(raw: raw)
        }
    }
}

extension Substring {
    func trimmingCharacters(in set: Character) -> String {
        String(drop(while: { $0 == set }).reversed().drop(while: { $0 == set }).reversed())
    }
}
