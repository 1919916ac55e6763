import Foundation
import GRDB

/// One stored meeting's turns, opened at a place: the turn a state or an answer came
/// from, the sentence quoted there, and the turns that mention the entity in question.
public struct MeetingTranscript: Equatable, Sendable {
    public var meeting: MeetingSummary
    public var turns: [Turn]
    /// The turn to open at (a position in `turns`).
    public var focus: Int
    /// The quoted words to highlight in the focused turn, when there are any.
    public var quote: String?
    /// The entity followed with next / previous mention, and the turns that mention it.
    public var entityName: String?
    public var mentions: [Int]

    public init(meeting: MeetingSummary, turns: [Turn], focus: Int, quote: String?, entityName: String?, mentions: [Int]) {
        self.meeting = meeting
        self.turns = turns
        self.focus = focus
        self.quote = quote
        self.entityName = entityName
        self.mentions = mentions
    }

    /// Opens `meetingId` at `turn`, or where `quote` was said when no turn is known
    /// (older answers only carry the words), else at the entity's first mention.
    public static func load(_ store: Store, meetingId: Int64, turn: Int? = nil, quote: String? = nil,
                            entityId: Int64? = nil) throws -> MeetingTranscript? {
        try store.pool.read { db in
            guard let m = try Row.fetchOne(db, sql: "SELECT id, title, date, source, turn_count FROM meetings WHERE id = ?", arguments: [meetingId]) else {
                return nil
            }
            let turns = try Row.fetchAll(db, sql: "SELECT position, speaker, text, section FROM turns WHERE meeting_id = ? ORDER BY position",
                                         arguments: [meetingId]).map {
                Turn(index: $0["position"], speaker: $0["speaker"], text: $0["text"], section: $0["section"])
            }
            let speakers = Set(turns.map(\.speaker)).subtracting([Turn.unknownSpeaker]).count
            let summary = MeetingSummary(id: m["id"], title: m["title"], date: m["date"], source: m["source"],
                                         speakers: speakers, changes: 0, turns: m["turn_count"])
            var name: String?
            var mentions: [Int] = []
            if let entityId {
                name = try String.fetchOne(db, sql: "SELECT name FROM entities WHERE id = ?", arguments: [entityId])
                let positions = try Int.fetchAll(db, sql: """
                    SELECT turn_position FROM mentions WHERE entity_id = ? AND meeting_id = ?
                    UNION SELECT turn_position FROM states WHERE entity_id = ? AND meeting_id = ?
                    """, arguments: [entityId, meetingId, entityId, meetingId])
                mentions = Array(Set(positions)).filter { $0 >= 0 && $0 < turns.count }.sorted()
            }
            var focus = turn.flatMap { t in turns.firstIndex { $0.index == t } }
            if focus == nil, let q = quote.map(Self.comparable), !q.isEmpty {
                focus = turns.firstIndex { Self.comparable($0.text).contains(q) }
                    ?? turns.firstIndex { Self.comparable($0.text).contains(String(q.prefix(40))) }
            }
            return MeetingTranscript(meeting: summary, turns: turns, focus: focus ?? mentions.first ?? 0,
                                     quote: quote, entityName: name, mentions: mentions)
        }
    }

    /// Lowercased letters and digits separated by single spaces: quotes are stored
    /// cleaned and trimmed, so they are compared the same way.
    static func comparable(_ s: String) -> String {
        s.lowercased().split { !$0.isLetter && !$0.isNumber }.joined(separator: " ")
    }

    /// Where `quote` sits in `text` (by characters), for highlighting; nil when it is
    /// not there as written.
    public static func range(of quote: String, in text: String) -> Range<String.Index>? {
        let q = quote.trimmingCharacters(in: CharacterSet(charactersIn: " .…“”\""))
        guard !q.isEmpty else { return nil }
        return text.range(of: q, options: [.caseInsensitive, .diacriticInsensitive])
            ?? text.range(of: String(q.prefix(40)), options: [.caseInsensitive, .diacriticInsensitive])
    }
}
