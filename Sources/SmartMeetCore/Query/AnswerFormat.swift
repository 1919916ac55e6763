import Foundation
import Synchronization

/// The one way answers render what they name — days, states, counts, lists, quotes and
/// the "who said it where" lines — so the app, the CLI and `--json` read the same and no
/// Swift debug text (`Optional(…)`, `nil`) or escaped quote can reach a person.
struct AnswerFormat: Sendable {
    /// The latest meeting's day: dates in its year are written without the year.
    let reference: CalendarDay

    /// "January 12", or "January 12, 2025" outside the reference year. Never both a
    /// spoken and an ISO form of the same day.
    func day(_ iso: String?) -> String {
        guard let iso, let d = Self.read(iso) else { return "an unknown date" }
        return day(d)
    }

    /// Days already read from ISO text. A timeline names each of hundreds of meeting days
    /// twice (in its steps and its quotes), and reading a day costs several times more
    /// than writing it out. The keys are meeting dates, so the table stays small; it is
    /// emptied should it ever pass 50,000.
    private static let days = Mutex<[String: CalendarDay]>([:])

    private static func read(_ iso: String) -> CalendarDay? {
        if let d = days.withLock({ $0[iso] }) { return d }
        guard let d = CalendarDay(iso: iso) else { return nil }
        days.withLock { table in
            if table.count >= 50_000 { table.removeAll(keepingCapacity: true) }
            table[iso] = d
        }
        return d
    }

    func day(_ d: CalendarDay) -> String {
        let spoken = Self.months[d.month - 1] + " \(d.day)"
        return d.year == reference.year ? spoken : "\(spoken), \(d.year)"
    }

    private static let months = CalendarDay.monthNames.map { $0.prefix(1).uppercased() + $0.dropFirst() }

    static func state(_ s: EntityState?) -> String {
        guard let s else { return "no state" }
        return stateNames[s] ?? s.rawValue
    }

    /// Spelled once, here: Foundation's string replacing is slow on Linux and answers name
    /// hundreds of states.
    private static let stateNames = Dictionary(uniqueKeysWithValues: EntityState.allCases.map { ($0, $0.spoken) })

    /// "a", "a and b", "a, b and c".
    static func list(_ items: [String]) -> String {
        switch items.count {
        case 0: return ""
        case 1: return items[0]
        case 2: return "\(items[0]) and \(items[1])"
        default: return items.dropLast().joined(separator: ", ") + " and " + items.last!
        }
    }

    /// "1 state", "2 states"; irregular plurals are passed in.
    static func count(_ n: Int, _ singular: String, plural: String? = nil) -> String {
        "\(n) \(n == 1 ? singular : plural ?? singular + "s")"
    }

    /// "is" or "are" for a count.
    static func isAre(_ n: Int) -> String { n == 1 ? "is" : "are" }

    /// Words the person typed, set off in typographic quotes (never a JSON-escaped `"`).
    static func asked(_ phrase: String) -> String { "“\(plain(phrase))”" }

    /// A transcript excerpt in typographic quotes, on one line, cut at word boundaries.
    /// When the first of the `focus` words lies past the cut, the excerpt starts shortly
    /// before it, so a long turn shows the part that mentions what was asked.
    static func quote(_ text: String, limit: Int = 220, focus: [String] = []) -> String {
        // Transcribed speech often spaces its punctuation ("done . So"); print it as written text.
        var t = plain(text)
        if hasSpacedPunctuation(t) {
            t = spacedPunctuation.stringByReplacingMatches(in: t, range: NSRange(t.startIndex..., in: t), withTemplate: "$1")
        }
        // No more bytes than the limit is no more characters: most quotes skip the count.
        guard t.utf8.count > limit, t.count > limit else { return "“\(t)”" }
        var lead = ""
        let lower = t.lowercased()
        if let hit = focus.compactMap({ lower.range(of: $0) }).min(by: { $0.lowerBound < $1.lowerBound }),
           lower.distance(from: lower.startIndex, to: hit.upperBound) > limit - 40 {
            let back = lower.index(hit.lowerBound, offsetBy: -min(80, lower.distance(from: lower.startIndex, to: hit.lowerBound)))
            let start = t[back...].firstIndex(of: " ").map { t.index(after: $0) } ?? back
            t = String(t[start...])
            lead = "…"
        }
        if t.count > limit {
            let cut = t.prefix(limit)
            t = String(cut[..<(cut.lastIndex(of: " ") ?? cut.endIndex)]) + "…"
        }
        return "“\(lead)\(t)”"
    }

    /// A space before punctuation, in one pass over the bytes (a timeline quotes hundreds).
    private static func hasSpacedPunctuation(_ t: String) -> Bool {
        var afterSpace = false
        for b in t.utf8 {
            if afterSpace, punctuation.contains(b) { return true }
            afterSpace = b == 0x20
        }
        return false
    }

    private static let punctuation: Set<UInt8> = Set(".,?!;:".utf8)
    private static let spacedPunctuation = try! NSRegularExpression(pattern: #" ([.,?!;:])(?= |$)"#)

    /// One line, no straight double quotes (they would read as `\"` in JSON), no control
    /// or direction-changing characters, single spaces. One pass over the scalars: answers
    /// format hundreds of quotes and Foundation's replacing is slow on Linux.
    static func plain(_ text: String) -> String {
        if isPlain(text) { return text }
        var out = String.UnicodeScalarView()
        var space = false
        for u in text.unicodeScalars {
            switch u.value {
            case 0x00...0x20, 0x7F...0x9F: space = !out.isEmpty
            case 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0x061C, 0xFEFF: continue
            default:
                if space { out.append(" "); space = false }
                out.append(u == "\"" ? "'" : u)
            }
        }
        return String(out)
    }

    /// Printable ASCII with single inner spaces and no straight double quote: nothing to do.
    private static func isPlain(_ text: String) -> Bool {
        var previousSpace = true
        for b in text.utf8 {
            if b == 0x20 { if previousSpace { return false }; previousSpace = true; continue }
            if b < 0x20 || b > 0x7E || b == 0x22 { return false }
            previousSpace = false
        }
        return !previousSpace || text.isEmpty
    }

    /// "- Speaker, Meeting, January 12: “quote”" — one line per source, for lists of quotes.
    /// A turn too short to stand alone carries the turns around it.
    func line(_ s: Answer.Source, lead: String? = nil, before: Answer.Source? = nil, after: Answer.Source? = nil, focus: [String] = []) -> String {
        var who: [String] = []
        if let sp = s.speaker, !sp.isEmpty { who.append(Self.plain(sp)) }
        who.append(Self.plain(s.meeting))
        who.append(day(s.date))
        var body = Self.quote(s.quote, focus: focus)
        if let b = before { body = "(after \(Self.voice(b)) \(Self.quote(b.quote, limit: 120))) " + body }
        if let a = after { body += " (then \(Self.voice(a)) \(Self.quote(a.quote, limit: 120)))" }
        return "- " + (lead.map { "\($0) — " } ?? "") + who.joined(separator: ", ") + ": " + body
    }

    private static func voice(_ s: Answer.Source) -> String {
        (s.speaker.map(plain) ?? "someone") + ":"
    }

    /// An entity's states in order, one step per change: "blocked (January 12) → in
    /// progress (January 19) → completed (February 9)". Meetings that only repeat the
    /// state add no step.
    func steps(_ records: [StateRecord]) -> String {
        records.changes.map { "\(Self.state($0.state)) (\(day($0.date)))" }.joined(separator: " → ")
    }

    /// Headline, then one line per item: the shape of every answer that lists things.
    static func block(_ headline: String, _ lines: [String]) -> String {
        lines.isEmpty ? headline : ([headline] + lines).joined(separator: "\n")
    }
}
