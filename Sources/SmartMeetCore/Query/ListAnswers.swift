import Foundation
import GRDB

/// Questions answered with a list of entities: by state (now or on a day), by owner,
/// without an owner, by due date, counts, breakdowns, the busiest and the forgotten.
extension QueryContext {
    func listByState(_ state: EntityState, asOf: CalendarDay?, _ intent: Intent) throws -> Answer {
        var matched: [EntitySummary]
        if let day = asOf {
            // The latest state of each entity on or before the day, in one pass.
            let rows = try Row.fetchAll(db, sql: """
                SELECT s.entity_id, s.state FROM states s
                JOIN (SELECT entity_id, MAX(meeting_date) AS d FROM states WHERE meeting_date <= ? GROUP BY entity_id) last
                  ON last.entity_id = s.entity_id AND last.d = s.meeting_date
                """, arguments: [day.iso])
            var stateAt: [Int64: String] = [:]
            for r in rows { stateAt[r["entity_id"]] = r["state"] }
            matched = entities.filter { stateAt[$0.id] == state.rawValue }
        } else {
            matched = entities.filter { $0.state == state }
        }
        let when = asOf.map { "On \(format.day($0))" } ?? "Right now"
        if matched.isEmpty {
            let verb = asOf == nil ? "is" : "was"
            return Answer(intent: intent.name, answer: "Nothing \(verb) \(AnswerFormat.state(state)) \(asOf.map { "on \(format.day($0))" } ?? "right now").")
        }
        let records = try StateRecord.latest(db, entities: matched.map(\.id), onOrBefore: asOf?.iso)
        let parts = matched.map { e -> String in
            var extra: [String] = []
            if let o = e.owner { extra.append("owner \(o)") }
            if asOf == nil, let c = e.lastChange { extra.append("since \(format.day(c))") }
            return extra.isEmpty ? e.name : "\(e.name) (\(extra.joined(separator: ", ")))"
        }
        let verb = asOf == nil ? AnswerFormat.isAre(matched.count) : (matched.count == 1 ? "was" : "were")
        return Answer(intent: intent.name,
                      answer: "\(when), \(AnswerFormat.count(matched.count, "thing")) \(verb) \(AnswerFormat.state(state)): \(AnswerFormat.list(parts)).",
                      entities: matched.map { ref($0, state: state) },
                      rows: matched.map { ["name": $0.name, "state": state.rawValue, "owner": $0.owner ?? ""] },
                      sources: matched.compactMap { records[$0.id]?.source })
    }

    func ownedBy(_ person: String, _ intent: Intent) throws -> Answer {
        let first = person.split(separator: " ").first.map(String.init)?.lowercased() ?? person.lowercased()
        let owned = entities.filter { e in
            guard let o = e.owner?.lowercased() else { return false }
            return o == person.lowercased() || o.split(separator: " ").first.map(String.init) == first
        }
        if owned.isEmpty { return Answer(intent: intent.name, answer: "\(person) owns nothing that the meetings named.") }
        let records = try StateRecord.fetch(db, entities: owned.map(\.id))
        let parts = owned.map { "\($0.name) (\(AnswerFormat.state($0.state)))" }
        return Answer(intent: intent.name, answer: "\(person) owns \(AnswerFormat.count(owned.count, "thing")): \(AnswerFormat.list(parts)).",
                      entities: owned.map { ref($0) }, rows: owned.map { ["name": $0.name, "state": $0.state?.rawValue ?? ""] },
                      sources: owned.compactMap { records[$0.id]?.ownerNamed?.source })
    }

    func unowned(_ intent: Intent) -> Answer {
        let list = entities.filter { $0.owner == nil && !Self.closed($0) }
        if list.isEmpty { return Answer(intent: intent.name, answer: "Everything open has an owner.") }
        return Answer(intent: intent.name,
                      answer: "\(AnswerFormat.count(list.count, "open thing")) \(list.count == 1 ? "has" : "have") no owner: \(AnswerFormat.list(list.map(\.name))).",
                      entities: list.map { ref($0) })
    }

    func dueBefore(_ day: CalendarDay, _ intent: Intent) throws -> Answer {
        let list = entities.filter { e in e.due.map { $0 <= day.iso } == true && !Self.closed(e) }.sorted { ($0.due ?? "") < ($1.due ?? "") }
        if list.isEmpty { return Answer(intent: intent.name, answer: "Nothing open is due by \(format.day(day)).") }
        return try dueList(intent, "Due by \(format.day(day))", list, label: { format.day($0) })
    }

    func overdue(_ intent: Intent) throws -> Answer {
        let list = entities.filter { e in e.due.map { $0 < reference.iso } == true && !Self.closed(e) }.sorted { ($0.due ?? "") < ($1.due ?? "") }
        if list.isEmpty { return Answer(intent: intent.name, answer: "Nothing is overdue as of the latest meeting (\(format.day(reference))).") }
        return try dueList(intent, "Overdue as of \(format.day(reference))", list, label: { "due \(format.day($0))" })
    }

    private func dueList(_ intent: Intent, _ lead: String, _ list: [EntitySummary], label: (String) -> String) throws -> Answer {
        let records = try StateRecord.fetch(db, entities: list.map(\.id))
        return Answer(intent: intent.name, answer: "\(lead): " + AnswerFormat.list(list.map { "\($0.name) (\(label($0.due ?? "")))" }) + ".",
                      entities: list.map { ref($0) }, rows: list.map { ["name": $0.name, "due": $0.due ?? ""] },
                      sources: list.compactMap { records[$0.id]?.dueGiven?.source })
    }

    func count(state: EntityState?, type: EntityType?, _ intent: Intent) throws -> Answer {
        let list = entities.filter { (state == nil || $0.state == state) && (type == nil || $0.type == type) }
        let noun = AnswerFormat.count(list.count, type?.rawValue ?? "thing")
        var text = "\(noun) \(state.map { "\(AnswerFormat.isAre(list.count)) \(AnswerFormat.state($0))" } ?? "\(AnswerFormat.isAre(list.count)) tracked")"
        if !list.isEmpty && list.count <= 12 { text += ": " + AnswerFormat.list(list.map(\.name)) }
        let records = state == nil ? [:] : try StateRecord.latest(db, entities: list.map(\.id))
        return Answer(intent: intent.name, answer: text + ".", entities: list.map { ref($0) },
                      sources: list.compactMap { records[$0.id]?.source })
    }

    func breakdown(by: String, _ intent: Intent) -> Answer {
        var groups: [String: [EntitySummary]] = [:]
        for e in entities {
            let key: String
            switch by {
            case "owner": key = e.owner ?? "no owner"
            case "type": key = e.type.rawValue
            default: key = AnswerFormat.state(e.state)
            }
            groups[key, default: []].append(e)
        }
        let parts = groups.sorted { $0.value.count > $1.value.count || ($0.value.count == $1.value.count && $0.key < $1.key) }
        return Answer(intent: intent.name, answer: "By \(by): " + parts.map { "\($0.key) \($0.value.count)" }.joined(separator: ", ") + ".",
                      rows: parts.map { [by: $0.key, "count": String($0.value.count)] })
    }

    func mostChanged(_ intent: Intent) throws -> Answer {
        let rows = try Row.fetchAll(db, sql: "SELECT entity_id, COUNT(*) AS n FROM transitions GROUP BY entity_id ORDER BY n DESC, entity_id LIMIT 5")
        let byId = Dictionary(uniqueKeysWithValues: entities.map { ($0.id, $0) })
        let list = rows.compactMap { r -> (EntitySummary, Int)? in byId[r["entity_id"]].map { ($0, r["n"]) } }
        if list.isEmpty { return Answer(intent: intent.name, answer: "Nothing has changed state yet.") }
        return Answer(intent: intent.name, answer: "Changed most often: " + AnswerFormat.list(list.map { "\($0.0.name) (\(AnswerFormat.count($0.1, "change")))" }) + ".",
                      entities: list.map { ref($0.0) })
    }

    func stale(_ n: Int, _ intent: Intent) throws -> Answer {
        let dates = try String.fetchAll(db, sql: "SELECT DISTINCT date FROM meetings ORDER BY date DESC LIMIT ?", arguments: [n])
        guard n > 0, dates.count == n, let cutoff = dates.last else {
            return Answer(intent: intent.name, answer: "There are fewer than \(AnswerFormat.count(max(n, 1), "meeting")), so nothing can be stale yet.")
        }
        let list = entities.filter { ($0.lastMentioned ?? "") < cutoff && !Self.closed($0) }
        if list.isEmpty { return Answer(intent: intent.name, answer: "Everything open came up in the last \(AnswerFormat.count(n, "meeting")).") }
        return Answer(intent: intent.name,
                      answer: "Not mentioned in the last \(AnswerFormat.count(n, "meeting")): "
                        + AnswerFormat.list(list.map { e in "\(e.name) (last \(e.lastMentioned.map { format.day($0) } ?? "never"))" }) + ".",
                      entities: list.map { ref($0) })
    }

    /// Done or dropped: nothing left to own, chase or be late.
    static func closed(_ e: EntitySummary) -> Bool { [.completed, .cancelled].contains(e.state ?? .completed) }
}
