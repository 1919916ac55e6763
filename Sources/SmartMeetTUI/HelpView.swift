import Foundation

/// The keys, in a box that wraps long explanations and scrolls when it is taller than
/// the terminal.
enum HelpView {
    static func draw(_ screen: inout Screen, _ s: AppState) {
        let w = min(s.width - 2, 78)
        let keyWidth = 16
        var lines: [(String, String)] = []
        for (k, v) in View.helpLines {
            for (i, part) in TextWrap.wrap(v, w - keyWidth - 5).enumerated() { lines.append((i == 0 ? k : "", part)) }
        }
        let h = min(s.height - 2, lines.count + 3)
        let r = Rect(x: (s.width - w) / 2, y: (s.height - h) / 2, width: w, height: h)
        screen.fill(x: r.x, y: r.y, width: r.width, height: r.height, style: Style())
        View.box(&screen, r, title: "Keys", focused: true)
        let rows = r.height - 3
        let top = min(s.helpScroll, max(0, lines.count - rows))
        for (i, (k, v)) in lines.dropFirst(top).prefix(rows).enumerated() {
            screen.write(k, x: r.x + 2, y: r.y + 1 + i, maxWidth: keyWidth, style: Style(fg: .accent, bold: true))
            screen.write(v, x: r.x + 3 + keyWidth, y: r.y + 1 + i, maxWidth: r.width - keyWidth - 5)
        }
        let more = top + rows < lines.count ? "↓ j more · " : ""
        screen.write(more + "any other key closes", x: r.x + 2, y: r.y + r.height - 2, maxWidth: r.width - 4, style: Style(fg: .muted))
    }
}

extension View {
    static let helpLines: [(String, String)] = [
        ("Tab / Shift-Tab", "next / previous pane"), ("h l ← →", "pane left / right"), ("j k ↑ ↓", "move"),
        ("g G Home End", "first / last"), ("PgUp PgDn", "page"),
        ("Enter", "open: a meeting, an entity's timeline; on a timeline row, an answer's quote or a board cell, the transcript where it was said"),
        ("v", "the transcript of the selected row or meeting"),
        ("Esc", "back to the pane or view you came from; clears filters"),
        (":", "ask a question (↑↓ history)"), ("/", "filter entities by name, alias or owner"),
        ("s t o", "cycle the state filter, the type filter, the sort (name, last change, due)"),
        ("b", "the board: entities down, meetings across, the state at each meeting"),
        ("R", "rename the selected entity"), ("m", "merge the selected entity into another (type its name)"),
        ("d", "dismiss a junk entity (hidden everywhere); on a dismissed one, restore it"),
        ("D", "show dismissed entities too"), ("e", "set or clear the state, owner or due date at a timeline row's meeting or a board cell"),
        ("u", "undo the last correction"),
        ("in a transcript", "n N next / previous mention (or search match), / search, Esc back"),
        ("i", "import from the file picker (● marks files that look like meetings)"), ("x", "cancel a running import"),
        ("f", "the last import's failures, with the reasons"), ("T", "next colour theme (yours in ~/.config/smartmeet/themes)"),
        ("r", "reload from the database"), ("mouse", "click focuses and selects, wheel scrolls"),
        ("5p 5Δ", "in the meetings list: 5 people spoke, 5 changes of state (new or changed)"),
        ("? q Ctrl-C", "this help, quit"),
    ]
}
