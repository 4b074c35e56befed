/// Line and column (1-based; columns count Unicode scalars) for byte offsets, computed in
/// one forward pass when offsets arrive in ascending order.
struct LineColumnCursor {
    private let text: UnsafeBufferPointer<UInt8>
    private var offset = 0
    private var line = 1
    private var column = 1

    init(_ text: UnsafeBufferPointer<UInt8>) {
        self.text = text
    }

    mutating func position(of target: Int) -> (line: Int, column: Int) {
        if target < offset {
            offset = 0
            line = 1
            column = 1
        }
        let end = min(target, text.count)
        while offset < end {
            let b = text[offset]
            if b == 0x0A {
                line += 1
                column = 1
            } else if b & 0xC0 != 0x80 {
                column += 1
            }
            offset += 1
        }
        return (line, column)
    }
}
