import Foundation

/// `.txt`: optional `Key: value` header lines, then `Speaker: text` lines. A line without a
/// speaker continues the previous turn (exports wrap long turns).
public struct PlainTextParser: TranscriptParser {
    public init() {}

    public func parse(_ text: String) throws -> ParsedTranscript {
        var result = ParsedTranscript()
        var inHeader = true
        for rawLine in text.components(separatedBy: "\n") {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty {
                if !result.turns.isEmpty || result.title != nil || result.date != nil { inHeader = false }
                continue
            }
            if inHeader, result.turns.isEmpty, let (key, value) = HeaderFields.header(line) {
                switch key {
                case "title", "meeting", "subject": result.title = value
                case "date", "when": result.date = HeaderFields.date(in: value) ?? result.date
                case "attendees", "participants", "present": result.attendees = HeaderFields.names(value)
                default: break
                }
                continue
            }
            inHeader = false
            if let (speaker, said) = HeaderFields.speakerLine(line) {
                result.turns.append(Turn(index: result.turns.count, speaker: speaker, text: said))
            } else if let last = result.turns.indices.last {
                result.turns[last].text += (result.turns[last].text.isEmpty ? "" : " ") + line
            } else {
                result.turns.append(Turn(index: 0, speaker: Turn.unknownSpeaker, text: line))
            }
        }
        guard !result.turns.isEmpty else { throw ParseFailure("has no transcript lines after the header") }
        return result
    }
}
