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
                      EntityCommand.self, StateCommand.self, UndoCommand.self, CorrectionsCommand.self, ReportCommand.self]
    )

    func run() throws {
        try AppCommand.launch()
    }
}

@main
enum Main {
    static func main() {
        let args = GlobalOptions.extract(from: Array(CommandLine.arguments.dropFirst()))
        do {
            var command = try SmartMeetCommand.parseAsRoot(args)
            try command.run()
        } catch let e as Store.OpenError {
            Output.error("smartmeet: \(e.description)")
            Foundation.exit(2)
        } catch {
            SmartMeetCommand.exit(withError: error)
        }
    }
}
