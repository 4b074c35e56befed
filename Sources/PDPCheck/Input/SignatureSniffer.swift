/// Decides formats from their first bytes: cheap, exact, and no libmagic call for the
/// formats we read ourselves.
enum SignatureSniffer {
    static func sniff(_ head: [UInt8]) -> SniffResult? {
        func has(_ sig: [UInt8], at offset: Int = 0) -> Bool {
            guard head.count >= offset + sig.count else { return false }
            for i in 0..<sig.count where head[offset + i] != sig[i] { return false }
            return true
        }
        if has([0xFF, 0xD8, 0xFF]) { return SniffResult(mediaType: "image/jpeg", format: .jpeg) }
        if has([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return SniffResult(mediaType: "image/png", format: .png) }
        if has(Array("GIF87a".utf8)) || has(Array("GIF89a".utf8)) { return SniffResult(mediaType: "image/gif", format: .gif) }
        if has(Array("RIFF".utf8)) && has(Array("WEBP".utf8), at: 8) { return SniffResult(mediaType: "image/webp", format: .webp) }
        if has([0x49, 0x49, 0x2A, 0x00]) || has([0x4D, 0x4D, 0x00, 0x2A]) { return SniffResult(mediaType: "image/tiff", format: .tiff) }
        if has([0xFF, 0x0A]) || has([0x00, 0x00, 0x00, 0x0C, 0x4A, 0x58, 0x4C, 0x20]) {
            return SniffResult(mediaType: "image/jxl", format: .jpegXL)
        }
        if has(Array("ftyp".utf8), at: 4) { return isobmff(head) }
        if has(Array("%PDF-".utf8)) { return SniffResult(mediaType: "application/pdf", format: .pdf) }
        if has([0x50, 0x4B, 0x03, 0x04]) || has([0x50, 0x4B, 0x05, 0x06]) {
            return SniffResult(mediaType: "application/zip", format: .zip)
        }
        return nil
    }

    /// ISOBMFF brands: HEIF/AVIF stills versus MP4/MOV/3GP movies.
    static func isobmff(_ head: [UInt8]) -> SniffResult {
        guard head.count >= 12 else { return SniffResult(mediaType: "video/mp4", format: .isobmffVideo) }
        let major = String(decoding: head[8..<12], as: UTF8.self)
        var brands = [major]
        let boxSize = Int(head[0]) << 24 | Int(head[1]) << 16 | Int(head[2]) << 8 | Int(head[3])
        var offset = 16
        while offset + 4 <= min(boxSize, head.count) {
            brands.append(String(decoding: head[offset..<offset + 4], as: UTF8.self))
            offset += 4
        }
        if brands.contains(where: { ["avif", "avis"].contains($0) }) {
            return SniffResult(mediaType: "image/avif", format: .heif)
        }
        if brands.contains(where: { ["heic", "heix", "heim", "heis", "mif1", "msf1", "hevc", "hevx"].contains($0) }) {
            return SniffResult(mediaType: "image/heic", format: .heif)
        }
        if major == "qt  " { return SniffResult(mediaType: "video/quicktime", format: .isobmffVideo) }
        if major.hasPrefix("3gp") || major.hasPrefix("3g2") { return SniffResult(mediaType: "video/3gpp", format: .isobmffVideo) }
        return SniffResult(mediaType: "video/mp4", format: .isobmffVideo)
    }
}
