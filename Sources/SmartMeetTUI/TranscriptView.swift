import Foundation
import SmartMeetCore

/// A meeting's transcript over the whole body: speakers coloured, the turn in focus
/// marked with a bar and its quoted sentence highlighted, mentions of the entity marked
/// in the margin, search matches highlighted.
enum TranscriptView {
    /// Colours speakers take, in order of first appearance.
    static let palette: [ColorRole] = [.accent, .completed, .at_risk, .proposed, .planned, .blocked, .title, .in_progress]

    static func draw(_ screen: inout Screen, _ t: TranscriptState, _ r: Rect) {
        let m = t.doc.meeting
        View.box(&screen, r, title: "Transcript — \(m.title) · \(View.short(m.date)) · \(m.source)", focused: true)
        let inner = r.inner
        guard inner.height > 1 else { return }
        var head = "\(t.doc.turns.count) turns · \(t.speakers.count) speakers"
        if let name = t.doc.entityName { head += " · n/N: mentions of \(name) (\(t.doc.mentions.count))" }
        if !t.search.isEmpty { head += " · /\(t.search): \(t.hits.count) matching turns" }
        screen.write(head, x: inner.x + 1, y: inner.y, maxWidth: inner.width - 1, style: Style(fg: .muted))
        let rows = inner.height - 1
        let focusQuote = t.doc.quote.flatMap { q in t.doc.turns.indices.contains(t.focus) ? MeetingTranscript.range(of: q, in: t.doc.turns[t.focus].text) : nil }
        let mentions = Set(t.doc.mentions)
        for row in 0..<rows {
            let i = t.scroll + row
            guard i < t.lines.count else { break }
            let line = t.lines[i]
            let y = inner.y + 1 + row
            let focused = line.turn == t.focus && line.kind != .blank
            if focused { screen.write("▌", x: inner.x, y: y, style: Style(fg: .accent, bold: true)) }
            switch line.kind {
            case .blank: break
            case .section:
                screen.write(line.text, x: inner.x + 2, y: y, maxWidth: inner.width - 2, style: Style(fg: .title, bold: true, underline: true))
            case .speaker:
                let color = palette[(t.speakers.firstIndex(of: line.text) ?? 0) % palette.count]
                screen.write(line.text, x: inner.x + 2, y: y, maxWidth: inner.width - 2, style: Style(fg: color, bold: true))
            case .text:
                let turn = t.doc.turns[line.turn]
                let firstTextLine = i == 0 || t.lines[i - 1].turn != line.turn || t.lines[i - 1].kind != .text
                if firstTextLine, mentions.contains(line.turn) { screen.write("•", x: inner.x + 1, y: y, style: Style(fg: .accent, bold: true)) }
                var quote: Range<Int>?
                if focused, let q = focusQuote {
                    quote = turn.text.distance(from: turn.text.startIndex, to: q.lowerBound)..<turn.text.distance(from: turn.text.startIndex, to: q.upperBound)
                }
                drawText(&screen, line, turn: turn.text, quote: quote, search: t.search, x: inner.x + TranscriptState.gutter, y: y,
                         width: inner.width - TranscriptState.gutter)
            }
        }
        if t.scroll > 0 { screen.write("▲", x: r.x + r.width - 1, y: inner.y + 1, style: Style(fg: .accent)) }
        if t.scroll + rows < t.lines.count { screen.write("▼", x: r.x + r.width - 1, y: inner.y + inner.height - 1, style: Style(fg: .accent)) }
    }

    /// One wrapped line of a turn, character by character so the quote and search
    /// matches can be styled where they fall.
    static func drawText(_ screen: inout Screen, _ line: TranscriptState.Line, turn: String, quote: Range<Int>?, search: String,
                         x: Int, y: Int, width: Int) {
        var matches: [Range<Int>] = []
        if !search.isEmpty {
            var from = turn.startIndex
            while let r = turn.range(of: search, options: [.caseInsensitive, .diacriticInsensitive], range: from..<turn.endIndex) {
                matches.append(turn.distance(from: turn.startIndex, to: r.lowerBound)..<turn.distance(from: turn.startIndex, to: r.upperBound))
                from = r.upperBound
            }
        }
        var col = 0
        for (k, ch) in line.text.enumerated() {
            let at = line.start + k
            var style = Style()
            if let q = quote, q.contains(at) { style = Style(fg: .selectionText, bg: .selection, bold: true) }
            // Reverse video, so a match shows even in the colourless theme.
            if matches.contains(where: { $0.contains(at) }) { style = Style(fg: .at_risk, bold: true, reverse: true) }
            let used = screen.write(String(ch), x: x + col, y: y, maxWidth: max(0, width - col), style: style)
            if used == 0, DisplayWidth.of(ch) > 0 { break }
            col += used
        }
    }
}
