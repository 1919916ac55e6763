import Foundation

/// A status report for pasting into a chat or a wiki, from the same board the app draws:
/// what changed since a date, what is blocked or at risk (with the quote), what is
/// overdue, and who owns what. Markdown, or the same content as plain text.
public struct StatusReport: Sendable {
    public let board: StatusBoard
    /// Changes from this day on; the latest meeting's day when nil.
    public let since: CalendarDay?

    public init(board: StatusBoard, since: CalendarDay? = nil) {
        self.board = board
        self.since = since
    }

    private static let closed: Set<EntityState> = [.completed, .cancelled]

    public func render(markdown: Bool) -> String {
        guard let last = board.meetings.last, let reference = CalendarDay(iso: last.date) else {
            return markdown ? "# Status report\n\nNo meetings are imported yet.\n" : "Status report\n\nNo meetings are imported yet.\n"
        }
        let from = since ?? reference
        var out: [String] = []
        func heading(_ text: String, level: Int) {
            if !out.isEmpty { out.append("") }
            if markdown { out.append(String(repeating: "#", count: level) + " " + text) } else {
                out.append(text)
                out.append(String(repeating: level == 1 ? "=" : "-", count: text.count))
            }
        }
        func item(_ text: String) { out.append("- " + text) }
        func name(_ e: EntitySummary) -> String { markdown ? "**\(Self.escape(e.name))**" : e.name }
        func quote(_ c: StatusBoard.Cell) -> String {
            let m = board.meetings[c.meeting]
            let said = [c.speaker, m.title, Self.day(m.date)].compactMap { $0 }.joined(separator: ", ")
            let text = markdown ? Self.escape(c.evidence) : c.evidence
            return c.evidence == CorrectionLayer.userEvidence ? "(set by you at \(m.title), \(Self.day(m.date)))" : "“\(text)” (\(said))"
        }

        heading("Status report — \(reference.spoken), \(reference.year)", level: 1)
        let first = board.meetings.first.map { Self.day($0.date) } ?? ""
        out.append("")
        out.append("\(board.meetings.count) meetings from \(first) to \(Self.day(last.date)); \(board.rows.count) things tracked.")

        heading(since == nil ? "What changed at the last meeting (\(reference.spoken))" : "What changed since \(from.spoken)", level: 2)
        var changes = 0
        for (i, m) in board.meetings.enumerated() where m.date >= from.iso {
            for row in board.rows {
                guard let (c, stated) = row.cell(at: i), stated, c.changed else { continue }
                let before = row.cell(at: i - 1)?.cell.state
                let move = before.map { "\($0.spoken) → \(c.state.spoken)" } ?? "new, \(c.state.spoken)"
                item("\(name(row.entity)): \(move) — \(quote(c))\(c.byUser ? " (edited)" : "")")
                changes += 1
            }
        }
        if changes == 0 { out.append("Nothing changed.") }

        heading("Blocked or at risk", level: 2)
        let troubled = board.rows.filter { $0.entity.state == .blocked || $0.entity.state == .at_risk }
        for row in troubled {
            // The quote from when it became blocked or at risk, not a later restatement.
            guard let now = row.cells.last else { continue }
            let start = row.cells.last { $0.changed && $0.state == now.state } ?? now
            var line = "\(name(row.entity)) — \(now.state.spoken) since \(Self.day(board.meetings[start.meeting].date))"
            if let o = row.entity.owner { line += ", owner \(o)" }
            item(line + ": " + quote(start))
        }
        if troubled.isEmpty { out.append("Nothing is blocked or at risk.") }

        heading("Overdue (as of \(reference.spoken))", level: 2)
        let overdue = board.rows.filter { r in
            guard let d = r.entity.due, let s = r.entity.state, !Self.closed.contains(s) else { return false }
            return d < reference.iso
        }.sorted { ($0.entity.due ?? "") < ($1.entity.due ?? "") }
        for row in overdue {
            item("\(name(row.entity)) — due \(Self.day(row.entity.due ?? "")), \(row.entity.state?.spoken ?? "")" + (row.entity.owner.map { ", owner \($0)" } ?? ""))
        }
        if overdue.isEmpty { out.append("Nothing is overdue.") }

        heading("Who owns what", level: 2)
        let open = board.rows.filter { !Self.closed.contains($0.entity.state ?? .completed) }
        let byOwner = Dictionary(grouping: open) { $0.entity.owner ?? "" }
        for owner in byOwner.keys.sorted(by: { ($0.isEmpty ? 1 : 0, $0) < ($1.isEmpty ? 1 : 0, $1) }) {
            let things = byOwner[owner]!.map { r in
                "\(markdown ? Self.escape(r.entity.name) : r.entity.name) (\(r.entity.state?.spoken ?? "")\(r.entity.due.map { ", due \(Self.day($0))" } ?? ""))"
            }
            let who = owner.isEmpty ? "No owner named" : owner
            item("\(markdown ? "**\(Self.escape(who))**" : who): " + things.joined(separator: "; "))
        }
        if open.isEmpty { out.append("Nothing is open.") }
        return TextSanitizer.clean(out.joined(separator: "\n")) + "\n"
    }

    static func day(_ iso: String) -> String { CalendarDay(iso: iso)?.spoken ?? iso }

    /// Characters Markdown would read as formatting, escaped.
    static func escape(_ s: String) -> String {
        var out = ""
        for ch in s {
            if "\\`*_[]<>|#".contains(ch) { out.append("\\") }
            out.append(ch)
        }
        return out
    }
}
