import Foundation

/// Shared recognisers for the pieces every format has in some form: `Speaker: text`
/// lines, `Key: value` headers and dates written in the usual ways.
enum HeaderFields {
    static let headerKeys: Set<String> = ["title", "date", "attendees", "participants", "present", "officers", "in attendance", "also present",
                                          "meeting", "subject", "time", "location", "when", "notes"]

    /// `Title: Mobile weekly` → ("title", "Mobile weekly") for known header keys only.
    static func header(_ line: String) -> (key: String, value: String)? {
        guard let colon = line.firstIndex(of: ":") else { return nil }
        let key = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
        guard headerKeys.contains(key) else { return nil }
        return (key, String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces))
    }

    /// "**Present:** Cllr Margaret Hale (Chair), Mr Lowe (Finance)" → ["Margaret Hale", "Lowe"]:
    /// emphasis marks, roles in brackets and titles are not part of a name.
    static func names(_ list: String) -> [String] {
        let withoutRoles = list.replacingOccurrences(of: #"\([^)]*\)"#, with: "", options: .regularExpression)
        return withoutRoles.split(whereSeparator: { $0 == "," || $0 == ";" })
            .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "*_ .\t")) }
            .map { name -> String in
                var words = name.split(separator: " ").map(String.init)
                while words.count > 1, titles.contains(words[0].lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "."))) { words.removeFirst() }
                return words.joined(separator: " ")
            }
            .filter { !$0.isEmpty && $0.count <= 60 && !$0.contains(":") }
    }

    static let titles: Set<String> = ["mr", "mrs", "ms", "miss", "dr", "prof", "professor", "cllr", "councillor", "sir", "dame", "mx"]

    private static let particles: Set<String> = ["de", "van", "der", "von", "da", "del", "la", "le", "bin", "al", "di", "du", "dos"]
    private static let notSpeakers: Set<String> = ["note", "notes", "action", "actions", "decision", "decisions",
                                                   "update", "summary", "agenda", "todo", "next steps", "good news",
                                                   "bad news", "reminder", "question", "answer", "fyi", "ps", "re",
                                                   "http", "https", "warning", "important", "edit", "source"]
    private static let leadingTimestamp = try! NSRegularExpression(
        pattern: #"^\s*[\[(]?[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?(?:[.,][0-9]+)?[\])]?\s*[-–]?\s*"#)

    /// Splits `Maya Chen: text` (optionally after a `[00:01:02]` stamp) into speaker and text.
    /// A speaker label is one to four capitalised words, or `Speaker 2`; lowercase words
    /// (`good news: …`) and known label words are not speakers.
    static func speakerLine(_ raw: String) -> (speaker: String, text: String)? {
        var line = raw
        let ns = line as NSString
        if let m = leadingTimestamp.firstMatch(in: line, range: NSRange(location: 0, length: ns.length)) {
            line = ns.substring(from: m.range.length)
        }
        guard let colon = line.firstIndex(of: ":") else { return nil }
        let label = line[..<colon].trimmingCharacters(in: .whitespaces)
        let rest = line[line.index(after: colon)...]
        guard rest.isEmpty || rest.first == " " || rest.first == "\t" else { return nil } // not 10:30
        guard isSpeakerLabel(label) else { return nil }
        return (label, rest.trimmingCharacters(in: .whitespaces))
    }

    static func isSpeakerLabel(_ label: String) -> Bool {
        guard !label.isEmpty, label.count <= 40, !notSpeakers.contains(label.lowercased()) else { return false }
        if headerKeys.contains(label.lowercased()) { return false }
        let words = label.split(separator: " ")
        guard (1...4).contains(words.count) else { return false }
        for (i, w) in words.enumerated() {
            if particles.contains(String(w)) && i > 0 { continue }
            if i > 0, w.allSatisfy(\.isNumber) { continue } // "Speaker 2"
            guard let first = w.first, first.isUppercase else { return false }
            guard w.allSatisfy({ $0.isLetter || $0 == "'" || $0 == "-" || $0 == "." || $0 == "’" }) else { return false }
        }
        return true
    }

    private static let isoDate = try! NSRegularExpression(pattern: #"\b([0-9]{4})-([0-9]{2})-([0-9]{2})\b"#)
    private static let monthDayYear = try! NSRegularExpression(
        pattern: #"\b([A-Za-z]{3,9})\.?\s+([0-9]{1,2})(?:st|nd|rd|th)?,?\s+([0-9]{4})\b"#)
    private static let dayMonthYear = try! NSRegularExpression(
        pattern: #"\b([0-9]{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+([0-9]{4})\b"#)

    /// Finds a calendar date in free text (`2026-03-02`, `March 2, 2026`, `2 March 2026`).
    static func date(in text: String) -> String? {
        let ns = text as NSString
        let range = NSRange(location: 0, length: ns.length)
        if let m = isoDate.firstMatch(in: text, range: range) {
            let y = Int(ns.substring(with: m.range(at: 1)))!, mo = Int(ns.substring(with: m.range(at: 2)))!,
                d = Int(ns.substring(with: m.range(at: 3)))!
            return CalendarDay(year: y, month: mo, day: d)?.iso
        }
        if let m = monthDayYear.firstMatch(in: text, range: range),
           let mo = CalendarDay.month(named: ns.substring(with: m.range(at: 1))) {
            return CalendarDay(year: Int(ns.substring(with: m.range(at: 3)))!, month: mo,
                               day: Int(ns.substring(with: m.range(at: 2)))!)?.iso
        }
        if let m = dayMonthYear.firstMatch(in: text, range: range),
           let mo = CalendarDay.month(named: ns.substring(with: m.range(at: 2))) {
            return CalendarDay(year: Int(ns.substring(with: m.range(at: 3)))!, month: mo,
                               day: Int(ns.substring(with: m.range(at: 1)))!)?.iso
        }
        return nil
    }

    /// Removes a date and the separator before it from a title: `Staff meeting — 2026-05-18`.
    static func titleWithoutDate(_ title: String) -> String {
        var t = isoDate.stringByReplacingMatches(in: title, range: NSRange(location: 0, length: (title as NSString).length), withTemplate: "")
        t = t.trimmingCharacters(in: CharacterSet(charactersIn: " -–—,:|/").union(.whitespaces))
        return t.isEmpty ? title : t
    }
}
