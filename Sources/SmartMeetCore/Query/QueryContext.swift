import Foundation
import GRDB

/// Everything answering one question needs — the read transaction, the tracked entities,
/// the name linker, the latest meeting's day, search — and the pieces every family of
/// answers shares. The families live in extensions: entities, lists, changes, quotes.
struct QueryContext {
    let db: Database
    let entities: [EntitySummary]
    let linker: EntityLinker
    let reference: CalendarDay
    let search: HybridSearch?

    var format: AnswerFormat { AnswerFormat(reference: reference) }

    func answer(_ intent: Intent) throws -> Answer {
        switch intent {
        case .status(let phrase): return try about(phrase, intent) { try status($0, intent) }
        case .owner(let phrase): return try about(phrase, intent) { try owner($0, intent) }
        case .dueOf(let phrase): return try about(phrase, intent) { try dueOf($0, intent) }
        case .history(let phrase, let focus): return try about(phrase, intent) { try history($0, focus: focus, intent) }
        case .decided(let phrase): return try decided(phrase, intent)
        case .listByState(let state, let asOf): return try listByState(state, asOf: asOf, intent)
        case .ownedBy(let person): return try ownedBy(person, intent)
        case .unowned: return unowned(intent)
        case .dueBefore(let day): return try dueBefore(day, intent)
        case .overdue: return try overdue(intent)
        case .count(let state, let type): return try count(state: state, type: type, intent)
        case .breakdown(let by): return breakdown(by: by, intent)
        case .mostChanged: return try mostChanged(intent)
        case .stale(let n): return try stale(n, intent)
        case .changesLastMeeting: return try changesLastMeeting(intent)
        case .changesSince(let from, let until): return try changesSince(from, until: until, intent)
        case .changesInMeeting(let name): return try changesInMeeting(name, intent)
        case .said(let topic, let speaker): return try said(topic, by: speaker, intent)
        }
    }

    func ref(_ e: EntitySummary, state: EntityState? = nil) -> Answer.EntityRef {
        Answer.EntityRef(id: e.id, name: e.name, state: (state ?? e.state)?.rawValue)
    }

    /// Answers a question about one named thing. A name nothing matches gets "No entity
    /// called …" and the closest names; a match that leaves words of the question
    /// unexplained ("marketing budget" → "Q1 training budget") says so before answering.
    func about(_ phrase: String, _ intent: Intent, _ body: (EntitySummary) throws -> Answer) rethrows -> Answer {
        guard let (e, exact) = linker.resolve(phrase) else { return unknown(phrase, intent) }
        let answer = try body(e)
        return exact ? answer : answer.prefixed("No \(AnswerFormat.plain(phrase)) is tracked; the closest is \(e.name).")
    }

    func unknown(_ phrase: String, _ intent: Intent) -> Answer {
        let close = linker.closest(phrase, limit: 3).map(\.name)
        let tail = close.isEmpty ? " Nothing tracked has a similar name." : " Closest: \(AnswerFormat.list(close))."
        return Answer(intent: intent.name, answer: "No entity called \(AnswerFormat.asked(phrase))." + tail)
    }
}

extension Answer {
    /// The same answer with a sentence in front (a note about what was asked).
    func prefixed(_ note: String) -> Answer {
        var a = self
        a.answer = note + " " + answer
        a.headline = note + " " + headline
        return a
    }
}
