import Foundation

/// SubRip: numbered cues, `00:00:01,000 --> 00:00:04,000` timings, `Speaker: text` payloads.
public struct SubRipParser: TranscriptParser {
    public init() {}

    private static let tag = try! NSRegularExpression(pattern: #"</?[a-zA-Z][^>]*>|\{\\[^}]*\}"#)

    public func parse(_ text: String) throws -> ParsedTranscript {
        let lines = text.components(separatedBy: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        var result = ParsedTranscript()
        var i = 0
        while i < lines.count {
            if lines[i].isEmpty { i += 1; continue }
            var timingLine = i
            if lines[i].allSatisfy(\.isNumber) { timingLine = i + 1 }
            guard timingLine < lines.count, lines[timingLine].contains("-->") else {
                throw ParseFailure("line \(timingLine + 1) should be a cue timing like 00:00:01,000 --> 00:00:04,000")
            }
            guard CueTiming.isValid(lines[timingLine], decimalSeparator: ",") else {
                throw ParseFailure("line \(timingLine + 1) has a malformed cue timing: \(lines[timingLine].prefix(60))")
            }
            i = timingLine + 1
            var payload: [String] = []
            while i < lines.count, !lines[i].isEmpty { payload.append(lines[i]); i += 1 }
            var body = payload.joined(separator: " ")
            body = Self.tag.stringByReplacingMatches(in: body, range: NSRange(location: 0, length: (body as NSString).length), withTemplate: "")
            var speaker = Turn.unknownSpeaker
            if let (s, t) = HeaderFields.speakerLine(body) { speaker = s; body = t }
            result.turns.append(Turn(index: result.turns.count, speaker: speaker, text: body))
        }
        guard !result.turns.isEmpty else { throw ParseFailure("has no cues") }
        return result
    }
}
