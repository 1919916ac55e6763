import Foundation
import GRDB

/// One stored state of an entity with where it was said: the meeting, the turn and its
/// speaker. Answers build their text and their `sources` from these.
struct StateRecord: Sendable {
    let entityId: Int64
    let meetingId: Int64
    let meeting: String
    let date: String
    let state: EntityState
    /// As said in this meeting (not carried over).
    let owner: String?
    let due: String?
    /// The sentence the extractor read the state from, or its whole turn when the
    /// sentence is too short to show what it refers to ("Sessions start in March.").
    let evidence: String
    let turn: Int
    let speaker: String?

    var source: Answer.Source {
        Answer.Source(meetingId: meetingId, meeting: meeting, date: date, turn: turn, speaker: speaker, quote: evidence)
    }

    static func quote(evidence: String, turnText: String?) -> String {
        guard let t = turnText, RelevanceCheck.isShort(evidence), t.count > evidence.count, t.count <= 400 else { return evidence }
        return TextSanitizer.cleanLine(t)
    }

    /// Every state of these entities, each entity's in meeting order.
    static func fetch(_ db: Database, entities ids: [Int64]) throws -> [Int64: [StateRecord]] {
        try query(db, ids) { "s.entity_id IN (\($0))" }
    }

    /// Each entity's last state on or before a day (or its current one): one record each.
    static func latest(_ db: Database, entities ids: [Int64], onOrBefore day: String? = nil) throws -> [Int64: StateRecord] {
        let bound = day == nil ? "" : "AND x.meeting_date <= ?"
        return try query(db, ids, arguments: StatementArguments(day.map { [$0] } ?? [])) { list in
            "s.entity_id IN (\(list)) AND s.meeting_date = (SELECT MAX(x.meeting_date) FROM states x WHERE x.entity_id = s.entity_id \(bound))"
        }.compactMapValues(\.last)
    }

    private static func query(_ db: Database, _ ids: [Int64], arguments: StatementArguments = [],
                              _ condition: (String) -> String) throws -> [Int64: [StateRecord]] {
        var out: [Int64: [StateRecord]] = [:]
        for chunk in stride(from: 0, to: ids.count, by: 500) {
            let part = ids[chunk..<min(ids.count, chunk + 500)].map(String.init).joined(separator: ",")
            let rows = try Row.fetchAll(db, sql: """
                SELECT s.entity_id, s.meeting_id, s.meeting_date, s.state, s.owner, s.due, s.evidence, s.turn_position,
                       m.title, t.speaker, t.text
                FROM states s JOIN meetings m ON m.id = s.meeting_id
                LEFT JOIN turns t ON t.meeting_id = s.meeting_id AND t.position = s.turn_position
                WHERE \(condition(part))
                ORDER BY s.meeting_date, m.source, m.id
                """, arguments: arguments)
            for r in rows {
                let record = StateRecord(entityId: r["entity_id"], meetingId: r["meeting_id"], meeting: r["title"], date: r["meeting_date"],
                                         state: EntityState(rawValue: r["state"]) ?? .in_progress, owner: r["owner"], due: r["due"],
                                         evidence: quote(evidence: r["evidence"], turnText: r["text"]), turn: r["turn_position"], speaker: Self.speaker(r["speaker"]))
                out[record.entityId, default: []].append(record)
            }
        }
        return out
    }

    static func fetch(_ db: Database, entity id: Int64) throws -> [StateRecord] {
        try fetch(db, entities: [id])[id] ?? []
    }

    /// A turn's speaker as a person would read it; unattributed turns have none.
    static func speaker(_ raw: String?) -> String? {
        guard let s = raw?.trimmingCharacters(in: .whitespaces), !s.isEmpty, s != "Unknown" else { return nil }
        return s
    }
}

extension Array where Element == StateRecord {
    /// The owner in force at the end: the last one any meeting named.
    var owner: String? { last { $0.owner != nil }?.owner }
    var due: String? { last { $0.due != nil }?.due }

    /// Where the current owner was first named.
    var ownerNamed: StateRecord? {
        guard let o = owner else { return nil }
        var start: StateRecord?
        for r in self where r.owner != nil { if r.owner == o { start = start ?? r } else { start = nil } }
        return start
    }

    /// Where the current due date was given.
    var dueGiven: StateRecord? { last { $0.due != nil } }

    /// The records where the state differs from the one before: the steps of a history.
    var changes: [StateRecord] {
        var out: [StateRecord] = []
        for r in self where out.last?.state != r.state { out.append(r) }
        return out
    }

    /// Rows for tables: one per meeting, owner and due carried forward.
    var tableRows: [[String: String]] {
        var owner = "", due = ""
        return map { r in
            owner = r.owner ?? owner
            due = r.due ?? due
            return ["date": r.date, "meeting": r.meeting, "state": r.state.rawValue, "owner": owner, "due": due]
        }
    }
}
