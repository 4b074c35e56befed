/// Namespace URIs → the prefixes ExifTool uses for them (its `%nsURI` table, XMP.pm 12.57), and
/// the few prefixes ExifTool shortens in group names. A namespace not listed here is named
/// after the prefix the file declares, as ExifTool does.
enum XMPNamespaces {
    static let rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    static let xml = "http://www.w3.org/XML/1998/namespace"
    static let exif = "http://ns.adobe.com/exif/1.0/"
    static let xmpGImg = "http://ns.adobe.com/xap/1.0/g/img/"
    static let meta = "adobe:ns:meta/"

    /// The ExifTool prefix for a namespace, falling back to the prefix used in the file.
    static func prefix(for uri: String, declared: String) -> String {
        standardPrefix[uri] ?? (declared.isEmpty ? "unknown" : declared)
    }

    /// ExifTool family-1 group for a prefix: "XMP-dc", "XMP-iptcExt", "XMP-microsoft".
    static func group(for prefix: String) -> String {
        "XMP-" + (groupNames[prefix] ?? prefix)
    }

    static let groupNames: [String: String] = [
        "Iptc4xmpCore": "iptcCore", "Iptc4xmpExt": "iptcExt", "photomechanic": "photomech",
        "MicrosoftPhoto": "microsoft", "prismusagerights": "pur", "GettyImagesGIFT": "getty",
        "hdr_metadata": "hdr",
    ]

    static let standardPrefix: [String: String] = [
        "http://ns.adobe.com/exif/1.0/aux/": "aux",
        "http://ns.adobe.com/album/1.0/": "album",
        "http://creativecommons.org/ns#": "cc",
        "http://ns.adobe.com/camera-raw-defaults/1.0/": "crd",
        "http://ns.adobe.com/camera-raw-settings/1.0/": "crs",
        "http://ns.adobe.com/camera-raw-saved-settings/1.0/": "crss",
        "http://purl.org/dc/elements/1.1/": "dc",
        "http://ns.adobe.com/exif/1.0/": "exif",
        "http://cipa.jp/exif/1.0/": "exifEX",
        "http://ns.adobe.com/iX/1.0/": "iX",
        "http://ns.adobe.com/pdf/1.3/": "pdf",
        "http://ns.adobe.com/pdfx/1.3/": "pdfx",
        "http://ns.adobe.com/photoshop/1.0/": "photoshop",
        "http://www.w3.org/1999/02/22-rdf-syntax-ns#": "rdf",
        "http://www.w3.org/2000/01/rdf-schema#": "rdfs",
        "http://ns.adobe.com/xap/1.0/sType/Dimensions#": "stDim",
        "http://ns.adobe.com/xap/1.0/sType/ResourceEvent#": "stEvt",
        "http://ns.adobe.com/xap/1.0/sType/Font#": "stFnt",
        "http://ns.adobe.com/xap/1.0/sType/Job#": "stJob",
        "http://ns.adobe.com/xap/1.0/sType/ResourceRef#": "stRef",
        "http://ns.adobe.com/xap/1.0/sType/Version#": "stVer",
        "http://ns.adobe.com/xap/1.0/sType/ManifestItem#": "stMfs",
        "http://ns.adobe.com/photoshop/1.0/camera-profile": "stCamera",
        "http://ns.adobe.com/camera-raw-embedded-lens-profile/1.0/": "crlcp",
        "http://ns.adobe.com/tiff/1.0/": "tiff",
        "adobe:ns:meta/": "x",
        "http://ns.adobe.com/xap/1.0/g/": "xmpG",
        "http://ns.adobe.com/xap/1.0/g/img/": "xmpGImg",
        "http://ns.adobe.com/xap/1.0/": "xmp",
        "http://ns.adobe.com/xap/1.0/bj/": "xmpBJ",
        "http://ns.adobe.com/xmp/1.0/DynamicMedia/": "xmpDM",
        "http://ns.adobe.com/xap/1.0/mm/": "xmpMM",
        "http://ns.adobe.com/xap/1.0/rights/": "xmpRights",
        "http://ns.adobe.com/xmp/note/": "xmpNote",
        "http://ns.adobe.com/xap/1.0/t/pg/": "xmpTPg",
        "http://ns.adobe.com/xmp/Identifier/qual/1.0/": "xmpidq",
        "http://ns.adobe.com/xap/1.0/PLUS/": "xmpPLUS",
        "http://ns.optimasc.com/dex/1.0/": "dex",
        "http://ns.iview-multimedia.com/mediapro/1.0/": "mediapro",
        "http://ns.microsoft.com/expressionmedia/1.0/": "expressionmedia",
        "http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/": "Iptc4xmpCore",
        "http://iptc.org/std/Iptc4xmpExt/2008-02-29/": "Iptc4xmpExt",
        "http://ns.microsoft.com/photo/1.0": "MicrosoftPhoto",
        "http://ns.microsoft.com/photo/1.1": "MP1",
        "http://ns.microsoft.com/photo/1.2/": "MP",
        "http://ns.microsoft.com/photo/1.2/t/RegionInfo#": "MPRI",
        "http://ns.microsoft.com/photo/1.2/t/Region#": "MPReg",
        "http://ns.adobe.com/lightroom/1.0/": "lr",
        "http://ns.adobe.com/DICOM/": "DICOM",
        "http://www.dji.com/drone-dji/1.0/": "drone-dji",
        "http://www.w3.org/2000/svg": "svg",
        "http://ns.exiftool.org/1.0/": "et",
        "http://ns.useplus.org/ldf/xmp/1.0/": "plus",
        "http://prismstandard.org/namespaces/basic/2.0/": "prism",
        "http://prismstandard.org/namespaces/prl/2.1/": "prl",
        "http://prismstandard.org/namespaces/prismusagerights/2.1/": "pur",
        "http://prismstandard.org/namespaces/pmi/2.2/": "pmi",
        "http://prismstandard.org/namespaces/prm/3.0/": "prm",
        "http://ns.acdsee.com/iptc/1.0/": "acdsee",
        "http://www.digikam.org/ns/1.0/": "digiKam",
        "http://ns.adobe.com/swf/1.0/": "swf",
        "http://developer.sonyericsson.com/cell/1.0/": "cell",
        "http://ns.apple.com/adjustment-settings/1.0/": "aas",
        "http://www.metadataworkinggroup.com/schemas/regions/": "mwg-rs",
        "http://www.metadataworkinggroup.com/schemas/keywords/": "mwg-kw",
        "http://www.metadataworkinggroup.com/schemas/collections/": "mwg-coll",
        "http://ns.adobe.com/xmp/sType/Area#": "stArea",
        "http://ns.extensis.com/extensis/1.0/": "extensis",
        "http://ns.idimager.com/ics/1.0/": "ics",
        "http://ns.fastpictureviewer.com/fpv/1.0/": "fpv",
        "http://ns.adobe.com/creatorAtom/1.0/": "creatorAtom",
        "http://ns.apple.com/faceinfo/1.0/": "apple-fi",
        "http://ns.google.com/photos/1.0/audio/": "GAudio",
        "http://ns.google.com/photos/1.0/image/": "GImage",
        "http://ns.google.com/photos/1.0/panorama/": "GPano",
        "http://ns.google.com/videos/1.0/spherical/": "GSpherical",
        "http://ns.google.com/photos/1.0/depthmap/": "GDepth",
        "http://ns.google.com/photos/1.0/focus/": "GFocus",
        "http://ns.google.com/photos/1.0/camera/": "GCamera",
        "http://ns.google.com/photos/1.0/creations/": "GCreations",
        "http://rs.tdwg.org/dwc/index.htm": "dwc",
        "http://xmp.gettyimages.com/gift/1.0/": "GettyImagesGIFT",
        "http://ns.leiainc.com/photos/1.0/image/": "LImage",
        "http://ns.google.com/photos/dd/1.0/profile/": "Profile",
        "http://ns.nikon.com/sdc/1.0/": "sdc",
        "http://ns.nikon.com/asteroid/1.0/": "ast",
        "http://ns.nikon.com/nine/1.0/": "nine",
        "http://ns.exiftool.ca/1.0/": "et",
    ]
}
