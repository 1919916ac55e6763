import Foundation

/// `.md` meeting notes: `# Title`, `Date:` and `Present:` lines, `## Section` headings,
/// bullet lists, `**Speaker:** text` lines. A bold label that is not a person
/// (`**Budget:** finance approved…`) is a topic label, kept as the turn's section.
public struct MarkdownParser: TranscriptParser {
    public init() {}

    private static let boldLabel = try! NSRegularExpression(pattern: #"\*\*([^*]{1,60}?):?\*\*:?"#)

    public func parse(_ text: String) throws -> ParsedTranscript {
        var result = ParsedTranscript()
        let lines = text.components(separatedBy: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        // First pass: who is present, so bold labels can be told apart from topic labels.
        var people = Set<String>()
        for line in lines {
            let plain = line.replacingOccurrences(of: "**", with: "")
            if let (key, value) = HeaderFields.header(plain), ["attendees", "participants", "present", "officers", "in attendance", "also present"].contains(key) {
                result.attendees += HeaderFields.names(value)
                continue
            }
            for sentence in plain.components(separatedBy: ". ") {
                if let range = sentence.range(of: "Present:") ?? sentence.range(of: "Attendees:") {
                    result.attendees += HeaderFields.names(String(sentence[range.upperBound...]))
                }
            }
        }
        for name in result.attendees {
            people.insert(name.lowercased())
            if let first = name.split(separator: " ").first { people.insert(first.lowercased()) }
        }
        var section: String?
        for line in lines where !line.isEmpty {
            if line.hasPrefix("#") {
                let level = line.prefix(while: { $0 == "#" }).count
                let heading = line.dropFirst(level).trimmingCharacters(in: .whitespaces)
                if level == 1 && result.title == nil {
                    if let d = HeaderFields.date(in: heading) { result.date = result.date ?? d }
                    result.title = HeaderFields.titleWithoutDate(heading)
                } else {
                    section = heading
                }
                continue
            }
            if result.turns.isEmpty, let (key, value) = HeaderFields.header(line) {
                if key == "date" || key == "when" { result.date = HeaderFields.date(in: value) ?? result.date; continue }
                if key == "title" { result.title = value; continue }
                if ["attendees", "participants", "present", "officers", "in attendance", "also present"].contains(key) { continue }
            }
            if line.range(of: "Present:") != nil, result.turns.isEmpty { continue }
            var body = line
            for marker in ["- ", "* ", "+ "] where body.hasPrefix(marker) { body = String(body.dropFirst(2)); break }
            if let n = body.firstIndex(of: "."), body[..<n].allSatisfy(\.isNumber), !body[..<n].isEmpty,
               body.index(after: n) < body.endIndex, body[body.index(after: n)] == " " {
                body = body[body.index(after: n)...].trimmingCharacters(in: .whitespaces)
            }
            appendTurns(from: body, section: section, people: people, into: &result)
        }
        guard !result.turns.isEmpty else { throw ParseFailure("has no notes or transcript lines") }
        return result
    }

    /// One line may hold context text and then `**Speaker:** said`; each part is a turn.
    private func appendTurns(from body: String, section: String?, people: Set<String>, into result: inout ParsedTranscript) {
        let ns = body as NSString
        let matches = Self.boldLabel.matches(in: body, range: NSRange(location: 0, length: ns.length))
        var speaker = Turn.unknownSpeaker
        var label = section
        var cursor = 0
        func flush(_ end: Int) {
            let piece = ns.substring(with: NSRange(location: cursor, length: end - cursor))
                .replacingOccurrences(of: "**", with: "").trimmingCharacters(in: .whitespaces)
            if !piece.isEmpty {
                result.turns.append(Turn(index: result.turns.count, speaker: speaker, text: piece, section: label))
            }
        }
        for m in matches {
            let name = ns.substring(with: m.range(at: 1)).trimmingCharacters(in: .whitespaces)
            let hasColon = ns.substring(with: m.range).contains(":")
            if isPerson(name, people: people) {
                if hasColon {
                    flush(m.range.location)
                    speaker = name
                    cursor = m.range.location + m.range.length
                }
                // A bold name without a colon ("**Sam Otieno** will run…") is part of the text.
            } else if hasColon && m.range.location == 0 {
                label = name
                cursor = m.range.length
            }
        }
        flush(ns.length)
    }

    private func isPerson(_ name: String, people: Set<String>) -> Bool {
        if people.contains(name.lowercased()) { return true }
        let words = name.split(separator: " ")
        if let first = words.first, people.contains(first.lowercased()), (1...3).contains(words.count),
           HeaderFields.isSpeakerLabel(name) { return true }
        // Without an attendee list, a two- or three-word capitalised label reads as a name.
        return people.isEmpty && (2...3).contains(words.count) && HeaderFields.isSpeakerLabel(name)
            && words.allSatisfy { $0.first?.isUppercase == true }
    }
}
