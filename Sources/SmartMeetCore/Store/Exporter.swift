import Foundation
import GRDB

/// The whole store as the JSON of FORMAT.md: meetings, entities, states, transitions.
/// Owners and due dates in states carry over from earlier meetings until restated,
/// which is how a person reads a timeline. The user's corrections are applied; what they
/// changed carries `"by": "user"`, and dismissed entities are left out.
public struct Exporter {
    public let store: Store
    public init(store: Store) { self.store = store }

    public func json() throws -> Data {
        let object: [String: Any] = try store.pool.read { db in
            let meetings = try Row.fetchAll(db, sql: "SELECT id, title, date, source FROM meetings ORDER BY date, source, id").map {
                ["id": "m\($0["id"] as Int64)", "title": $0["title"] as String, "date": $0["date"] as String, "source": $0["source"] as String] as [String: Any]
            }
            var entities: [[String: Any]] = []
            var states: [[String: Any]] = []
            // Tracked things only, as the app and the CLI list them: a name the meetings used
            // without ever giving it a status is there for resolution, not for the reader.
            for e in try StoreReader.entities(db) where e.state != nil {
                var item: [String: Any] = ["id": "e\(e.id)", "name": e.name, "type": e.type.rawValue, "aliases": e.aliases]
                if let s = e.state { item["state"] = s.rawValue }
                if let o = e.owner { item["owner"] = o }
                if let d = e.due { item["due"] = d }
                if e.edited { item["by"] = "user" }
                entities.append(item)
                for t in try StoreReader.timeline(db, entityId: e.id) {
                    var s: [String: Any] = ["entity_id": "e\(e.id)", "meeting_id": "m\(t.meetingId)", "state": t.state.rawValue, "evidence": t.evidence]
                    if let o = t.owner { s["owner"] = o }
                    if let d = t.due { s["due"] = d }
                    if t.byUser { s["by"] = "user" }
                    states.append(s)
                }
            }
            for p in try Row.fetchAll(db, sql: "SELECT id, name FROM people ORDER BY name") {
                entities.append(["id": "p\(p["id"] as Int64)", "name": p["name"] as String, "type": "person", "aliases": [String]()])
            }
            // A transition is the user's when either of its states is, or the user merged its entity.
            let transitions = try Row.fetchAll(db, sql: """
                SELECT t.*, e.merged OR IFNULL((SELECT s.by_user FROM states s WHERE s.entity_id = t.entity_id AND s.meeting_id = t.meeting_id), 0)
                    OR IFNULL((SELECT s.by_user FROM states s JOIN meetings m ON m.id = s.meeting_id
                               WHERE s.entity_id = t.entity_id AND s.meeting_id != t.meeting_id AND s.meeting_date <= t.meeting_date
                               ORDER BY s.meeting_date DESC, m.source DESC LIMIT 1), 0) AS by_user
                FROM transitions t JOIN entities e ON e.id = t.entity_id
                WHERE e.dismissed = 0 ORDER BY t.meeting_date, t.entity_id
                """).map { row -> [String: Any] in
                var t: [String: Any] = ["entity_id": "e\(row["entity_id"] as Int64)", "meeting_id": "m\(row["meeting_id"] as Int64)",
                                        "from": row["from_state"] as String, "to": row["to_state"] as String, "reason": row["reason"] as String]
                if row["by_user"] as Bool { t["by"] = "user" }
                return t
            }
            return ["meetings": meetings, "entities": entities, "states": states, "transitions": transitions]
        }
        return try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])
    }
}
