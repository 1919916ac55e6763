import ArgumentParser
import Foundation
import SmartMeetCore

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "A status report: what changed, what is blocked or at risk (with the quote), what is overdue, who owns what.",
        discussion: "The same content as the app's board (key b), your corrections applied. --md for Markdown to paste into a chat or a wiki.")

    @Option(help: "Changes from this day on (YYYY-MM-DD); default: the last meeting.")
    var since: String?

    @Flag(help: "Markdown instead of plain text.")
    var md = false

    func validate() throws {
        if let since, CalendarDay(iso: since) == nil { throw ValidationError("--since \"\(since)\" is not a date like 2026-03-02") }
    }

    func run() throws {
        let store = try GlobalOptions.openStore()
        let report = StatusReport(board: try StatusBoard.load(store), since: since.flatMap(CalendarDay.init(iso:)))
        print(report.render(markdown: md), terminator: "")
    }
}
