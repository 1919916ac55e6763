import Foundation
import SmartMeetCore

/// The right-hand pane: a timeline, a meeting or an answer, as rows whose quotes wrap;
/// the pane scrolls when they are longer than it.
enum DetailView {
    static func draw(_ screen: inout Screen, _ s: AppState, _ r: Rect) {
        let title: String
        switch s.detail {
        case nil: title = "Timeline"
        case .entity(let e, _)?: title = "Timeline — \(e.name)"
        case .meeting(let m)?: title = "Meeting — \(m.meeting.title)"
        case .answer?: title = "Answer"
        }
        View.box(&screen, r, title: title, focused: s.focus == .detail)
        let inner = r.inner
        let blocks = DetailContent.blocks(s.detail, width: inner.width)
        let selectable = DetailContent.selectable(blocks)
        let selected = s.focus == .detail && s.detailCursor.index < selectable.count ? selectable[s.detailCursor.index] : nil
        let (starts, total) = DetailContent.starts(blocks)
        let offset = s.detailCursor.offset
        for (b, block) in blocks.enumerated() {
            for (l, line) in block.lines.enumerated() {
                let y = inner.y + starts[b] + l - offset
                guard y >= inner.y, y < inner.y + inner.height else { continue }
                let isSelected = b == selected
                if isSelected { screen.fill(x: inner.x, y: y, width: inner.width, height: 1, style: Style(fg: .selectionText, bg: .selection)) }
                var x = inner.x + 1
                for span in line {
                    var style = span.style
                    if isSelected {
                        style.bg = .selection
                        if style.fg == .text || style.fg == .muted { style.fg = .selectionText }
                    }
                    x += screen.write(span.text, x: x, y: y, maxWidth: max(0, inner.x + inner.width - x), style: style)
                }
            }
        }
        // Scroll marks on the border when there is more above or below.
        if offset > 0 { screen.write("▲", x: r.x + r.width - 1, y: inner.y, style: Style(fg: .accent)) }
        if total - offset > inner.height { screen.write("▼", x: r.x + r.width - 1, y: inner.y + inner.height - 1, style: Style(fg: .accent)) }
    }
}
