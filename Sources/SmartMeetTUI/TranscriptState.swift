import Foundation
import SmartMeetCore

/// A meeting's transcript opened in the app: the turns laid out for the width, the turn
/// in focus (where the quote was said), the scroll position, and what n / N step through
/// (the search hits when searching, else the entity's mentions).
public struct TranscriptState: Equatable, Sendable {
    public struct Line: Equatable, Sendable {
        public enum Kind: Equatable, Sendable { case section, speaker, text, blank }
        public var kind: Kind
        /// Index into `doc.turns`.
        public var turn: Int
        public var text: String
        /// Characters of the turn's text before this line (text lines).
        public var start = 0
    }

    public var doc: MeetingTranscript
    public var focus: Int
    public var scroll = 0
    public var search = ""
    public var hits: [Int] = []
    public var lines: [Line] = []
    public var width = 0
    public var back: ReturnPoint
    /// Speakers in order of first appearance; their colours follow this order.
    public var speakers: [String] = []

    /// Columns left of a turn's text: the focus bar, the mention mark and an indent.
    public static let gutter = 4

    public init(doc: MeetingTranscript, back: ReturnPoint, width: Int, height: Int) {
        self.doc = doc
        self.back = back
        focus = min(max(0, doc.focus), max(0, doc.turns.count - 1))
        for t in doc.turns where t.speaker != Turn.unknownSpeaker && !speakers.contains(t.speaker) { speakers.append(t.speaker) }
        layout(width: width)
        show(turn: focus, height: height)
    }

    /// Wraps every turn for `width` columns (the inside of the view's border).
    public mutating func layout(width: Int) {
        self.width = width
        let textWidth = max(10, width - Self.gutter)
        var out: [Line] = []
        var lastSection: String?
        var lastSpeaker: String?
        for (i, turn) in doc.turns.enumerated() {
            if let section = turn.section, section != lastSection {
                if !out.isEmpty { out.append(Line(kind: .blank, turn: i, text: "")) }
                out.append(Line(kind: .section, turn: i, text: "§ " + section))
                lastSection = section
                lastSpeaker = nil
            }
            if turn.speaker != Turn.unknownSpeaker, turn.speaker != lastSpeaker {
                out.append(Line(kind: .speaker, turn: i, text: turn.speaker))
            }
            lastSpeaker = turn.speaker
            for piece in TextWrap.lines(turn.text, width: textWidth) {
                out.append(Line(kind: .text, turn: i, text: piece.text, start: piece.start))
            }
            out.append(Line(kind: .blank, turn: i, text: ""))
        }
        lines = out
    }

    /// The first line of `turn` (its speaker or section line when it has one).
    public func firstLine(of turn: Int) -> Int {
        lines.firstIndex { $0.turn == turn } ?? 0
    }

    /// Focuses `turn` and scrolls so it starts a third of the way down.
    public mutating func show(turn: Int, height: Int) {
        guard !doc.turns.isEmpty else { return }
        focus = min(max(0, turn), doc.turns.count - 1)
        scroll = firstLine(of: focus) - max(0, height / 3)
        clampScroll(height: height)
    }

    public mutating func scrollBy(_ delta: Int, height: Int) {
        scroll += delta
        clampScroll(height: height)
    }

    mutating func clampScroll(height: Int) {
        scroll = max(0, min(scroll, lines.count - max(1, height)))
    }

    /// What n and N step through: search hits while searching, else the entity's mentions.
    public var stops: [Int] { search.isEmpty ? doc.mentions : hits }

    /// Moves the focus to the next (`+1`) or previous (`-1`) stop, wrapping around; returns
    /// a message when there is nowhere to go.
    public mutating func step(_ direction: Int, height: Int) -> String? {
        let list = stops
        guard !list.isEmpty else {
            return search.isEmpty ? (doc.entityName.map { "\($0) is not mentioned by name in this meeting" } ?? "No entity to follow; / searches")
                : "No turn contains \"\(search)\""
        }
        let next = direction > 0 ? (list.first { $0 > focus } ?? list[0]) : (list.last { $0 < focus } ?? list[list.count - 1])
        show(turn: next, height: height)
        let n = (list.firstIndex(of: next) ?? 0) + 1
        return "\(search.isEmpty ? "mention" : "match") \(n) of \(list.count)"
    }

    /// Turns whose speaker or text contains `text`, ignoring case.
    public mutating func find(_ text: String, height: Int) -> String? {
        search = text
        guard !text.isEmpty else { hits = []; return nil }
        hits = doc.turns.indices.filter {
            doc.turns[$0].text.range(of: text, options: [.caseInsensitive, .diacriticInsensitive]) != nil
                || doc.turns[$0].speaker.range(of: text, options: .caseInsensitive) != nil
        }
        guard !hits.isEmpty else { return "No turn contains \"\(text)\"" }
        let target = hits.first { $0 >= focus } ?? hits[0]
        show(turn: target, height: height)
        return "match \((hits.firstIndex(of: target) ?? 0) + 1) of \(hits.count) · n / N next, previous · Esc ends the search"
    }
}
