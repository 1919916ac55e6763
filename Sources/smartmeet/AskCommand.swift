import ArgumentParser
import Foundation
import SmartMeetCore

struct AskCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ask", abstract: "Ask a question in plain English (\"what is blocked?\").")

    @Flag(help: "Print {intent, answer, entities, rows, evidence} as JSON.")
    var json = false

    @Argument(help: "The question.")
    var question: [String]

    func run() throws {
        let store = try GlobalOptions.openStore()
        let engine = QueryEngine(store: store, search: SearchSetup.search(store))
        let q = question.joined(separator: " ")
        var answer = try engine.ask(q)
        if let llm = try LLMSetup.client(store: store) {
            answer = LLMAnswerer(client: llm).compose(question: q, offline: answer)
            LLMSetup.finish(llm, store: store)
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            Output.json(try encoder.encode(answer))
        } else {
            Output.line(answer.answer)
        }
    }
}

struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "search", abstract: "Search what was said (hybrid BM25 + vectors).")

    @Flag(help: "Print {hits: [{source, turn, text, score, relevance, vectorRank, bm25Rank, cosine, …}]} as JSON.")
    var json = false

    @Flag(help: ArgumentHelp("Also return hits under the relevance floor (for calibrating it).", visibility: .hidden))
    var all = false

    @Option(help: "How many hits.")
    var limit = 10

    @Option(help: "Only this imported file (base name).")
    var source: String?

    @Argument var query: [String]

    func run() throws {
        let store = try GlobalOptions.openStore()
        let q = query.joined(separator: " ")
        let result = try HybridSearch(store: store, embedder: SearchSetup.choice().embedder, applyFloor: !all).find(q, limit: limit, source: source)
        let hits = result.hits
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            Output.json(try encoder.encode(result))
        } else {
            if hits.isEmpty { Output.line("Nothing in these meetings is about \"\(q)\".") }
            for h in hits {
                Output.line("\(h.date) \(h.meetingTitle) #\(h.turn) \(h.speaker): \(h.text.prefix(200))  (relevance \(String(format: "%.2f", h.relevance)))")
            }
        }
    }
}
