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

    /// The lowercase words of a sentence joined by spaces, with each word's offset, so
    /// the patterns below can be mapped back to word positions.
    struct WordText {
        let words: [Word]
        let joined: String
        let offsets: [Int]

        init(_ words: [Word]) {
            self.words = words
            var joined = ""
            var offsets: [Int] = []
            for w in words {
                if !joined.isEmpty { joined += " " }
                offsets.append((joined as NSString).length)
                joined += w.lower
            }
            self.joined = joined
            self.offsets = offsets
        }

        func index(atUTF16 o: Int) -> Int {
            var lo = 0, hi = offsets.count - 1
            while lo < hi {
                let mid = (lo + hi + 1) / 2
                if offsets[mid] <= o { lo = mid } else { hi = mid - 1 }
            }
            return lo
        }

        func range(of r: NSRange) -> Range<Int> {
            index(atUTF16: r.location)..<(index(atUTF16: max(r.location, r.location + r.length - 1)) + 1)
        }
    }

    private static let weekdays = "monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun"
    private static let ordinals = "first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty first|twenty second|twenty third|twenty fourth|twenty fifth|twenty sixth|twenty seventh|twenty eighth|twenty ninth|thirtieth|thirty first"
    private static let months = "january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
    private static let patterns: [(NSRegularExpression, Kind)] = ([
        (#"\b([0-9]{4})-([0-9]{2})-([0-9]{2})\b"#, .iso),
        (#"\bend of (?:the )?(month|week|quarter|year)\b"#, .endOfThis),
        (#"\b(eom|eow|eoq|eoy)\b"#, .endOfAbbreviated),
        (#"\b([0-9]{1,2})/([0-9]{1,2})\b"#, .numeric),
        (#"\bmid[- ](\#(months))\b"#, .midMonth),
        (#"\b(\#(months)) (?:the )?(\#(ordinals))\b"#, .monthOrdinal),
        (#"\b(?:the )?(\#(ordinals)) of (\#(months))\b"#, .ordinalMonth),
        (#"\bthe (\#(ordinals))\b"#, .ordinalOnly),
        (#"\b(?:in|within) a fortnight\b"#, .fortnight),
        (#"\bend of next (month|week|quarter)\b"#, .endOfNext),
        (#"\bend of (\#(months))\b"#, .endOfMonthNamed),
        (#"\bend of (q[1-4])\b"#, .endOfQuarterNamed),
        (#"\b(\#(months)) ([0-9]{1,2})(?:st|nd|rd|th)?\b"#, .monthDay),
        (#"\b([0-9]{1,2})(?:st|nd|rd|th)? (?:of )?(\#(months))\b"#, .dayMonth),
        (#"\b(?:(?:\#(weekdays)) )?the ([0-9]{1,2})(?:st|nd|rd|th)\b"#, .dayOnly),
        (#"\bnext (\#(weekdays))\b"#, .nextWeekday),
        (#"\b(?:this|by|on|until|before|due|for) (\#(weekdays))\b"#, .weekday),
        (#"\btomorrow\b"#, .tomorrow),
    ] as [(String, Kind)]).map { (try! NSRegularExpression(pattern: $0.0), $0.1) }

    /// What each pattern's match must contain: every group, one literal of each. Most
    /// sentences name no date, and a byte search rules a pattern out for far less than
    /// running it (18 ICU matches a sentence were a tenth of the extractor's time). Every
    /// month and weekday alternative holds its three-letter stem, every ordinal one of
    /// `ordinalStems`, so a pattern skipped here could not have matched.
    private static func required(_ kind: Kind) -> [[String]] {
        let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
        let weekdays = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
        let ordinalStems = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
                            "eleventh", "twelfth", "teenth", "twentieth", "thirtieth"]
        let digits = (0...9).map(String.init)
        switch kind {
        case .iso, .numeric: return [digits, kind == .numeric ? ["/"] : ["-"]]
        case .endOfThis, .endOfNext, .endOfMonthNamed, .endOfQuarterNamed: return [["end of "]]
        case .endOfAbbreviated: return [["eo"]]
        case .midMonth: return [["mid"], months]
        case .monthOrdinal: return [months, ordinalStems]
        case .ordinalMonth: return [ordinalStems, [" of "], months]
        case .ordinalOnly: return [["the "], ordinalStems]
        case .fortnight: return [["fortnight"]]
        case .monthDay, .dayMonth: return [digits, months]
        case .dayOnly: return [["the "], digits]
        case .nextWeekday: return [["next "], weekdays]
        case .weekday: return [weekdays]
        case .tomorrow: return [["tomorrow"]]
        }
    }

    private static let requiredBytes: [[[[UInt8]]]] = patterns.map { required($0.1).map { $0.map { Array($0.utf8) } } }

    private static func mayMatch(_ text: [UInt8], _ groups: [[[UInt8]]]) -> Bool {
        groups.allSatisfy { group in
            group.contains { needle in
                guard needle.count <= text.count else { return false }
                return (0...(text.count - needle.count)).contains { i in
                    text[i] == needle[0] && text[i..<(i + needle.count)].elementsEqual(needle)
                }
            }
        }
    }

    private enum Kind {
        case iso, endOfThis, endOfAbbreviated, endOfNext, endOfMonthNamed, endOfQuarterNamed, monthDay, dayMonth, dayOnly, nextWeekday,
             weekday, tomorrow, numeric, midMonth, monthOrdinal, ordinalMonth, ordinalOnly, fortnight
    }

    /// Words before a bare weekday that make it a plan rather than a report.
    private static let futureMarkers: Set<String> = ["will", "'ll", "i'll", "we'll", "it'll", "going", "by", "due",
                                                     "next", "target", "targeting", "should", "until", "before",
                                                     "scheduled", "planned", "aiming", "shall", "gonna", "expect"]

    static func find(in words: [Word], meetingDate: CalendarDay) -> [Found] {
        let sentence = WordText(words)
        var out: [Found] = []
        var taken = Set<Int>()
        let ns = sentence.joined as NSString
        let bytes = Array(sentence.joined.utf8)
        for ((regex, kind), required) in zip(patterns, requiredBytes) where mayMatch(bytes, required) {
            for m in regex.matches(in: sentence.joined, range: NSRange(location: 0, length: ns.length)) {
                let range = sentence.range(of: m.range)
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

    private static func resolve(_ kind: Kind, group: (Int) -> String, sentence: WordText, range: Range<Int>,
                                meeting: CalendarDay) -> CalendarDay? {
        switch kind {
        case .endOfAbbreviated:
            switch group(1) {
            case "eom": return meeting.endOfMonth
            case "eow": return meeting.adding(days: (5 - meeting.weekday + 7) % 7)
            case "eoq": return quarterEnd(of: meeting, offset: 0)
            default: return CalendarDay(year: meeting.year, month: 12, day: 31)
            }
        case .numeric:
            // "4/24", "fri 3/27": month first, as US notes write it; "24/4" is read day first.
            let a = Int(group(1))!, b = Int(group(2))!
            let (mo, d) = a <= 12 ? (a, b) : (b, a)
            guard (1...12).contains(mo), (1...31).contains(d) else { return nil }
            return nearest(month: mo, day: d, to: meeting)
        case .midMonth:
            guard let mo = CalendarDay.month(named: group(1)) else { return nil }
            return nearest(month: mo, day: 15, to: meeting)
        case .monthOrdinal:
            guard let mo = CalendarDay.month(named: group(1)), let d = ordinalValue(group(2)), isMonthWord(sentence, range.lowerBound) else { return nil }
            return nearest(month: mo, day: d, to: meeting)
        case .ordinalMonth:
            guard let mo = CalendarDay.month(named: group(2)), let d = ordinalValue(group(1)) else { return nil }
            return nearest(month: mo, day: d, to: meeting)
        case .ordinalOnly:
            // "the first production run", "the second phase": an ordinal before a noun counts
            // things; only one standing alone ("by the fifth") is a day of the month.
            if range.upperBound < sentence.words.count, [.noun, .adj, .propn, .num].contains(sentence.words[range.upperBound].tag) { return nil }
            guard let d = ordinalValue(group(1)) else { return nil }
            return dayOfMonth(d, sentence: sentence, range: range, meeting: meeting)
        case .fortnight:
            return meeting.adding(days: 14)
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
            return dayOfMonth(Int(group(1))!, sentence: sentence, range: range, meeting: meeting)
        case .nextWeekday:
            guard let wd = CalendarDay.weekday(named: group(1)) else { return nil }
            // "next Friday": the Friday of next week (weeks start on Monday).
            let daysToNextMonday = (8 - meeting.weekday) % 7 == 0 ? 7 : (8 - meeting.weekday) % 7
            let monday = meeting.adding(days: daysToNextMonday)
            return monday.adding(days: (wd + 6) % 7)
        case .weekday:
            guard let wd = CalendarDay.weekday(named: group(1)) else { return nil }
            let before = sentence.words[..<range.upperBound].suffix(8).map(\.lower)
            guard before.contains(where: futureMarkers.contains) || before.last(where: { _ in true }) == "by" else { return nil }
            var delta = (wd - meeting.weekday + 7) % 7
            if delta == 0 { delta = 7 }
            return meeting.adding(days: delta)
        case .tomorrow:
            return meeting.adding(days: 1)
        }
    }

    /// "the 24th", "the thirteenth": this month's, or next month's once this month's has passed.
    private static func dayOfMonth(_ d: Int, sentence: WordText, range: Range<Int>, meeting: CalendarDay) -> CalendarDay? {
        guard (1...31).contains(d) else { return nil }
        // "Cutover happened on the 7th": in a report of the past, the 7th already passed.
        let before = sentence.words[..<range.lowerBound].suffix(5)
        let presentOrFuture = before.contains { ["is", "are", "will", "be", "for", "by", "until", "'s", "due", "target", "til", "till"].contains($0.lower) || $0.lower.hasSuffix("'ll") }
        let past = before.contains { ["was", "were", "did", "had", "happened"].contains($0.lower) || ($0.tag == .verb && $0.lower.hasSuffix("ed")) }
        if past && !presentOrFuture {
            return d <= meeting.day ? CalendarDay(year: meeting.year, month: meeting.month, day: d) : nil
        }
        if d >= meeting.day, let same = CalendarDay(year: meeting.year, month: meeting.month, day: d) { return same }
        let nextMonthStart = meeting.endOfMonth.adding(days: 1)
        return CalendarDay(year: nextMonthStart.year, month: nextMonthStart.month, day: d)
    }

    private static func ordinalValue(_ s: String) -> Int? {
        if let v = FunctionWords.ordinalWords[s] { return v }
        let parts = s.split(separator: " ")
        guard parts.count == 2, let tens = FunctionWords.numberWords[String(parts[0])], let ones = FunctionWords.ordinalWords[String(parts[1])] else { return nil }
        return tens + ones
    }

    /// "May" is also a verb: only the capitalised spelling is a month (in text that has capitals).
    private static func isMonthWord(_ sentence: WordText, _ index: Int) -> Bool {
        let t = sentence.words[index]
        return t.lower != "may" || t.isCapitalized || t.tag == .propn
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
