import Foundation
import GRDB

/// Answers plain-English questions from the store: parse the question into an intent,
/// link entity names through the resolver's matching, read states and transitions,
/// and phrase a short answer that names the dates and people involved.
public struct QueryEngine: Sendable {
    public let store: Store
    public let search: HybridSearch?
    private let cache = SnapshotCache()

    public init(store: Store, search: HybridSearch? = nil) {
        self.store = store
        self.search = search
    }

    public func ask(_ question: String) throws -> Answer {
        let trimmed = TextSanitizer.cleanLine(question)
        guard !trimmed.isEmpty else { return Answer(intent: "empty", answer: "Ask a question, for example \"what is blocked?\".") }
        guard trimmed.count <= 500 else { return Answer(intent: "rejected", answer: "That question is too long; keep it under 500 characters.") }
        return try store.pool.read { db in
            let snap = try cache.snapshot(db)
            let entities = snap.entities
            let people = snap.people
            guard let reference = snap.latest else {
                return Answer(intent: "empty_store", answer: "No meetings are imported yet; import transcripts first.")
            }
            let linker = snap.linker
            let intent = QuestionParser(reference: reference, people: people).parse(trimmed, linker: linker)
            var context = Context(db: db, entities: entities, linker: linker, reference: reference, search: search)
            return try context.answer(intent)
        }
    }
}

private struct Context {
    let db: Database
    let entities: [EntitySummary]
    let linker: EntityLinker
    let reference: CalendarDay
    let search: HybridSearch?

    func ref(_ e: EntitySummary, state: EntityState? = nil) -> Answer.EntityRef {
        Answer.EntityRef(id: e.id, name: e.name, state: (state ?? e.state)?.rawValue)
    }

    static func day(_ iso: String?) -> String {
        guard let iso, let d = CalendarDay(iso: iso) else { return iso ?? "" }
        return "\(d.spoken) (\(d.iso))"
    }

    static func list(_ names: [String]) -> String {
        switch names.count {
        case 0: return ""
        case 1: return names[0]
        case 2: return "\(names[0]) and \(names[1])"
        default: return names.dropLast().joined(separator: ", ") + " and " + names.last!
        }
    }

    mutating func answer(_ intent: Intent) throws -> Answer {
        switch intent {
        case .status(let phrase):
            guard let e = linker.link(phrase) ?? linker.find(inQuestion: phrase)?.entity else { return unknown(phrase, intent) }
            let t = try StoreReader.timeline(db, entityId: e.id)
            guard let last = t.last else { return unknown(phrase, intent) }
            var text = "\(e.name) is \(last.state.spoken) as of \(Self.day(last.date))"
            if let o = last.owner { text += ", owned by \(o)" }
            if let d = last.due { text += ", due \(Self.day(d))" }
            text += "."
            return Answer(intent: intent.name, answer: text, entities: [ref(e)], rows: rows(t),
                          evidence: [Answer.Evidence(meeting: last.meetingTitle, date: last.date, speaker: nil, quote: last.evidence)])

        case .listByState(let state, let asOf):
            var matches: [(EntitySummary, TimelineEntry?)] = []
            if let day = asOf {
                // The latest state of each entity on or before the day, in one pass.
                let rows = try Row.fetchAll(db, sql: """
                    SELECT s.entity_id, s.state FROM states s
                    JOIN (SELECT entity_id, MAX(meeting_date) AS d FROM states WHERE meeting_date <= ? GROUP BY entity_id) last
                      ON last.entity_id = s.entity_id AND last.d = s.meeting_date
                    """, arguments: [day.iso])
                var stateAt: [Int64: String] = [:]
                for r in rows { stateAt[r["entity_id"]] = r["state"] }
                for e in entities where stateAt[e.id] == state.rawValue { matches.append((e, nil)) }
            } else {
                for e in entities where e.state == state { matches.append((e, nil)) }
            }
            let when = asOf.map { "On \($0.spoken)" } ?? "Right now"
            if matches.isEmpty {
                return Answer(intent: intent.name, answer: "Nothing was \(state.spoken) \(asOf.map { "on \($0.spoken)" } ?? "right now").".replacingOccurrences(of: "was \(state.spoken) right now", with: "is \(state.spoken) right now"))
            }
            let parts = matches.map { e, _ -> String in
                var p = e.name
                var extra: [String] = []
                if let o = e.owner { extra.append("owner \(o)") }
                if let c = e.lastChange, asOf == nil { extra.append("since \(CalendarDay(iso: c)?.spoken ?? c)") }
                if !extra.isEmpty { p += " (\(extra.joined(separator: ", ")))" }
                return p
            }
            return Answer(intent: intent.name, answer: "\(when), \(matches.count) \(matches.count == 1 ? "thing is" : "things are") \(state.spoken): \(Self.list(parts)).",
                          entities: matches.map { ref($0.0, state: state) },
                          rows: matches.map { ["name": $0.0.name, "state": state.rawValue, "owner": $0.0.owner ?? ""] })

        case .owner(let phrase):
            guard let e = linker.link(phrase) ?? linker.find(inQuestion: phrase)?.entity else { return unknown(phrase, intent) }
            let t = try StoreReader.timeline(db, entityId: e.id)
            guard let owner = t.last?.owner else {
                return Answer(intent: intent.name, answer: "No owner has been named for \(e.name) yet.", entities: [ref(e)])
            }
            let since = t.first { $0.owner == owner }?.date
            return Answer(intent: intent.name, answer: "\(owner) owns \(e.name)\(since.map { " (named on \(Self.day($0)))" } ?? "").",
                          entities: [ref(e)], rows: [["name": e.name, "owner": owner]])

        case .ownedBy(let person):
            let first = person.split(separator: " ").first.map(String.init)?.lowercased() ?? person.lowercased()
            let owned = entities.filter { e in
                guard let o = e.owner?.lowercased() else { return false }
                return o == person.lowercased() || o.split(separator: " ").first.map(String.init) == first
            }
            if owned.isEmpty { return Answer(intent: intent.name, answer: "\(person) owns nothing that the meetings named.") }
            let parts = owned.map { "\($0.name) (\($0.state?.spoken ?? "no state"))" }
            return Answer(intent: intent.name, answer: "\(person) owns \(owned.count): \(Self.list(parts)).", entities: owned.map { ref($0) },
                          rows: owned.map { ["name": $0.name, "state": $0.state?.rawValue ?? ""] })

        case .unowned:
            let open: Set<EntityState> = [.completed, .cancelled]
            let list = entities.filter { $0.owner == nil && !open.contains($0.state ?? .completed) }
            if list.isEmpty { return Answer(intent: intent.name, answer: "Everything open has an owner.") }
            return Answer(intent: intent.name, answer: "\(list.count) open \(list.count == 1 ? "thing has" : "things have") no owner: \(Self.list(list.map(\.name))).",
                          entities: list.map { ref($0) })

        case .history(let phrase, let focus):
            guard let e = linker.link(phrase) ?? linker.find(inQuestion: phrase)?.entity else { return unknown(phrase, intent) }
            let t = try StoreReader.timeline(db, entityId: e.id)
            let steps = t.map { "\($0.state.spoken) on \(CalendarDay(iso: $0.date)?.spoken ?? $0.date)" }
            var text = "\(e.name): " + steps.joined(separator: " → ") + "."
            if let f = focus {
                if let hit = t.first(where: { $0.state == f }) {
                    text = "\(e.name) became \(f.spoken) on \(Self.day(hit.date)) (\(hit.meetingTitle)): \"\(hit.evidence)\" Full history: " + steps.joined(separator: " → ") + "."
                } else {
                    text = "\(e.name) has never been \(f.spoken). History: " + steps.joined(separator: " → ") + "."
                }
            }
            if let o = t.last?.owner { text += " Owner: \(o)." }
            return Answer(intent: intent.name, answer: text, entities: [ref(e)], rows: rows(t),
                          evidence: t.map { Answer.Evidence(meeting: $0.meetingTitle, date: $0.date, speaker: nil, quote: $0.evidence) })

        case .changesLastMeeting:
            guard let m = try Row.fetchOne(db, sql: "SELECT id, title, date FROM meetings ORDER BY date DESC, source DESC LIMIT 1") else {
                return Answer(intent: intent.name, answer: "No meetings yet.")
            }
            return try changes(intent, sql: "t.meeting_id = ?", args: [m["id"] as Int64],
                               label: "In the last meeting (\(m["title"] as String), \(Self.day(m["date"])))", newSince: m["date"])

        case .changesSince(let from, let until):
            let end = until ?? CalendarDay(year: 9999, month: 12, day: 31)!
            let label = until == nil ? "Since \(from.spoken)" : "Between \(from.spoken) and \(end.spoken)"
            return try changes(intent, sql: "t.meeting_date >= ? AND t.meeting_date <= ?", args: [from.iso, end.iso], label: label, newSince: nil)

        case .changesInMeeting(let name):
            let meetings = try Row.fetchAll(db, sql: "SELECT id, title, date, source FROM meetings ORDER BY date DESC")
            let wanted = NameMatcher.normalize(name)
            guard let m = meetings.first(where: { NameMatcher.normalize($0["title"]).contains(wanted) || NameMatcher.normalize($0["source"]).contains(wanted) }) else {
                return Answer(intent: intent.name, answer: "No meeting called \"\(name)\".")
            }
            return try changes(intent, sql: "t.meeting_id = ?", args: [m["id"] as Int64], label: "In \(m["title"] as String) on \(Self.day(m["date"]))", newSince: nil)

        case .dueOf(let phrase):
            guard let e = linker.link(phrase) ?? linker.find(inQuestion: phrase)?.entity else { return unknown(phrase, intent) }
            guard let due = e.due else {
                return Answer(intent: intent.name, answer: "No due date has been given for \(e.name).", entities: [ref(e)])
            }
            return Answer(intent: intent.name, answer: "\(e.name) is due \(Self.day(due)); it is \(e.state?.spoken ?? "untracked").",
                          entities: [ref(e)], rows: [["name": e.name, "due": due]])

        case .dueBefore(let day):
            let list = entities.filter { e in
                guard let d = e.due, ![.completed, .cancelled].contains(e.state ?? .completed) else { return false }
                return d <= day.iso
            }.sorted { ($0.due ?? "") < ($1.due ?? "") }
            if list.isEmpty { return Answer(intent: intent.name, answer: "Nothing open is due by \(day.spoken).") }
            return Answer(intent: intent.name, answer: "Due by \(day.spoken): " + Self.list(list.map { "\($0.name) (\(CalendarDay(iso: $0.due!)?.spoken ?? $0.due!))" }) + ".",
                          entities: list.map { ref($0) }, rows: list.map { ["name": $0.name, "due": $0.due ?? ""] })

        case .overdue:
            let list = entities.filter { e in
                guard let d = e.due, ![.completed, .cancelled].contains(e.state ?? .completed) else { return false }
                return d < reference.iso
            }
            if list.isEmpty { return Answer(intent: intent.name, answer: "Nothing is overdue as of the latest meeting (\(reference.spoken)).") }
            return Answer(intent: intent.name, answer: "Overdue as of \(reference.spoken): " + Self.list(list.map { "\($0.name) (due \(CalendarDay(iso: $0.due!)?.spoken ?? $0.due!))" }) + ".",
                          entities: list.map { ref($0) })

        case .count(let state, let type):
            let list = entities.filter { (state == nil || $0.state == state) && (type == nil || $0.type == type) }
            let noun = type.map { list.count == 1 ? $0.rawValue : $0.rawValue + "s" } ?? (list.count == 1 ? "thing" : "things")
            let verb = list.count == 1 ? "is" : "are"
            var text = "\(list.count) \(noun) \(state.map { "\(verb) \($0.spoken)" } ?? "tracked")"
            if !list.isEmpty && list.count <= 12 { text += ": " + Self.list(list.map(\.name)) }
            return Answer(intent: intent.name, answer: text + ".", entities: list.map { ref($0) })

        case .breakdown(let by):
            var groups: [String: [EntitySummary]] = [:]
            for e in entities {
                let key: String
                switch by {
                case "owner": key = e.owner ?? "no owner"
                case "type": key = e.type.rawValue
                default: key = e.state?.spoken ?? "none"
                }
                groups[key, default: []].append(e)
            }
            let parts = groups.sorted { $0.value.count > $1.value.count || ($0.value.count == $1.value.count && $0.key < $1.key) }
            return Answer(intent: intent.name, answer: "By \(by): " + parts.map { "\($0.key) \($0.value.count)" }.joined(separator: ", ") + ".",
                          rows: parts.map { [by: $0.key, "count": String($0.value.count)] })

        case .mostChanged:
            let rows = try Row.fetchAll(db, sql: "SELECT entity_id, COUNT(*) AS n FROM transitions GROUP BY entity_id ORDER BY n DESC LIMIT 5")
            let byId = Dictionary(uniqueKeysWithValues: entities.map { ($0.id, $0) })
            let list = rows.compactMap { r -> (EntitySummary, Int)? in byId[r["entity_id"]].map { ($0, r["n"]) } }
            if list.isEmpty { return Answer(intent: intent.name, answer: "Nothing has changed state yet.") }
            return Answer(intent: intent.name, answer: "Changed most often: " + Self.list(list.map { "\($0.0.name) (\($0.1) changes)" }) + ".",
                          entities: list.map { ref($0.0) })

        case .stale(let n):
            let dates = try String.fetchAll(db, sql: "SELECT DISTINCT date FROM meetings ORDER BY date DESC LIMIT ?", arguments: [n])
            guard dates.count == n, let cutoff = dates.last else {
                return Answer(intent: intent.name, answer: "There are fewer than \(n) meetings, so nothing can be stale yet.")
            }
            let list = entities.filter { ($0.lastMentioned ?? "") < cutoff && ![.completed, .cancelled].contains($0.state ?? .completed) }
            if list.isEmpty { return Answer(intent: intent.name, answer: "Everything open came up in the last \(n) meetings.") }
            return Answer(intent: intent.name, answer: "Not mentioned in the last \(n) meetings: " + Self.list(list.map { "\($0.name) (last \(CalendarDay(iso: $0.lastMentioned ?? "")?.spoken ?? "?"))" }) + ".",
                          entities: list.map { ref($0) })

        case .said(let topic):
            return try said(topic, intent)
        }
    }

    private func changes(_ intent: Intent, sql: String, args: [DatabaseValueConvertible], label: String, newSince: String?) throws -> Answer {
        let rows = try Row.fetchAll(db, sql: """
            SELECT t.entity_id, t.from_state, t.to_state, t.reason, t.meeting_date FROM transitions t
            WHERE \(sql) ORDER BY t.meeting_date, t.id
            """, arguments: StatementArguments(args))
        let byId = Dictionary(uniqueKeysWithValues: entities.map { ($0.id, $0) })
        var seen = Set<Int64>()
        var refs: [Answer.EntityRef] = []
        var parts: [String] = []
        var table: [[String: String]] = []
        for r in rows {
            guard let e = byId[r["entity_id"]] else { continue }
            let fromRaw: String = r["from_state"] ?? ""
            let toRaw: String = r["to_state"] ?? ""
            let from = EntityState(rawValue: fromRaw)?.spoken ?? "new"
            let to = EntityState(rawValue: toRaw)?.spoken ?? toRaw
            parts.append("\(e.name) \(from) → \(to)")
            table.append(["name": e.name, "from": r["from_state"], "to": r["to_state"], "date": r["meeting_date"]])
            if seen.insert(e.id).inserted { refs.append(ref(e)) }
        }
        var text = parts.isEmpty ? "\(label), no status changed." : "\(label): " + Self.list(parts) + "."
        if let d = newSince {
            let fresh = entities.filter { e in (try? Int.fetchOne(db, sql: "SELECT COUNT(*) FROM states WHERE entity_id = ? AND meeting_date < ?", arguments: [e.id, d])) == 0
                && (try? Int.fetchOne(db, sql: "SELECT COUNT(*) FROM states WHERE entity_id = ? AND meeting_date = ?", arguments: [e.id, d])) ?? 0 > 0 }
            if !fresh.isEmpty { text += " New: " + Self.list(fresh.map { "\($0.name) (\($0.state?.spoken ?? ""))" }) + "." }
        }
        return Answer(intent: intent.name, answer: text, entities: refs, rows: table)
    }

    private func said(_ topic: String, _ intent: Intent) throws -> Answer {
        guard let search else { return Answer(intent: intent.name, answer: "Search is not available.") }
        let hits = try search.search(topic, limit: 5, db: db)
        if hits.isEmpty { return Answer(intent: intent.name, answer: "Nothing in the meetings matches \"\(topic)\".") }
        let lines = hits.prefix(3).map { "\($0.speaker) in \($0.meetingTitle) (\(CalendarDay(iso: $0.date)?.spoken ?? $0.date)): \"\(String($0.text.prefix(160)))\"" }
        var refs: [Answer.EntityRef] = []
        if let e = linker.find(inQuestion: topic)?.entity { refs.append(ref(e)) }
        return Answer(intent: intent.name, answer: lines.joined(separator: " "), entities: refs,
                      evidence: hits.map { Answer.Evidence(meeting: $0.meetingTitle, date: $0.date, speaker: $0.speaker, quote: $0.text) })
    }

    private func unknown(_ phrase: String, _ intent: Intent) -> Answer {
        let close = linker.closest(phrase, limit: 3).map(\.name)
        return Answer(intent: intent.name, answer: "No entity called \"\(phrase)\"." + (close.isEmpty ? "" : " Closest: \(Self.list(close))."))
    }

    private func rows(_ t: [TimelineEntry]) -> [[String: String]] {
        t.map { ["date": $0.date, "meeting": $0.meetingTitle, "state": $0.state.rawValue, "owner": $0.owner ?? "", "due": $0.due ?? ""] }
    }
}

/// What every question needs (entities with their current state, people, the linker),
/// rebuilt only when the store has changed since the last question.
// @unchecked is safe: the one mutable field, `current`, is only read or written while holding `lock`.
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
                   try Int64.fetchOne(db, sql: "SELECT COUNT(*) FROM states") ?? 0]
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
