import Foundation

/// A stretch of a sentence that names (or points back to) a trackable thing.
struct Mention {
    var range: Range<Int>
    /// As written, without determiners and describing adjectives.
    var name: String
    var head: String?
    var type: EntityType
    /// A bare head noun with a definite article ("the migration"): refers back only.
    var isGeneric: Bool
    /// Only capitalised words ("Riverside Hall"): a counterparty or product name.
    var isProper: Bool
    /// Sits after a preposition ("for the GDPR requests"): not the subject of the clause.
    var isPrepositional: Bool
    /// The preposition before it, if any ("on" in "on the migration").
    var preposition: String? = nil
    var isSubordinate: Bool
    var aliases: [String] = []
    var anchor: String?
    /// A short sentence that is only this name ("And offline?"): it sets the topic.
    var isFragment = false
    /// Index of the meeting-local entity it was registered as.
    var local = -1
}

/// Who is in the meeting, so names of people are never taken for names of work and
/// first names can be turned into full names.
struct PeopleDirectory {
    private(set) var fullNames: [String] = []
    private var byToken: [String: String] = [:]

    init(_ names: [String]) {
        for name in names where !name.isEmpty && name != Turn.unknownSpeaker { add(name) }
    }

    mutating func add(_ name: String) {
        guard !fullNames.contains(where: { $0.lowercased() == name.lowercased() }) else { return }
        // "Aisha" in the text is Aisha Karim who is already known.
        if !name.contains(" "), let known = byToken[name.lowercased()], !known.isEmpty { return }
        fullNames.append(name)
        let lower = name.lowercased()
        byToken[lower] = name
        for part in lower.split(separator: " ") where part.count > 1 {
            let p = String(part)
            // A first name shared by two people points at neither.
            if let existing = byToken[p], existing != name { byToken[p] = "" } else { byToken[p] = name }
            byToken[p.folding(options: .diacriticInsensitive, locale: nil)] = byToken[p]
        }
    }

    func isPerson(_ lowerToken: String) -> Bool { byToken[lowerToken] != nil || GivenNames.all.contains(lowerToken) }

    /// "Tomás" → "Tomás Rivera"; unknown names come back unchanged.
    func fullName(_ name: String) -> String {
        if let f = byToken[name.lowercased()], !f.isEmpty { return f }
        return name
    }
}
