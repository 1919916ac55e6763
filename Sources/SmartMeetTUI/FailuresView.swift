import Foundation

/// The last import's failures, file by file with the reason, over the panes until
/// dismissed; `f` opens it again.
enum FailuresView {
    static func draw(_ screen: inout Screen, _ s: AppState) {
        let w = max(40, min(s.width - 4, 100))
        let h = max(8, min(s.height - 4, s.failures.count * 3 + 4))
        let r = Rect(x: (s.width - w) / 2, y: (s.height - h) / 2, width: w, height: h)
        screen.fill(x: r.x, y: r.y, width: r.width, height: r.height, style: Style())
        View.box(&screen, r, title: "\(s.failures.count) \(s.failures.count == 1 ? "file" : "files") not imported", focused: true)
        let inner = r.inner
        var y = inner.y
        for failure in s.failures.dropFirst(s.failuresScroll) {
            guard y < inner.y + inner.height - 1 else { break }
            // "name: reason" — the name on its own line, the reason wrapped under it.
            let parts = failure.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            screen.write(parts[0], x: inner.x + 1, y: y, maxWidth: inner.width - 2, style: Style(fg: .error, bold: true))
            y += 1
            for line in TextWrap.wrap(parts.count > 1 ? parts[1] : "", inner.width - 4) where y < inner.y + inner.height - 1 {
                screen.write(line, x: inner.x + 3, y: y, maxWidth: inner.width - 4)
                y += 1
            }
        }
        let more = s.failures.count - s.failuresScroll > 0 && y >= inner.y + inner.height - 1 ? " · ↓ more" : ""
        screen.write("Esc closes · f shows this again\(more)", x: inner.x + 1, y: inner.y + inner.height - 1, maxWidth: inner.width - 2, style: Style(fg: .muted))
    }
}
