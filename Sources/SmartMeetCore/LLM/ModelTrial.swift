import Foundation
import GRDB
import Logging
import Synchronization

/// How `--llm auto` decides whether a model may extract: on the first meetings it reads,
/// the model's grounded states are compared with the rule extractor's (same thing, same
/// state) while the rules' result is what gets stored. If the two agree well enough the
/// model is preferred from then on; otherwise auto keeps the rules and makes no more
/// extraction calls to that model. `--llm on` uses the model regardless (and its first
/// meetings count towards the trial too). The verdict is kept per database and per model.
public final class ModelTrial: Sendable {
    public enum Decision: String, Codable, Sendable { case trial, model, rules }

    public struct Record: Codable, Equatable, Sendable {
        public var meetings = 0
        public var matched = 0
        public var modelStates = 0
        public var ruleStates = 0
        public var decision = Decision.trial

        /// Dice agreement: 1 when both name the same states, 0 when they share none.
        public var agreement: Double {
            modelStates + ruleStates == 0 ? 0 : 2 * Double(matched) / Double(modelStates + ruleStates)
        }
    }

    /// Meetings compared before deciding, and the agreement the model must reach.
    public static let meetingsNeeded = 3
    public static let agreementNeeded = 0.7

    public let model: String
    let store: Store?
    private let record: Mutex<Record>
    private let log = AppLog.logger("llm.auto")

    public init(model: String, store: Store?) {
        self.model = model
        self.store = store
        record = Mutex((try? store.flatMap { try Self.load(model, from: $0) }) ?? Record())
    }

    public var current: Record { record.withLock { $0 } }
    public var decision: Decision { current.decision }

    /// Adds one meeting's comparison; decides once enough meetings said something.
    func compare(model byModel: MeetingExtraction, rules byRules: MeetingExtraction) {
        let m = Self.pairs(byModel), r = Self.pairs(byRules)
        guard !m.isEmpty || !r.isEmpty else { return }
        let matched = Self.matches(m, r)
        let updated = record.withLock { rec -> Record? in
            guard rec.decision == .trial else { return nil }
            rec.meetings += 1
            rec.matched += matched
            rec.modelStates += m.count
            rec.ruleStates += r.count
            if rec.meetings >= Self.meetingsNeeded {
                rec.decision = rec.agreement >= Self.agreementNeeded ? .model : .rules
            }
            return rec
        }
        guard let updated else { return }
        if updated.decision != .trial {
            log.notice("auto decided", metadata: ["model": "\(model)", "extraction_by": "\(updated.decision.rawValue)",
                                                  "agreement": "\(String(format: "%.2f", updated.agreement))",
                                                  "meetings": "\(updated.meetings)"])
        }
        if let store { try? Self.save(updated, for: model, in: store) }
    }

    /// One sentence for `stats` and the title bar.
    public static func describe(_ r: Record) -> String {
        let a = String(format: "%.2f", r.agreement)
        switch r.decision {
        case .trial: return "on trial (\(r.meetings) of \(meetingsNeeded) meetings compared with the rules, agreement so far \(a))"
        case .model: return "model preferred (agreement \(a) with the rules over \(r.meetings) meetings, \(agreementNeeded) needed)"
        case .rules: return "rules preferred (the model agreed \(a) with the rules over \(r.meetings) meetings, \(agreementNeeded) needed)"
        }
    }

    /// A few words for the app's title bar.
    public static func badge(_ r: Record) -> String {
        switch r.decision {
        case .trial: return "trial \(r.meetings)/\(meetingsNeeded)"
        case .model: return "model preferred"
        case .rules: return "rules preferred (agreement \(String(format: "%.2f", r.agreement)))"
        }
    }

    /// Entity names (with aliases) and states a meeting reports; generic mentions excluded.
    static func pairs(_ ex: MeetingExtraction) -> [(names: [String], state: EntityState)] {
        ex.states.compactMap { s in
            let e = ex.entities[s.entity]
            return e.isGeneric ? nil : (e.allNames, s.state)
        }
    }

    /// Each model state matched to at most one rule state naming the same thing with the same state.
    static func matches(_ m: [(names: [String], state: EntityState)], _ r: [(names: [String], state: EntityState)]) -> Int {
        var used = Set<Int>()
        var count = 0
        for a in m {
            if let j = r.indices.first(where: { !used.contains($0) && r[$0].state == a.state
                && NameMatcher.score(mention: a.names, mentionAnchor: nil, candidate: r[$0].names, candidateAnchor: nil) >= 2 }) {
                used.insert(j)
                count += 1
            }
        }
        return count
    }

    static func key(_ model: String) -> String { "trial." + model }

    static func load(_ model: String, from store: Store) throws -> Record? {
        try store.pool.read { db in
            try String.fetchOne(db, sql: "SELECT value FROM settings WHERE key = ?", arguments: [key(model)])
        }.flatMap { try? JSONDecoder().decode(Record.self, from: Data($0.utf8)) }
    }

    static func save(_ r: Record, for model: String, in store: Store) throws {
        let json = String(decoding: try JSONEncoder().encode(r), as: UTF8.self)
        try store.pool.write { db in
            try db.execute(sql: "INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)", arguments: [key(model), json])
        }
    }

    /// Every model tried in this database, for `stats`.
    public static func all(in store: Store) throws -> [(model: String, record: Record)] {
        try store.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT key, value FROM settings WHERE key LIKE 'trial.%' ORDER BY key").compactMap { row in
                let key: String = row["key"], value: String = row["value"]
                return (try? JSONDecoder().decode(Record.self, from: Data(value.utf8))).map { (String(key.dropFirst(6)), $0) }
            }
        }
    }
}
