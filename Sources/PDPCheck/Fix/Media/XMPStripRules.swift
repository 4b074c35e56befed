/// Which top-level XMP properties a fix removes. A property goes when it holds a flagged
/// field (the property alone is decoded to find out, so a structure such as `mwg-rs:Regions`
/// or `Iptc4xmpExt:LocationShown` goes whole), or when the table below names it: GPS parts
/// that detectors report as one pair, serials and owners, creators, places, people, capture
/// times and thumbnails, whatever their values.
enum XMPStripRules {
    static let table: [String: [String: Category]] = [
        "http://ns.adobe.com/exif/1.0/": ["DateTimeOriginal": .captureTime, "DateTimeDigitized": .captureTime,
                                         "UserComment": .hiddenContent],
        "http://cipa.jp/exif/1.0/": ["BodySerialNumber": .deviceIdentity, "LensSerialNumber": .deviceIdentity,
                                    "CameraOwnerName": .deviceIdentity, "ImageUniqueID": .deviceIdentity],
        "http://ns.adobe.com/exif/1.0/aux/": ["SerialNumber": .deviceIdentity, "LensSerialNumber": .deviceIdentity,
                                             "OwnerName": .deviceIdentity],
        "http://ns.adobe.com/tiff/1.0/": ["Artist": .authorIdentity, "DateTime": .captureTime],
        "http://purl.org/dc/elements/1.1/": ["creator": .authorIdentity],
        "http://ns.adobe.com/photoshop/1.0/": ["City": .locationName, "State": .locationName, "Country": .locationName,
                                              "AuthorsPosition": .authorIdentity, "CaptionWriter": .authorIdentity,
                                              "DateCreated": .captureTime],
        "http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/": ["Location": .locationName, "CreatorContactInfo": .authorIdentity],
        "http://iptc.org/std/Iptc4xmpExt/2008-02-29/": ["LocationShown": .locationName, "LocationCreated": .locationName,
                                                       "PersonInImage": .personTag, "PersonInImageWDetails": .personTag],
        "http://www.metadataworkinggroup.com/schemas/regions/": ["Regions": .faceRegion],
        "http://ns.microsoft.com/photo/1.2/": ["RegionInfo": .faceRegion],
        "http://ns.apple.com/faceinfo/1.0/": ["Regions": .faceRegion],
        "http://ns.adobe.com/xap/1.0/": ["Thumbnails": .embeddedPreview, "CreateDate": .captureTime],
        "http://ns.useplus.org/ldf/xmp/1.0/": ["ImageCreator": .authorIdentity, "CopyrightOwner": .authorIdentity],
        "http://ns.adobe.com/xmp/1.0/DynamicMedia/": ["artist": .authorIdentity, "shotLocation": .locationName],
        "http://ns.adobe.com/xap/1.0/rights/": ["Owner": .authorIdentity],
    ]

    static let exif = "http://ns.adobe.com/exif/1.0/"
    static let googleCamera = "http://ns.google.com/photos/1.0/camera/"
    static let googleContainer = "http://ns.google.com/photos/1.0/container/"
    static let xmpNote = "http://ns.adobe.com/xmp/note/"

    /// Facts about the rest of the file that make some properties stale once it is cleaned.
    struct Context {
        /// The motion photo's video (or an MPF / gain-map image) is dropped: the XMP that
        /// locates it would point at nothing.
        var embeddedDropped = false
        /// The Extended XMP is dropped: its GUID in the main packet would name nothing.
        var extendedDropped = false
    }

    /// The category a property goes under (`.some(nil)`: removed for structure, no category),
    /// or nil when it stays.
    static func removal(_ p: XMPProperty, in source: [UInt8], plan: MediaStripPlan, context: Context) -> Category?? {
        if plan.mode == .all { return .some(table[p.namespace]?[p.local] ?? flaggedCategory(p, source, plan)) }
        if context.embeddedDropped {
            if p.namespace == googleCamera && (p.local.hasPrefix("MicroVideo") || p.local.hasPrefix("MotionPhoto")) {
                return .some(nil)
            }
            if p.namespace == googleContainer && p.local == "Directory" { return .some(nil) }
        }
        if context.extendedDropped, p.namespace == xmpNote, p.local == "HasExtendedXMP" { return .some(nil) }
        // The table first: it names what the property is about (a face region whose names are
        // flagged as people) and spares decoding it.
        if p.namespace == exif, p.local.hasPrefix("GPS"), plan.removes(.gpsLocation) { return .some(.gpsLocation) }
        if let category = table[p.namespace]?[p.local] {
            if category == .hiddenContent, plan.removesComments { return .some(category) }
            if plan.removes(category) { return .some(category) }
        }
        if let category = flaggedCategory(p, source, plan) { return .some(category) }
        return nil
    }

    /// Decodes the property on its own and asks the plan about each of its fields.
    static func flaggedCategory(_ p: XMPProperty, _ source: [UInt8], _ plan: MediaStripPlan) -> Category? {
        guard !plan.flaggedGroups.isEmpty else { return nil }
        let group = XMPNamespaces.group(for: XMPNamespaces.prefix(for: p.namespace, declared: p.prefix))
        guard plan.flaggedGroups.contains(group) else { return nil }
        for field in XMPDecoder.decode(packet(p, in: source)).fields {
            if let category = plan.removal(group: field.group, name: field.name) { return category }
        }
        return nil
    }

    /// A packet holding only this property, with the namespaces in scope where it was.
    static func miniPacket(_ p: XMPProperty) -> [UInt8] {
        var out = Array("<pdpX:xmpmeta xmlns:pdpX=\"adobe:ns:meta/\"><pdpR:RDF xmlns:pdpR=\"\(XMPPropertyStripper.rdf)\"><pdpR:Description".utf8)
        var seen: Set<String> = ["pdpX", "pdpR"]
        for d in p.declarations.reversed() where seen.insert(d.prefix).inserted {
            let name = d.prefix.isEmpty ? "xmlns" : "xmlns:" + d.prefix
            out += Array(" \(name)=\"".utf8)
            for b in d.uri.utf8 { if b == 0x22 { out += Array("&quot;".utf8) } else { out.append(b) } }
            out.append(0x22)
        }
        return out
    }
}

extension XMPStripRules {
    /// Completes `miniPacket`'s head with the property itself.
    static func packet(_ p: XMPProperty, in source: [UInt8]) -> [UInt8] {
        var out = miniPacket(p)
        if p.isAttribute {
            out += source[p.range]
            out += Array("/></pdpR:RDF></pdpX:xmpmeta>".utf8)
        } else {
            out.append(0x3E)
            out += source[p.range]
            out += Array("</pdpR:Description></pdpR:RDF></pdpX:xmpmeta>".utf8)
        }
        return out
    }
}
