/// Which EXIF tags the fix removes beyond what the detectors flag, and which ones `.all` keeps.
/// Tables, not code, like ExifTool's: a tag's meaning is looked up, never guessed.
enum EXIFStripRules {
    struct TagKey: Hashable {
        var directory: EXIFDirectory
        var tag: UInt16
    }

    /// Tags that are personal whatever their value, by the category they belong to. Fields the
    /// detectors flag (a caption holding a phone number, a copyright naming the author) are
    /// removed through the plan; these are removed even when a detector would let them pass
    /// (an owner name the detector took for a placeholder, a date without a place).
    static let privacy: [TagKey: Category] = {
        var table: [TagKey: Category] = [:]
        for tag: UInt16 in [0x013B, 0x9C9D] { table[TagKey(directory: .ifd0, tag: tag)] = .authorIdentity }  // Artist, XPAuthor
        table[TagKey(directory: .ifd0, tag: 0xC62F)] = .deviceIdentity  // DNG CameraSerialNumber
        // BodySerialNumber, LensSerialNumber, CameraOwnerName, ImageUniqueID (a per-shot ID
        // that links every copy of the photo).
        for tag: UInt16 in [0xA431, 0xA435, 0xA430, 0xA420] { table[TagKey(directory: .exif, tag: tag)] = .deviceIdentity }
        // DateTimeOriginal, CreateDate and their offsets and sub-seconds; ModifyDate too, since an
        // unedited photo's modify date is its capture time.
        for tag: UInt16 in [0x9003, 0x9004, 0x9010, 0x9011, 0x9012, 0x9290, 0x9291, 0x9292] {
            table[TagKey(directory: .exif, tag: tag)] = .captureTime
        }
        table[TagKey(directory: .ifd0, tag: 0x0132)] = .captureTime
        return table
    }()

    /// Comments: XPComment (IFD0) and UserComment (ExifIFD).
    static let comments: Set<TagKey> = [TagKey(directory: .ifd0, tag: 0x9C9C), TagKey(directory: .exif, tag: 0x9286)]

    static let makerNote: UInt16 = 0x927C

    /// What `.all` keeps: orientation, resolution, colour (space, gamma, white point, YCbCr
    /// layout) and the interoperability index that tells Adobe RGB from sRGB.
    static let display: Set<TagKey> = {
        var keep: Set<TagKey> = []
        for tag: UInt16 in [0x0112, 0x011A, 0x011B, 0x0128, 0x0211, 0x0213, 0x0214, 0x012D, 0x013E, 0x013F] {
            keep.insert(TagKey(directory: .ifd0, tag: tag))
        }
        // ExifVersion, FlashpixVersion, ColorSpace, ComponentsConfiguration, Gamma, pixel dimensions.
        for tag: UInt16 in [0x9000, 0xA000, 0xA001, 0x9101, 0xA500, 0xA002, 0xA003] {
            keep.insert(TagKey(directory: .exif, tag: tag))
        }
        keep.insert(TagKey(directory: .interop, tag: 0x0001))
        keep.insert(TagKey(directory: .interop, tag: 0x0002))
        return keep
    }()

    /// Tags that make a kept `.all` EXIF worth writing at all (without them the block is dropped).
    static let essential: Set<TagKey> = [
        TagKey(directory: .ifd0, tag: 0x0112), TagKey(directory: .exif, tag: 0xA001), TagKey(directory: .exif, tag: 0xA500),
        TagKey(directory: .interop, tag: 0x0001),
    ]
}
