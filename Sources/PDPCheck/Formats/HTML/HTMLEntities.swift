/// HTML character references: every HTML 4.01 entity, `&apos;`, and the HTML5 names for
/// Vietnamese letters HTML 4 lacks (`&abreve;` ă, `&dstrok;` đ, `&itilde;` ĩ, `&utilde;` ũ), plus a
/// few common HTML5 punctuation names. Generated from Python's `html.entities` (`name2codepoint`
/// is HTML 4.01; values taken from its `html5` table), so each code point is the standard one.
/// Names outside the table stay literal text, as a browser shows an unknown `&name;`.
enum HTMLEntities {
    static let named: [String: UInt32] = [
        "AElig": 0xC6, "AMP": 0x26, "Aacute": 0xC1, "Abreve": 0x102, "Acirc": 0xC2, "Agrave": 0xC0, "Alpha": 0x391,
        "Aring": 0xC5, "Atilde": 0xC3, "Auml": 0xC4, "Beta": 0x392, "COPY": 0xA9, "Ccedil": 0xC7, "Chi": 0x3A7,
        "Dagger": 0x2021, "Delta": 0x394, "Dstrok": 0x110, "ETH": 0xD0, "Eacute": 0xC9, "Ecirc": 0xCA, "Egrave": 0xC8,
        "Epsilon": 0x395, "Eta": 0x397, "Euml": 0xCB, "GT": 0x3E, "Gamma": 0x393, "Iacute": 0xCD, "Icirc": 0xCE,
        "Igrave": 0xCC, "Iota": 0x399, "Itilde": 0x128, "Iuml": 0xCF, "Kappa": 0x39A, "LT": 0x3C, "Lambda": 0x39B,
        "Mu": 0x39C, "NewLine": 0xA, "Ntilde": 0xD1, "Nu": 0x39D, "OElig": 0x152, "Oacute": 0xD3, "Ocirc": 0xD4,
        "Ograve": 0xD2, "Omega": 0x3A9, "Omicron": 0x39F, "Oslash": 0xD8, "Otilde": 0xD5, "Ouml": 0xD6, "Phi": 0x3A6,
        "Pi": 0x3A0, "Prime": 0x2033, "Psi": 0x3A8, "QUOT": 0x22, "REG": 0xAE, "Rho": 0x3A1, "Scaron": 0x160,
        "Sigma": 0x3A3, "THORN": 0xDE, "Tab": 0x9, "Tau": 0x3A4, "Theta": 0x398, "Uacute": 0xDA, "Ucirc": 0xDB,
        "Ugrave": 0xD9, "Upsilon": 0x3A5, "Utilde": 0x168, "Uuml": 0xDC, "Xi": 0x39E, "Yacute": 0xDD, "Yuml": 0x178,
        "Zeta": 0x396, "aacute": 0xE1, "abreve": 0x103, "acirc": 0xE2, "acute": 0xB4, "aelig": 0xE6, "agrave": 0xE0,
        "alefsym": 0x2135, "alpha": 0x3B1, "amp": 0x26, "and": 0x2227, "ang": 0x2220, "apos": 0x27, "aring": 0xE5,
        "asymp": 0x2248, "atilde": 0xE3, "auml": 0xE4, "bdquo": 0x201E, "beta": 0x3B2, "brvbar": 0xA6, "bull": 0x2022,
        "bullet": 0x2022, "cap": 0x2229, "ccedil": 0xE7, "cedil": 0xB8, "cent": 0xA2, "centerdot": 0xB7,
        "check": 0x2713, "chi": 0x3C7, "circ": 0x2C6, "clubs": 0x2663, "colon": 0x3A, "commat": 0x40, "cong": 0x2245,
        "copy": 0xA9, "crarr": 0x21B5, "cross": 0x2717, "cup": 0x222A, "curren": 0xA4, "dArr": 0x21D3,
        "dagger": 0x2020, "darr": 0x2193, "dash": 0x2010, "deg": 0xB0, "delta": 0x3B4, "diams": 0x2666,
        "divide": 0xF7, "dstrok": 0x111, "eacute": 0xE9, "ecirc": 0xEA, "egrave": 0xE8, "empty": 0x2205,
        "emsp": 0x2003, "ensp": 0x2002, "epsilon": 0x3B5, "equiv": 0x2261, "eta": 0x3B7, "eth": 0xF0, "euml": 0xEB,
        "euro": 0x20AC, "excl": 0x21, "exist": 0x2203, "fnof": 0x192, "forall": 0x2200, "frac12": 0xBD,
        "frac14": 0xBC, "frac34": 0xBE, "frasl": 0x2044, "gamma": 0x3B3, "ge": 0x2265, "gt": 0x3E, "hArr": 0x21D4,
        "half": 0xBD, "harr": 0x2194, "hearts": 0x2665, "hellip": 0x2026, "hyphen": 0x2010, "iacute": 0xED,
        "icirc": 0xEE, "iexcl": 0xA1, "igrave": 0xEC, "image": 0x2111, "infin": 0x221E, "int": 0x222B, "iota": 0x3B9,
        "iquest": 0xBF, "isin": 0x2208, "itilde": 0x129, "iuml": 0xEF, "kappa": 0x3BA, "lArr": 0x21D0,
        "lambda": 0x3BB, "lang": 0x27E8, "laquo": 0xAB, "larr": 0x2190, "lceil": 0x2308, "ldquo": 0x201C,
        "ldquor": 0x201E, "le": 0x2264, "lfloor": 0x230A, "lowast": 0x2217, "loz": 0x25CA, "lpar": 0x28,
        "lrm": 0x200E, "lsaquo": 0x2039, "lsquo": 0x2018, "lsquor": 0x201A, "lt": 0x3C, "macr": 0xAF, "mdash": 0x2014,
        "micro": 0xB5, "middot": 0xB7, "minus": 0x2212, "mu": 0x3BC, "nabla": 0x2207, "nbsp": 0xA0, "ndash": 0x2013,
        "ne": 0x2260, "ni": 0x220B, "not": 0xAC, "notin": 0x2209, "nsub": 0x2284, "ntilde": 0xF1, "nu": 0x3BD,
        "num": 0x23, "numero": 0x2116, "oacute": 0xF3, "ocirc": 0xF4, "oelig": 0x153, "ograve": 0xF2, "oline": 0x203E,
        "omega": 0x3C9, "omicron": 0x3BF, "oplus": 0x2295, "or": 0x2228, "ordf": 0xAA, "ordm": 0xBA, "oslash": 0xF8,
        "otilde": 0xF5, "otimes": 0x2297, "ouml": 0xF6, "para": 0xB6, "part": 0x2202, "period": 0x2E,
        "permil": 0x2030, "perp": 0x22A5, "phi": 0x3C6, "phone": 0x260E, "pi": 0x3C0, "piv": 0x3D6, "plus": 0x2B,
        "plusmn": 0xB1, "pound": 0xA3, "prime": 0x2032, "prod": 0x220F, "prop": 0x221D, "psi": 0x3C8, "quest": 0x3F,
        "quot": 0x22, "rArr": 0x21D2, "radic": 0x221A, "rang": 0x27E9, "raquo": 0xBB, "rarr": 0x2192, "rceil": 0x2309,
        "rdquo": 0x201D, "rdquor": 0x201D, "real": 0x211C, "reg": 0xAE, "rfloor": 0x230B, "rho": 0x3C1, "rlm": 0x200F,
        "rpar": 0x29, "rsaquo": 0x203A, "rsquo": 0x2019, "rsquor": 0x2019, "sbquo": 0x201A, "scaron": 0x161,
        "sdot": 0x22C5, "sect": 0xA7, "shy": 0xAD, "sigma": 0x3C3, "sigmaf": 0x3C2, "sim": 0x223C, "sol": 0x2F,
        "spades": 0x2660, "star": 0x2606, "starf": 0x2605, "sub": 0x2282, "sube": 0x2286, "sum": 0x2211,
        "sup": 0x2283, "sup1": 0xB9, "sup2": 0xB2, "sup3": 0xB3, "supe": 0x2287, "szlig": 0xDF, "tau": 0x3C4,
        "there4": 0x2234, "theta": 0x3B8, "thetasym": 0x3D1, "thinsp": 0x2009, "thorn": 0xFE, "tilde": 0x2DC,
        "times": 0xD7, "trade": 0x2122, "uArr": 0x21D1, "uacute": 0xFA, "uarr": 0x2191, "ucirc": 0xFB, "ugrave": 0xF9,
        "uml": 0xA8, "upsih": 0x3D2, "upsilon": 0x3C5, "utilde": 0x169, "uuml": 0xFC, "weierp": 0x2118, "xi": 0x3BE,
        "yacute": 0xFD, "yen": 0xA5, "yuml": 0xFF, "zeta": 0x3B6, "zwj": 0x200D, "zwnj": 0x200C,
    ]

    /// The names HTML5 also decodes without a `;` (`&nbsp` `&copy`), kept for old pages.
    static let legacyNames: Set<String> = [
        "AElig", "AMP", "Aacute", "Acirc", "Agrave", "Aring", "Atilde", "Auml", "COPY", "Ccedil", "ETH", "Eacute",
        "Ecirc", "Egrave", "Euml", "GT", "Iacute", "Icirc", "Igrave", "Iuml", "LT", "Ntilde", "Oacute", "Ocirc",
        "Ograve", "Oslash", "Otilde", "Ouml", "QUOT", "REG", "THORN", "Uacute", "Ucirc", "Ugrave", "Uuml", "Yacute",
        "aacute", "acirc", "acute", "aelig", "agrave", "amp", "aring", "atilde", "auml", "brvbar", "ccedil", "cedil",
        "cent", "copy", "curren", "deg", "divide", "eacute", "ecirc", "egrave", "eth", "euml", "frac12", "frac14",
        "frac34", "gt", "iacute", "icirc", "iexcl", "igrave", "iquest", "iuml", "laquo", "lt", "macr", "micro",
        "middot", "nbsp", "not", "ntilde", "oacute", "ocirc", "ograve", "ordf", "ordm", "oslash", "otilde", "ouml",
        "para", "plusmn", "pound", "quot", "raquo", "reg", "sect", "shy", "sup1", "sup2", "sup3", "szlig", "thorn",
        "times", "uacute", "ucirc", "ugrave", "uml", "uuml", "yacute", "yen", "yuml",
    ]

    /// Longest name in `named` plus one, so a run of letters longer than that is no reference.
    static let maxNameLength = 10

    /// Decodes the character reference whose `&` is at `i`. Returns the character and the index
    /// just past the reference, or nil when the `&` is a literal ampersand. In attribute values a
    /// reference without `;` followed by a letter, digit or `=` stays literal (`?a=1&copy=2`).
    static func decode(_ s: UnsafeBufferPointer<UInt8>, at i: Int, end: Int, inAttribute: Bool) -> (scalar: Unicode.Scalar, next: Int)? {
        let j = i + 1
        guard j < end else { return nil }
        if s[j] == UInt8(ascii: "#") { return decodeNumeric(s, at: j + 1, end: end) }
        var k = j
        while k < end, k - j <= maxNameLength, isAlphanumeric(s[k]) { k += 1 }
        let length = k - j
        guard length > 0 else { return nil }
        if length <= maxNameLength, k < end, s[k] == UInt8(ascii: ";"),
           let code = named[String(decoding: UnsafeBufferPointer(rebasing: s[j..<k]), as: UTF8.self)],
           let scalar = Unicode.Scalar(code) {
            return (scalar, k + 1)
        }
        // Legacy form: the longest table name that is a prefix of the run ("&notit" is "¬it").
        var prefix = min(length, 6)
        while prefix >= 2 {
            let candidate = String(decoding: UnsafeBufferPointer(rebasing: s[j..<(j + prefix)]), as: UTF8.self)
            if legacyNames.contains(candidate), let code = named[candidate], let scalar = Unicode.Scalar(code) {
                let after = j + prefix
                if inAttribute, after < end, isAlphanumeric(s[after]) || s[after] == UInt8(ascii: "=") { return nil }
                return (scalar, after)
            }
            prefix -= 1
        }
        return nil
    }

    /// `&#233;` / `&#xE9;`, with or without `;`. Out-of-range values, NUL and surrogates read
    /// as U+FFFD; 0x80–0x9F read as Windows-1252, as browsers do.
    private static func decodeNumeric(_ s: UnsafeBufferPointer<UInt8>, at start: Int, end: Int) -> (scalar: Unicode.Scalar, next: Int)? {
        var k = start
        var hex = false
        if k < end, s[k] | 0x20 == UInt8(ascii: "x") { hex = true; k += 1 }
        let digitsStart = k
        var value: UInt32 = 0
        while k < end {
            let c = s[k]
            let digit: UInt32
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(c - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f") where hex: digit = UInt32(c - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F") where hex: digit = UInt32(c - UInt8(ascii: "A") + 10)
            default: digit = 99
            }
            if digit == 99 { break }
            // Saturate: a thousand digits must not overflow, only become "too large".
            value = min(value * (hex ? 16 : 10) + digit, 0x110000)
            k += 1
        }
        guard k > digitsStart else { return nil }
        if k < end, s[k] == UInt8(ascii: ";") { k += 1 }
        let code = (0x80...0x9F).contains(value) ? MIMECharset.windows1252C1[Int(value - 0x80)] : value
        guard code != 0, let scalar = Unicode.Scalar(code) else { return ("\u{FFFD}", k) }
        return (scalar, k)
    }

    @inline(__always) static func isAlphanumeric(_ c: UInt8) -> Bool {
        (c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z")) || (c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z"))
            || (c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9"))
    }
}
