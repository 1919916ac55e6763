import Foundation
import GRDB

/// Read-side queries over the store.
public struct StoreReader: Sendable {
    public let store: Store
    public init(store: Store) { self.store = store }

    public func meetings() throws -> [MeetingSummary] {
        try store.pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT m.id, m.title, m.date, m.source, m.turn_count,
                       (SELECT COUNT(DISTINCT speaker) FROM turns t WHERE t.meeting_id = m.id AND t.speaker != 'Unknown') AS speakers,
                       (SELECT COUNT(*) FROM transitions x JOIN entities e ON e.id = x.entity_id WHERE x.meeting_id = m.id AND e.dismissed = 0) +
                       (SELECT COUNT(*) FROM states s JOIN entities e ON e.id = s.entity_id WHERE s.meeting_id = m.id AND e.dismissed = 0 AND NOT EXISTS
                           (SELECT 1 FROM states p WHERE p.entity_id = s.entity_id AND p.meeting_date < s.meeting_date)) AS changes
                FROM meetings m ORDER BY m.date DESC, m.source DESC
                """).map {
                MeetingSummary(id: $0["id"], title: $0["title"], date: $0["date"], source: $0["source"],
                               speakers: $0["speakers"], changes: $0["changes"], turns: $0["turn_count"])
            }
        }
    }

    /// Every entity but those the user dismissed (`includeDismissed` lists them too).
    public func entities(includeDismissed: Bool = false) throws -> [EntitySummary] {
        try store.pool.read { db in try Self.entities(db, includeDismissed: includeDismissed) }
    }

    static func entities(_ db: Database, ids: [Int64]? = nil, includeDismissed: Bool = false) throws -> [EntitySummary] {
        var aliases: [Int64: [String]] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT entity_id, alias FROM aliases ORDER BY id") {
            aliases[row["entity_id"], default: []].append(row["alias"])
        }
        var conditions = ids.map { ["e.id IN (\($0.map(String.init).joined(separator: ",")))"] } ?? []
        if !includeDismissed { conditions.append("e.dismissed = 0") }
        let filter = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
        return try Row.fetchAll(db, sql: """
            SELECT e.id, e.name, e.type,
                (SELECT s.state FROM states s WHERE s.entity_id = e.id ORDER BY s.meeting_date DESC, s.id DESC LIMIT 1) AS state,
                (SELECT s.owner FROM states s WHERE s.entity_id = e.id AND s.owner IS NOT NULL ORDER BY s.meeting_date DESC, s.id DESC LIMIT 1) AS owner,
                (SELECT s.due FROM states s WHERE s.entity_id = e.id AND s.due IS NOT NULL ORDER BY s.meeting_date DESC, s.id DESC LIMIT 1) AS due,
                (SELECT MAX(t.meeting_date) FROM transitions t WHERE t.entity_id = e.id) AS last_change,
                (SELECT MAX(m.meeting_date) FROM mentions m WHERE m.entity_id = e.id) AS last_mentioned,
                e.first_date, e.renamed OR e.merged AS edited, e.dismissed
            FROM entities e\(filter) ORDER BY e.name COLLATE NOCASE
            """).map { row in
            let id: Int64 = row["id"]
            let name: String = row["name"]
            return EntitySummary(id: id, name: name, type: EntityType(rawValue: row["type"]) ?? .project,
                                 aliases: (aliases[id] ?? []).filter { $0 != name },
                                 state: (row["state"] as String?).flatMap(EntityState.init(rawValue:)),
                                 owner: row["owner"], due: row["due"],
                                 lastChange: row["last_change"] ?? row["first_date"], lastMentioned: row["last_mentioned"],
                                 edited: row["edited"], dismissed: row["dismissed"])
        }
    }

    public func timeline(entityId: Int64) throws -> [TimelineEntry] {
        try store.pool.read { db in try Self.timeline(db, entityId: entityId) }
    }

    static func timeline(_ db: Database, entityId: Int64) throws -> [TimelineEntry] {
        var out: [TimelineEntry] = []
        var owner: String?
        var due: String?
        for row in try Row.fetchAll(db, sql: """
            SELECT s.*, m.title FROM states s JOIN meetings m ON m.id = s.meeting_id
            WHERE s.entity_id = ? ORDER BY s.meeting_date, m.source, m.id
            """, arguments: [entityId]) {
            owner = row["owner"] ?? owner
            due = row["due"] ?? due
            let state = EntityState(rawValue: row["state"]) ?? .in_progress
            let previous = out.last?.state
            let original = (row["original"] as String?).flatMap { try? JSONDecoder().decode([String: String?].self, from: Data($0.utf8)) }
            out.append(TimelineEntry(meetingId: row["meeting_id"], meetingTitle: row["title"], date: row["meeting_date"],
                                     state: state, owner: owner, due: due, evidence: row["evidence"],
                                     from: previous != state ? previous : nil, turn: row["turn_position"], byUser: row["by_user"],
                                     extractorState: original.flatMap { $0["state"] ?? nil }.flatMap(EntityState.init(rawValue:))))
        }
        return out
    }
}
