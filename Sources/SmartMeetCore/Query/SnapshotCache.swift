import Foundation
import GRDB

/// What every question needs (entities with their current state, people, the linker),
/// rebuilt only when the store has changed since the last question.
// @unchecked: `current` is only read and written while `lock` is held.
final class SnapshotCache: @unchecked Sendable {
    struct Snapshot {
        let key: [Int64]
        let entities: [EntitySummary]
        let people: [String]
        let latest: CalendarDay?
        let linker: EntityLinker
    }

    private let lock = NSLock()
    private var current: Snapshot?

    func snapshot(_ db: Database) throws -> Snapshot {
        let key = [try Int64.fetchOne(db, sql: "SELECT IFNULL(MAX(id), 0) FROM states") ?? 0,
                   try Int64.fetchOne(db, sql: "SELECT IFNULL(MAX(id), 0) FROM aliases") ?? 0,
                   try Int64.fetchOne(db, sql: "SELECT COUNT(*) FROM entities") ?? 0,
                   try Int64.fetchOne(db, sql: "SELECT COUNT(*) FROM states") ?? 0,
                   // A correction can rename or change a state without changing any count.
                   try Int64.fetchOne(db, sql: "SELECT IFNULL(MAX(CAST(value AS INTEGER)), 0) FROM settings WHERE key = 'corrections.generation'") ?? 0]
        lock.lock()
        if let c = current, c.key == key { lock.unlock(); return c }
        lock.unlock()
        let entities = try StoreReader.entities(db).filter { $0.state != nil }
        let snap = Snapshot(key: key, entities: entities,
                            people: try String.fetchAll(db, sql: "SELECT name FROM people ORDER BY name"),
                            latest: try String.fetchOne(db, sql: "SELECT MAX(date) FROM meetings").flatMap(CalendarDay.init(iso:)),
                            linker: EntityLinker(entities: entities))
        lock.lock()
        current = snap
        lock.unlock()
        return snap
    }
}
