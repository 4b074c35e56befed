import Foundation

public enum CalendarYear {
    /// The current year in the Gregorian calendar (UTC), for plausibility checks on birth years.
    public static var current: Int {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        return calendar.component(.year, from: Date())
    }
}
