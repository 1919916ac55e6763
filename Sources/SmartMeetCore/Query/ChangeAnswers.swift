import Foundation
import GRDB

/// "What changed …": in the last meeting, since or between days, in a named meeting.
/// One line per change, with the turn that stated the new state.
extension QueryContext {
    func changesLastMeeting(_ intent: Intent) throws -> Answer {
        guard let m = try Row.fetchOne(db, sql: "SELECT id, title, date FROM meetings ORDER BY date DESC, source DESC LIMIT 1") else {
            return Answer(intent: intent.name, answer: "No meetings yet.")
        }
        let id: Int64 = m["id"]
        return try changes(intent, where: "t.meeting_id = ?", [id], label: "In the last meeting (\(m["title"] as String), \(format.day(m["date"] as String)))",
                           newIn: id)
    }

    func changesSince(_ from: CalendarDay, until: CalendarDay?, _ intent: Intent) throws -> Answer {
        let end = until ?? CalendarDay(year: 9999, month: 12, day: 31)!
        let label = until == nil ? "Since \(format.day(from))" : "Between \(format.day(from)) and \(format.day(end))"
        return try changes(intent, where: "t.meeting_date >= ? AND t.meeting_date <= ?", [from.iso, end.iso], label: label, newIn: nil, dated: true)
    }

    func changesInMeeting(_ name: String, _ intent: Intent) throws -> Answer {
        let meetings = try Row.fetchAll(db, sql: "SELECT id, title, date, source FROM meetings ORDER BY date DESC")
        let wanted = NameMatcher.normalize(name)
        guard let m = meetings.first(where: { NameMatcher.normalize($0["title"]).contains(wanted) || NameMatcher.normalize($0["source"]).contains(wanted) }) else {
            return Answer(intent: intent.name, answer: "No meeting called \(AnswerFormat.asked(name)).")
        }
        return try changes(intent, where: "t.meeting_id = ?", [m["id"] as Int64], label: "In \(m["title"] as String) on \(format.day(m["date"] as String))",
                           newIn: nil)
    }

    /// The transitions matching a condition, each with the state record that stated it;
    /// for one meeting, also the things that first appeared in it.
    private func changes(_ intent: Intent, where condition: String, _ args: [DatabaseValueConvertible], label: String,
                         newIn meeting: Int64?, dated: Bool = false) throws -> Answer {
        let rows = try Row.fetchAll(db, sql: """
            SELECT t.entity_id, t.meeting_id, t.meeting_date, t.from_state, t.to_state, m.title,
                   s.evidence, s.turn_position, tu.speaker, tu.text
            FROM transitions t JOIN meetings m ON m.id = t.meeting_id
            LEFT JOIN states s ON s.entity_id = t.entity_id AND s.meeting_id = t.meeting_id
            LEFT JOIN turns tu ON tu.meeting_id = t.meeting_id AND tu.position = s.turn_position
            WHERE \(condition) ORDER BY t.meeting_date, t.id
            """, arguments: StatementArguments(args))
        let byId = Dictionary(uniqueKeysWithValues: entities.map { ($0.id, $0) })
        var seen = Set<Int64>()
        var refs: [Answer.EntityRef] = []
        var lines: [String] = []
        var table: [[String: String]] = []
        var sources: [Answer.Source] = []
        for r in rows {
            // Columns by position, in the order selected above.
            guard let e = byId[r[0]] else { continue }
            let from = EntityState(rawValue: r[3] ?? "")
            let to = EntityState(rawValue: r[4] ?? "")
            let date: String = r[2]
            let source = Answer.Source(meetingId: r[1], meeting: r[5], date: date, turn: r[7] ?? 0,
                                       speaker: StateRecord.speaker(r[8]), quote: StateRecord.quote(evidence: r[6] ?? "", turnText: r[9]))
            let change = "\(e.name): \(from.map(AnswerFormat.state) ?? "new") → \(AnswerFormat.state(to))"
            lines.append("- " + (dated ? "\(format.day(date)), " : "") + change + Self.said(source))
            table.append(["name": e.name, "from": from?.rawValue ?? "", "to": to?.rawValue ?? "", "date": date])
            sources.append(source)
            if seen.insert(e.id).inserted { refs.append(ref(e)) }
        }
        var fresh: [StateRecord] = []
        if let meeting {
            let ids = try Int64.fetchAll(db, sql: """
                SELECT s.entity_id FROM states s WHERE s.meeting_id = ?
                AND NOT EXISTS (SELECT 1 FROM states p WHERE p.entity_id = s.entity_id AND p.meeting_date < s.meeting_date)
                """, arguments: [meeting])
            let records = try StateRecord.fetch(db, entities: ids)
            fresh = ids.compactMap { id in records[id]?.first { $0.meetingId == meeting } }.filter { byId[$0.entityId] != nil }
            for r in fresh {
                lines.append("- \(byId[r.entityId]!.name): new, \(AnswerFormat.state(r.state))" + Self.said(r.source))
                sources.append(r.source)
            }
        }
        var counts: [String] = []
        let changed = table.count
        if changed > refs.count {
            counts.append("\(AnswerFormat.count(changed, "change")) to \(AnswerFormat.count(refs.count, "thing"))")
        } else if !refs.isEmpty {
            counts.append("\(AnswerFormat.count(refs.count, "thing")) changed state")
        }
        if !fresh.isEmpty { counts.append("\(AnswerFormat.count(fresh.count, "new thing")) came up") }
        let headline = counts.isEmpty ? "\(label), no status changed." : "\(label), \(AnswerFormat.list(counts)):"
        return Answer(intent: intent.name, answer: AnswerFormat.block(headline, lines), entities: refs, rows: table, sources: sources)
    }

    /// " — Dev Patel: “The portal is live.”": who stated a change, briefly.
    private static func said(_ s: Answer.Source) -> String {
        guard !s.quote.isEmpty else { return "" }
        return " — " + (s.speaker.map { "\(AnswerFormat.plain($0)): " } ?? "") + AnswerFormat.quote(s.quote, limit: 140)
    }
}
