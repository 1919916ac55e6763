import Foundation

/// `{"title", "date", "transcript": [{"speaker", "text"}]}` or a bare list of
/// `{"speaker", "content"}` turns (the shape QMSum and many tools export).
public struct JSONTranscriptParser: TranscriptParser {
    public init() {}

    /// Deeper nesting than any transcript needs is refused before parsing, so a hostile
    /// file cannot exhaust the stack of a recursive decoder.
    static let maxDepth = 32

    public func parse(_ text: String) throws -> ParsedTranscript {
        try Self.checkDepth(text)
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
        } catch {
            throw ParseFailure("is not valid JSON (\(Self.describe(error)))")
        }
        var result = ParsedTranscript()
        let list: [Any]
        if let dict = object as? [String: Any] {
            result.title = dict["title"] as? String
            if let d = dict["date"] as? String { result.date = HeaderFields.date(in: d) }
            if let a = dict["attendees"] as? [String] { result.attendees = a }
            guard let turns = (dict["transcript"] ?? dict["turns"] ?? dict["utterances"] ?? dict["segments"]) as? [Any] else {
                throw ParseFailure("is a JSON object without a \"transcript\" list of turns")
            }
            list = turns
        } else if let turns = object as? [Any] {
            list = turns
        } else {
            throw ParseFailure("is JSON but neither an object with \"transcript\" nor a list of turns")
        }
        for (n, item) in list.enumerated() {
            guard let turn = item as? [String: Any] else {
                throw ParseFailure("turn \(n) is not an object with \"speaker\" and \"text\"")
            }
            let speaker = (turn["speaker"] ?? turn["name"] ?? turn["speaker_name"]) as? String
            guard let body = (turn["text"] ?? turn["content"] ?? turn["utterance"]) as? String else {
                throw ParseFailure("turn \(n) has no \"text\" or \"content\" string")
            }
            result.turns.append(Turn(index: n, speaker: speaker?.isEmpty == false ? speaker! : Turn.unknownSpeaker, text: body))
        }
        guard !result.turns.isEmpty else { throw ParseFailure("has an empty list of turns") }
        return result
    }

    static func checkDepth(_ text: String) throws {
        var depth = 0
        var inString = false
        var escaped = false
        for byte in text.utf8 {
            if inString {
                if escaped { escaped = false } else if byte == 0x5C { escaped = true } else if byte == 0x22 { inString = false }
                continue
            }
            switch byte {
            case 0x22: inString = true
            case 0x5B, 0x7B:
                depth += 1
                if depth > maxDepth { throw ParseFailure("nests JSON deeper than \(maxDepth) levels") }
            case 0x5D, 0x7D: depth -= 1
            default: break
            }
        }
    }

    private static func describe(_ error: Error) -> String {
        let ns = error as NSError
        if let detail = ns.userInfo["NSDebugDescription"] as? String { return detail }
        return "parse error"
    }
}
