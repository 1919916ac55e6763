import Foundation
import GRDB

/// "What did we say about …": relevant turns from search, one line each with speaker,
/// meeting and date; a turn too short to stand alone comes with the turns around it.
extension QueryContext {
    struct Quote {
        let source: Answer.Source
        var before: Answer.Source?
        var after: Answer.Source?
    }

    func said(_ topic: String, by speaker: String?, _ intent: Intent) throws -> Answer {
        guard search != nil else { return Answer(intent: intent.name, answer: "Search is not available.") }
        let quotes = try quotes(about: topic, by: speaker)
        let who = speaker.map { " from \($0)" } ?? ""
        if quotes.isEmpty {
            let nothing = speaker.map { "Nothing \($0) said in these meetings is about" } ?? "Nothing in these meetings is about"
            return Answer(intent: intent.name, answer: "\(nothing) \(AnswerFormat.asked(topic)).")
        }
        var a = quoteAnswer(intent, "\(AnswerFormat.count(quotes.count, "quote"))\(who) about \(AnswerFormat.asked(topic)):", quotes, topic: topic)
        if let (e, exact) = linker.resolve(topic), exact { a.entities = [ref(e)] }
        return a
    }

    func quoteAnswer(_ intent: Intent, _ headline: String, _ quotes: [Quote], topic: String) -> Answer {
        let focus = RelevanceCheck(topic: topic, lexical: true).topicWords
        let lines = quotes.map { format.line($0.source, before: $0.before, after: $0.after, focus: focus) }
        return Answer(intent: intent.name, answer: AnswerFormat.block(headline, lines),
                      evidence: quotes.map { Answer.Evidence(meeting: $0.source.meeting, date: $0.source.date, speaker: $0.source.speaker, quote: $0.source.quote) },
                      sources: quotes.map(\.source))
    }

    /// The most relevant turns about a topic (said by one person, when given), at most
    /// `limit`; turns holding one of the `preferring` words come first among equally
    /// relevant ones.
    func quotes(about topic: String, by speaker: String? = nil, preferring: Set<String> = [], limit: Int = 5) throws -> [Quote] {
        guard let search else { return [] }
        let check = RelevanceCheck(topic: topic, lexical: search.embedder.name.hasPrefix("hash"))
        guard check.hasTopic else { return [] }
        let hits = try search.search(topic, limit: speaker == nil ? 30 : 100, db: db).enumerated()
            .filter { check.keeps($0.element.text) && (speaker == nil || $0.element.speaker == speaker) }
        func preferred(_ text: String) -> Int {
            RelevanceCheck.contentWords(text).contains { preferring.contains($0) } ? 1 : 0
        }
        let ranked = hits.map { (hit: $0.element, rank: $0.offset, words: check.lexical ? check.matched($0.element.text) : 0, pref: preferred($0.element.text)) }
            .sorted { ($0.words, $0.pref, -$0.rank) > ($1.words, $1.pref, -$1.rank) }
        var out: [Quote] = []
        var meetings: [String: (id: Int64, title: String)] = [:]
        for h in ranked.map(\.hit) where out.count < limit {
            let key = "\(h.source)|\(h.date)"
            if meetings[key] == nil, let row = try Row.fetchOne(db, sql: "SELECT id, title FROM meetings WHERE source = ? AND date = ? ORDER BY id DESC LIMIT 1",
                                                                arguments: [h.source, h.date]) {
                meetings[key] = (row["id"], row["title"])
            }
            guard let m = meetings[key] else { continue }
            if out.contains(where: { $0.source.meetingId == m.id && abs($0.source.turn - h.turn) <= 1 }) { continue }
            let source = Answer.Source(meetingId: m.id, meeting: m.title, date: h.date, turn: h.turn, speaker: StateRecord.speaker(h.speaker), quote: h.text)
            var q = Quote(source: source)
            if RelevanceCheck.isShort(h.text) {
                q.before = try turn(m.id, m.title, h.date, h.turn - 1)
                q.after = try turn(m.id, m.title, h.date, h.turn + 1)
            }
            out.append(q)
        }
        return out
    }

    private func turn(_ meetingId: Int64, _ title: String, _ date: String, _ position: Int) throws -> Answer.Source? {
        guard position >= 0, let r = try Row.fetchOne(db, sql: "SELECT speaker, text FROM turns WHERE meeting_id = ? AND position = ?",
                                                      arguments: [meetingId, position]) else { return nil }
        return Answer.Source(meetingId: meetingId, meeting: title, date: date, turn: position, speaker: StateRecord.speaker(r["speaker"]), quote: r["text"])
    }
}
