import Foundation

/// Recognises the lines with which call tools and transcription services start a turn
/// when they do not write `Speaker: text`. The shapes differ only in where the timestamp
/// sits and what brackets it, so one grammar covers them:
///
/// - `Renee Okafor  0:04` on its own line, the words on the lines below (Otter)
/// - `Renee Okafor (00:01:02):` with the words below or after the colon (Rev)
/// - `[Renee Okafor] 00:01:02 words…` (Zoom-style prefixes)
/// - `00:01:02 Renee Okafor` or `[00:01:02] Renee Okafor:` (timestamp first)
/// - `Renee Okafor - 00:04`, `Renee Okafor [00:04]`
///
/// A heading needs both a speaker-like name and a timestamp next to it, so an ordinary
/// sentence that happens to mention a time ("we start at 10:30") is never taken for one.
enum SpeakerHeading {
    private static let stamp = #"[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?(?:[.,][0-9]{1,3})?"#
    private static let name = #"[^\W\p{Nd}_][\w'’.\-]*(?:\s+(?:[^\W\p{Nd}_][\w'’.\-]*|[0-9]{1,3})){0,4}"#

    /// Name then timestamp: `Name  0:04`, `Name (00:01:02):`, `[Name] 00:01:02 text`, `Name - 0:04`.
    private static let nameFirst = try! NSRegularExpression(pattern:
        #"^\[?(\#(name))\]?\s*(?:[-–—|·]\s*)?[\[(]?(\#(stamp))[\])]?\s*(?::\s*(.*)|\s+(.*))?$"#)
    /// Timestamp then name: `00:01:02 Name`, `[00:01:02] Name:`, `(0:04) Name: text`.
    private static let stampFirst = try! NSRegularExpression(pattern:
        #"^[\[(]?(\#(stamp))[\])]?\s*(?:[-–—|·]\s*)?\[?(\#(name))\]?\s*(?::\s*(.*))?$"#)

    /// The speaker and any words on the same line, or nil when the line is not a heading.
    static func parse(_ line: String) -> (speaker: String, text: String)? {
        let ns = line as NSString
        let range = NSRange(location: 0, length: ns.length)
        func group(_ m: NSTextCheckingResult, _ i: Int) -> String? {
            let r = m.range(at: i)
            return r.location == NSNotFound ? nil : ns.substring(with: r)
        }
        if let m = nameFirst.firstMatch(in: line, range: range), let speaker = group(m, 1) {
            // Words after the stamp without a colon only count when the name was bracketed
            // (`[Name] 00:01:02 words`); otherwise `Maya 10:30 works for me` is a sentence.
            let inline = group(m, 3) ?? (line.hasPrefix("[") ? group(m, 4) : nil)
            if group(m, 4) != nil, inline == nil { return nil }
            return accept(speaker, inline)
        }
        if let m = stampFirst.firstMatch(in: line, range: range), let speaker = group(m, 2) {
            return accept(speaker, group(m, 3))
        }
        return nil
    }

    private static func accept(_ rawSpeaker: String, _ text: String?) -> (speaker: String, text: String)? {
        let speaker = rawSpeaker.trimmingCharacters(in: .whitespaces)
        guard HeaderFields.isSpeakerLabel(speaker) else { return nil }
        return (speaker, (text ?? "").trimmingCharacters(in: .whitespaces))
    }

    private static let anyStamp = try! NSRegularExpression(pattern: stamp)

    /// True when the line carries a timestamp at all: a file full of them but with no
    /// heading we recognise is an export shape we do not know, not a set of notes.
    static func hasTimestamp(_ line: String) -> Bool {
        anyStamp.firstMatch(in: line, range: NSRange(location: 0, length: (line as NSString).length)) != nil
    }
}
