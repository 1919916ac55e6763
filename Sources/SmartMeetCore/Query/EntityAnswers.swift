import Foundation
import GRDB

/// Questions about one entity: its status, owner, due date, history and decisions. Each
/// answer quotes the turn that stated what it reports and lists it in `sources`.
extension QueryContext {
    func status(_ e: EntitySummary, _ intent: Intent) throws -> Answer {
        let records = try StateRecord.fetch(db, entity: e.id)
        guard let last = records.last else { return unknown(e.name, intent) }
        var text = "\(e.name) is \(AnswerFormat.state(last.state)) as of \(format.day(last.date))"
        if let o = records.owner { text += ", owned by \(o)" }
        if let d = records.due { text += ", due \(format.day(d))" }
        text += "."
        var used = [last]
        for extra in [records.ownerNamed, records.dueGiven].compactMap({ $0 }) where !used.contains(where: { $0.meetingId == extra.meetingId }) {
            used.append(extra)
        }
        return factAnswer(intent, text, e, records: records, quoted: used)
    }

    func owner(_ e: EntitySummary, _ intent: Intent) throws -> Answer {
        try oneFact(e, intent, missing: "No owner has been named for \(e.name) yet.", { r in r.owner.flatMap { o in r.ownerNamed.map { (o, $0) } } }) {
            ("\($0) owns \(e.name) (named \(format.day($1.date))).", ["name": e.name, "owner": $0])
        }
    }

    func dueOf(_ e: EntitySummary, _ intent: Intent) throws -> Answer {
        try oneFact(e, intent, missing: "No due date has been given for \(e.name).", { r in r.due.flatMap { d in r.dueGiven.map { (d, $0) } } }) { due, _ in
            ("\(e.name) is due \(format.day(due)); it is \(AnswerFormat.state(e.state)).", ["name": e.name, "due": due])
        }
    }

    /// One fact of an entity (its owner, its due date), quoted where it was stated.
    private func oneFact(_ e: EntitySummary, _ intent: Intent, missing: String, _ pick: ([StateRecord]) -> (String, StateRecord)?,
                         _ phrase: (String, StateRecord) -> (text: String, row: [String: String])) throws -> Answer {
        let records = try StateRecord.fetch(db, entity: e.id)
        guard let (value, record) = pick(records) else { return Answer(intent: intent.name, answer: missing, entities: [ref(e)]) }
        let (text, row) = phrase(value, record)
        var a = factAnswer(intent, text, e, records: records, quoted: [record])
        a.rows = [row]
        return a
    }

    func history(_ e: EntitySummary, focus: EntityState?, _ intent: Intent) throws -> Answer {
        let records = try StateRecord.fetch(db, entity: e.id)
        let steps = format.steps(records)
        var text = "\(e.name): \(steps)."
        if let f = focus {
            if let hit = records.changes.first(where: { $0.state == f }) {
                text = "\(e.name) became \(AnswerFormat.state(f)) on \(format.day(hit.date)) (\(hit.meeting)). History: \(steps)."
            } else {
                text = "\(e.name) has never been \(AnswerFormat.state(f)). History: \(steps)."
            }
        }
        if let o = records.owner { text += " Owner: \(o)." }
        return factAnswer(intent, text, e, records: records, quoted: records.changes, leadWithState: true)
    }

    /// "What was decided about X": each change of X's state with the words that stated
    /// it. A thing nobody tracks falls back to what was said about it, decisions first.
    func decided(_ phrase: String, _ intent: Intent) throws -> Answer {
        guard linker.resolve(phrase) != nil else {
            let quotes = try quotes(about: phrase, preferring: Self.decisionWords)
            guard !quotes.isEmpty else { return unknown(phrase, intent) }
            return quoteAnswer(intent, "No entity called \(AnswerFormat.asked(phrase)) is tracked; what was said about it:", quotes, topic: phrase)
        }
        return try about(phrase, intent) { e in
            let records = try StateRecord.fetch(db, entity: e.id)
            var text = "\(e.name): \(format.steps(records))."
            if records.last?.state == .proposed { text += " Nothing has been agreed yet." }
            return factAnswer(intent, text, e, records: records, quoted: records.changes, leadWithState: true)
        }
    }

    /// Words that mark a turn as stating a decision.
    static let decisionWords: Set<String> = ["decide", "decided", "decision", "agree", "agreed", "agreement", "settled",
                                             "final", "go", "going", "choose", "chose", "chosen", "keep", "drop", "dropped",
                                             "definitely", "include", "including", "incorporate", "use", "using", "stick"]

    /// An answer about one entity: the text, then one line per quoted state, each of
    /// them also a source and a piece of evidence.
    func factAnswer(_ intent: Intent, _ text: String, _ e: EntitySummary, records: [StateRecord], quoted: [StateRecord],
                    leadWithState: Bool = false) -> Answer {
        let lines = quoted.map { format.line($0.source, lead: leadWithState ? AnswerFormat.state($0.state) : nil) }
        return Answer(intent: intent.name, answer: AnswerFormat.block(text, lines), entities: [ref(e)], rows: records.tableRows,
                      evidence: quoted.map { Answer.Evidence(meeting: $0.meeting, date: $0.date, speaker: $0.speaker, quote: $0.evidence) },
                      sources: quoted.map(\.source))
    }
}
