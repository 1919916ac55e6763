import Foundation

/// Dates inside questions ("on May 20", "since 2026-03-10", "between March 1 and March 15").
enum QuestionDates {
    struct Found { let day: CalendarDay }

    private static let months = "january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
    private static let iso = try! NSRegularExpression(pattern: #"\b([0-9]{4})-([0-9]{2})-([0-9]{2})\b"#)
    private static let monthDay = try! NSRegularExpression(pattern: "(?i)\\b(\(months))\\.? ([0-9]{1,2})(?:st|nd|rd|th)?\\b")
    private static let dayMonth = try! NSRegularExpression(pattern: "(?i)\\b([0-9]{1,2})(?:st|nd|rd|th)? (?:of )?(\(months))\\b")
    private static let monthOnly = try! NSRegularExpression(pattern: "(?i)\\b(?:since|in|from|after|before|until) (\(months))\\b(?! [0-9])")

    static func find(in text: String, reference: CalendarDay) -> [Found] {
        var out: [(Int, CalendarDay)] = []
        let ns = text as NSString
        let all = NSRange(location: 0, length: ns.length)
        func year(_ month: Int, _ day: Int) -> CalendarDay? {
            guard var d = CalendarDay(year: reference.year, month: month, day: day) else { return nil }
            if d.dayNumber > reference.dayNumber + 183 { d = CalendarDay(year: reference.year - 1, month: month, day: day) ?? d }
            return d
        }
        for m in iso.matches(in: text, range: all) {
            if let d = CalendarDay(iso: ns.substring(with: m.range)) { out.append((m.range.location, d)) }
        }
        for m in monthDay.matches(in: text, range: all) {
            if let mo = CalendarDay.month(named: ns.substring(with: m.range(at: 1))), let d = year(mo, Int(ns.substring(with: m.range(at: 2)))!) {
                out.append((m.range.location, d))
            }
        }
        for m in dayMonth.matches(in: text, range: all) {
            if let mo = CalendarDay.month(named: ns.substring(with: m.range(at: 2))), let d = year(mo, Int(ns.substring(with: m.range(at: 1)))!) {
                out.append((m.range.location, d))
            }
        }
        for m in monthOnly.matches(in: text, range: all) {
            if let mo = CalendarDay.month(named: ns.substring(with: m.range(at: 1))), let d = year(mo, 1) { out.append((m.range.location, d)) }
        }
        return out.sorted { $0.0 < $1.0 }.map { Found(day: $0.1) }
    }
}
