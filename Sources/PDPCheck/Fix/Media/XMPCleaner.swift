/// Cleans one XMP packet for a container: the properties the rules remove are cut out, and
/// the packet is dropped when nothing is left in it (or, in `.all`, always). Containers that
/// must keep the packet's size (HEIF items, MP4 boxes, TIFF tags cleaned in place) ask for a
/// padded packet instead of a drop.
enum XMPCleaner {
    enum Outcome {
        case unchanged
        case rewritten([UInt8])
        case drop
    }

    static func clean(_ packet: [UInt8], plan: MediaStripPlan, context: XMPStripRules.Context = .init(),
                      container: String, log: inout CleanLog) -> Outcome {
        var decisions: [Category?] = []
        let result: XMPPropertyStripper.Result
        do {
            result = try XMPPropertyStripper.strip(packet) { property in
                guard let category = XMPStripRules.removal(property, in: packet, plan: plan, context: context) else {
                    return false
                }
                decisions.append(category)
                return true
            }
        } catch {
            log.remove(nil, container, "XMP packet (unreadable: \(error.reason); removed whole)")
            return .drop
        }
        for (property, category) in zip(result.removed, decisions) {
            let group = XMPNamespaces.group(for: XMPNamespaces.prefix(for: property.namespace, declared: property.prefix))
            log.remove(category, container, group + ":" + property.local)
        }
        if plan.mode == .all {
            if result.removed.isEmpty { log.remove(nil, container, "XMP packet") }
            return .drop
        }
        if result.removed.isEmpty { return .unchanged }
        return result.keptCount == 0 ? .drop : .rewritten(result.packet)
    }

    /// The cleaned packet at exactly `length` bytes, for in-place containers: white space pads
    /// it (before `<?xpacket end`, where XMP keeps its padding, or at the end); a dropped
    /// packet becomes an empty one. Nil when not even an empty packet fits (the caller zeroes).
    static func inPlace(_ packet: [UInt8], length: Int, plan: MediaStripPlan, context: XMPStripRules.Context = .init(),
                        container: String, log: inout CleanLog) -> [UInt8]? {
        let cleaned: [UInt8]
        switch clean(packet, plan: plan, context: context, container: container, log: &log) {
        case .unchanged: return packet.count == length ? packet : nil
        case .rewritten(let bytes): cleaned = bytes
        case .drop: cleaned = emptyPacket
        }
        return padded(cleaned, to: length) ?? padded(emptyPacket, to: length)
    }

    static let emptyPacket = Array(("<?xpacket begin=\"\u{FEFF}\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
        + "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"/>"
        + "</x:xmpmeta>\n<?xpacket end=\"w\"?>").utf8)

    static func padded(_ packet: [UInt8], to length: Int) -> [UInt8]? {
        guard packet.count <= length else { return nil }
        let padding = [UInt8](repeating: 0x20, count: length - packet.count)
        if let end = BinaryCursor.firstIndex(of: Array("<?xpacket end".utf8), in: packet) {
            return Array(packet[..<end]) + padding + Array(packet[end...])
        }
        return packet + padding
    }
}
