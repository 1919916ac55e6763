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
        guard let t = turnText, RelevanceCheck.isShort(evidence), t.utf8.count > evidence.utf8.count, t.utf8.count <= 400 else { return evidence }
        return AnswerFormat.plain(t)
    }

    /// Every state of these entities, each entity's in meeting order.
    static func fetch(_ db: Database, entities ids: [Int64]) throws -> [Int64: [StateRecord]] {
        var out: [Int64: [StateRecord]] = [:]
        for chunk in stride(from: 0, to: ids.count, by: 500) {
            let list = ids[chunk..<min(ids.count, chunk + 500)].map(String.init).joined(separator: ",")
            for r in try read(db.makeStatement(sql: select + "WHERE s.entity_id IN (\(list)) " + order)) { out[r.entityId, default: []].append(r) }
        }
        return out
    }

    static func fetch(_ db: Database, entity id: Int64) throws -> [StateRecord] {
        try read(db.cachedStatement(sql: select + "WHERE s.entity_id = ? " + order), arguments: [id])
    }

    /// Each entity's last state on or before a day (or its current one): one record each,
    /// found through the (entity, date) index rather than by reading whole histories.
    static func latest(_ db: Database, entities ids: [Int64], onOrBefore day: String? = nil) throws -> [Int64: StateRecord] {
        var out: [Int64: StateRecord] = [:]
        for chunk in stride(from: 0, to: ids.count, by: 500) {
            let list = ids[chunk..<min(ids.count, chunk + 500)].map(String.init).joined(separator: ",")
            let sql = select + """
                WHERE s.id IN (SELECT (SELECT x.id FROM states x WHERE x.entity_id = e.id AND x.meeting_date <= ?
                                       ORDER BY x.meeting_date DESC, x.id DESC LIMIT 1)
                               FROM entities e WHERE e.id IN (\(list)))
                """
            for r in try read(db.makeStatement(sql: sql), arguments: [day ?? "9999-12-31"]) { out[r.entityId] = r }
        }
        return out
    }

    private static let select = """
        SELECT s.entity_id, s.meeting_id, s.meeting_date, s.state, s.owner, s.due, s.evidence, s.turn_position,
               m.title, t.speaker, t.text
        FROM states s JOIN meetings m ON m.id = s.meeting_id
        LEFT JOIN turns t ON t.meeting_id = s.meeting_id AND t.position = s.turn_position

        """
    private static let order = "ORDER BY s.meeting_date, m.source, m.id"

    private static func read(_ statement: Statement, arguments: StatementArguments = []) throws -> [StateRecord] {
        // Columns by position, decoded straight from the statement as the cursor steps:
        // copying each row and decoding it through GRDB's generic accessors cost more than
        // the query on a history of hundreds of meetings.
        let rows = try Row.fetchCursor(statement, arguments: arguments)
        let s = statement.sqliteStatement
        func text(_ i: CInt) -> String { String(sqliteStatement: s, index: i) }
        func int(_ i: CInt) -> Int64 { Int64(sqliteStatement: s, index: i) }
        var out: [StateRecord] = []
        while let r = try rows.next() {
            func optional(_ i: CInt) -> String? { r.hasNull(atIndex: Int(i)) ? nil : text(i) }
            let evidence = text(6)
            // A turn's text only ever replaces short evidence; a long one's is not read.
            let turnText = RelevanceCheck.isShort(evidence) ? optional(10) : nil
            out.append(StateRecord(entityId: int(0), meetingId: int(1), meeting: text(8), date: text(2),
                                   state: EntityState(rawValue: text(3)) ?? .in_progress, owner: optional(4), due: optional(5),
                                   evidence: quote(evidence: evidence, turnText: turnText), turn: Int(int(7)), speaker: Self.speaker(optional(9))))
        }
        return out
    }

    /// A turn's speaker as a person would read it; unattributed turns have none.
    static func speaker(_ raw: String?) -> String? {
        guard let s = raw, !s.isEmpty, s != "Unknown" else { return nil }
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
