/// Writes a cleaned copy of a photo or video, losslessly: the image data is copied byte for
/// byte (and proved so by the payload hashes), orientation and colour profile are kept, and the
/// metadata the mode removes is gone. Formats whose offsets point across the file (HEIF, MP4,
/// MOV, 3GP; TIFF) and JPEG XL containers are cleaned in place: same size, values zeroed, boxes
/// turned into `free`, no offset table rewritten. JPEG, PNG, WebP and GIF are rewritten
/// segment by segment.
///
/// The input is never modified; writing the result is the caller's job (atomically, through
/// `AtomicFileWriter`), and so is verifying it (`MediaCleanVerifier`).
public enum MediaMetadataCleaner {
    /// Images inside images (an MPF image of a trailer JPEG…) are cleaned down to this depth.
    static let maxDepth = 3

    public static func handles(_ format: InputFormat) -> Bool {
        switch format {
        case .jpeg, .png, .webp, .gif, .tiff, .heif, .isobmffVideo, .jpegXL: return true
        default: return false
        }
    }

    public static func clean(_ bytes: [UInt8], mode: StripMode) throws(ScanError) -> MediaCleanResult {
        try clean(bytes, options: MediaCleanOptions(mode: mode))
    }

    /// - Parameter format: the sniffed format; sniffed from the bytes when nil.
    public static func clean(_ bytes: [UInt8], options: MediaCleanOptions = MediaCleanOptions(),
                             format: InputFormat? = nil) throws(ScanError) -> MediaCleanResult {
        guard let format = format ?? sniff(bytes) else {
            throw ScanError(code: "unsupported-format", message: "not a photo or video format the cleaner writes")
        }
        guard handles(format) else {
            throw ScanError(code: "unsupported-format", message: "cleaning \(format) files is not supported")
        }
        var log = CleanLog()
        let plan = MediaStripPlan.make(for: bytes, format: format, options: options)
        let cleaned = try body(bytes, format: format, plan: plan, options: options, depth: 0, log: &log)
        let output = log.isEmpty ? bytes : cleaned
        // The payload is hashed once; the copy's payload is proved equal byte for byte (equal
        // bytes, equal hash), which is both stronger and cheaper than hashing it again.
        let ranges = try MediaPayload.ranges(bytes, format: format)
        let before = MediaPayload.hash(bytes, ranges: ranges)
        let zeroed = output == bytes ? [] : log.zeroed
        if output != bytes {
            guard MediaPayload.same(bytes, ranges, output, try outputRanges(output, format: format, zeroed: zeroed)) else {
                throw ScanError(code: "fix-failed", message: "cleaning would change the image data; no copy written")
            }
        }
        let after = before
        var result = MediaCleanResult(format: format, mode: options.mode, bytes: output, removed: log.removed,
                                      needsPerson: plan.needsPerson + log.needsPerson, notes: log.notes,
                                      payloadHashBefore: before, payloadHashAfter: after)
        result.zeroedRanges = zeroed
        return result
    }

    /// The payload ranges of a cleaned copy. A movie whose GPS track was removed has that
    /// track's samples zeroed and no longer indexed: the input's payload left them out as
    /// metadata, so the copy's leaves out the same bytes.
    static func outputRanges(_ output: [UInt8], format: InputFormat, zeroed: [Range<Int>]) throws(ScanError) -> [Range<Int>] {
        let ranges = try MediaPayload.ranges(output, format: format)
        return zeroed.isEmpty ? ranges : ByteRanges.subtract(zeroed, from: ranges)
    }

    static func sniff(_ bytes: [UInt8]) -> InputFormat? {
        guard let format = SignatureSniffer.sniff(Array(bytes.prefix(4096)))?.format, handles(format) else { return nil }
        return format
    }

    static func body(_ bytes: [UInt8], format: InputFormat, plan: MediaStripPlan, options: MediaCleanOptions,
                     depth: Int, log: inout CleanLog) throws(ScanError) -> [UInt8] {
        switch format {
        case .jpeg: return try JPEGMetadataWriter.clean(bytes, plan: plan, options: options, depth: depth, log: &log)
        case .png: return try PNGMetadataWriter.clean(bytes, plan: plan, log: &log)
        case .webp: return try WebPMetadataWriter.clean(bytes, plan: plan, log: &log)
        case .gif: return try GIFMetadataWriter.clean(bytes, plan: plan, log: &log)
        case .tiff: return try TIFFMetadataNeutralizer.clean(bytes, plan: plan, log: &log)
        case .heif, .isobmffVideo: return try ISOBMFFMetadataNeutralizer.clean(bytes, plan: plan, log: &log)
        case .jpegXL: return try JPEGXLMetadataNeutralizer.clean(bytes, plan: plan, log: &log)
        default: throw ScanError(code: "unsupported-format", message: "cleaning \(format) files is not supported")
        }
    }

    /// An image or video inside another file, cleaned with its own plan; its removals are
    /// logged under `label`. What cannot be cleaned is returned as it was, with a note.
    static func cleanEmbedded(_ bytes: [UInt8], label: String, options: MediaCleanOptions, depth: Int,
                              log: inout CleanLog) throws(ScanError) -> [UInt8] {
        guard depth <= maxDepth, let format = sniff(bytes) else {
            log.note("\(label) was kept as it is (too deep, or not a format the cleaner writes)")
            return bytes
        }
        var inner = CleanLog()
        let plan = MediaStripPlan.make(for: bytes, format: format, options: options)
        let cleaned: [UInt8]
        do {
            cleaned = try body(bytes, format: format, plan: plan, options: options, depth: depth, log: &inner)
        } catch {
            log.note("\(label) could not be cleaned (\(error.message)) and was kept as it is")
            return bytes
        }
        for text in plan.needsPerson { log.needPerson(label + ": " + text) }
        guard !inner.isEmpty else { return bytes }
        guard MediaPayload.same(bytes, try MediaPayload.ranges(bytes, format: format),
                                cleaned, try outputRanges(cleaned, format: format, zeroed: inner.zeroed)) else {
            throw ScanError(code: "fix-failed", message: "cleaning \(label) would change its image data; no copy written")
        }
        log.merge(inner, prefix: label)
        return cleaned
    }
}
