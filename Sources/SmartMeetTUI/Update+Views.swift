import Foundation
import SmartMeetCore

/// Keys of the views drawn over the panes: the transcript, the board, the failures list
/// and help.
extension Update {
    // MARK: - Sizes shared with the view

    /// The transcript view's inside (it takes the whole body).
    static func transcriptInner(_ s: AppState) -> Rect {
        Layout(width: s.width, height: s.height, importing: s.importing != nil).body.inner
    }

    /// Lines of transcript text on screen (one line of the inside is the header).
    static func transcriptRows(_ s: AppState) -> Int { max(1, transcriptInner(s).height - 1) }

    static func boardGeometry(_ s: AppState) -> BoardState.Geometry {
        BoardState.geometry(inner: Layout(width: s.width, height: s.height, importing: s.importing != nil).body.inner)
    }

    // MARK: - Transcript

    static func transcriptKey(_ s: inout AppState, _ key: Key, _ fx: inout [Effect]) {
        guard var t = s.transcript else { s.mode = .normal; return }
        let rows = transcriptRows(s)
        s.message = nil
        switch key {
        case .char("j"), .down: t.scrollBy(1, height: rows)
        case .char("k"), .up: t.scrollBy(-1, height: rows)
        case .pageDown, .char(" "), .ctrl("d"): t.scrollBy(rows - 1, height: rows)
        case .pageUp, .ctrl("u"): t.scrollBy(-(rows - 1), height: rows)
        case .char("g"), .home: t.scrollBy(-t.lines.count, height: rows)
        case .char("G"), .end: t.scrollBy(t.lines.count, height: rows)
        case .char("n"): s.message = t.step(1, height: rows)
        case .char("N"): s.message = t.step(-1, height: rows)
        case .char("/"):
            s.mode = .transcriptSearch
            s.input = ""
        case .char("?"): s.mode = .help; s.helpScroll = 0
        case .escape where !t.search.isEmpty:
            t.search = ""
            t.hits = []
            s.message = "Search cleared; n / N follow \(t.doc.entityName ?? "the mentions") again."
        case .escape, .char("q"), .backspace:
            s.transcript = nil
            s.mode = t.back.mode
            s.focus = t.back.focus
            return
        default: break
        }
        s.transcript = t
    }

    // MARK: - Board

    static func boardKey(_ s: inout AppState, _ key: Key, _ fx: inout [Effect]) {
        guard var b = s.board else { s.mode = .normal; return }
        let g = boardGeometry(s)
        s.message = nil
        if correctionKey(&s, key, &fx) { return }
        switch key {
        case .char("j"), .down: b.move(rows: 1, cols: 0, geometry: g)
        case .char("k"), .up: b.move(rows: -1, cols: 0, geometry: g)
        case .char("h"), .left: b.move(rows: 0, cols: -1, geometry: g)
        case .char("l"), .right: b.move(rows: 0, cols: 1, geometry: g)
        case .pageDown: b.move(rows: g.rows, cols: 0, geometry: g)
        case .pageUp: b.move(rows: -g.rows, cols: 0, geometry: g)
        case .char("g"): b.move(rows: -b.rows.count, cols: 0, geometry: g)
        case .char("G"): b.move(rows: b.rows.count, cols: 0, geometry: g)
        case .home, .char("0"): b.move(rows: 0, cols: -b.board.meetings.count, geometry: g)
        case .end, .char("$"): b.move(rows: 0, cols: b.board.meetings.count, geometry: g)
        case .enter:
            guard let sel = b.selection else { break }
            let cell = sel.cell.flatMap { $0.stated ? $0.cell : nil }
            fx.append(.loadTranscript(TranscriptRequest(meetingId: sel.meeting.id, meetingTitle: sel.meeting.title, date: sel.meeting.date,
                                                        turn: cell?.turn, quote: cell?.evidence, entityId: sel.row.entity.id)))
        case .char("s"), .char("t"):
            cycleFilter(&s, key)
            b.order = s.visibleEntities.map(\.id)
            b.clamp(g)
        case .char("?"): s.mode = .help; s.helpScroll = 0
        case .escape, .char("b"), .char("q"):
            s.board = nil
            s.mode = b.back.mode == .board ? .normal : b.back.mode
            s.focus = b.back.focus
            return
        default: break
        }
        s.board = b
    }

    // MARK: - Failures and help

    static func failuresKey(_ s: inout AppState, _ key: Key) {
        switch key {
        case .char("j"), .down: s.failuresScroll = min(s.failuresScroll + 1, max(0, s.failures.count - 1))
        case .char("k"), .up: s.failuresScroll = max(0, s.failuresScroll - 1)
        case .pageDown: s.failuresScroll = min(s.failuresScroll + 10, max(0, s.failures.count - 1))
        case .pageUp: s.failuresScroll = max(0, s.failuresScroll - 10)
        case .escape, .enter, .char("q"), .char("f"):
            s.mode = .normal
            s.message = "\(s.failures.count) import \(s.failures.count == 1 ? "failure" : "failures") · f shows them again"
        default: break
        }
    }

    /// Help scrolls when it is taller than the terminal; any other key closes it.
    static func helpKey(_ s: inout AppState, _ key: Key) {
        switch key {
        case .char("j"), .down: s.helpScroll += 1
        case .char("k"), .up: s.helpScroll = max(0, s.helpScroll - 1)
        case .pageDown: s.helpScroll += 10
        case .pageUp: s.helpScroll = max(0, s.helpScroll - 10)
        default:
            s.mode = s.transcript != nil ? .transcript : (s.board != nil ? .board : .normal)
        }
        s.helpScroll = min(s.helpScroll, max(0, View.helpLines.count - 1))
    }
}
