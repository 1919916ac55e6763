import Foundation

/// What `ask` returns: a short text, the entities it is about (exactly those), rows for
/// tables and the quotes it rests on. `answer` is the whole text: a headline, then one
/// line per listed item or quote; `headline` is the first part alone, for screens that
/// draw the list themselves from `sources`.
public struct Answer: Codable, Equatable, Sendable {
    public struct EntityRef: Codable, Equatable, Sendable {
        public var id: Int64
        public var name: String
        public var state: String?
    }

    public struct Evidence: Codable, Equatable, Sendable {
        public var meeting: String
        public var date: String
        public var speaker: String?
        public var quote: String
    }

    /// Where a fact in the answer was said: enough for the app to open the meeting's
    /// transcript at that turn, and for a script to cite it.
    public struct Source: Codable, Equatable, Sendable {
        /// The store's id of the meeting.
        public var meetingId: Int64
        /// The meeting's title.
        public var meeting: String
        /// The meeting's date, ISO.
        public var date: String
        /// 0-based position of the turn in the meeting (`turns.position`).
        public var turn: Int
        public var speaker: String?
        public var quote: String

        public init(meetingId: Int64, meeting: String, date: String, turn: Int, speaker: String?, quote: String) {
            self.meetingId = meetingId
            self.meeting = meeting
            self.date = date
            self.turn = turn
            self.speaker = speaker
            self.quote = quote
        }

        enum CodingKeys: String, CodingKey {
            case meetingId = "meeting_id", meeting, date, turn, speaker, quote
        }
    }

    public var intent: String
    public var answer: String
    public var headline: String
    public var entities: [EntityRef]
    public var rows: [[String: String]]
    public var evidence: [Evidence]
    /// Every fact the answer names, with the meeting and turn it came from.
    public var sources: [Source]

    public init(intent: String, answer: String, entities: [EntityRef] = [], rows: [[String: String]] = [], evidence: [Evidence] = [],
                sources: [Source] = []) {
        self.intent = intent
        self.answer = answer
        self.headline = Self.headline(of: answer)
        self.entities = entities
        self.rows = rows
        self.evidence = evidence
        self.sources = sources
    }

    /// The text before the first line break. A timeline's headline runs to hundreds of
    /// steps, so the break is found by byte; an answer whose first break is not a lone
    /// "\n" (a "\r\n", or one leading the text) is split by characters as before.
    static func headline(of answer: String) -> String {
        let bytes = answer.utf8
        guard let nl = bytes.firstIndex(of: 0x0A) else { return answer }
        if nl != bytes.startIndex, bytes[bytes.index(before: nl)] != 0x0D { return String(answer[..<nl]) }
        return answer.split(separator: "\n", maxSplits: 1).first.map(String.init) ?? answer
    }

    /// The list lines under the headline (quotes, changes), one per line.
    public var lines: [String] {
        answer.split(separator: "\n").dropFirst().map(String.init)
    }

    /// The same answer with its headline said another way (by a language model), the
    /// listed quotes and facts kept as they were.
    public func rephrased(_ text: String) -> Answer {
        var a = self
        a.headline = TextSanitizer.cleanLine(text)
        a.answer = ([a.headline] + lines).joined(separator: "\n")
        return a
    }
}
