import Foundation
import GRDB

/// Derives transitions from states: for each entity, its states in meeting-date order,
/// and a transition wherever two consecutive states differ, with the later state's
/// evidence as the reason. Always recomputed from the states, never patched, so the
/// timeline cannot drift from what the meetings said.
struct StateTracker {
    let db: Database

    func recomputeTransitions(for entities: Set<Int64>) throws {
        for id in entities.sorted() {
            try db.cachedStatement(sql: "DELETE FROM transitions WHERE entity_id = ?").execute(arguments: [id])
            let rows = try Row.fetchAll(db.cachedStatement(sql: """
                SELECT s.meeting_id, s.meeting_date, s.state, s.evidence FROM states s JOIN meetings m ON m.id = s.meeting_id
                WHERE s.entity_id = ? ORDER BY s.meeting_date, m.source, m.id
                """), arguments: [id])
            var previous: String?
            for row in rows {
                let state: String = row["state"]
                if let p = previous, p != state {
                    try db.cachedStatement(sql: """
                        INSERT INTO transitions (entity_id, meeting_id, meeting_date, from_state, to_state, reason)
                        VALUES (?, ?, ?, ?, ?, ?)
                        """).execute(arguments: [id, row["meeting_id"] as Int64, row["meeting_date"] as String, p, state, row["evidence"] as String])
                }
                previous = state
            }
        }
    }

    /// Adds the transitions one new meeting causes when it is the latest: compares each
    /// entity's new state with its previous one, without reading its whole history.
    func appendTransitions(meetingId: Int64, date: String, for entities: Set<Int64>) throws {
        let current = try db.cachedStatement(sql: "SELECT state, evidence FROM states WHERE entity_id = ? AND meeting_id = ?")
        let previous = try db.cachedStatement(sql: """
            SELECT s.state FROM states s JOIN meetings m ON m.id = s.meeting_id
            WHERE s.entity_id = ? AND s.meeting_id != ? AND s.meeting_date <= ?
            ORDER BY s.meeting_date DESC, m.source DESC, m.id DESC LIMIT 1
            """)
        let insert = try db.cachedStatement(sql: """
            INSERT INTO transitions (entity_id, meeting_id, meeting_date, from_state, to_state, reason) VALUES (?, ?, ?, ?, ?, ?)
            """)
        for id in entities.sorted() {
            guard let now = try Row.fetchOne(current, arguments: [id, meetingId]),
                  let before = try String.fetchOne(previous, arguments: [id, meetingId, date]) else { continue }
            let state: String = now["state"]
            if before != state {
                try insert.execute(arguments: [id, meetingId, date, before, state, now["evidence"] as String])
            }
        }
    }

    /// Undoes everything resolved from meetings on or after `date` so they can be
    /// resolved again in order. Returns the entities whose states changed.
    func unwind(from date: String) throws -> Set<Int64> {
        var touched = Set(try Int64.fetchAll(db, sql: "SELECT DISTINCT entity_id FROM states WHERE meeting_date >= ?", arguments: [date]))
        touched.formUnion(try Int64.fetchAll(db, sql: "SELECT DISTINCT entity_id FROM aliases WHERE meeting_date >= ?", arguments: [date]))
        try db.execute(sql: "DELETE FROM states WHERE meeting_date >= ?", arguments: [date])
        try db.execute(sql: "DELETE FROM transitions WHERE meeting_date >= ?", arguments: [date])
        try db.execute(sql: "DELETE FROM mentions WHERE meeting_date >= ?", arguments: [date])
        try db.execute(sql: "DELETE FROM aliases WHERE meeting_date >= ?", arguments: [date])
        try db.execute(sql: "DELETE FROM entities WHERE first_date >= ?", arguments: [date])
        let remaining = Set(try Int64.fetchAll(db, sql: "SELECT id FROM entities"))
        return touched.intersection(remaining)
    }
}
