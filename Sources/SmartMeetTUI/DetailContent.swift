import Foundation
import SmartMeetCore

/// Styled text: pieces drawn one after another on a line.
public struct Span: Equatable, Sendable {
    public var text: String
    public var style: Style
    public init(_ text: String, _ style: Style = Style()) {
        self.text = text
        self.style = style
    }
}

/// One row of the detail pane: its lines (quotes wrapped to the pane's width) and what
/// it leads to. Update and view both build these, so the cursor and what is drawn agree.
public struct DetailBlock: Equatable, Sendable {
    public var lines: [[Span]]
    /// What Enter opens: an entity's timeline, or a transcript.
    public var entity: Int64?
    public var transcript: TranscriptRequest?
    /// Enter opens the transcript rather than the entity (timeline rows, answer sources).
    public var enterOpensTranscript = false
    /// The meeting the row is about, for a state correction (`e`).
    public var meetingId: Int64?
    public var meetingLabel: String?

    public var selectable: Bool { entity != nil || transcript != nil }
}

public enum DetailContent {
    /// The detail pane's rows for `width` columns inside its border.
    public static func blocks(_ detail: Detail?, width: Int) -> [DetailBlock] {
        let w = max(8, width - 2)
        switch detail {
        case nil:
            return [text("Select an entity to see its timeline, or press : to ask a question.", w, Style(fg: .muted))]
        case .entity(let e, let timeline)?:
            var head = "\(e.type.rawValue) · \(e.state?.spoken ?? "no state")"
            if let o = e.owner { head += " · owner \(o)" }
            if let d = e.due { head += " · due \(View.short(d))" }
            if e.edited { head += " · renamed or merged by you" }
            if e.dismissed { head += " · dismissed (d restores)" }
            if !e.aliases.isEmpty { head += " · also: " + e.aliases.joined(separator: ", ") }
            var out = [text(head, w, Style(fg: .muted)), DetailBlock(lines: [[]])]
            for t in timeline {
                var first = [Span(View.pad(View.short(t.date), 7))]
                if let f = t.from { first.append(Span("\(f.spoken) → ")) }
                first.append(Span(View.badge(t.state), View.stateStyle(t.state)))
                if t.byUser {
                    first.append(Span("  edited" + (t.extractorState.map { " (was \($0.spoken))" } ?? ""), Style(fg: .accent, bold: true)))
                }
                var rest = "“\(t.evidence)” — \(t.meetingTitle)"
                if let o = t.owner { rest += ", \(o)" }
                if let d = t.due { rest += ", due \(View.short(d))" }
                let request = TranscriptRequest(meetingId: t.meetingId, meetingTitle: t.meetingTitle, date: t.date, turn: t.turn,
                                                quote: t.evidence, entityId: e.id)
                out.append(DetailBlock(lines: [first] + indented(rest, w), entity: e.id, transcript: request, enterOpensTranscript: true,
                                       meetingId: t.meetingId, meetingLabel: "\(View.short(t.date)) \(t.meetingTitle)"))
            }
            return out
        case .meeting(let m)?:
            let who = m.attendees.isEmpty ? "" : " · " + m.attendees.joined(separator: ", ")
            var out = [text("\(m.meeting.date) · \(m.meeting.source)\(who)", w, Style(fg: .muted)),
                       text("Enter opens a row's timeline, v the transcript where it was said.", w, Style(fg: .muted)), DetailBlock(lines: [[]])]
            for row in m.rows {
                var first = [Span(DisplayWidth.truncate(row.name, max(8, w / 2)) + ": ")]
                if let f = row.from { first.append(Span("\(f.spoken) → ")) }
                first.append(Span(View.badge(row.state), View.stateStyle(row.state)))
                let request = TranscriptRequest(meetingId: m.meeting.id, meetingTitle: m.meeting.title, date: m.meeting.date,
                                                turn: row.turn, quote: row.evidence, entityId: row.entityId)
                out.append(DetailBlock(lines: [first] + indented("“\(row.evidence)”", w), entity: row.entityId, transcript: request,
                                       meetingId: m.meeting.id, meetingLabel: "\(View.short(m.meeting.date)) \(m.meeting.title)"))
            }
            return out
        case .answer(let q, let a)?:
            var out = [text("? " + q, w, Style(fg: .accent, bold: true)), text(a.answer, w, Style())]
            if !a.entities.isEmpty {
                out.append(DetailBlock(lines: [[]]))
                for e in a.entities {
                    let state = e.state.flatMap(EntityState.init(rawValue:))
                    out.append(DetailBlock(lines: [[Span("• " + DisplayWidth.truncate(e.name, max(6, w - 16)) + "  "),
                                                    Span(View.badge(state), View.stateStyle(state))]], entity: e.id))
                }
            }
            let sources = answerSources(a)
            if !sources.isEmpty {
                out.append(DetailBlock(lines: [[]] + TextWrap.wrap("Where it was said (Enter opens the transcript)", w).map { [Span($0, Style(fg: .muted, underline: true))] }))
                for (label, request) in sources {
                    let head = TextWrap.wrap(label, w).map { [Span($0, Style(fg: .title, bold: true))] }
                    out.append(DetailBlock(lines: head + indented("“\(request.quote ?? "")”", w),
                                           transcript: request, enterOpensTranscript: true, meetingId: request.meetingId))
                }
            }
            return out
        }
    }

    /// The answer's sources, one row each (speaker, meeting, date, quote); an answer
    /// without sources falls back to its evidence, found by meeting title and date.
    static func answerSources(_ a: Answer) -> [(String, TranscriptRequest)] {
        let entity = a.entities.count == 1 ? a.entities[0].id : nil
        if !a.sources.isEmpty {
            return a.sources.map { s in
                ([s.speaker, s.meeting, View.short(s.date)].compactMap { $0 }.joined(separator: " · "),
                 TranscriptRequest(meetingId: s.meetingId, meetingTitle: s.meeting, date: s.date, turn: s.turn, quote: s.quote, entityId: entity))
            }
        }
        return a.evidence.map { e in
            ([e.speaker, e.meeting, View.short(e.date)].compactMap { $0 }.joined(separator: " · "),
             TranscriptRequest(meetingTitle: e.meeting, date: e.date, quote: e.quote, entityId: entity))
        }
    }

    static func text(_ s: String, _ width: Int, _ style: Style) -> DetailBlock {
        DetailBlock(lines: TextWrap.wrap(s, width).map { [Span($0, style)] })
    }

    /// A quote under its row, wrapped and indented two columns.
    static func indented(_ s: String, _ width: Int) -> [[Span]] {
        TextWrap.wrap(s, max(4, width - 2)).map { [Span("  " + $0, Style(fg: .muted))] }
    }

    /// Indices of the rows the cursor can select.
    public static func selectable(_ blocks: [DetailBlock]) -> [Int] {
        blocks.indices.filter { blocks[$0].selectable }
    }

    /// The first line of each row, and the total, for scrolling.
    public static func starts(_ blocks: [DetailBlock]) -> (starts: [Int], total: Int) {
        var starts: [Int] = []
        var line = 0
        for b in blocks {
            starts.append(line)
            line += b.lines.count
        }
        return (starts, line)
    }
}
