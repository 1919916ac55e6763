import Foundation
import GRDB

/// The whole store as the JSON of FORMAT.md: meetings, entities, states, transitions.
/// Owners and due dates in states carry over from earlier meetings until restated,
/// which is how a person reads a timeline.
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
            for e in try StoreReader.entities(db) {
                var item: [String: Any] = ["id": "e\(e.id)", "name": e.name, "type": e.type.rawValue, "aliases": e.aliases]
                if let s = e.state { item["state"] = s.rawValue }
                if let o = e.owner { item["owner"] = o }
                if let d = e.due { item["due"] = d }
                entities.append(item)
                for t in try StoreReader.timeline(db, entityId: e.id) {
                    var s: [String: Any] = ["entity_id": "e\(e.id)", "meeting_id": "m\(t.meetingId)", "state": t.state.rawValue, "evidence": t.evidence]
                    if let o = t.owner { s["owner"] = o }
                    if let d = t.due { s["due"] = d }
                    states.append(s)
                }
            }
            for p in try Row.fetchAll(db, sql: "SELECT id, name FROM people ORDER BY name") {
                entities.append(["id": "p\(p["id"] as Int64)", "name": p["name"] as String, "type": "person", "aliases": [String]()])
            }
            let transitions = try Row.fetchAll(db, sql: "SELECT * FROM transitions ORDER BY meeting_date, entity_id").map {
                ["entity_id": "e\($0["entity_id"] as Int64)", "meeting_id": "m\($0["meeting_id"] as Int64)",
                 "from": $0["from_state"] as String, "to": $0["to_state"] as String, "reason": $0["reason"] as String] as [String: Any]
            }
            return ["meetings": meetings, "entities": entities, "states": states, "transitions": transitions]
        }
        return try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])
    }
}
