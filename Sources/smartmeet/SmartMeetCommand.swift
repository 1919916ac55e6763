import ArgumentParser
import Foundation
import SmartMeetCore

struct SmartMeetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "smartmeet",
        abstract: "Turns meeting transcripts into a living record of a team's work.",
        discussion: """
            Global options (anywhere on the line): --db PATH (default $SMARTMEET_DB, else \
            $XDG_DATA_HOME/smartmeet/smartmeet.db), --llm off|auto|on.
            With no subcommand in a terminal, opens the full-screen app.
            """,
        version: SmartMeetVersion.string,
        subcommands: [AppCommand.self, IngestCommand.self, GenerateCommand.self, BenchCommand.self, StatsCommand.self, ExportCommand.self, AskCommand.self, SearchCommand.self,
                      MeetingsCommand.self, EntitiesCommand.self, TimelineCommand.self, ExtractCommand.self,
                      EntityCommand.self, StateCommand.self, UndoCommand.self, CorrectionsCommand.self, ReportCommand.self, EmbedCommand.self]
    )

    func run() throws {
        try AppCommand.launch()
    }
}

@main
enum Main {
    static func main() {
        let args = GlobalOptions.extract(from: Array(CommandLine.arguments.dropFirst()))
        startLog()
        let log = AppLog.logger("cli")
        // The subcommand only: paths and questions after it may be private.
        log.info("started", metadata: ["command": "\(args.first { !$0.hasPrefix("-") } ?? "app")", "version": "\(SmartMeetVersion.string)"])
        do {
            var command = try SmartMeetCommand.parseAsRoot(args)
            try command.run()
        } catch let e as Store.OpenError {
            log.error("stopped", metadata: ["reason": "\(e.description)"])
            Output.error("smartmeet: \(e.description)")
            Foundation.exit(2)
        } catch {
            let code = SmartMeetCommand.exitCode(for: error)
            let reason = SmartMeetCommand.message(for: error)
            if code != .success {
                // A bare exit status (say, 1 after a failed file) was explained by the lines before it.
                if reason.isEmpty { log.notice("finished", metadata: ["exit": "\(code.rawValue)"]) }
                else { log.error("stopped", metadata: ["reason": "\(reason)", "exit": "\(code.rawValue)"]) }
            }
            SmartMeetCommand.exit(withError: error)
        }
    }

    /// The log is best kept, never required: a log that cannot be opened is one warning.
    static func startLog() {
        do {
            try AppLog.start(echo: GlobalOptions.verbose)
        } catch {
            Output.error("warning: \(error) — carrying on without a log")
        }
    }
}
