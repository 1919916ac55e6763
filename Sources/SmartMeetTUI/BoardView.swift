import Foundation
import SmartMeetCore

/// The board: entities down, meetings across (oldest left), each cell the state at that
/// meeting as a coloured glyph — bold and marked › where it changed, dim where it only
/// carried over — and the cell under the cursor spelled out below.
enum BoardView {
    static func draw(_ screen: inout Screen, _ s: AppState, _ b: BoardState, _ r: Rect) {
        let rows = b.rows
        var title = "Board — \(rows.count) entities × \(b.board.meetings.count) meetings"
        if !s.filterText.isEmpty { title += " /\(s.filterText)" }
        if let st = s.stateFilter { title += " state:\(st.spoken)" }
        if let t = s.typeFilter { title += " type:\(t.rawValue)" }
        View.box(&screen, r, title: title, focused: true)
        let inner = r.inner
        let g = BoardState.geometry(inner: inner)
        guard inner.height >= 6 else { return }
        if rows.isEmpty || b.board.meetings.isEmpty {
            View.placeholder(&screen, b.board.meetings.isEmpty ? "No meetings yet — press i to import." : "Nothing matches the filter (Esc, then Esc clears it).", inner, top: 2)
            return
        }
        let x0 = inner.x + g.nameWidth + 1
        let visibleCols = min(g.columns, b.board.meetings.count - b.colOffset)
        // Two header lines: the month where it starts (or at the left edge), the day.
        var lastMonth = ""
        for v in 0..<visibleCols {
            let m = b.board.meetings[b.colOffset + v]
            let day = CalendarDay(iso: m.date)
            let month = day.map { String(CalendarDay.monthNames[$0.month - 1].prefix(3)).capitalized } ?? ""
            let x = x0 + v * BoardState.cellWidth
            let current = b.colOffset + v == b.col
            if month != lastMonth {
                screen.write(month, x: x, y: inner.y, maxWidth: inner.x + inner.width - x, style: Style(fg: .muted))
                lastMonth = month
            }
            let label = day.map { String($0.day) } ?? "?"
            screen.write(String(repeating: " ", count: max(0, BoardState.cellWidth - 1 - label.count)) + label, x: x, y: inner.y + 1,
                         style: Style(fg: current ? .accent : .muted, bold: current, underline: true))
        }
        screen.write("Entity", x: inner.x, y: inner.y + 1, maxWidth: g.nameWidth, style: Style(fg: .muted, underline: true))
        for row in 0..<g.rows {
            let i = b.rowOffset + row
            guard i < rows.count else { break }
            let y = inner.y + 2 + row
            let entity = rows[i].entity
            let selectedRow = i == b.row
            screen.write(DisplayWidth.truncate(entity.name, g.nameWidth), x: inner.x, y: y,
                         style: selectedRow ? Style(fg: .accent, bold: true) : Style())
            for v in 0..<visibleCols {
                let col = b.colOffset + v
                let x = x0 + v * BoardState.cellWidth
                let selected = selectedRow && col == b.col
                var mark = " ", glyph = " ", edit = " "
                var style = Style(fg: .muted)
                if let (cell, stated) = rows[i].cell(at: col) {
                    glyph = String(View.badge(cell.state).prefix(1))
                    style = View.stateStyle(cell.state)
                    if stated {
                        if cell.changed { mark = "›" } else { style.bold = false }
                        if cell.byUser { edit = "*" }
                    } else {
                        style.bold = false
                        style.dim = true
                        glyph = "·"
                    }
                }
                if selected { style = Style(fg: .selectionText, bg: .selection, bold: true) }
                screen.write(mark + glyph + edit, x: x, y: y, style: style)
            }
        }
        drawSelection(&screen, b, Rect(x: inner.x, y: inner.y + inner.height - 3, width: inner.width, height: 3))
    }

    /// What the cursor is on, in words, and the legend.
    static func drawSelection(_ screen: inout Screen, _ b: BoardState, _ r: Rect) {
        guard let sel = b.selection else { return }
        let m = sel.meeting
        var first = "\(sel.row.entity.name) · \(View.short(m.date)) \(m.title): "
        var second = ""
        if let (cell, stated) = sel.cell {
            if stated {
                first += View.badge(cell.state)
                if cell.changed, b.col > 0, let before = sel.row.cell(at: b.col - 1) { first += " (was \(before.cell.state.spoken))" }
                if cell.byUser { first += " · edited by you" }
                second = "“\(cell.evidence)”" + (cell.speaker.map { " — \($0)" } ?? "")
            } else {
                first += "nothing said; still \(cell.state.spoken) from \(View.short(b.board.meetings[cell.meeting].date))"
            }
            if let o = cell.owner { first += " · owner \(o)" }
            if let d = cell.due { first += " · due \(View.short(d))" }
        } else {
            first += "not tracked yet"
        }
        screen.write(first, x: r.x + 1, y: r.y, maxWidth: r.width - 1, style: Style(bold: true))
        screen.write(second, x: r.x + 1, y: r.y + 1, maxWidth: r.width - 1, style: Style(fg: .muted))
        screen.write("› changed at this meeting · · carried over from before · * edited by you · Enter: the transcript here",
                     x: r.x + 1, y: r.y + 2, maxWidth: r.width - 1, style: Style(fg: .muted))
    }
}
