import Foundation

/// `.txt`: optional `Key: value` header lines, then `Speaker: text` lines, or the headings
/// call tools write instead (`Renee Okafor  0:04` with the words below; see
/// `SpeakerHeading`). A line without a speaker continues the previous turn (exports wrap
/// long turns and put the words under the heading).
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
            if let (speaker, said) = HeaderFields.speakerLine(line) ?? SpeakerHeading.parse(line) {
                result.turns.append(Turn(index: result.turns.count, speaker: speaker, text: said))
            } else if let last = result.turns.indices.last {
                result.turns[last].text += (result.turns[last].text.isEmpty ? "" : " ") + line
            } else {
                result.turns.append(Turn(index: 0, speaker: Turn.unknownSpeaker, text: line))
            }
        }
        // A heading with nothing under it (the export ended, or a speaker said nothing) is no turn.
        result.turns = result.turns.filter { !$0.text.isEmpty }.enumerated().map { i, t in
            Turn(index: i, speaker: t.speaker, text: t.text, section: t.section)
        }
        guard !result.turns.isEmpty else { throw ParseFailure("has no transcript lines after the header") }
        if result.turns.allSatisfy({ $0.speaker == Turn.unknownSpeaker }) {
            let lines = text.components(separatedBy: "\n").filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
            let stamped = lines.filter(SpeakerHeading.hasTimestamp).count
            if stamped >= 3, stamped * 3 >= lines.count {
                throw ParseFailure("has timestamps but no speaker names in a shape smartmeet knows (expected `Name: text`, "
                    + "`Name  0:04` above the words, `[Name] 00:01:02`, `00:01:02 Name` or `Name (00:01:02):`)")
            }
        }
        return result
    }
}
