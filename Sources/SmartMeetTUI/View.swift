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
        drawMeetings(&screen, s, layout.meetings)
        drawEntities(&screen, s, layout.entities)
        drawDetail(&screen, s, layout.detail)
        if let p = layout.progress, let progress = s.importing { drawProgress(&screen, progress, p) }
        drawPrompt(&screen, s, layout.prompt)
        drawStatus(&screen, s, layout.status)
        if s.mode == .picker || s.mode == .pickerPath { PickerView.draw(&screen, s) }
        if s.mode == .help { drawHelp(&screen, s) }
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

    static func short(_ iso: String?) -> String {
        guard let iso, let d = CalendarDay(iso: iso) else { return "" }
        return String(CalendarDay.monthNames[d.month - 1].prefix(3)).capitalized + " \(d.day)"
    }

    static func drawTitle(_ screen: inout Screen, _ s: AppState, _ r: Rect) {
        let style = Style(fg: .statusText, bg: .status, bold: true)
        screen.fill(x: r.x, y: r.y, width: r.width, height: 1, style: style)
        let db = tilde(s.databasePath)
        let right = "\(s.meetings.count) meetings · \(s.entities.filter { $0.state != nil }.count) entities · theme \(s.theme.name) · LLM \(s.llmMode)\(s.searchStatus.isEmpty ? "" : " · " + s.searchStatus) "
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
        for row in 0..<inner.height {
            let i = s.meetingCursor.offset + row
            guard i < s.meetings.count else { break }
            let m = s.meetings[i]
            let selected = i == s.meetingCursor.index
            let style = selected ? Style(fg: .selectionText, bg: s.focus == .meetings ? .selection : .border, bold: true) : Style()
            if selected { screen.fill(x: inner.x, y: inner.y + row, width: inner.width, height: 1, style: style) }
            let tail = " \(m.speakers)p \(m.changes)Δ"
            let x = inner.x + screen.write(short(m.date).padding(toLength: 7, withPad: " ", startingAt: 0), x: inner.x, y: inner.y + row, style: selected ? style : Style(fg: .muted))
            let tailWidth = DisplayWidth.of(tail)
            screen.write(DisplayWidth.truncate(m.title, inner.width - 7 - tailWidth), x: x, y: inner.y + row, style: style)
            screen.write(tail, x: inner.x + inner.width - tailWidth, y: inner.y + row, style: selected ? style : Style(fg: .muted))
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
        let badgeWidth = 14
        let ownerWidth = inner.width >= 50 ? 12 : 0
        let dueWidth = inner.width >= 40 ? 7 : 0
        let nameWidth = max(6, inner.width - badgeWidth - ownerWidth - dueWidth - 1)
        var header = "Name".padding(toLength: nameWidth, withPad: " ", startingAt: 0) + " " + "State".padding(toLength: badgeWidth, withPad: " ", startingAt: 0)
        if ownerWidth > 0 { header += "Owner".padding(toLength: ownerWidth, withPad: " ", startingAt: 0) }
        if dueWidth > 0 { header += "Due" }
        screen.write(header, x: inner.x, y: inner.y, maxWidth: inner.width, style: Style(fg: .muted, underline: true))
        if list.isEmpty {
            screen.write(s.entities.isEmpty ? "Nothing tracked yet" : "Nothing matches the filter (Esc clears)", x: inner.x + 1, y: inner.y + 1, maxWidth: inner.width - 1, style: Style(fg: .muted))
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
            screen.write(DisplayWidth.truncate(e.name, nameWidth), x: inner.x, y: y, style: base)
            var badgeStyle = stateStyle(e.state)
            if selected { badgeStyle.bg = base.bg }
            screen.write(badge(e.state), x: inner.x + nameWidth + 1, y: y, maxWidth: badgeWidth - 1, style: badgeStyle)
            var x = inner.x + nameWidth + 1 + badgeWidth
            if ownerWidth > 0 {
                screen.write(DisplayWidth.truncate(e.owner?.split(separator: " ").first.map(String.init) ?? "", ownerWidth - 1), x: x, y: y, style: selected ? base : Style(fg: .muted))
                x += ownerWidth
            }
            if dueWidth > 0 { screen.write(short(e.due), x: x, y: y, maxWidth: dueWidth, style: selected ? base : Style(fg: .muted)) }
        }
    }

    static func drawDetail(_ screen: inout Screen, _ s: AppState, _ r: Rect) {
        let inner = r.inner
        switch s.detail {
        case nil:
            box(&screen, r, title: "Timeline", focused: s.focus == .detail)
            placeholder(&screen, "Select an entity to see its timeline, or press : to ask a question.", inner)
        case .entity(let e, let timeline)?:
            box(&screen, r, title: "Timeline — \(e.name)", focused: s.focus == .detail)
            var head = "\(e.type.rawValue) · \(e.state?.spoken ?? "")"
            if let o = e.owner { head += " · owner \(o)" }
            if let d = e.due { head += " · due \(short(d))" }
            screen.write(head, x: inner.x + 1, y: inner.y, maxWidth: inner.width - 1, style: Style(fg: .muted))
            let rows = timeline.map { t -> (String, EntityState, String) in
                var line = "\(short(t.date).padding(toLength: 7, withPad: " ", startingAt: 0))"
                if let f = t.from { line += "\(f.spoken) → " }
                return (line, t.state, "“\(t.evidence)” — \(t.meetingTitle)\(t.owner.map { ", \($0)" } ?? "")\(t.due.map { ", due \(short($0))" } ?? "")")
            }
            drawTwoLineRows(&screen, s, inner, rows)
        case .meeting(let m)?:
            box(&screen, r, title: "Meeting — \(m.meeting.title)", focused: s.focus == .detail)
            let who = m.attendees.isEmpty ? "" : " · " + m.attendees.joined(separator: ", ")
            screen.write("\(m.meeting.date) · \(m.meeting.source)\(who)", x: inner.x + 1, y: inner.y, maxWidth: inner.width - 1, style: Style(fg: .muted))
            let rows = m.rows.map { row -> (String, EntityState, String) in
                ("\(DisplayWidth.truncate(row.name, max(8, inner.width / 2))): " + (row.from.map { "\($0.spoken) → " } ?? ""), row.state, "“\(row.evidence)”")
            }
            drawTwoLineRows(&screen, s, inner, rows)
        case .answer(let q, let a)?:
            box(&screen, r, title: "Answer", focused: s.focus == .detail)
            var y = inner.y
            screen.write("? " + q, x: inner.x + 1, y: y, maxWidth: inner.width - 1, style: Style(fg: .accent, bold: true))
            y += 1
            for line in wrap(a.answer, inner.width - 2) where y < inner.y + inner.height - 1 {
                screen.write(line, x: inner.x + 1, y: y, maxWidth: inner.width - 1)
                y += 1
            }
            y += 1
            for (i, e) in a.entities.enumerated() where y < inner.y + inner.height {
                let selected = i == s.detailCursor.index && s.focus == .detail
                let style = selected ? Style(fg: .selectionText, bg: .selection, bold: true) : Style()
                if selected { screen.fill(x: inner.x, y: y, width: inner.width, height: 1, style: style) }
                let used = screen.write(DisplayWidth.truncate("• " + e.name, inner.width - 17) + "  ", x: inner.x + 1, y: y, style: style)
                var st = stateStyle(e.state.flatMap(EntityState.init(rawValue:)))
                if selected { st.bg = .selection }
                screen.write(badge(e.state.flatMap(EntityState.init(rawValue:))), x: inner.x + 1 + used, y: y, maxWidth: 14, style: st)
                y += 1
            }
        }
    }

    static func placeholder(_ screen: inout Screen, _ text: String, _ inner: Rect, top: Int = 0) {
        for (i, line) in wrap(text, inner.width - 2).enumerated() where top + i < inner.height {
            screen.write(line, x: inner.x + 1, y: inner.y + top + i, maxWidth: inner.width - 1, style: Style(fg: .muted))
        }
    }

    static func drawTwoLineRows(_ screen: inout Screen, _ s: AppState, _ inner: Rect, _ rows: [(String, EntityState, String)]) {
        let visible = max(1, (inner.height - 2) / 2)
        for row in 0..<visible {
            let i = s.detailCursor.offset + row
            guard i < rows.count else { break }
            let y = inner.y + 2 + row * 2
            let selected = i == s.detailCursor.index && s.focus == .detail
            let base = selected ? Style(fg: .selectionText, bg: .selection, bold: true) : Style()
            if selected { screen.fill(x: inner.x, y: y, width: inner.width, height: 1, style: base) }
            let used = screen.write(rows[i].0, x: inner.x + 1, y: y, maxWidth: inner.width - 1, style: base)
            var st = stateStyle(rows[i].1)
            if selected { st.bg = .selection }
            screen.write(badge(rows[i].1), x: inner.x + 1 + used, y: y, maxWidth: max(0, inner.width - 1 - used), style: st)
            screen.write(rows[i].2, x: inner.x + 3, y: y + 1, maxWidth: inner.width - 3, style: Style(fg: .muted))
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
        default:
            if let p = s.pending {
                screen.write("asking: \(p) …", x: 1, y: r.y, maxWidth: r.width - 2, style: Style(fg: .muted))
            } else if let m = s.message {
                screen.write(m, x: 1, y: r.y, maxWidth: r.width - 2, style: Style(fg: .accent))
            } else if let report = s.lastImport, !report.failures.isEmpty {
                screen.write("Failed: " + report.failures.joined(separator: " · "), x: 1, y: r.y, maxWidth: r.width - 2, style: Style(fg: .error))
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
        case .picker: keys = "Space select · a all · Enter import/open · ← up · / type path · . hidden · * all files · I whole folder · Esc close"
        case .pickerPath: keys = "Enter go/import · Esc back"
        case .normal:
            switch s.focus {
            case .meetings: keys = "↑↓ jk move · Enter open meeting · Tab pane · : ask · / filter · i import · T theme · ? help · q quit"
            case .entities: keys = "↑↓ jk move · Enter timeline · / filter · s state · t type · o sort · : ask · i import · ? help · q quit"
            case .detail: keys = "↑↓ jk move · Enter open · Esc back · Tab pane · : ask · ? help · q quit"
            }
        }
        screen.write(" " + keys, x: 0, y: r.y, maxWidth: r.width, style: style)
    }

    static let helpLines: [(String, String)] = [
        ("Tab / Shift-Tab", "next / previous pane"), ("h l ← →", "pane left / right"), ("j k ↑ ↓", "move"),
        ("g G Home End", "first / last"), ("PgUp PgDn", "page"), ("Enter", "open: meeting, timeline, or jump to meeting"),
        ("Esc", "back out, clear filters"), (":", "ask a question (↑↓ history)"), ("/", "filter entities by text"),
        ("s", "cycle state filter"), ("t", "cycle type filter"), ("o", "sort by name, last change, due"),
        ("i", "import from the file picker"), ("x", "cancel a running import"), ("T", "next colour theme"),
        ("r", "reload from the database"), ("mouse", "click focuses and selects, wheel scrolls"), ("?", "this help"),
        ("q  Ctrl-C", "quit"),
    ]

    static func drawHelp(_ screen: inout Screen, _ s: AppState) {
        let w = min(s.width - 4, 64)
        let h = min(s.height - 2, helpLines.count + 4)
        let r = Rect(x: (s.width - w) / 2, y: (s.height - h) / 2, width: w, height: h)
        screen.fill(x: r.x, y: r.y, width: r.width, height: r.height, style: Style())
        box(&screen, r, title: "Keys", focused: true)
        for (i, (k, v)) in helpLines.enumerated() where i < r.height - 3 {
            screen.write(k, x: r.x + 2, y: r.y + 1 + i, maxWidth: 18, style: Style(fg: .accent, bold: true))
            screen.write(v, x: r.x + 21, y: r.y + 1 + i, maxWidth: r.width - 23)
        }
        screen.write("any key closes", x: r.x + 2, y: r.y + r.height - 2, style: Style(fg: .muted))
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

    static func wrap(_ text: String, _ width: Int) -> [String] {
        guard width > 4 else { return [text] }
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ") {
            let candidate = current.isEmpty ? String(word) : current + " " + word
            if DisplayWidth.of(candidate) > width, !current.isEmpty {
                lines.append(current)
                current = String(word)
            } else {
                current = candidate
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }
}
