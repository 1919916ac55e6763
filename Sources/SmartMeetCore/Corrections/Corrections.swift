import Foundation
import GRDB

/// The user's corrections: rename, merge, dismiss (and restore), set or clear a state,
/// owner or due date at a meeting, and undo. Each is stored as the user's own record,
/// applied at once and again after every later resolution (`CorrectionLayer`), and undone
/// by bringing back what the extractor found, which is never overwritten.
public struct Corrections: Sendable {
    public let store: Store

    public init(store: Store) { self.store = store }

    // MARK: - Making corrections

    public func rename(_ entityId: Int64, to newName: String) throws -> CorrectionResult {
        let name = TextSanitizer.cleanLine(newName).trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else { throw CorrectionError("A new name cannot be empty.") }
        guard name.count <= 200 else { throw CorrectionError("A name can be at most 200 characters.") }
        return try store.pool.write { db in
            let old = try Self.name(db, entityId)
            guard old != name else { throw CorrectionError("\(old) is already called that.") }
            try record(db, .rename, entityId, value: ["name": name])
            return CorrectionResult(message: "Renamed \(old) to \(name).", entityId: entityId)
        }
    }

    /// Merges `entityId` into `targetId`: one entity with both histories and aliases,
    /// under the target's name.
    public func merge(_ entityId: Int64, into targetId: Int64) throws -> CorrectionResult {
        guard entityId != targetId else { throw CorrectionError("An entity cannot be merged into itself.") }
        return try store.pool.write { db in
            let from = try Self.name(db, entityId)
            let into = try Self.name(db, targetId)
            let layer = CorrectionLayer(db: db)
            guard let otherKey = try layer.key(for: entityId) else { throw CorrectionError("No entity \(entityId).") }
            try record(db, .merge, targetId, other: otherKey, otherName: from, value: ["name": into])
            return CorrectionResult(message: "Merged \(from) into \(into).", entityId: targetId)
        }
    }

    /// Hides an entity everywhere (lists, answers, the board, export) until restored.
    public func dismiss(_ entityId: Int64) throws -> CorrectionResult {
        try store.pool.write { db in
            let name = try Self.name(db, entityId)
            if try Bool.fetchOne(db, sql: "SELECT dismissed FROM entities WHERE id = ?", arguments: [entityId]) == true {
                throw CorrectionError("\(name) is already dismissed.")
            }
            try record(db, .dismiss, entityId, value: [String: String]())
            return CorrectionResult(message: "Dismissed \(name).", entityId: nil)
        }
    }

    /// Brings a dismissed entity back: its dismissals are marked undone.
    public func restore(_ entityId: Int64) throws -> CorrectionResult {
        try store.pool.write { db in
            let name = try Self.name(db, entityId)
            let layer = CorrectionLayer(db: db)
            var restored = false
            for row in try Row.fetchAll(db, sql: "SELECT id, entity_key FROM corrections WHERE kind = 'dismiss' AND undone_at IS NULL") {
                guard try layer.find(CorrectionLayer.decode(EntityKey.self, row["entity_key"])) == entityId else { continue }
                try db.execute(sql: "UPDATE corrections SET undone_at = ? WHERE id = ?", arguments: [Self.now(), row["id"] as Int64])
                restored = true
            }
            guard restored else { throw CorrectionError("\(name) is not dismissed.") }
            try db.execute(sql: "UPDATE entities SET dismissed = 0 WHERE id = ?", arguments: [entityId])
            try layer.reapply()
            try Self.bumpGeneration(db)
            return CorrectionResult(message: "Restored \(name).", entityId: entityId, undoable: false)
        }
    }

    /// Sets or clears the state, owner or due date `entityId` had at `meetingId`.
    public func setState(_ entityId: Int64, meetingId: Int64, _ edit: StateEdit) throws -> CorrectionResult {
        guard !edit.isEmpty else { throw CorrectionError("Say a state, an owner or a due date to set.") }
        if case .set(let o)? = edit.owner, TextSanitizer.cleanLine(o).isEmpty { throw CorrectionError("An owner needs a name.") }
        return try store.pool.write { db in
            let name = try Self.name(db, entityId)
            guard let meeting = try Row.fetchOne(db, sql: "SELECT title, date, source, content_hash FROM meetings WHERE id = ?", arguments: [meetingId]) else {
                throw CorrectionError("No meeting \(meetingId).")
            }
            var clean = edit
            if case .set(let o)? = edit.owner { clean.owner = .set(TextSanitizer.cleanLine(o)) }
            if case .clear? = edit.state, try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM states WHERE entity_id = ? AND meeting_id = ?", arguments: [entityId, meetingId]) == 0 {
                throw CorrectionError("\(name) has no state at \(meeting["title"] as String) (\(meeting["date"] as String)) to clear.")
            }
            try record(db, .state, entityId, meeting: meeting, value: clean)
            return CorrectionResult(message: "\(name) at \(meeting["title"] as String) (\(meeting["date"] as String)): \(clean.spoken).", entityId: entityId)
        }
    }

    // MARK: - Undo and the list

    /// Undoes the most recent correction still in force.
    public func undo() throws -> CorrectionResult {
        try store.pool.write { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM corrections WHERE undone_at IS NULL ORDER BY id DESC LIMIT 1") else {
                throw CorrectionError("Nothing to undo.")
            }
            let layer = CorrectionLayer(db: db)
            let key = CorrectionLayer.decode(EntityKey.self, row["entity_key"])
            let entity = try layer.find(key)
            try db.execute(sql: "UPDATE corrections SET undone_at = ? WHERE id = ?", arguments: [Self.now(), row["id"] as Int64])
            let kind = CorrectionKind(rawValue: row["kind"]) ?? .rename
            switch kind {
            case .rename:
                if let entity {
                    try EntityResolver(db: db).refreshName(entity)
                    try db.execute(sql: "UPDATE entities SET renamed = 0 WHERE id = ?", arguments: [entity])
                }
                try layer.reapply()
            case .dismiss:
                if let entity { try db.execute(sql: "UPDATE entities SET dismissed = 0 WHERE id = ?", arguments: [entity]) }
                try layer.reapply()
            case .merge, .state:
                // The extractor's original comes back by resolving again, from the stored
                // extractions, the meetings the correction reached into.
                var from: String? = row["meeting_date"]
                if kind == .merge, let entity {
                    from = try String.fetchOne(db, sql: "SELECT first_date FROM entities WHERE id = ?", arguments: [entity])
                }
                if let from { try IngestPipeline.reresolve(db, from: from) }
            }
            try Self.bumpGeneration(db)
            let record = Self.record(row)
            let after = try layer.find(key)
            return CorrectionResult(message: "Undid: \(record.summary).", entityId: after, undoable: false)
        }
    }

    /// Every correction, newest first, undone ones included.
    public func list() throws -> [CorrectionRecord] {
        try store.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM corrections ORDER BY id DESC").map(Self.record)
        }
    }

    // MARK: - Finding a meeting from what a person types

    /// A meeting from `m12` / `12` (its id), a date (`2026-03-02`), a file name, or words
    /// of its title (the latest such meeting). Throws a sentence naming the choices when
    /// it is ambiguous or unknown.
    public func meeting(matching text: String) throws -> MeetingSummary {
        let meetings = try StoreReader(store: store).meetings()
        let wanted = text.trimmingCharacters(in: .whitespaces)
        let id = Int64(wanted.hasPrefix("m") ? String(wanted.dropFirst()) : wanted)
        if let id, let m = meetings.first(where: { $0.id == id }) { return m }
        if let day = CalendarDay(iso: wanted) {
            let onDay = meetings.filter { $0.date == day.iso }
            if onDay.count == 1 { return onDay[0] }
            if onDay.count > 1 {
                throw CorrectionError("\(onDay.count) meetings on \(day.iso): " + onDay.map { "\($0.source) (m\($0.id))" }.joined(separator: ", ") + "; name one.")
            }
            throw CorrectionError("No meeting on \(day.iso).")
        }
        if let m = meetings.first(where: { $0.source == wanted }) { return m }
        let norm = NameMatcher.normalize(wanted)
        let tests: [(MeetingSummary) -> Bool] = [{ NameMatcher.normalize($0.title) == norm },
                                                 { NameMatcher.normalize($0.title).contains(norm) },
                                                 { NameMatcher.normalize($0.source).contains(norm) }]
        for test in tests where !norm.isEmpty {
            if let m = meetings.first(where: test) { return m }
        }
        throw CorrectionError("No meeting matches \"\(wanted)\"; give its date (YYYY-MM-DD), file name or id (see smartmeet meetings).")
    }

    // MARK: - Storage

    /// Stores a correction and applies it now.
    private func record<V: Encodable>(_ db: Database, _ kind: CorrectionKind, _ entityId: Int64, other: EntityKey? = nil,
                                      otherName: String? = nil, meeting: Row? = nil, value: V) throws {
        let layer = CorrectionLayer(db: db)
        guard let key = try layer.key(for: entityId) else { throw CorrectionError("No entity \(entityId).") }
        try db.execute(sql: """
            INSERT INTO corrections (kind, entity_key, entity_name, other_key, other_name, meeting_hash, meeting_source, meeting_date, value, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [kind.rawValue, CorrectionLayer.encode(key), try Self.name(db, entityId), other.map(CorrectionLayer.encode), otherName,
                             meeting?["content_hash"] as String?, meeting?["source"] as String?, meeting?["date"] as String?,
                             CorrectionLayer.encode(value), Self.now()])
        let row = try Row.fetchOne(db, sql: "SELECT * FROM corrections WHERE id = ?", arguments: [db.lastInsertedRowID])!
        let changed = try layer.apply(row)
        try StateTracker(db: db).recomputeTransitions(for: changed)
        try Self.bumpGeneration(db)
    }

    static func record(_ row: Row) -> CorrectionRecord {
        let kind = CorrectionKind(rawValue: row["kind"]) ?? .rename
        let raw: String = row["value"]
        var value = raw
        switch kind {
        case .rename, .merge: value = CorrectionLayer.decode([String: String].self, raw)?["name"] ?? ""
        case .dismiss: value = ""
        case .state: value = CorrectionLayer.decode(StateEdit.self, raw)?.spoken ?? raw
        }
        let meeting = (row["meeting_date"] as String?).map { d in "\(d)" + ((row["meeting_source"] as String?).map { " (\($0))" } ?? "") }
        return CorrectionRecord(id: row["id"], kind: kind, entityName: row["entity_name"], otherName: row["other_name"],
                                meeting: meeting, value: value, createdAt: row["created_at"], undone: row["undone_at"] != nil)
    }

    static func name(_ db: Database, _ entityId: Int64) throws -> String {
        guard let n = try String.fetchOne(db, sql: "SELECT name FROM entities WHERE id = ?", arguments: [entityId]) else {
            throw CorrectionError("No entity \(entityId); it may have changed since the list was read — reload.")
        }
        return n
    }

    /// Counts every change to the corrections, so caches of answers know to rebuild.
    static func bumpGeneration(_ db: Database) throws {
        try db.execute(sql: """
            INSERT INTO settings (key, value) VALUES ('corrections.generation', '1')
            ON CONFLICT(key) DO UPDATE SET value = CAST(value AS INTEGER) + 1
            """)
    }

    static func now() -> String { ISO8601DateFormatter().string(from: Date()) }
}
