import Foundation

/// Finds dates in a sentence and resolves them against the meeting date: "March 27th",
/// "Friday the 13th", "the 24th", "end of September", "end of the month", "next Friday",
/// "by Friday". Only dates on or after the meeting are due dates; a date in the past
/// reports what happened, not what is due.
enum DueDateFinder {
    struct Found {
        let day: CalendarDay
        let range: Range<Int>
    }

    private static let weekdays = "monday|tuesday|wednesday|thursday|friday|saturday|sunday"
    private static let months = "january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
    private static let patterns: [(NSRegularExpression, Kind)] = ([
        (#"\b(\d{4})-(\d{2})-(\d{2})\b"#, .iso),
        (#"\bend of (?:the )?(month|week|quarter|year)\b"#, .endOfThis),
        (#"\bend of next (month|week|quarter)\b"#, .endOfNext),
        (#"\bend of (\#(months))\b"#, .endOfMonthNamed),
        (#"\bend of (q[1-4])\b"#, .endOfQuarterNamed),
        (#"\b(\#(months)) (\d{1,2})(?:st|nd|rd|th)?\b"#, .monthDay),
        (#"\b(\d{1,2})(?:st|nd|rd|th)? (?:of )?(\#(months))\b"#, .dayMonth),
        (#"\b(?:(?:\#(weekdays)) )?the (\d{1,2})(?:st|nd|rd|th)\b"#, .dayOnly),
        (#"\bnext (\#(weekdays))\b"#, .nextWeekday),
        (#"\b(?:this|by|on|until|before|due|for) (\#(weekdays))\b"#, .weekday),
        (#"\btomorrow\b"#, .tomorrow),
    ] as [(String, Kind)]).map { (try! NSRegularExpression(pattern: $0.0), $0.1) }

    private enum Kind { case iso, endOfThis, endOfNext, endOfMonthNamed, endOfQuarterNamed, monthDay, dayMonth, dayOnly, nextWeekday, weekday, tomorrow }

    /// Words before a bare weekday that make it a plan rather than a report.
    private static let futureMarkers: Set<String> = ["will", "'ll", "i'll", "we'll", "it'll", "going", "by", "due",
                                                     "next", "target", "targeting", "should", "until", "before",
                                                     "scheduled", "planned", "aiming", "shall", "gonna", "expect"]

    static func find(in sentence: Sentence, meetingDate: CalendarDay) -> [Found] {
        var out: [Found] = []
        var taken = Set<Int>()
        let ns = sentence.joined as NSString
        for (regex, kind) in patterns {
            for m in regex.matches(in: sentence.joined, range: NSRange(location: 0, length: ns.length)) {
                let range = sentence.tokenRange(of: m.range)
                if range.contains(where: taken.contains) { continue }
                func group(_ i: Int) -> String { ns.substring(with: m.range(at: i)) }
                guard let day = resolve(kind, group: group, sentence: sentence, range: range, meeting: meetingDate) else { continue }
                range.forEach { taken.insert($0) }
                guard day >= meetingDate else { continue }
                out.append(Found(day: day, range: range))
            }
        }
        return out.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    private static func resolve(_ kind: Kind, group: (Int) -> String, sentence: Sentence, range: Range<Int>,
                                meeting: CalendarDay) -> CalendarDay? {
        switch kind {
        case .iso:
            return CalendarDay(year: Int(group(1))!, month: Int(group(2))!, day: Int(group(3))!)
        case .endOfThis:
            switch group(1) {
            case "month": return meeting.endOfMonth
            case "week": return meeting.adding(days: (5 - meeting.weekday + 7) % 7)
            case "quarter": return quarterEnd(of: meeting, offset: 0)
            default: return CalendarDay(year: meeting.year, month: 12, day: 31)
            }
        case .endOfNext:
            switch group(1) {
            case "month":
                let next = meeting.endOfMonth.adding(days: 1)
                return next.endOfMonth
            case "week": return meeting.adding(days: (5 - meeting.weekday + 7) % 7 + 7)
            default: return quarterEnd(of: meeting, offset: 1)
            }
        case .endOfMonthNamed:
            guard let mo = CalendarDay.month(named: group(1)), isMonthWord(sentence, range.upperBound - 1) else { return nil }
            let year = mo < meeting.month - 6 ? meeting.year + 1 : meeting.year
            return CalendarDay(year: year, month: mo, day: 1)?.endOfMonth
        case .endOfQuarterNamed:
            let q = Int(group(1).dropFirst())!
            var day = CalendarDay(year: meeting.year, month: q * 3, day: 1)!.endOfMonth
            if day < meeting { day = CalendarDay(year: meeting.year + 1, month: q * 3, day: 1)!.endOfMonth }
            return day
        case .monthDay:
            guard let mo = CalendarDay.month(named: group(1)), isMonthWord(sentence, range.lowerBound) else { return nil }
            return nearest(month: mo, day: Int(group(2))!, to: meeting)
        case .dayMonth:
            guard let mo = CalendarDay.month(named: group(2)), isMonthWord(sentence, range.upperBound - 1) else { return nil }
            return nearest(month: mo, day: Int(group(1))!, to: meeting)
        case .dayOnly:
            let d = Int(group(1))!
            guard (1...31).contains(d) else { return nil }
            // "Cutover happened on the 7th": in a report of the past, the 7th already passed.
            let before = sentence.tokens[..<range.lowerBound].suffix(5).map(\.lower)
            let presentOrFuture = before.contains { ["is", "are", "will", "be", "for", "by", "until", "'s", "due", "it's", "target"].contains($0) || $0.hasSuffix("'ll") }
            if !presentOrFuture || before.contains(where: { ["was", "were", "did", "had", "happened"].contains($0) }),
               before.contains(where: { MentionFinder.likelyVerb($0) || ["was", "were", "did", "had"].contains($0) }) {
                return d <= meeting.day ? CalendarDay(year: meeting.year, month: meeting.month, day: d) : nil
            }
            if d >= meeting.day, let same = CalendarDay(year: meeting.year, month: meeting.month, day: d) { return same }
            let nextMonthStart = meeting.endOfMonth.adding(days: 1)
            return CalendarDay(year: nextMonthStart.year, month: nextMonthStart.month, day: d)
        case .nextWeekday:
            guard let wd = CalendarDay.weekday(named: group(1)) else { return nil }
            // "next Friday": the Friday of next week (weeks start on Monday).
            let daysToNextMonday = (8 - meeting.weekday) % 7 == 0 ? 7 : (8 - meeting.weekday) % 7
            let monday = meeting.adding(days: daysToNextMonday)
            return monday.adding(days: (wd + 6) % 7)
        case .weekday:
            guard let wd = CalendarDay.weekday(named: group(1)) else { return nil }
            let before = sentence.tokens[..<range.upperBound].suffix(8).map(\.lower)
            guard before.contains(where: futureMarkers.contains) || before.last(where: { _ in true }) == "by" else { return nil }
            var delta = (wd - meeting.weekday + 7) % 7
            if delta == 0 { delta = 7 }
            return meeting.adding(days: delta)
        case .tomorrow:
            return meeting.adding(days: 1)
        }
    }

    /// "May" is also a verb: only the capitalised spelling is a month.
    private static func isMonthWord(_ sentence: Sentence, _ index: Int) -> Bool {
        let t = sentence.tokens[index]
        return t.lower != "may" || t.isCapitalized
    }

    private static func nearest(month: Int, day: Int, to meeting: CalendarDay) -> CalendarDay? {
        guard let this = CalendarDay(year: meeting.year, month: month, day: day) else { return nil }
        // A date more than six months back is next year's ("January 15" said in November).
        if this.dayNumber < meeting.dayNumber - 183 { return CalendarDay(year: meeting.year + 1, month: month, day: day) }
        return this
    }

    private static func quarterEnd(of day: CalendarDay, offset: Int) -> CalendarDay {
        let q = (day.month - 1) / 3 + offset
        let year = day.year + q / 4
        let month = (q % 4) * 3 + 3
        return CalendarDay(year: year, month: month, day: 1)!.endOfMonth
    }
}
