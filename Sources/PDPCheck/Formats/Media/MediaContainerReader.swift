/// Entry point of the media container readers: picks the reader for a sniffed format and runs
/// it under one set of limits. Readers walk the structure with ranged reads, copy the metadata
/// payloads out as MetadataBlocks (decoded by Metadata/), and seek over image and video data.
public enum MediaContainerReader {
    /// Whether `format` has a container reader here.
    public static func handles(_ format: InputFormat) -> Bool {
        switch format {
        case .jpeg, .png, .gif, .webp, .tiff, .heif, .isobmffVideo, .jpegXL: return true
        default: return false
        }
    }

    /// The metadata of a whole file, or a per-file error (`malformed`, `limit-exceeded`,
    /// `unsupported-format`, or the source's I/O error).
    public static func read(_ format: InputFormat, from source: some ByteSource,
                            limits: MediaReadLimits = .default) throws(ScanError) -> MediaMetadata {
        let (metadata, error) = readSalvaging(format, from: source, limits: limits)
        if let error { throw error }
        return metadata
    }

    /// Like `read`, but also returns what was found before an error: a truncated or damaged
    /// file often still carries its EXIF or location, which a privacy check should not drop.
    public static func readSalvaging(_ format: InputFormat, from source: some ByteSource,
                                     limits: MediaReadLimits = .default) -> (metadata: MediaMetadata, error: ScanError?) {
        let session = MediaReadSession(source: source, limits: limits)
        do throws(ScanError) {
            switch format {
            case .jpeg: try JPEGSegmentReader.read(session)
            case .png: try PNGChunkReader.read(session)
            case .gif: try GIFBlockReader.read(session)
            case .webp: try WebPChunkReader.read(session)
            case .tiff: try TIFFContainerReader.read(session)
            case .heif: try ISOBMFFReader.read(session, still: true)
            case .isobmffVideo: try ISOBMFFReader.read(session, still: false)
            case .jpegXL: try JPEGXLReader.read(session)
            default:
                throw ScanError(code: "unsupported-format", message: "no media container reader for \(format)")
            }
        } catch {
            return (session.result, error)
        }
        return (session.result, nil)
    }
}
