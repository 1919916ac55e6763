import Foundation

/// The import file picker, drawn over the panes.
enum PickerView {
    static func draw(_ screen: inout Screen, _ s: AppState) {
        let w = max(40, s.width * 7 / 10)
        let h = max(10, s.height * 7 / 10)
        let r = Rect(x: (s.width - w) / 2, y: (s.height - h) / 2, width: w, height: h)
        screen.fill(x: r.x, y: r.y, width: r.width, height: r.height, style: Style())
        View.box(&screen, r, title: "Import transcripts", focused: true)
        let inner = r.inner
        if s.mode == .pickerPath {
            screen.write("path: " + s.input + "▏", x: inner.x + 1, y: inner.y, maxWidth: inner.width - 2, style: Style(fg: .accent, bold: true))
        } else {
            screen.write(DisplayWidth.truncate(View.tilde(s.picker.path), inner.width - 2), x: inner.x + 1, y: inner.y, style: Style(fg: .accent, bold: true))
        }
        var flags: [String] = []
        flags.append(s.picker.showAllFiles ? "all files" : "transcripts only")
        flags.append("● looks like a meeting")
        if s.picker.showHidden { flags.append("hidden shown") }
        flags.append("\(s.picker.selected.count) selected")
        screen.write(flags.joined(separator: " · "), x: inner.x + 1, y: inner.y + 1, maxWidth: inner.width - 2, style: Style(fg: .muted))
        if let e = s.picker.error {
            screen.write(e, x: inner.x + 1, y: inner.y + 2, maxWidth: inner.width - 2, style: Style(fg: .error))
        }
        let entries = s.picker.visibleEntries
        let top = inner.y + 3
        let rows = inner.height - 3
        if entries.isEmpty {
            screen.write("(no transcript files here; * shows all files)", x: inner.x + 1, y: top, maxWidth: inner.width - 2, style: Style(fg: .muted))
        }
        var cursor = s.picker.cursor
        cursor.clamp(count: entries.count, visible: rows)
        for row in 0..<rows {
            let i = cursor.offset + row
            guard i < entries.count else { break }
            let e = entries[i]
            let selected = i == cursor.index
            let meeting = !e.isDirectory && e.isTranscript && e.problem == nil
            let style = selected ? Style(fg: .selectionText, bg: .selection, bold: true)
                : Style(fg: e.isDirectory ? .accent : (meeting ? .text : .muted))
            if selected { screen.fill(x: inner.x, y: top + row, width: inner.width, height: 1, style: style) }
            let mark = e.isDirectory ? "   " : (s.picker.selected.contains(e.name) ? "[x]" : "[ ]")
            // ● marks a file that reads as a meeting; others say why not.
            let used = screen.write("\(mark) \(meeting ? "●" : " ") \(e.name)\(e.isDirectory ? "/" : "")", x: inner.x + 1, y: top + row, maxWidth: inner.width - 2, style: style)
            if let problem = e.problem, !e.isDirectory {
                let why = problem.hasPrefix("is not a meeting") ? "not a meeting" : problem
                screen.write(" — " + why, x: inner.x + 1 + used, y: top + row, maxWidth: max(0, inner.width - 2 - used),
                             style: selected ? style : Style(fg: .muted))
            }
        }
    }
}
