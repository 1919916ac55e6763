import ArgumentParser
import Foundation
import SmartMeetCore

/// `smartmeet entity rename|merge|dismiss|restore`: the user's corrections to entities.
struct EntityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "entity", abstract: "Correct an entity: rename, merge, dismiss or restore it.",
        discussion: """
            Corrections are kept as your own records over what the extractor found, survive \
            re-importing and re-resolving the meetings, are marked in timelines and carry \
            "by": "user" in export --json. `smartmeet undo` takes back the last one.
            """,
        subcommands: [Rename.self, Merge.self, Dismiss.self, Restore.self])

    struct Rename: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Give an entity the name you use for it.")
        @Argument(help: "The entity (name, alias or short form).") var entity: String
        @Argument(help: "Its new name.") var newName: String

        func run() throws {
            let store = try GlobalOptions.openStore()
            let e = try CorrectionCLI.entity(entity, in: store)
            try CorrectionCLI.report { try Corrections(store: store).rename(e.id, to: newName) }
        }
    }

    struct Merge: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Merge an entity into another: one entity, both histories and aliases, the second one's name.")
        @Argument(help: "The entity to merge away.") var entity: String
        @Argument(help: "The entity it becomes part of.") var into: String

        func run() throws {
            let store = try GlobalOptions.openStore()
            let from = try CorrectionCLI.entity(entity, in: store)
            let target = try CorrectionCLI.entity(into, in: store)
            try CorrectionCLI.report { try Corrections(store: store).merge(from.id, into: target.id) }
        }
    }

    struct Dismiss: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Hide a junk entity everywhere (lists, answers, board, report, export); `entity restore` brings it back.")
        @Argument(help: "The entity.") var entity: String

        func run() throws {
            let store = try GlobalOptions.openStore()
            let e = try CorrectionCLI.entity(entity, in: store)
            try CorrectionCLI.report { try Corrections(store: store).dismiss(e.id) }
        }
    }

    struct Restore: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Bring back a dismissed entity.")
        @Argument(help: "The dismissed entity.") var entity: String

        func run() throws {
            let store = try GlobalOptions.openStore()
            let e = try CorrectionCLI.entity(entity, in: store, dismissed: true)
            try CorrectionCLI.report { try Corrections(store: store).restore(e.id) }
        }
    }
}

/// `smartmeet state set ENTITY --meeting M STATE [--owner NAME] [--due DATE]`.
struct StateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "state", abstract: "Correct what an entity's state, owner or due date was at a meeting.",
        subcommands: [Set.self])

    struct Set: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Set or clear an entity's state, owner or due date at one meeting.",
            discussion: """
                STATE is one of \(EntityState.allCases.map(\.rawValue).joined(separator: ", ")), or none to say \
                the meeting stated nothing about it. --owner none / --due none clear what that meeting said. \
                Example: smartmeet state set "portal relaunch" --meeting 2026-02-09 blocked --owner "Dev Patel"
                """)
        @Argument(help: "The entity (name, alias or short form).") var entity: String
        @Option(help: "The meeting: its date (YYYY-MM-DD), file name, id (m12) or words of its title.") var meeting: String
        @Argument(help: "The state, or none.") var state: String?
        @Option(help: "The owner named at that meeting, or none.") var owner: String?
        @Option(help: "The due date given at that meeting (YYYY-MM-DD), or none.") var due: String?

        func validate() throws {
            if state == nil && owner == nil && due == nil { throw ValidationError("give a state, --owner or --due") }
        }

        func run() throws {
            var words: [String] = []
            if let state { words.append(state) }
            if let owner { words.append("owner " + owner) }
            if let due { words.append("due " + due) }
            let (edit, problem) = StateEdit.parse(words.joined(separator: " "))
            guard let edit else { throw ValidationError(problem ?? "cannot read the correction") }
            let store = try GlobalOptions.openStore()
            let e = try CorrectionCLI.entity(entity, in: store)
            let corrections = Corrections(store: store)
            try CorrectionCLI.report {
                let m = try corrections.meeting(matching: meeting)
                return try corrections.setState(e.id, meetingId: m.id, edit)
            }
        }
    }
}

struct UndoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "undo", abstract: "Undo the last correction still in force.")

    func run() throws {
        let store = try GlobalOptions.openStore()
        try CorrectionCLI.report { try Corrections(store: store).undo() }
    }
}

struct CorrectionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "corrections", abstract: "List your corrections, newest first.")

    func run() throws {
        let list = try Corrections(store: try GlobalOptions.openStore()).list()
        if list.isEmpty { Output.line("No corrections yet.") }
        for c in list { Output.line("\(c.createdAt.prefix(10))  \(c.summary)\(c.undone ? "  (undone)" : "")") }
    }
}

enum CorrectionCLI {
    /// An entity from a name as people type it, through the same matching as questions.
    static func entity(_ phrase: String, in store: Store, dismissed: Bool = false) throws -> EntitySummary {
        let all = try StoreReader(store: store).entities(includeDismissed: dismissed).filter { $0.dismissed == dismissed }
        let linker = EntityLinker(entities: all)
        if let e = all.first(where: { $0.name.lowercased() == phrase.lowercased() }) ?? linker.link(phrase) { return e }
        let close = linker.closest(phrase, limit: 3).map(\.name)
        Output.error("smartmeet: no \(dismissed ? "dismissed " : "")entity called \"\(phrase)\"" + (close.isEmpty ? "" : "; closest: \(close.joined(separator: ", "))"))
        throw ExitCode(1)
    }

    /// Runs a correction and prints what it did, or the one sentence why it cannot.
    static func report(_ body: () throws -> CorrectionResult) throws {
        do {
            Output.line(try body().message)
        } catch let e as CorrectionError {
            Output.error("smartmeet: \(e.description)")
            throw ExitCode(1)
        }
    }
}
