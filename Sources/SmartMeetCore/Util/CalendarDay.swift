import Foundation

/// A calendar date with no time zone. Meeting dates and due dates are days, and doing
/// day arithmetic on `Date` invites off-by-one errors around midnight and DST.
public struct CalendarDay: Comparable, Hashable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), (1...9999).contains(year),
              day >= 1, day <= CalendarDay.daysIn(month: month, year: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    public init?(iso: String) {
        let parts = iso.prefix(10).split(separator: "-")
        guard parts.count == 3, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    public init(dayNumber n: Int) {
        // Inverse of `dayNumber` (Howard Hinnant's civil_from_days).
        let z = n + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.year = yoe + era * 400 + (m <= 2 ? 1 : 0)
        self.month = m
        self.day = d
    }

    public init(date: Date) {
        self.init(dayNumber: Int((date.timeIntervalSince1970 / 86_400).rounded(.down)))
    }

    /// Days since 1970-01-01.
    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// 0 = Sunday … 6 = Saturday.
    public var weekday: Int { ((dayNumber % 7) + 11) % 7 }

    public var iso: String { String(format: "%04d-%02d-%02d", year, month, day) }
    public var description: String { iso }

    public func adding(days: Int) -> CalendarDay { CalendarDay(dayNumber: dayNumber + days) }

    public var endOfMonth: CalendarDay {
        CalendarDay(year: year, month: month, day: CalendarDay.daysIn(month: month, year: year))!
    }

    /// "March 27" — the form answers use so people read dates without thinking.
    public var spoken: String { "\(CalendarDay.monthNames[month - 1].capitalized) \(day)" }

    public static func < (a: CalendarDay, b: CalendarDay) -> Bool { a.dayNumber < b.dayNumber }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public static let monthNames = ["january", "february", "march", "april", "may", "june", "july",
                                    "august", "september", "october", "november", "december"]
    public static let weekdayNames = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"]

    public static func month(named raw: String) -> Int? {
        let s = raw.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "."))
        guard s.count >= 3 else { return nil }
        if s == "sept" { return 9 }
        if let i = monthNames.firstIndex(where: { $0 == s || (s.count == 3 && $0.hasPrefix(s)) }) { return i + 1 }
        return nil
    }

    public static func weekday(named raw: String) -> Int? {
        let s = raw.lowercased()
        return weekdayNames.firstIndex(where: { $0 == s || (s.count >= 3 && $0.hasPrefix(s) && s.count <= 4) })
    }
}
