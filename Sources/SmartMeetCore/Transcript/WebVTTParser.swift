import Foundation

/// WebVTT as video-call tools export it: cues with `<v Speaker>` voice tags or
/// `Speaker: text` payloads, optional cue identifiers and `NOTE` blocks.
public struct WebVTTParser: TranscriptParser {
    public init() {}

    private static let voiceTag = try! NSRegularExpression(pattern: #"<v(?:\.[^ >]*)?\s+([^>]+)>"#)
    private static let anyTag = try! NSRegularExpression(pattern: #"<v(?:\.[^ >]*)?\s+[^>]*>|</?(?:v|c|i|b|u|ruby|rt|lang)(?:[.\s][^>]*)?>|<[0-9][0-9:.]*>"#)

    public func parse(_ text: String) throws -> ParsedTranscript {
        let lines = text.components(separatedBy: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        guard let first = lines.first(where: { !$0.isEmpty }), first.hasPrefix("WEBVTT") else {
            throw ParseFailure("line 1 should start with WEBVTT")
        }
        var result = ParsedTranscript()
        var i = 0
        while i < lines.count {
            let line = lines[i]
            if line.hasPrefix("NOTE") {
                var note = String(line.dropFirst(4))
                i += 1
                while i < lines.count, !lines[i].isEmpty { note += " " + lines[i]; i += 1 }
                if result.date == nil, let d = HeaderFields.date(in: note) {
                    result.date = d
                    // "Clinic operations weekly, 2026-01-19, recorded by …": the words before the date name it.
                    let before = note.components(separatedBy: ",").first?.trimmingCharacters(in: .whitespaces) ?? ""
                    if result.title == nil, !before.isEmpty, HeaderFields.date(in: before) == nil, before.count <= 80 { result.title = before }
                }
                continue
            }
            if line.contains("-->") {
                guard CueTiming.isValid(line, decimalSeparator: ".") else {
                    throw ParseFailure("line \(i + 1) has a malformed cue timing: \(line.prefix(60))")
                }
                i += 1
                var payload: [String] = []
                while i < lines.count, !lines[i].isEmpty { payload.append(lines[i]); i += 1 }
                appendCue(payload.joined(separator: " "), to: &result)
                continue
            }
            i += 1
        }
        guard !result.turns.isEmpty else { throw ParseFailure("has no cues") }
        return result
    }

    private func appendCue(_ payload: String, to result: inout ParsedTranscript) {
        var speaker = Turn.unknownSpeaker
        var body = payload
        let ns = payload as NSString
        if let m = Self.voiceTag.firstMatch(in: payload, range: NSRange(location: 0, length: ns.length)) {
            speaker = ns.substring(with: m.range(at: 1)).trimmingCharacters(in: .whitespaces)
        }
        body = Self.anyTag.stringByReplacingMatches(in: body, range: NSRange(location: 0, length: (body as NSString).length), withTemplate: "")
        body = decodeEntities(body).trimmingCharacters(in: .whitespaces)
        if speaker == Turn.unknownSpeaker, let (s, t) = HeaderFields.speakerLine(body) {
            speaker = s
            body = t
        }
        result.turns.append(Turn(index: result.turns.count, speaker: speaker, text: body))
    }

    private func decodeEntities(_ s: String) -> String {
        s.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&nbsp;", with: " ").replacingOccurrences(of: "&amp;", with: "&")
    }
}

/// `00:00:01.000 --> 00:00:04.000` (VTT) or `00:00:01,000 --> 00:00:04,000` (SRT).
enum CueTiming {
    static func isValid(_ line: String, decimalSeparator: Character) -> Bool {
        let parts = line.components(separatedBy: "-->")
        guard parts.count == 2 else { return false }
        let start = parts[0].trimmingCharacters(in: .whitespaces)
        let end = parts[1].trimmingCharacters(in: .whitespaces).split(separator: " ").first.map(String.init) ?? ""
        guard let s = seconds(start, decimalSeparator), let e = seconds(end, decimalSeparator) else { return false }
        return e >= s
    }

    static func seconds(_ stamp: String, _ sep: Character) -> Double? {
        let pieces = stamp.split(separator: sep)
        guard pieces.count == 2, pieces[1].count == 3, pieces[1].allSatisfy(\.isNumber), let ms = Double(pieces[1]) else { return nil }
        let hms = pieces[0].split(separator: ":", omittingEmptySubsequences: false)
        guard (2...3).contains(hms.count), hms.allSatisfy({ $0.count >= 2 && $0.allSatisfy(\.isNumber) }) else { return nil }
        let nums = hms.compactMap { Double($0) }
        guard nums.count == hms.count, nums.last! < 60, nums.count < 3 || nums[1] < 60 else { return nil }
        return nums.reduce(0) { $0 * 60 + $1 } + ms / 1000
    }
}
