import Foundation

/// One spoken turn (or one note line) of a meeting, in file order.
public struct Turn: Equatable, Sendable {
    /// 0-based position in the file's turn list; every turn counts, even filler.
    public var index: Int
    public var speaker: String
    public var text: String
    /// The notes heading (`## Offline`) or bullet label the turn sits under, if any.
    /// Notes often name the topic only there, so the extractor reads it as context.
    public var section: String?

    public init(index: Int, speaker: String, text: String, section: String? = nil) {
        self.index = index
        self.speaker = speaker
        self.text = text
        self.section = section
    }
}

public enum TranscriptFormat: String, Sendable, CaseIterable {
    case txt, md, vtt, srt, json

    public init?(fileName: String) {
        let ext = (fileName as NSString).pathExtension.lowercased()
        switch ext {
        case "txt", "text": self = .txt
        case "md", "markdown": self = .md
        case "vtt": self = .vtt
        case "srt": self = .srt
        case "json": self = .json
        default: return nil
        }
    }
}

/// A parsed meeting, independent of the file format it came from.
public struct Transcript: Equatable, Sendable {
    public var title: String
    /// ISO `YYYY-MM-DD`.
    public var date: String
    public var attendees: [String]
    public var turns: [Turn]
    /// The imported file's base name.
    public var source: String
    public var format: TranscriptFormat
    /// SHA-256 of the raw bytes; re-importing the same content is a no-op.
    public var contentHash: String

    public init(title: String, date: String, attendees: [String], turns: [Turn], source: String,
                format: TranscriptFormat, contentHash: String) {
        self.title = title
        self.date = date
        self.attendees = attendees
        self.turns = turns
        self.source = source
        self.format = format
        self.contentHash = contentHash
    }

    /// Distinct speakers in order of first appearance, plus listed attendees.
    public var people: [String] {
        var seen = Set<String>()
        var out: [String] = []
        for name in turns.map(\.speaker) + attendees where !name.isEmpty && name != Turn.unknownSpeaker {
            // "Maya" in the attendee list is "Maya Chen" who spoke.
            if !name.contains(" "), out.contains(where: { $0.lowercased().hasPrefix(name.lowercased() + " ") }) { continue }
            if seen.insert(name.lowercased()).inserted { out.append(name) }
        }
        return out
    }
}

extension Turn {
    /// Speaker used for note lines and cues that name nobody.
    public static let unknownSpeaker = "Unknown"
}

/// What a parser finds in a file before the date and title fall back to the file name.
public struct ParsedTranscript: Equatable, Sendable {
    public var title: String?
    public var date: String?
    public var attendees: [String] = []
    public var turns: [Turn] = []

    public init(title: String? = nil, date: String? = nil, attendees: [String] = [], turns: [Turn] = []) {
        self.title = title
        self.date = date
        self.attendees = attendees
        self.turns = turns
    }
}

/// A reason a file cannot be imported, phrased for one clear line naming the file.
public struct TranscriptError: Error, Equatable, CustomStringConvertible, Sendable {
    public var file: String
    public var problem: String

    public init(file: String, problem: String) {
        self.file = file
        self.problem = problem
    }

    public var description: String { "\(file): \(problem)" }
}

/// A format parser turns decoded text into turns; it never sees bytes or the file system.
public protocol TranscriptParser {
    func parse(_ text: String) throws -> ParsedTranscript
}

/// Thrown by parsers; the loader adds the file name.
public struct ParseFailure: Error, Equatable {
    public var message: String
    public init(_ message: String) { self.message = message }
}
