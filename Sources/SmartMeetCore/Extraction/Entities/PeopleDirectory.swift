import Foundation

/// Who is in the meeting, so names of people are never taken for names of work and
/// first names can be turned into full names.
struct PeopleDirectory: Sendable {
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

    /// Titles before a surname: "Ms Cho", "Cllr Osei", "Dr Moreau".
    static let titles: Set<String> = ["mr", "mrs", "ms", "miss", "dr", "prof", "professor", "cllr", "councillor", "sir", "dame", "mx"]

    func isPerson(_ lowerToken: String) -> Bool { byToken[lowerToken] != nil || GivenNames.all.contains(lowerToken) }

    /// "Tomás" → "Tomás Rivera"; unknown names come back unchanged.
    func fullName(_ name: String) -> String {
        if let f = byToken[name.lowercased()], !f.isEmpty { return f }
        return name
    }
}
