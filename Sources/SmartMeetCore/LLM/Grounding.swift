import Foundation

/// Checks a model's claims against the chunk it read, because a small model invents: a
/// state is kept only when its evidence is a quote from the chunk (case, whitespace and
/// typographic quotes aside), its entity is named in the chunk, and its state is one of the
/// closed vocabulary. Everything else is dropped and counted by reason.
struct Grounding {
    enum Drop: String, CaseIterable, Sendable {
        case unknownState = "unknown_state"
        case evidenceNotInChunk = "evidence_not_in_chunk"
        case entityNotInChunk = "entity_not_in_chunk"
    }

    /// What became of the states a chunk's answer proposed.
    struct Report: Equatable, Sendable {
        var proposed = 0
        var kept = 0
        var dropped: [Drop: Int] = [:]

        mutating func drop(_ reason: Drop) { dropped[reason, default: 0] += 1 }
    }

    let turns: [Turn]
    /// Each turn's text, normalised, with spaces around it so whole words match.
    private let texts: [String]
    /// The whole chunk (headings too) as names are normalised (punctuation as spaces), for entity checks.
    private let words: String

    init(turns: [Turn]) {
        self.turns = turns
        texts = turns.map { " " + Self.normalize($0.text) + " " }
        // A notes heading ("## Compliance audit") names what its bullets are about.
        words = " " + turns.map { NameMatcher.computeNormalize(($0.section.map { $0 + " " } ?? "") + $0.text) }.joined(separator: " ") + " "
    }

    /// Lowercase, one space between words, typographic quotes and dashes as plain ones.
    static func normalize(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        var space = false
        for ch in s.lowercased() {
            let c: Character
            switch ch {
            case "’", "‘", "`": c = "'"
            case "“", "”": c = "\""
            case "–", "—": c = "-"
            default: c = ch
            }
            if c.isWhitespace { space = !out.isEmpty; continue }
            if space { out.append(" "); space = false }
            out.append(c)
        }
        return out
    }

    /// The closed vocabulary, however the model spelled it ("In progress", "on-hold").
    static func state(_ raw: String?) -> EntityState? {
        guard let raw else { return nil }
        return EntityState(rawValue: raw.lowercased().trimmingCharacters(in: .whitespaces)
            .replacingOccurrences(of: " ", with: "_").replacingOccurrences(of: "-", with: "_"))
    }

    /// The turn whose text holds the quote, or nil when the chunk does not say it. A quote
    /// may carry its speaker ("Ana: …") and the punctuation that closed the sentence.
    func turn(quoting evidence: String) -> Turn? {
        var quote = Self.normalize(evidence).trimmingCharacters(in: CharacterSet(charactersIn: " \"'.,;:!?…"))
        for t in turns {
            let speaker = Self.normalize(t.speaker) + ":"
            if quote.hasPrefix(speaker) { quote = String(quote.dropFirst(speaker.count)).trimmingCharacters(in: .whitespaces) }
        }
        // A single word ("done") is no quote: it would be found almost anywhere.
        guard quote.split(separator: " ").count >= 2 else { return nil }
        return zip(turns, texts).first { $0.1.contains(quote) }?.0
    }

    /// Does the chunk name this entity (by its name or an alias, as whole words, with
    /// punctuation and a leading "the" aside)?
    func mentions(_ names: [String]) -> Bool {
        names.contains { name in
            let n = NameMatcher.normalize(name)
            return !n.isEmpty && words.contains(" " + n + " ")
        }
    }
}
