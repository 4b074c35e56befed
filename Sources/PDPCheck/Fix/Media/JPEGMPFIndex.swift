/// The MP Index of a JPEG's APP2 MPF segment: where each image is (relative to the MPF TIFF
/// header), and where in the segment its size and offset fields are, so that a writer that
/// moves the images can rewrite them in place.
struct JPEGMPFIndex {
    struct Image {
        /// Size and offset as stated (offset relative to the MPF TIFF header; 0 for the first).
        var size: Int
        var offset: Int
        /// Where the size field sits in the segment payload (the offset field follows it).
        var sizeField: Int
    }

    var bigEndian: Bool
    var images: [Image]

    static let signature: [UInt8] = [0x4D, 0x50, 0x46, 0x00]  // "MPF\0"

    /// Parses an APP2 payload (starting with "MPF\0"); nil when it is not a readable index.
    static func parse(_ payload: [UInt8]) -> JPEGMPFIndex? {
        guard BinaryCursor.hasPrefix(payload, signature), payload.count >= 12 else { return nil }
        let t = 4  // TIFF header
        guard ExifPayload.isTIFFHeader(payload, at: t) else { return nil }
        let be = payload[t] == 0x4D
        guard let ifd = BinaryCursor.u32(payload, checkedAt: t + 4, bigEndian: be).map(Int.init),
              ifd <= payload.count, let count = BinaryCursor.u16(payload, checkedAt: t + ifd, bigEndian: be) else { return nil }
        for i in 0..<min(Int(count), 64) {
            let e = t + ifd + 2 + 12 * i
            guard let tag = BinaryCursor.u16(payload, checkedAt: e, bigEndian: be),
                  let entryCount = BinaryCursor.u32(payload, checkedAt: e + 4, bigEndian: be).map(Int.init),
                  let valueOffset = BinaryCursor.u32(payload, checkedAt: e + 8, bigEndian: be).map(Int.init) else { return nil }
            guard tag == 0xB002 else { continue }
            let table = entryCount <= 4 ? e + 8 : t + valueOffset
            var images: [Image] = []
            for k in 0..<min(entryCount / 16, 64) {
                let at = table + 16 * k
                guard let size = BinaryCursor.u32(payload, checkedAt: at + 4, bigEndian: be).map(Int.init),
                      let offset = BinaryCursor.u32(payload, checkedAt: at + 8, bigEndian: be).map(Int.init) else { return nil }
                images.append(Image(size: size, offset: offset, sizeField: at + 4))
            }
            return JPEGMPFIndex(bigEndian: be, images: images)
        }
        return nil
    }

    /// Writes new sizes and offsets into a copy of the payload.
    func patched(_ payload: [UInt8], sizes: [Int], offsets: [Int]) -> [UInt8] {
        var out = payload
        let w = TIFFByteWriter(bigEndian: bigEndian)
        for (k, image) in images.enumerated() where k < sizes.count && image.sizeField + 8 <= out.count {
            out.replaceSubrange(image.sizeField..<(image.sizeField + 4), with: w.bytes32(sizes[k]))
            out.replaceSubrange((image.sizeField + 4)..<(image.sizeField + 8), with: w.bytes32(offsets[k]))
        }
        return out
    }
}
