import ArgumentParser
import Foundation
import SmartMeetCore

struct MeetingsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "meetings", abstract: "List meetings, newest first.")

    func run() throws {
        let reader = StoreReader(store: try GlobalOptions.openStore())
        for m in try reader.meetings() {
            Output.line("\(m.date)  \(m.title)  (\(m.source); \(m.speakers) speakers, \(m.changes) changes)")
        }
    }
}

struct EntitiesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "entities", abstract: "List tracked entities with their current state.")

    @Option(help: "Only entities in this state (e.g. blocked, in_progress).")
    var state: String?

    @Option(help: "Only entities of this type (project, feature, …).")
    var type: String?

    func validate() throws {
        if let s = state, EntityState(rawValue: s.replacingOccurrences(of: " ", with: "_")) == nil {
            throw ValidationError("unknown state \"\(s)\"; use one of \(EntityState.allCases.map(\.rawValue).joined(separator: ", "))")
        }
    }

    func run() throws {
        let reader = StoreReader(store: try GlobalOptions.openStore())
        let wanted = state.flatMap { EntityState(rawValue: $0.replacingOccurrences(of: " ", with: "_")) }
        for e in try reader.entities() where e.state != nil {
            if let w = wanted, e.state != w { continue }
            if let t = type, e.type.rawValue != t { continue }
            var line = "\(e.name) [\(e.type.rawValue)]: \(e.state?.spoken ?? "-")"
            if let o = e.owner { line += ", owner \(o)" }
            if let d = e.due { line += ", due \(d)" }
            Output.line(line)
        }
    }
}

struct TimelineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "timeline", abstract: "Show an entity's states over time.")

    @Argument(help: "Entity name, alias or short form.")
    var name: [String]

    func run() throws {
        let store = try GlobalOptions.openStore()
        let reader = StoreReader(store: store)
        let query = name.joined(separator: " ")
        let linker = try EntityLinker(entities: reader.entities())
        guard let e = linker.link(query) else {
            let close = linker.closest(query, limit: 3).map(\.name)
            Output.line("No entity called \"\(query)\"." + (close.isEmpty ? "" : " Closest: \(close.joined(separator: ", ")).") )
            throw ExitCode(1)
        }
        Output.line("\(e.name) [\(e.type.rawValue)]")
        for t in try reader.timeline(entityId: e.id) {
            var line = "  \(t.date)  \(t.from.map { "\($0.spoken) → " } ?? "")\(t.state.spoken)  — \(t.meetingTitle)"
            if let o = t.owner { line += "; owner \(o)" }
            if let d = t.due { line += "; due \(d)" }
            if t.byUser { line += " (edited" + (t.extractorState.map { "; the extractor said \($0.spoken)" } ?? "") + ")" }
            Output.line(line)
            Output.line("      \"\(t.evidence)\"")
        }
    }
}
