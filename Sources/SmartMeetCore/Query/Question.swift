import Foundation

/// What a question asks for, once the words are read.
public enum Intent: Equatable, Sendable {
    case status(String)
    case listByState(EntityState, asOf: CalendarDay?)
    case owner(String)
    case ownedBy(String)
    case unowned
    case history(String, focus: EntityState?)
    case changesLastMeeting
    case changesSince(CalendarDay, until: CalendarDay?)
    case changesInMeeting(String)
    case dueOf(String)
    case dueBefore(CalendarDay)
    case overdue
    case count(state: EntityState?, type: EntityType?)
    case breakdown(by: String)
    case mostChanged
    case stale(meetings: Int)
    /// What was said about a topic, by one person when the question names one.
    case said(String, speaker: String?)
    /// "What was decided about X": X's history with the words where each change was stated.
    case decided(String)

    public var name: String {
        switch self {
        case .status: return "status"
        case .listByState(_, let asOf): return asOf == nil ? "list_by_state" : "as_of"
        case .owner: return "owner"
        case .ownedBy: return "owned_by"
        case .unowned: return "unowned"
        case .history: return "history"
        case .changesLastMeeting: return "changes_last_meeting"
        case .changesSince: return "changes_since"
        case .changesInMeeting: return "changes_in_meeting"
        case .dueOf: return "due_of"
        case .dueBefore: return "due_before"
        case .overdue: return "overdue"
        case .count: return "count"
        case .breakdown: return "breakdown"
        case .mostChanged: return "most_changed"
        case .stale: return "stale"
        case .said: return "said"
        case .decided: return "decided"
        }
    }
}

/// Reads a question into an `Intent`. Dates in questions are resolved against the
/// latest meeting's date, so "on May 20" means the May 20 the meetings talk about.
public struct QuestionParser: Sendable {
    public let reference: CalendarDay
    public let people: [String]

    public init(reference: CalendarDay, people: [String]) {
        self.reference = reference
        self.people = people
    }

    static let stateWords: [(String, EntityState)] = [
        ("at risk", .at_risk), ("risky", .at_risk), ("slipping", .at_risk), ("in jeopardy", .at_risk),
        ("on hold", .on_hold), ("paused", .on_hold), ("parked", .on_hold), ("frozen", .on_hold),
        ("in progress", .in_progress), ("underway", .in_progress), ("ongoing", .in_progress), ("being worked on", .in_progress), ("active", .in_progress),
        ("blocked", .blocked), ("stuck", .blocked), ("blocking", .blocked),
        ("cancelled", .cancelled), ("canceled", .cancelled), ("cancel", .cancelled), ("dropped", .cancelled), ("killed", .cancelled), ("scrapped", .cancelled),
        ("completed", .completed), ("complete", .completed), ("done", .completed), ("finished", .completed), ("shipped", .completed), ("delivered", .completed), ("launched", .completed),
        ("proposed", .proposed), ("ideas", .proposed), ("suggested", .proposed), ("suggestions", .proposed), ("proposals", .proposed),
        ("planned", .planned), ("approved", .planned), ("scheduled", .planned), ("upcoming", .planned),
    ]
    static let typeWords: [(String, EntityType)] = [
        ("feature", .feature), ("project", .project), ("system", .system), ("task", .task), ("release", .release),
        ("deal", .deal), ("document", .document), ("budget", .budget),
    ]

    public func parse(_ raw: String, linker: EntityLinker) -> Intent {
        let q = " " + NameMatcher.normalize(raw.replacingOccurrences(of: "’", with: "'")).replacingOccurrences(of: "'", with: " ") + " "
        let bytes = Array(q.utf8), ascii = bytes.allSatisfy { $0 < 0x80 }
        func has(_ words: String...) -> Bool { words.contains { Self.holds(q, bytes, ascii: ascii, " \($0) ") } }
        let dates = QuestionDates.find(in: raw, reference: reference)
        let entity = linker.find(inQuestion: raw)
        let state = Self.stateWords.first { has($0.0) }?.1
        let type = Self.typeWords.first { has($0.0) || has($0.0 + "s") }?.1
        let yesNo = ["is", "was", "has", "did", "are", "does", "have", "were"].contains(q.split(separator: " ").first.map(String.init) ?? "")
        // "what happened with the blockchain project?": a question about one named thing,
        // whether or not anything by that name is tracked.
        let cue = SubjectPhrase.find(in: raw)
        // The words around the linked name, so "marketing budget" is asked, not "budget".
        let subject = entity.map { SubjectPhrase.around($0.words, in: raw, stop: stopForSubjects) }
        // A person the question names, by full or first name.
        let person = people.first { p in
            let first = p.lowercased().split(separator: " ").first.map(String.init) ?? ""
            return has(p.lowercased()) || (!first.isEmpty && has(first))
        }

        if has("how many", "number of", "count") {
            if has("by state", "by status", "per state") { return .breakdown(by: "state") }
            if has("by owner", "per owner", "per person") { return .breakdown(by: "owner") }
            if has("by type", "per type") { return .breakdown(by: "type") }
            return .count(state: state, type: type)
        }
        if has("breakdown", "break down", "by state", "by owner", "by type") {
            return .breakdown(by: has("owner", "person") ? "owner" : has("type") ? "type" : "state")
        }
        if has("changed most", "most often", "most changes", "changed the most", "most volatile", "churn") { return .mostChanged }
        if has("stale", "not mentioned", "not been mentioned", "haven t talked", "havent talked", "gone quiet", "forgotten", "not discussed") {
            let n = q.split(separator: " ").compactMap { Int($0) }.first ?? 3
            return .stale(meetings: n)
        }
        if let c = cue, c.cue == .decided { return .decided(c.phrase) }
        if has("overdue", "past due", "late") && entity == nil && cue == nil { return .overdue }
        if has("what did we say", "what was said", "said about", "talk about", "talked about", "discuss", "discussed", "mentioned about", "say about", "anything about"),
           entity == nil || has("say", "said", "talk", "talked", "discuss", "discussed") && !has("happened") {
            return .said(cue.map(\.phrase) ?? Self.topic(of: raw), speaker: person)
        }
        if let c = cue {
            switch c.cue {
            case .history: return .history(c.phrase, focus: has("when") ? state : nil)
            case .status: return .status(c.phrase)
            case .owner: return .owner(c.phrase)
            case .due: return .dueOf(c.phrase)
            case .said: return .said(c.phrase, speaker: person)
            case .decided: return .decided(c.phrase)
            }
        }
        if has("due"), entity == nil {
            if let d = dates.first { return .dueBefore(d.day) }
            if has("this week") { return .dueBefore(reference.adding(days: 7 - (reference.weekday + 6) % 7 - 1)) }
            if has("next week") { return .dueBefore(reference.adding(days: 14 - (reference.weekday + 6) % 7 - 1)) }
            if has("this month") { return .dueBefore(reference.endOfMonth) }
            return .dueBefore(reference.adding(days: 7))
        }
        if let subject {
            if has("when") && has("due", "deadline", "expected", "ship", "finish", "land") || has("due date", "deadline for") { return .dueOf(subject) }
            if has("who", "whose", "owner") { return .owner(subject) }
            if has("happened", "history", "timeline", "evolve", "evolved", "story", "progressed") || (has("when") && state != nil) {
                return .history(subject, focus: has("when") ? state : nil)
            }
            if !yesNo, has("changed", "changes") { return .history(subject, focus: nil) }
            if yesNo || has("status", "how is", "how s", "where are we", "where is", "update on", "state of", "going") { return .status(subject) }
        }
        if has("unowned", "no owner", "nobody owns", "without an owner", "without owner", "not owned", "no one owns") { return .unowned }
        if let person, has("own", "owns", "working on", "handling", "responsible", "running", "leading", "assigned", "on his plate", "on her plate", "plate") {
            return .ownedBy(person)
        }
        if has("changed", "changes", "what s new", "whats new", "updates", "moved", "happened") {
            if dates.count >= 2 { return .changesSince(dates[0].day, until: dates[1].day) }
            if let d = dates.first { return .changesSince(d.day, until: nil) }
            if has("last meeting", "latest meeting", "most recent meeting", "last time", "recent meeting") { return .changesLastMeeting }
            if let r = raw.range(of: #"(?i)\bin (?:the )?(.+?) meeting"#, options: .regularExpression) {
                return .changesInMeeting(String(raw[r]).replacingOccurrences(of: "meeting", with: "").replacingOccurrences(of: "in the ", with: "").replacingOccurrences(of: "in ", with: "").trimmingCharacters(in: .whitespaces))
            }
            return .changesLastMeeting
        }
        if let s = state {
            let asOf = (has("was", "were") && !dates.isEmpty) ? dates.first!.day : nil
            return .listByState(s, asOf: asOf)
        }
        if let subject { return .status(subject) }
        if has("who", "when", "status", "how is", "what is the status", "owner", "history") {
            return .status(Self.topic(of: raw))
        }
        return .said(Self.topic(of: raw), speaker: nil)
    }

    /// Whether the question holds a phrase. A question is tried against a hundred
    /// phrasings and Foundation's search is slow on Linux, so ASCII in ASCII (nearly every
    /// question) is matched by byte, which is what Foundation's comparison amounts to there.
    private static func holds(_ q: String, _ bytes: [UInt8], ascii: Bool, _ phrase: String) -> Bool {
        guard ascii, phrase.utf8.allSatisfy({ $0 < 0x80 }) else { return q.contains(phrase) }
        return bytes.firstRange(of: phrase.utf8) != nil
    }

    /// Words that end a subject phrase: states, people's names, months.
    private var stopForSubjects: Set<String> {
        var s = Set(Self.stateWords.flatMap { $0.0.split(separator: " ").map(String.init) })
        for p in people { s.formUnion(NameMatcher.normalize(p).split(separator: " ").map(String.init)) }
        s.formUnion(CalendarDay.monthNames)
        return s
    }

    /// The question minus its question words: what it is about.
    static func topic(of raw: String) -> String {
        let words = NameMatcher.normalize(raw).split(separator: " ").map(String.init)
        let kept = words.filter { !QuestionWords.ignorable.contains($0) && !["what", "did", "we", "say", "about"].contains($0) }
        return kept.isEmpty ? raw : kept.joined(separator: " ")
    }
}
