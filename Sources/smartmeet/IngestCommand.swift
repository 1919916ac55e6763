import ArgumentParser
import Foundation
import SmartMeetCore

struct IngestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Import transcript files or folders (.txt .md .vtt .srt .json).",
        discussion: "Exit status 0 when every file imported or was already imported, 1 when any failed.")

    @Argument(help: "Files or folders to import.")
    var paths: [String]

    @Flag(name: .shortAndLong, help: "Print only failures and the summary.")
    var quiet = false

    @Flag(help: "Do not wait for the search vectors: the app, or the next ingest, computes the rest.")
    var indexLater = false

    func run() throws {
        let store = try GlobalOptions.openStore(creating: true)
        let llm = try LLMSetup.client(store: store)
        let indexer = SearchSetup.indexer(store: store, quiet: quiet)
        let pipeline = llm.map { IngestPipeline(store: store, extractor: LLMExtractor(client: $0), extractorName: "llm+rules", indexer: indexer) }
            ?? IngestPipeline(store: store, indexer: indexer)
        defer { LLMSetup.finish(llm, store: store) }
        let summary = pipeline.ingest(paths: paths) { event in
            switch event {
            case .imported(let file, _, let title, let date, let states):
                if !quiet { Output.line("imported \(file): \(title), \(date), \(states) states") }
            case .duplicate(let file):
                if !quiet { Output.line("\(file): already imported") }
            case .failed(_, let message):
                Output.error("error: \(message)")
            case .started:
                break
            }
        }
        Output.line("\(summary.imported) imported, \(summary.duplicates) already imported, \(summary.failures.count) failed")
        // Turns left without vectors by an earlier, interrupted run are picked up too.
        indexer.notify()
        if indexLater {
            indexer.stop()
        } else {
            SearchSetup.finishIndexing(indexer)
        }
        if !summary.ok { throw ExitCode(1) }
    }
}

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "export", abstract: "Print the whole store.")

    @Flag(help: "JSON (the format of FORMAT.md).")
    var json = false

    func run() throws {
        let store = try GlobalOptions.openStore()
        Output.json(try Exporter(store: store).json())
    }
}

struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract", abstract: "Show what the offline extractor finds in one file, without storing it.")

    @Argument var path: String

    @Flag(help: "Also print the parsed turns.")
    var turns = false

    func run() throws {
        let t = try TranscriptLoader().load(path: path)
        if turns {
            for turn in t.turns { Output.line("#\(turn.index) [\(turn.section ?? "")] \(turn.speaker): \(turn.text)") }
        }
        let ex = RuleExtractor().extract(t)
        Output.line("\(t.title) — \(t.date) — \(t.turns.count) turns — people: \(ex.people.joined(separator: ", "))")
        for s in ex.states {
            let e = ex.entities[s.entity]
            Output.line("  \(e.name)\(e.isGeneric ? " (generic)" : "") [\(e.type.rawValue)] = \(s.state.rawValue)"
                        + (s.owner.map { " owner=\($0)" } ?? "") + (s.due.map { " due=\($0)" } ?? "")
                        + (e.aliases.isEmpty ? "" : " aliases=\(e.aliases)") + (e.anchor.map { " anchor=\($0)" } ?? ""))
            Output.line("      \"\(s.evidence)\"")
        }
    }
}
