/// A non-negative number written with a fixed number of decimals exactly as printf's `%.Nf`
/// writes it, by hand: `String(format:)` costs more on Linux than the rest of judging a
/// photo's GPS, and evidence strings are written for every located file.
enum FixedDecimal {
    /// `value` with `decimals` (0…6) digits after the point. printf rounds the exact binary
    /// value, half to even: where the scaled product lands on a half, its rounding error (exact,
    /// by fma) says which side the true value is on. Values outside 0..<1e9 and non-finite ones
    /// fall back to Swift's description.
    static func format(_ value: Double, decimals: Int) -> String {
        guard value.isFinite, value >= 0, value < 1e9, (0...6).contains(decimals) else { return "\(value)" }
        var unit = 1
        for _ in 0..<decimals { unit *= 10 }
        let scaled = value * Double(unit)
        var units = Int(scaled.rounded(.down))
        let rest = scaled - scaled.rounded(.down)
        if rest > 0.5 {
            units += 1
        } else if rest == 0.5 {
            let error = (-scaled).addingProduct(value, Double(unit))  // value·unit − scaled, exactly
            if error > 0 || (error == 0 && units % 2 == 1) { units += 1 }
        }
        guard decimals > 0 else { return "\(units)" }
        var fraction = String(units % unit)
        fraction = String(repeating: "0", count: decimals - fraction.count) + fraction
        return "\(units / unit).\(fraction)"
    }
}
