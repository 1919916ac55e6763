import ArgumentParser
import Foundation
import SmartMeetCore

struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate", abstract: "Write a synthetic meeting series (for load tests and demos).")

    @Option(help: "How many meetings.") var meetings = 50
    @Option(help: "How many distinct entities.") var entities = 40
    @Option(help: "Entities whose status each meeting states.") var perMeeting = 8
    @Argument(help: "Folder to write into.") var folder: String

    func run() throws {
        var corpus = SyntheticCorpus(meetings: meetings, entities: entities, perMeeting: perMeeting)
        let paths = try corpus.write(to: folder)
        Output.line("wrote \(paths.count) meetings to \(folder)")
    }
}
