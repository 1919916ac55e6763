import Foundation
import GRDB

/// Lays the user's active corrections over the resolved entities, states and
/// transitions, oldest first. Idempotent: applying them again after they are applied
/// changes nothing, so it runs after every resolution (a new meeting, or an older one
/// re-resolving the meetings after it) and the corrections always hold.
struct CorrectionLayer {
    let db: Database

    /// Applies every active correction; recomputes the transitions of entities whose
    /// states changed. Cheap when there are none: one indexed read.
    func reapply() throws {
        let rows = try Row.fetchAll(db.cachedStatement(sql: "SELECT * FROM corrections WHERE undone_at IS NULL ORDER BY id"))
        guard !rows.isEmpty else { return }
        var changed = Set<Int64>()
        for row in rows { changed.formUnion(try apply(row)) }
        try StateTracker(db: db).recomputeTransitions(for: changed)
    }

    /// Applies one stored correction; returns the entities whose states it changed.
    @discardableResult
    func apply(_ row: Row) throws -> Set<Int64> {
        guard let kind = CorrectionKind(rawValue: row["kind"]),
              let target = try find(Self.decode(EntityKey.self, row["entity_key"])) else { return [] }
        let value: String = row["value"]
        switch kind {
        case .rename:
            guard let name = Self.decode([String: String].self, value)?["name"] else { return [] }
            try db.execute(sql: "UPDATE entities SET name = ?, renamed = 1 WHERE id = ? AND (name != ? OR renamed = 0)",
                           arguments: [name, target, name])
            return []
        case .dismiss:
            try db.execute(sql: "UPDATE entities SET dismissed = 1 WHERE id = ? AND dismissed = 0", arguments: [target])
            return []
        case .merge:
            guard let other = try find(Self.decode(EntityKey.self, row["other_key"])), other != target else { return [] }
            try merge(other, into: target)
            if let name = Self.decode([String: String].self, value)?["name"] {
                try db.execute(sql: "UPDATE entities SET name = ? WHERE id = ?", arguments: [name, target])
            }
            return [target]
        case .state:
            guard let edit = Self.decode(StateEdit.self, value),
                  let meeting = try meetingId(hash: row["meeting_hash"], source: row["meeting_source"], date: row["meeting_date"]) else { return [] }
            return try setState(target, meeting: meeting, edit) ? [target] : []
        }
    }

    // MARK: - Finding what a correction names

    /// The names that identify an entity now: its normalised aliases and name.
    func key(for entityId: Int64) throws -> EntityKey? {
        guard let row = try Row.fetchOne(db, sql: "SELECT name, type FROM entities WHERE id = ?", arguments: [entityId]) else { return nil }
        var names = try String.fetchAll(db, sql: "SELECT normalized FROM aliases WHERE entity_id = ? ORDER BY id", arguments: [entityId])
        let own = NameMatcher.normalize(row["name"])
        if !own.isEmpty, !names.contains(own) { names.append(own) }
        return EntityKey(names: names, type: row["type"])
    }

    /// The entity sharing the most names with `key` (the earliest on a tie); by name
    /// alone when it has no aliases left.
    func find(_ key: EntityKey?) throws -> Int64? {
        guard let key, !key.names.isEmpty else { return nil }
        let marks = key.names.map { _ in "?" }.joined(separator: ",")
        if let id = try Int64.fetchOne(db, sql: """
            SELECT a.entity_id FROM aliases a JOIN entities e ON e.id = a.entity_id
            WHERE a.normalized IN (\(marks)) GROUP BY a.entity_id
            ORDER BY COUNT(*) DESC, e.type = ? DESC, e.first_date, e.id LIMIT 1
            """, arguments: StatementArguments(key.names + [key.type])) {
            return id
        }
        let wanted = Set(key.names)
        return try Row.fetchAll(db, sql: "SELECT id, name FROM entities WHERE type = ? ORDER BY first_date, id", arguments: [key.type])
            .first { wanted.contains(NameMatcher.normalize($0["name"])) }?["id"]
    }

    /// A meeting by its content (the same file imported again), else by file and date.
    func meetingId(hash: String?, source: String?, date: String?) throws -> Int64? {
        if let hash, let id = try Int64.fetchOne(db, sql: "SELECT id FROM meetings WHERE content_hash = ?", arguments: [hash]) { return id }
        guard let source, let date else { return nil }
        return try Int64.fetchOne(db, sql: "SELECT id FROM meetings WHERE source = ? AND date = ? ORDER BY id LIMIT 1", arguments: [source, date])
    }

    // MARK: - Changes

    /// Moves everything of `other` onto `target` and deletes `other`. Where both have a
    /// state at one meeting, the user's wins, else the one said later in the meeting
    /// (the resolver's own rule for two names of one thing).
    func merge(_ other: Int64, into target: Int64) throws {
        for row in try Row.fetchAll(db, sql: """
            SELECT o.id AS oid, o.by_user AS ouser, o.turn_position AS oturn, t.id AS tid, t.by_user AS tuser, t.turn_position AS tturn
            FROM states o JOIN states t ON t.meeting_id = o.meeting_id AND t.entity_id = ?
            WHERE o.entity_id = ?
            """, arguments: [target, other]) {
            let otherWins = (row["ouser"] as Bool) != (row["tuser"] as Bool) ? row["ouser"] as Bool : (row["oturn"] as Int) > (row["tturn"] as Int)
            try db.execute(sql: "DELETE FROM states WHERE id = ?", arguments: [otherWins ? row["tid"] : row["oid"] as Int64])
        }
        try db.execute(sql: "UPDATE states SET entity_id = ? WHERE entity_id = ?", arguments: [target, other])
        try db.execute(sql: "UPDATE mentions SET entity_id = ? WHERE entity_id = ?", arguments: [target, other])
        try db.execute(sql: """
            DELETE FROM aliases WHERE entity_id = ? AND normalized IN (SELECT normalized FROM aliases WHERE entity_id = ?)
            """, arguments: [other, target])
        try db.execute(sql: "UPDATE aliases SET entity_id = ? WHERE entity_id = ?", arguments: [target, other])
        try db.execute(sql: "UPDATE alias_tokens SET entity_id = ? WHERE entity_id = ?", arguments: [target, other])
        // The merged entity begins where the earlier of the two began, so re-resolving
        // from a later date never deletes it with the history it holds.
        try db.execute(sql: """
            UPDATE entities SET merged = 1,
                first_meeting_id = CASE WHEN o.first_date < entities.first_date THEN o.first_meeting_id ELSE entities.first_meeting_id END,
                first_date = MIN(entities.first_date, o.first_date),
                anchor = IFNULL(entities.anchor, o.anchor)
            FROM (SELECT first_meeting_id, first_date, anchor FROM entities WHERE id = ?) AS o
            WHERE entities.id = ?
            """, arguments: [other, target])
        try db.execute(sql: "DELETE FROM transitions WHERE entity_id = ?", arguments: [other])
        try db.execute(sql: "DELETE FROM entities WHERE id = ?", arguments: [other])
    }

    /// Sets, or clears, a state, owner or due date at one meeting; the extractor's row is
    /// kept in `original` the first time the user changes it. Returns whether anything changed.
    func setState(_ entity: Int64, meeting: Int64, _ edit: StateEdit) throws -> Bool {
        let existing = try Row.fetchOne(db, sql: "SELECT * FROM states WHERE entity_id = ? AND meeting_id = ?", arguments: [entity, meeting])
        if case .clear? = edit.state {
            guard let existing else { return false }
            try db.execute(sql: "DELETE FROM states WHERE id = ?", arguments: [existing["id"] as Int64])
            return true
        }
        var state: String? = existing?["state"]
        var owner: String? = existing?["owner"]
        var due: String? = existing?["due"]
        if case .set(let s)? = edit.state { state = s.rawValue }
        switch edit.owner {
        case .set(let o)?: owner = o
        case .clear?: owner = nil
        case nil: break
        }
        switch edit.due {
        case .set(let d)?: due = d
        case .clear?: due = nil
        case nil: break
        }
        if let existing {
            let same = existing["state"] == state && existing["owner"] == owner && existing["due"] == due && (existing["by_user"] as Bool)
            if same { return false }
            let original: String? = (existing["by_user"] as Bool) ? existing["original"] : Self.encode([
                "state": existing["state"], "owner": existing["owner"], "due": existing["due"]] as [String: String?])
            try db.execute(sql: "UPDATE states SET state = ?, owner = ?, due = ?, by_user = 1, original = ? WHERE id = ?",
                           arguments: [state, owner, due, original, existing["id"] as Int64])
            return existing["state"] != state
        }
        // Nothing was stated here: an owner or due date alone needs a state to hang on,
        // the one the entity had coming into this meeting.
        guard let meetingRow = try Row.fetchOne(db, sql: "SELECT date, source FROM meetings WHERE id = ?", arguments: [meeting]) else { return false }
        let date: String = meetingRow["date"]
        if state == nil {
            state = try String.fetchOne(db, sql: """
                SELECT s.state FROM states s JOIN meetings m ON m.id = s.meeting_id
                WHERE s.entity_id = ? AND (s.meeting_date < ? OR (s.meeting_date = ? AND m.source < ?))
                ORDER BY s.meeting_date DESC, m.source DESC LIMIT 1
                """, arguments: [entity, date, date, meetingRow["source"] as String])
        }
        guard let state else { return false }
        let turn = try Int.fetchOne(db, sql: "SELECT MIN(turn_position) FROM mentions WHERE entity_id = ? AND meeting_id = ?",
                                    arguments: [entity, meeting]) ?? 0
        try db.execute(sql: """
            INSERT INTO states (entity_id, meeting_id, meeting_date, state, owner, due, evidence, turn_position, by_user, original)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, NULL)
            """, arguments: [entity, meeting, date, state, owner, due, Self.userEvidence, turn])
        return true
    }

    /// The evidence of a state the user added where the meeting stated none.
    static let userEvidence = "(set by you)"

    // MARK: - JSON columns

    static func decode<T: Decodable>(_ type: T.Type, _ text: String?) -> T? {
        guard let text else { return nil }
        return try? JSONDecoder().decode(type, from: Data(text.utf8))
    }

    static func encode<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }
}
