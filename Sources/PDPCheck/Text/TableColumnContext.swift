/// What a table column holds, read from its header cell ("Ngày sinh", "SĐT", "Địa chỉ", "CCCD").
public enum ColumnRole: UInt8, Sendable, CaseIterable {
    case none
    case name, birth, age, address, schoolClass, email
    /// "Dân tộc": each value is a person's ethnic group (Decree 356 Art. 4(a)).
    case ethnicity
    case phone, identity, oldIdentity, bank, card, tax, driverLicense, passport, insurance, plate
    /// Amounts, prices, wages: not identifiers.
    case money
    /// Dates that are not births: deadlines, expiry, event days.
    case date
    /// Order, booking and tracking codes.
    case order

    /// The context label a header cell gives the numbers of its column, as a keyword before
    /// them would ("SĐT" → phone, "STK" → bank, "Số tiền" → not an identifier).
    public var contextLabel: ContextLabel? {
        switch self {
        case .phone: return .phone
        case .identity: return .identity
        case .oldIdentity: return .oldIdentity
        case .bank: return .bank
        case .card: return .card
        case .tax: return .tax
        case .driverLicense: return .driverLicense
        case .passport: return .passport
        case .insurance: return .insurance
        case .plate: return .plate
        case .money, .date, .order: return .order
        case .none, .name, .birth, .age, .address, .schoolClass, .email, .ethnicity: return nil
        }
    }

    /// Columns whose values belong to a person: a table with one is a list of people, not of shops.
    var isPersonal: Bool {
        switch self {
        case .name, .birth, .age, .phone, .identity, .oldIdentity, .email, .schoolClass, .passport, .insurance:
            return true
        default:
            return false
        }
    }

    /// Header words, folded (lowercase ASCII, no diacritics, single spaces). A header cell takes
    /// the role of the longest word it starts with: "SĐT phụ huynh" is a phone column, "Họ tên
    /// trẻ" a name column, "Ngày sinh (dd/mm/yyyy)" a birth column.
    static let headerWords: [(String, ColumnRole)] = [
        ("ho ten", .name), ("ho va ten", .name), ("ten", .name), ("hvt", .name), ("ho ten hs", .name),
        ("ten hoc sinh", .name), ("hoc sinh", .name), ("ten kh", .name), ("khach hang", .name), ("ten khach", .name),
        ("ten tk", .name), ("chu tk", .name), ("chu tai khoan", .name), ("ten chu tk", .name), ("nguoi nhan", .name),
        ("phu huynh", .name), ("thi sinh", .name), ("ung vien", .name), ("full name", .name), ("name", .name),
        ("ngay sinh", .birth), ("ns", .birth), ("nam sinh", .birth), ("sinh ngay", .birth), ("sinh nam", .birth),
        ("ngay thang nam sinh", .birth), ("ngay thang sinh", .birth), ("dob", .birth), ("date of birth", .birth),
        ("sn", .birth), ("ngay sn", .birth), ("birthday", .birth),
        ("tuoi", .age), ("age", .age),
        ("dia chi", .address), ("d c", .address), ("dc", .address), ("cho o", .address), ("noi o", .address),
        ("que quan", .address), ("que", .address), ("nguyen quan", .address), ("thuong tru", .address),
        ("tam tru", .address), ("noi cu tru", .address), ("cu tru", .address), ("ho khau", .address),
        ("dia chi nha", .address), ("dia chi nhan", .address), ("dia chi giao", .address), ("noi thuong tru", .address),
        ("address", .address), ("dia chi nhan hang", .address), ("dia chi giao hang", .address), ("hktt", .address),
        ("lop", .schoolClass), ("class", .schoolClass), ("dan toc", .ethnicity),
        ("email", .email), ("e mail", .email), ("gmail", .email), ("mail", .email),
        ("sdt", .phone), ("so dien thoai", .phone), ("dien thoai", .phone), ("dt", .phone), ("dtdd", .phone),
        ("di dong", .phone), ("sdt zalo", .phone), ("zalo", .phone), ("phone", .phone), ("mobile", .phone),
        ("lien he", .phone), ("so dt", .phone), ("tel", .phone),
        ("cccd", .identity), ("so cccd", .identity), ("can cuoc", .identity), ("so can cuoc", .identity),
        ("cccd cmnd", .identity), ("cmnd cccd", .identity), ("so dinh danh", .identity), ("ma dinh danh", .identity),
        ("dinh danh", .identity), ("cmnd", .oldIdentity), ("so cmnd", .oldIdentity), ("cmt", .oldIdentity),
        ("stk", .bank), ("so tai khoan", .bank), ("so tk", .bank), ("tai khoan", .bank), ("tk", .bank),
        ("account", .bank), ("so tk ngan hang", .bank), ("tk ngan hang", .bank),
        ("so the", .card), ("the atm", .card),
        ("mst", .tax), ("ma so thue", .tax),
        ("gplx", .driverLicense), ("so gplx", .driverLicense), ("bang lai", .driverLicense),
        ("ho chieu", .passport), ("so ho chieu", .passport), ("so hc", .passport), ("hc", .passport),
        ("passport", .passport),
        ("bhxh", .insurance), ("bhyt", .insurance), ("so bhxh", .insurance), ("ma bhxh", .insurance),
        ("ma the bhyt", .insurance), ("so the bhyt", .insurance), ("ma so bhxh", .insurance),
        ("bien so", .plate), ("bks", .plate), ("bsx", .plate), ("bien so xe", .plate),
        ("so tien", .money), ("tien", .money), ("gia", .money), ("thanh tien", .money), ("tien cong", .money),
        ("luong", .money), ("cod", .money), ("thu ho", .money), ("tong", .money), ("phi", .money),
        ("so tien bi lua", .money), ("ung ho", .money),
        ("ngay", .date), ("han", .date), ("het han", .date), ("ngay het han", .date), ("thoi gian", .date),
        ("ngay cap", .date), ("ngay nop", .date), ("ngay giao", .date),
        ("ma don", .order), ("ma van don", .order), ("ma dh", .order), ("ma hang", .order), ("sbd", .order),
        ("so bao danh", .order), ("stt", .order), ("tt", .order), ("phong", .order),
    ]

    /// Words of the shared lexicon a header line holds (at least one of them), so the search
    /// for tables reads only the lines around those keyword hits.
    static let lexiconWords: [String] = [
        "ho ten", "ho va ten", "sdt", "so dien thoai", "cccd", "so cccd", "cmnd", "stk", "so tai khoan", "so tk",
        "email", "mst", "bhxh", "bhyt", "gplx", "ho chieu", "so hc", "bien so", "bks", "ten kh", "ten tk",
        "phu huynh", "tien cong", "so tien", "ngay het han", "het han", "stt", "ngan hang", "ghi chu", "gioi tinh",
    ]
}

/// A table of a post: a header line of column names and the rows under it, separated by `|`,
/// tabs, `;` or runs of two or more spaces (columns aligned with spaces, as pasted from a
/// spreadsheet or typed in a monospaced note). A value in a row means what its column's header
/// says, as a context word before it would: "14/03/2008" under "Ngày sinh" is a birth date,
/// "0968 214 730" under "STK" an account.
public struct TableBlock: Sendable, Hashable {
    public enum Separator: UInt8, Sendable { case pipe, tab, semicolon, spaces }

    public var separator: Separator
    /// The header line (without its line break).
    public var header: Range<Int>
    /// From the first row's start to the last row's end.
    public var rows: Range<Int>
    /// The role of each column, by cell index (a leading `|` opens no cell).
    public var roles: [ColumnRole]
    /// For aligned columns: where each header cell starts, in characters from the line start.
    var columnStarts: [Int]

    /// A column of a person's data: the rows list people.
    public var listsPeople: Bool { roles.contains { $0.isPersonal } }

    public func index(of role: ColumnRole) -> Int? { roles.firstIndex(of: role) }
}

/// One cell of a table row, and what its column holds.
public struct TableCell: Sendable, Hashable {
    public var role: ColumnRole
    /// The cell's text without the spaces around it.
    public var range: Range<Int>
    /// The row's line.
    public var row: Range<Int>
    /// Index of the block in `TableColumnContext.blocks`.
    public var block: Int
}

/// Finds the tables of a text from the shared keyword hits (a header holds at least one column
/// word of the lexicon), and answers which cell and column an offset is in. Bounded work: a
/// header line is read once, rows once when the table is found, and a lookup reads one row.
public struct TableColumnContext: Sendable {
    public let blocks: [TableBlock]

    static let maxLine = 600
    static let maxRows = 5000
    static let maxCells = 24
    static let maxHeaderCell = 48

    /// Lexicon entries that may name a column (by entry index).
    static let headerEntry: [Bool] = {
        let words = Set(ColumnRole.lexiconWords + ColumnRole.headerWords.map(\.0))
        return TopicLexicon.shared.entries.map { entry in
            switch entry.topic {
            case .birthCue, .addressCue, .ageCue, .schoolCue, .columnLabel: return true
            default: return words.contains(entry.keyword)
            }
        }
    }()

    /// Longest header word first, for `role(ofHeaderCell:)`.
    static let headerTable: [([UInt8], ColumnRole)] = ColumnRole.headerWords
        .map { (Array($0.0.utf8), $0.1) }
        .sorted { $0.0.count > $1.0.count }

    public init(blocks: [TableBlock]) { self.blocks = blocks }

    /// A header names two columns or more, so two column words stand a few bytes apart with a
    /// separator between them ("Họ tên | Ngày sinh", "SĐT\tĐịa chỉ", "NS    SĐT"): only such
    /// lines are read, and each line once.
    public init(text: UnsafeBufferPointer<UInt8>, hits: [KeywordHit]) {
        var blocks: [TableBlock] = []
        var coveredUpTo = -1
        var lastLineEnd = -1
        var previousEnd = -1
        let headerEntry = Self.headerEntry
        for hit in hits where hit.entry < headerEntry.count && headerEntry[hit.entry] {
            defer { previousEnd = hit.end }
            guard hit.start > coveredUpTo, hit.start > lastLineEnd, previousEnd >= 0,
                  hit.start > previousEnd, hit.start - previousEnd <= Self.maxGap,
                  Self.separatesCells(previousEnd..<hit.start, in: text) else { continue }
            let ls = Self.lineStart(hit.start, in: text)
            let le = Self.lineEnd(hit.start, in: text)
            lastLineEnd = le
            guard le - ls <= Self.maxLine, ls <= previousEnd, ls == 0 || text[ls - 1] == 0x0A,
                  let block = Self.block(header: ls..<le, in: text) else { continue }
            blocks.append(block)
            coveredUpTo = block.rows.upperBound
        }
        self.blocks = blocks
    }

    /// The widest gap between two column words of a header (a short unknown column between them).
    static let maxGap = 48

    /// Whether `gap` (between two column words) holds a cell separator and no line break.
    static func separatesCells(_ gap: Range<Int>, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        var found = false
        var spaces = 0
        for i in gap {
            let b = text[i]
            if b == 0x0A { return false }
            if b == UInt8(ascii: "|") || b == 0x09 || b == UInt8(ascii: ";") { found = true }
            if b == 0x20 {
                spaces += 1
                if spaces >= 2 { found = true }
            } else {
                spaces = 0
            }
        }
        return found
    }

    // MARK: lookups

    /// The block whose rows hold `offset`.
    public func blockIndex(containing offset: Int) -> Int? {
        var lo = 0, hi = blocks.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if blocks[mid].rows.upperBound < offset { lo = mid + 1 } else { hi = mid }
        }
        guard lo < blocks.count, blocks[lo].rows.lowerBound <= offset, offset <= blocks[lo].rows.upperBound else { return nil }
        return lo
    }

    /// Whether `offset` is on a table's header line.
    public func isHeader(_ offset: Int) -> Bool {
        var lo = 0, hi = blocks.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if blocks[mid].header.upperBound < offset { lo = mid + 1 } else { hi = mid }
        }
        return lo < blocks.count && blocks[lo].header.lowerBound <= offset && offset <= blocks[lo].header.upperBound
    }

    /// The cell holding `offset`, when it is on a row of a table.
    public func cell(at offset: Int, in text: UnsafeBufferPointer<UInt8>) -> TableCell? {
        guard let b = blockIndex(containing: offset) else { return nil }
        let block = blocks[b]
        let ls = Self.lineStart(offset, in: text)
        let le = Self.lineEnd(offset, in: text)
        guard ls >= block.rows.lowerBound, le - ls <= Self.maxLine else { return nil }
        var found: TableCell?
        Self.forEachCell(of: block, line: ls..<le, in: text) { index, range in
            guard range.lowerBound <= offset && offset <= range.upperBound else { return true }
            let role = index < block.roles.count ? block.roles[index] : .none
            found = TableCell(role: role, range: range, row: ls..<le, block: b)
            return false
        }
        return found
    }

    /// Every cell of the columns with `role`, in text order.
    public func cells(_ role: ColumnRole, in text: UnsafeBufferPointer<UInt8>) -> [TableCell] {
        var out: [TableCell] = []
        for (b, block) in blocks.enumerated() {
            guard let column = block.index(of: role) else { continue }
            var ls = block.rows.lowerBound
            while ls < block.rows.upperBound {
                let le = Self.lineEnd(ls, in: text)
                if le - ls <= Self.maxLine {
                    Self.forEachCell(of: block, line: ls..<le, in: text) { index, range in
                        guard index == column else { return index < column }
                        if !range.isEmpty { out.append(TableCell(role: role, range: range, row: ls..<le, block: b)) }
                        return false
                    }
                }
                ls = le + 1
            }
        }
        return out
    }

    // MARK: finding tables

    /// The table whose header is `line`, if the line reads as one and rows follow it.
    static func block(header line: Range<Int>, in text: UnsafeBufferPointer<UInt8>) -> TableBlock? {
        guard let separator = separator(of: line, in: text) else { return nil }
        var roles: [ColumnRole] = []
        var starts: [Int] = []
        var known = 0
        var valid = true
        split(line, by: separator, in: text) { range, column in
            guard roles.count < maxCells else { valid = false; return false }
            guard headerCellShape(range, in: text) else { valid = false; return false }
            let role = self.role(ofHeaderCell: range, in: text)
            if role != .none && role != .order && role != .money && role != .date { known += 1 }
            roles.append(role)
            starts.append(column)
            return true
        }
        // `;` and spaces also separate prose: they need more of a header's look.
        let loose = separator == .semicolon || separator == .spaces
        guard valid, roles.count >= (loose ? 3 : 2), known >= (loose ? 2 : 1) else { return nil }
        // The rows: the lines below with the same separator, up to a line without one.
        var rowsStart = -1
        var rowsEnd = -1
        var ls = line.upperBound + 1
        var count = 0
        while ls < text.count && count < maxRows {
            let le = lineEnd(ls, in: text)
            if isRule(ls..<le, in: text) {
                ls = le + 1
                continue
            }
            guard le - ls <= maxLine, let s = Self.separator(of: ls..<le, in: text), s == separator else { break }
            if rowsStart < 0 { rowsStart = ls }
            rowsEnd = le
            count += 1
            ls = le + 1
        }
        guard rowsStart >= 0 else { return nil }
        return TableBlock(separator: separator, header: line, rows: rowsStart..<rowsEnd, roles: roles, columnStarts: starts)
    }

    /// A header cell is a few words: no long numbers, no e-mail, no sentence.
    static func headerCellShape(_ r: Range<Int>, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard r.count <= maxHeaderCell * 3 else { return false }
        var digits = 0
        var words = 0
        var inWord = false
        for i in r {
            let b = text[i]
            if UTF8Classes.isDigit(b) {
                digits += 1
                if digits >= 3 { return false }
            } else {
                digits = 0
            }
            // "Họ tên:" labels a form's field, "a@b" is a value.
            if b == UInt8(ascii: "@") || b == UInt8(ascii: ":") { return false }
            let space = b == 0x20
            if !space && !inWord { words += 1 }
            inWord = !space
        }
        return words <= 6
    }

    /// The separator a line uses: `|`, a tab, `;` or two spaces between cells.
    static func separator(of line: Range<Int>, in text: UnsafeBufferPointer<UInt8>) -> TableBlock.Separator? {
        var pipes = 0, tabs = 0, semicolons = 0, gaps = 0
        var spaces = 0
        var sawContent = false
        for i in line {
            let b = text[i]
            switch b {
            case UInt8(ascii: "|"): pipes += 1
            case 0x09: tabs += 1
            case UInt8(ascii: ";"): semicolons += 1
            default: break
            }
            if b == 0x20 {
                spaces += 1
            } else {
                if spaces >= 2 && sawContent && b != 0x0D { gaps += 1 }
                spaces = 0
                if b != 0x0D { sawContent = true }
            }
        }
        // A leading and a trailing pipe open and close the row: "| a | b |".
        if pipes >= 1 && (pipes >= 2 || !startsWithPipe(line, in: text)) { return .pipe }
        if tabs >= 1 { return .tab }
        if semicolons >= 1 { return .semicolon }
        if gaps >= 1 { return .spaces }
        return nil
    }

    static func startsWithPipe(_ line: Range<Int>, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = line.lowerBound
        while i < line.upperBound && text[i] == 0x20 { i += 1 }
        return i < line.upperBound && text[i] == UInt8(ascii: "|")
    }

    /// `|---|:---:|`, `-----`: a rule under a header.
    static func isRule(_ line: Range<Int>, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        var dashes = 0
        for i in line {
            switch text[i] {
            case UInt8(ascii: "-"), UInt8(ascii: "="): dashes += 1
            case UInt8(ascii: "|"), UInt8(ascii: ":"), UInt8(ascii: "+"), 0x20, 0x09, 0x0D: continue
            default: return false
            }
        }
        return dashes >= 3
    }

    /// Calls `body` with each cell of `line` (trimmed) and where it starts in characters from the
    /// line start, until it returns false. A leading `|` opens no cell; the empty cell after a
    /// closing `|` (or trailing spaces) is no cell.
    static func split(_ line: Range<Int>, by separator: TableBlock.Separator, in text: UnsafeBufferPointer<UInt8>,
                      _ body: (Range<Int>, Int) -> Bool) {
        let end = line.upperBound
        var i = line.lowerBound
        var column = 0
        while i < end && text[i] == 0x20 { i += 1; column += 1 }
        if separator == .pipe && i < end && text[i] == UInt8(ascii: "|") { i += 1; column += 1 }
        let separatorByte: UInt8
        switch separator {
        case .pipe: separatorByte = UInt8(ascii: "|")
        case .tab: separatorByte = 0x09
        case .semicolon: separatorByte = UInt8(ascii: ";")
        case .spaces: separatorByte = 0x20
        }
        var cellStart = i
        var cellColumn = column
        while i < end {
            let b = text[i]
            if separator == .spaces {
                if b == 0x20 && i + 1 < end && text[i + 1] == 0x20 {
                    var j = i
                    while j < end && text[j] == 0x20 { j += 1 }
                    let range = trim(cellStart..<i, in: text)
                    if !range.isEmpty && !body(range, cellColumn) { return }
                    column += j - i
                    i = j
                    cellStart = j
                    cellColumn = column
                    continue
                }
            } else if b == separatorByte {
                if !body(trim(cellStart..<i, in: text), cellColumn) { return }
                i += 1
                column += 1
                cellStart = i
                cellColumn = column
                continue
            }
            if !UTF8Classes.isContinuation(b) && !isMark(at: i, in: text) { column += 1 }
            i += 1
        }
        let range = trim(cellStart..<end, in: text)
        if range.isEmpty && (separator == .pipe || separator == .spaces) { return }
        _ = body(range, cellColumn)
    }

    /// Calls `body` with the index and range of each cell of a row of `block`, until it returns false.
    static func forEachCell(of block: TableBlock, line: Range<Int>, in text: UnsafeBufferPointer<UInt8>,
                            _ body: (Int, Range<Int>) -> Bool) {
        var index = 0
        split(line, by: block.separator, in: text) { range, column in
            var k = index
            if block.separator == .spaces {
                // Aligned columns: the header cell that starts at or just before this one.
                k = 0
                for (c, start) in block.columnStarts.enumerated() where start <= column + 1 { k = c }
            }
            index += 1
            return body(k, range)
        }
    }

    static func trim(_ r: Range<Int>, in text: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        var lo = r.lowerBound, hi = r.upperBound
        while lo < hi && (text[lo] == 0x20 || text[lo] == 0x09 || text[lo] == 0x0D) { lo += 1 }
        while hi > lo && (text[hi - 1] == 0x20 || text[hi - 1] == 0x09 || text[hi - 1] == 0x0D) { hi -= 1 }
        return lo..<hi
    }

    /// A combining mark (U+0300–U+036F) starts at `i`: no column of its own.
    @inline(__always) static func isMark(at i: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        let b = text[i]
        guard b == 0xCC || b == 0xCD, i + 1 < text.count else { return false }
        return b == 0xCC || text[i + 1] < 0xB0
    }

    /// The role of a header cell: the longest header word it starts with.
    static func role(ofHeaderCell r: Range<Int>, in text: UnsafeBufferPointer<UInt8>) -> ColumnRole {
        let folded = VietnameseFolding.foldedASCII(text, r)
        var start = 0
        while start < folded.count && folded[start] == 0x20 { start += 1 }
        let cell = folded[start...]
        for (word, role) in headerTable where word.count <= cell.count {
            guard cell.starts(with: word) else { continue }
            let after = cell.startIndex + word.count
            if after == cell.endIndex || cell[after] == 0x20 { return role }
        }
        return .none
    }

    static func lineStart(_ offset: Int, in text: UnsafeBufferPointer<UInt8>) -> Int {
        var i = min(max(0, offset), text.count)
        let floor = max(0, i - maxLine - 1)
        while i > floor && text[i - 1] != 0x0A { i -= 1 }
        return i
    }

    static func lineEnd(_ offset: Int, in text: UnsafeBufferPointer<UInt8>) -> Int {
        var i = min(max(0, offset), text.count)
        let ceiling = min(text.count, i + maxLine + 1)
        while i < ceiling && text[i] != 0x0A { i += 1 }
        return i
    }
}
