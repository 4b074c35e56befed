/// The digit and group arrays of the run being parsed, in buffers that grow but never
/// shrink. A run is built here and copied into its `NumberRun` once, one bulk copy per array,
/// instead of one `append` per digit on arrays emptied for every run (each append re-checks
/// that the array is uniquely owned, and emptying one keeping its capacity is a generic
/// `replaceSubrange`): that bookkeeping cost more than reading the digits.
final class NumberRunBuilder {
    private(set) var digits: UnsafeMutablePointer<UInt8>
    private(set) var digitStart: UnsafeMutablePointer<Int>
    /// The pointees are writable: a keycap suffix extends the last digit's source range.
    private(set) var digitEnd: UnsafeMutablePointer<Int>
    private(set) var digitCount = 0
    private var digitCapacity: Int
    private var groupStart: UnsafeMutablePointer<Int>
    private var separator: UnsafeMutablePointer<UInt8>
    private(set) var groupCount = 0
    private var groupCapacity: Int

    init(digitCapacity: Int = 64, groupCapacity: Int = 16) {
        self.digitCapacity = max(1, digitCapacity)
        self.groupCapacity = max(1, groupCapacity)
        digits = .allocate(capacity: self.digitCapacity)
        digitStart = .allocate(capacity: self.digitCapacity)
        digitEnd = .allocate(capacity: self.digitCapacity)
        groupStart = .allocate(capacity: self.groupCapacity)
        separator = .allocate(capacity: self.groupCapacity)
    }

    deinit {
        digits.deallocate()
        digitStart.deallocate()
        digitEnd.deallocate()
        groupStart.deallocate()
        separator.deallocate()
    }

    @inline(__always) func reset() {
        digitCount = 0
        groupCount = 0
    }

    @inline(__always) func appendDigit(_ value: UInt8, from start: Int, to end: Int) {
        if digitCount == digitCapacity { growDigits() }
        digits[digitCount] = value
        digitStart[digitCount] = start
        digitEnd[digitCount] = end
        digitCount += 1
    }

    /// A group begins at the next digit, after `separator` (`0` before the first).
    @inline(__always) func appendGroup(separator sep: UInt8) {
        if groupCount == groupCapacity { growGroups() }
        groupStart[groupCount] = digitCount
        separator[groupCount] = sep
        groupCount += 1
    }

    /// Replaces the run's digit and group arrays with the ones built here.
    func store(into run: inout NumberRun) {
        run.digits.replaceSubrange(0..<run.digits.count, with: UnsafeBufferPointer(start: digits, count: digitCount))
        run.digitStart.replaceSubrange(0..<run.digitStart.count,
                                       with: UnsafeBufferPointer(start: digitStart, count: digitCount))
        run.digitEnd.replaceSubrange(0..<run.digitEnd.count, with: UnsafeBufferPointer(start: digitEnd, count: digitCount))
        run.groupStart.replaceSubrange(0..<run.groupStart.count,
                                       with: UnsafeBufferPointer(start: groupStart, count: groupCount))
        run.separator.replaceSubrange(0..<run.separator.count,
                                      with: UnsafeBufferPointer(start: separator, count: groupCount))
    }

    private func growDigits() {
        let capacity = digitCapacity * 2
        digits = Self.moved(digits, count: digitCount, to: capacity)
        digitStart = Self.moved(digitStart, count: digitCount, to: capacity)
        digitEnd = Self.moved(digitEnd, count: digitCount, to: capacity)
        digitCapacity = capacity
    }

    private func growGroups() {
        let capacity = groupCapacity * 2
        groupStart = Self.moved(groupStart, count: groupCount, to: capacity)
        separator = Self.moved(separator, count: groupCount, to: capacity)
        groupCapacity = capacity
    }

    private static func moved<T>(_ old: UnsafeMutablePointer<T>, count: Int, to capacity: Int) -> UnsafeMutablePointer<T> {
        let new = UnsafeMutablePointer<T>.allocate(capacity: capacity)
        new.moveInitialize(from: old, count: count)
        old.deallocate()
        return new
    }
}
