import Foundation
import SmartMeetCore

/// Draws the state into a screen. A pure function: the same state always gives the same
/// cells, which is what the whole-screen tests rely on.
public enum View {
    public static func render(_ s: AppState) -> Screen {
        var screen = Screen(width: s.width, height: s.height)
        if s.tooSmall {
            drawTooSmall(&screen, s)
            return screen
        }
        let layout = Layout(width: s.width, height: s.height, importing: s.importing != nil)
        screen.fill(x: 0, y: 0, width: s.width, height: s.height, style: Style(fg: .text, bg: .background))
        drawTitle(&screen, s, layout.title)
        // A transcript, else the board, takes the whole body while it is open.
        if let t = s.transcript {
            TranscriptView.draw(&screen, t, layout.body)
        } else if let b = s.board {
            BoardView.draw(&screen, s, b, layout.body)
        } else {
            drawMeetings(&screen, s, layout.meetings)
            drawEntities(&screen, s, layout.entities)
            DetailView.draw(&screen, s, layout.detail)
        }
        if let p = layout.progress, let progress = s.importing { drawProgress(&screen, progress, p) }
        drawPrompt(&screen, s, layout.prompt)
        drawStatus(&screen, s, layout.status)
        if s.mode == .picker || s.mode == .pickerPath { PickerView.draw(&screen, s) }
        if s.mode == .failures { FailuresView.draw(&screen, s) }
        if s.mode == .help { HelpView.draw(&screen, s) }
        return screen
    }

    // MARK: - Pieces

    static func box(_ screen: inout Screen, _ r: Rect, title: String, focused: Bool) {
        guard r.width >= 2, r.height >= 2 else { return }
        let style = Style(fg: focused ? .borderFocus : .border, bg: .background, bold: focused)
        screen.write("┌" + String(repeating: "─", count: r.width - 2) + "┐", x: r.x, y: r.y, style: style)
        for y in (r.y + 1)..<(r.y + r.height - 1) {
            screen.write("│", x: r.x, y: y, style: style)
            screen.write("│", x: r.x + r.width - 1, y: y, style: style)
        }
        screen.write("└" + String(repeating: "─", count: r.width - 2) + "┘", x: r.x, y: r.y + r.height - 1, style: style)
        screen.write(" " + DisplayWidth.truncate(title, r.width - 6) + " ", x: r.x + 2, y: r.y,
                     style: Style(fg: focused ? .borderFocus : .title, bg: .background, bold: true))
    }

    static func stateStyle(_ state: EntityState?) -> Style {
        guard let st = state else { return Style(fg: .muted) }
        return Style(fg: ColorRole(rawValue: st.rawValue) ?? .text, bg: .background, bold: true)
    }

    static func badge(_ state: EntityState?) -> String {
        guard let st = state else { return "—" }
        let icon: String
        switch st {
        case .proposed: icon = "?"
        case .planned: icon = "○"
        case .in_progress: icon = "▶"
        case .blocked: icon = "■"
        case .at_risk: icon = "!"
        case .on_hold: icon = "‖"
        case .completed: icon = "✓"
        case .cancelled: icon = "✗"
        }
        return icon + " " + st.spoken
    }

    static let monthAbbreviations = CalendarDay.monthNames.map { String($0.prefix(3)).capitalized }

    /// "2026-03-09" → "Mar 9". Drawn for every row of every frame, so no Foundation here.
    static func short(_ iso: String?) -> String {
        guard let iso, let d = CalendarDay(iso: iso) else { return "" }
        return monthAbbreviations[d.month - 1] + " " + String(d.day)
    }

    /// `text` padded with spaces to `width` characters (or cut to it).
    static func pad(_ text: String, _ width: Int) -> String {
        let n = text.count
        return n >= width ? String(text.prefix(width)) : text + String(repeating: " ", count: width - n)
    }

    static func drawTitle(_ screen: inout Screen, _ s: AppState, _ r: Rect) {
        let style = Style(fg: .statusText, bg: .status, bold: true)
        screen.fill(x: r.x, y: r.y, width: r.width, height: 1, style: style)
        let db = tilde(s.databasePath)
        let right = "\(s.meetings.count) meetings · \(s.trackedCount) entities · theme \(s.theme.name) · LLM \(s.llmMode)\(s.searchStatus.isEmpty ? "" : " · " + s.searchStatus) "
        let used = screen.write(" smartmeet ", x: 0, y: r.y, style: style)
        let rightWidth = DisplayWidth.of(right)
        screen.write(DisplayWidth.truncate(db, max(0, r.width - used - rightWidth - 2)), x: used, y: r.y, style: Style(fg: .statusText, bg: .status))
        screen.write(right, x: max(used, r.width - rightWidth), y: r.y, style: Style(fg: .statusText, bg: .status))
    }

    static func drawMeetings(_ screen: inout Screen, _ s: AppState, _ r: Rect) {
        box(&screen, r, title: "Meetings (\(s.meetings.count))", focused: s.focus == .meetings)
        let inner = r.inner
        if s.meetings.isEmpty {
            placeholder(&screen, s.loaded ? "No meetings yet — press i to import" : "Loading…", inner)
            return
        }
        // The header says what "5p 5Δ" means: people who spoke, changes of state.
        let legend = inner.width >= 30 ? "people·changes" : "p Δ"
        screen.write("Date   Meeting", x: inner.x, y: inner.y, maxWidth: inner.width, style: Style(fg: .muted, underline: true))
        screen.write(legend, x: inner.x + max(15, inner.width - DisplayWidth.of(legend)), y: inner.y, maxWidth: inner.width - 15, style: Style(fg: .muted, underline: true))
        for row in 0..<(inner.height - 1) {
            let i = s.meetingCursor.offset + row
            guard i < s.meetings.count else { break }
            let m = s.meetings[i]
            let y = inner.y + 1 + row
            let selected = i == s.meetingCursor.index
            let style = selected ? Style(fg: .selectionText, bg: s.focus == .meetings ? .selection : .border, bold: true) : Style()
            if selected { screen.fill(x: inner.x, y: y, width: inner.width, height: 1, style: style) }
            let tail = " \(m.speakers)p \(m.changes)Δ"
            let x = inner.x + screen.write(pad(short(m.date), 7), x: inner.x, y: y, style: selected ? style : Style(fg: .muted))
            let tailWidth = DisplayWidth.of(tail)
            screen.write(DisplayWidth.truncate(m.title, inner.width - 7 - tailWidth), x: x, y: y, style: style)
            screen.write(tail, x: inner.x + inner.width - tailWidth, y: y, style: selected ? style : Style(fg: .muted))
        }
    }

    static func drawEntities(_ screen: inout Screen, _ s: AppState, _ r: Rect) {
        let list = s.visibleEntities
        var title = "Entities (\(list.count))"
        if !s.filterText.isEmpty { title += " /\(s.filterText)" }
        if let st = s.stateFilter { title += " state:\(st.spoken)" }
        if let t = s.typeFilter { title += " type:\(t.rawValue)" }
        if s.sort != .name { title += " by \(s.sort.rawValue)" }
        box(&screen, r, title: title, focused: s.focus == .entities)
        let inner = r.inner
        let columns = EntityColumns.plan(width: inner.width, longestName: list.map { DisplayWidth.of($0.name) + ($0.dismissed ? 12 : 0) }.max() ?? 0,
                                         sortByDue: s.sort == .due)
        let badgeWidth = columns.badge, ownerWidth = columns.owner, dueWidth = columns.due, nameWidth = columns.name
        var header = pad("Name", nameWidth) + " " + pad((badgeWidth > 2 ? "State" : ""), badgeWidth)
        if ownerWidth > 0 { header += pad("Owner", ownerWidth) }
        if dueWidth > 0 { header += "Due" }
        screen.write(header, x: inner.x, y: inner.y, maxWidth: inner.width, style: Style(fg: .muted, underline: true))
        if list.isEmpty {
            placeholder(&screen, s.entities.isEmpty ? "Nothing tracked yet" : "Nothing matches the filter (Esc clears it)", inner, top: 1)
            return
        }
        for row in 0..<(inner.height - 1) {
            let i = s.entityCursor.offset + row
            guard i < list.count else { break }
            let e = list[i]
            let y = inner.y + 1 + row
            let selected = i == s.entityCursor.index
            let base = selected ? Style(fg: .selectionText, bg: s.focus == .entities ? .selection : .border, bold: true) : Style()
            if selected { screen.fill(x: inner.x, y: y, width: inner.width, height: 1, style: base) }
            var nameStyle = base
            if e.dismissed { nameStyle.dim = true; nameStyle.fg = selected ? base.fg : .muted }
            screen.write(DisplayWidth.truncate(e.name + (e.dismissed ? " (dismissed)" : ""), nameWidth), x: inner.x, y: y, style: nameStyle)
            var badgeStyle = stateStyle(e.state)
            if selected { badgeStyle.bg = base.bg }
            screen.write(badgeWidth > 2 ? badge(e.state) : String(badge(e.state).prefix(1)), x: inner.x + nameWidth + 1, y: y, maxWidth: badgeWidth - 1, style: badgeStyle)
            var x = inner.x + nameWidth + 1 + badgeWidth
            if ownerWidth > 0 {
                screen.write(DisplayWidth.truncate(e.owner?.split(separator: " ").first.map(String.init) ?? "", ownerWidth - 1), x: x, y: y, style: selected ? base : Style(fg: .muted))
                x += ownerWidth
            }
            if dueWidth > 0 { screen.write(short(e.due), x: x, y: y, maxWidth: dueWidth, style: selected ? base : Style(fg: .muted)) }
        }
    }

    static func placeholder(_ screen: inout Screen, _ text: String, _ inner: Rect, top: Int = 0) {
        for (i, line) in TextWrap.wrap(text, inner.width - 2).enumerated() where top + i < inner.height {
            screen.write(line, x: inner.x + 1, y: inner.y + top + i, maxWidth: inner.width - 1, style: Style(fg: .muted))
        }
    }

    static func drawProgress(_ screen: inout Screen, _ p: ImportProgress, _ r: Rect) {
        box(&screen, r, title: p.cancelling ? "Import — cancelling…" : "Import", focused: true)
        let inner = r.inner
        let elapsed = p.now.timeIntervalSince(p.startedAt)
        let remaining = p.done > 0 ? elapsed / Double(p.done) * Double(max(0, p.total - p.done)) : nil
        let label = "\(p.done)/\(p.total) files · \(p.failed) failed · \(duration(elapsed)) elapsed" + (remaining.map { " · ~\(duration($0)) left" } ?? "")
        bar(&screen, x: inner.x + 1, y: inner.y, width: inner.width - 2, fraction: p.total > 0 ? Double(p.done) / Double(p.total) : 0, label: label)
        if let f = p.currentFile {
            let fileElapsed = p.now.timeIntervalSince(p.fileStartedAt)
            bar(&screen, x: inner.x + 1, y: inner.y + 1, width: inner.width - 2, fraction: min(0.95, fileElapsed / 2),
                label: "\(f) · \(duration(fileElapsed))")
        }
        screen.write("x cancels", x: inner.x + 1, y: inner.y + 2, maxWidth: inner.width - 2, style: Style(fg: .muted))
    }

    static func bar(_ screen: inout Screen, x: Int, y: Int, width: Int, fraction: Double, label: String) {
        let barWidth = max(10, width / 3)
        let filled = Int((Double(barWidth) * max(0, min(1, fraction))).rounded())
        screen.write(String(repeating: "█", count: filled), x: x, y: y, style: Style(fg: .progress))
        screen.write(String(repeating: "░", count: barWidth - filled), x: x + filled, y: y, style: Style(fg: .border))
        screen.write(" \(Int(fraction * 100))% " + label, x: x + barWidth, y: y, maxWidth: width - barWidth)
    }

    static func duration(_ t: TimeInterval) -> String {
        let s = Int(t.rounded())
        return s >= 60 ? "\(s / 60)m\(String(format: "%02d", s % 60))s" : "\(s)s"
    }

    static func drawPrompt(_ screen: inout Screen, _ s: AppState, _ r: Rect) {
        switch s.mode {
        case .query:
            screen.write("ask: " + s.input + "▏", x: 1, y: r.y, maxWidth: r.width - 2, style: Style(fg: .accent, bold: true))
        case .filter:
            screen.write("filter: " + s.input + "▏", x: 1, y: r.y, maxWidth: r.width - 2, style: Style(fg: .accent, bold: true))
        case .transcriptSearch:
            screen.write("search this meeting: " + s.input + "▏", x: 1, y: r.y, maxWidth: r.width - 2, style: Style(fg: .accent, bold: true))
        case .edit:
            // The end of what is typed stays in view when the prompt is long.
            let prompt = (s.editing?.prompt ?? "") + s.input + "▏"
            let overflow = DisplayWidth.of(prompt) - (r.width - 2)
            screen.write(overflow > 0 ? "…" + String(prompt.dropFirst(overflow + 1)) : prompt, x: 1, y: r.y, maxWidth: r.width - 2, style: Style(fg: .accent, bold: true))
        default:
            if let p = s.pending {
                screen.write("asking: \(p) …", x: 1, y: r.y, maxWidth: r.width - 2, style: Style(fg: .muted))
            } else if let m = s.message {
                screen.write(m, x: 1, y: r.y, maxWidth: r.width - 2, style: Style(fg: .accent))
            } else if !s.failures.isEmpty {
                screen.write("\(s.failures.count) \(s.failures.count == 1 ? "file" : "files") failed to import · f lists them with the reasons", x: 1, y: r.y, maxWidth: r.width - 2, style: Style(fg: .error))
            } else {
                screen.write(": ask a question   / filter   i import   ? help", x: 1, y: r.y, maxWidth: r.width - 2, style: Style(fg: .muted))
            }
        }
    }

    static func drawStatus(_ screen: inout Screen, _ s: AppState, _ r: Rect) {
        let style = Style(fg: .statusText, bg: .status)
        screen.fill(x: 0, y: r.y, width: r.width, height: 1, style: style)
        let keys: String
        switch s.mode {
        case .help: keys = "any key closes help"
        case .query: keys = "Enter ask · ↑↓ history · Esc cancel"
        case .filter: keys = "type to filter · Enter keep · Esc cancel"
        case .picker: keys = "● meeting · Space select · a all meetings · Enter import/open · ← up · / type path · . hidden · * all files · I whole folder · Esc close"
        case .pickerPath: keys = "Enter go/import · Esc back"
        case .transcript: keys = "↑↓ jk scroll · n N next/previous \(s.transcript?.search.isEmpty == false ? "match" : "mention") · / search · g G top/end · Esc back"
        case .transcriptSearch: keys = "Enter search · Esc cancel"
        case .board: keys = "←→↑↓ hjkl move · Enter transcript · e state · s t filter · R m d u correct · Esc back"
        case .failures: keys = "↑↓ scroll · Esc closes (f opens again)"
        case .edit: keys = "Enter save · Esc cancel · u undoes afterwards"
        case .normal:
            switch s.focus {
            case .meetings: keys = "↑↓ move · Enter open · v transcript · p people Δ changes · b board · i import · ? help"
            case .entities: keys = "↑↓ move · Enter timeline · / s t o filter · R m d u correct · b board · ? help"
            case .detail: keys = "↑↓ move · Enter open · v transcript · e state · R m d u correct · Esc back · ? help"
            }
        }
        screen.write(" " + keys, x: 0, y: r.y, maxWidth: r.width, style: style)
    }

    static func drawTooSmall(_ screen: inout Screen, _ s: AppState) {
        let lines = ["Terminal too small", "need \(AppState.minWidth)×\(AppState.minHeight), have \(s.width)×\(s.height)", "enlarge it or press q"]
        for (i, l) in lines.enumerated() {
            let y = s.height / 2 - 1 + i
            screen.write(l, x: max(0, (s.width - DisplayWidth.of(l)) / 2), y: y, style: Style(bold: i == 0))
        }
    }

    /// "/home/ana/x" → "~/x": paths read better short.
    static func tilde(_ path: String) -> String {
        let home = NSHomeDirectory()
        return path.hasPrefix(home + "/") ? "~" + path.dropFirst(home.count) : path
    }
}
