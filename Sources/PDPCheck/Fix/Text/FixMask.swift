/// How `mask` hides a value when fixing a file. Stricter than report evidence
/// (`EvidenceMask`): a published copy keeps only what helps a reader recognise the shape —
/// a phone's first two and last three digits, an ID's or account's last few, an e-mail's first
/// letter and domain, a date's year, each word's initial in a name or address.
enum FixMask {
    enum Style: Equatable {
        /// The first `head` and last `tail` letters and digits stay (`EvidenceMask`'s rule).
        case ends(head: Int, tail: Int)
        /// `t•••@gmail.com`.
        case email
        /// Each word keeps its first letter.
        case wordInitials
        case all
    }

    static func style(for category: Category) -> Style {
        switch category {
        case .phoneNumber: return .ends(head: 2, tail: 3)
        case .nationalID, .passportNumber, .driverLicense, .taxCode, .insuranceNumber: return .ends(head: 0, tail: 3)
        case .bankAccount, .paymentCard: return .ends(head: 0, tail: 4)
        case .licensePlate: return .ends(head: 2, tail: 0)
        case .emailAddress: return .email
        // A year alone is what the detectors report as a birth year: the whole date goes.
        case .dateOfBirth: return .all
        case .homeAddress, .personName, .childData, .sensitiveHealth, .sensitiveCriminal, .sensitiveReligion,
             .sensitivePolitics, .sensitiveEthnicity, .sensitiveSexuality, .sensitivePrivateLife:
            return .wordInitials
        case .preciseLocation, .credentials: return .all
        default: return .ends(head: 1, tail: 1)
        }
    }

    static let bullet = String(EvidenceMask.bullet)

    /// The replacement of each scalar of a value: nil keeps it, "" deletes it. A mark that
    /// follows a letter (a combining accent, a keycap, a variation selector) goes with it.
    static func replacements(for scalars: [Unicode.Scalar], category: Category) -> [String?] {
        var out = [String?](repeating: nil, count: scalars.count)
        let significant = scalars.indices.filter { isSignificant(scalars[$0]) }
        guard !significant.isEmpty else { return out }
        var hidden = Set<Int>()
        switch style(for: category) {
        case .ends(let head, let tail):
            let (keepHead, keepTail) = EvidenceMask.visibleCounts(significant: significant.count, head: head, tail: tail)
            for (rank, index) in significant.enumerated() where rank >= keepHead && rank < significant.count - keepTail {
                hidden.insert(index)
            }
        case .all:
            hidden = Set(significant)
        case .wordInitials:
            var previousSignificant = false
            for i in scalars.indices {
                let s = isSignificant(scalars[i])
                if s && previousSignificant { hidden.insert(i) }
                if !isMark(scalars[i]) { previousSignificant = s }
            }
            // A one-letter value would be shown whole.
            if hidden.isEmpty { hidden = Set(significant) }
        case .email:
            guard let at = scalars.lastIndex(of: "@") else {
                hidden = Set(significant)
                break
            }
            let local = significant.filter { $0 < at }
            guard local.count > 1, let first = local.first else {
                for i in local { out[i] = bullet }
                return out
            }
            // The local part's length is not kept: `t•••@` says nothing of how long it was.
            var wroteBullets = false
            for i in (first + 1)..<at {
                out[i] = wroteBullets ? "" : bullet + bullet + bullet
                wroteBullets = true
            }
            return out
        }
        var previousHidden = false
        for i in scalars.indices {
            if isMark(scalars[i]) {
                if previousHidden { out[i] = "" }
                continue
            }
            previousHidden = hidden.contains(i)
            if previousHidden { out[i] = bullet }
        }
        return out
    }

    /// Letters and digits carry a value; everything else is its shape.
    static func isSignificant(_ s: Unicode.Scalar) -> Bool {
        if s.value < 0x80 { return UTF8Classes.isASCIIAlnum(UInt8(s.value)) }
        if isMark(s) { return false }
        return s.properties.isAlphabetic || s.properties.numericType != nil
    }

    static func isMark(_ s: Unicode.Scalar) -> Bool {
        if s.value < 0x300 { return false }
        switch s.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return (0xFE00...0xFE0F).contains(s.value)
        }
    }
}
