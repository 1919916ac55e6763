import ArgumentParser
import Foundation
import SmartMeetCore

struct AskCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ask", abstract: "Ask a question in plain English (\"what is blocked?\").",
        discussion: AskCommand.questionKinds)

    /// What `ask` understands, for --help (the README lists the same).
    static let questionKinds = """
        Questions it understands (names go through the same matching as import: aliases, short forms, small typos):
          status of X · who owns X · when is X due · what happened with X / history of X / when did X get blocked
          what is blocked / at risk / on hold / done / cancelled / proposed / planned / in progress
          what was blocked on DATE (as of a day)
          what does PERSON own · what is unowned
          what changed in the last meeting / since DATE / between DATE and DATE / in the NAME meeting
          what is due this week / before DATE · what is overdue
          how many features are done · by state / owner / type · what changed most often
          what has not been mentioned for N meetings
          what did we say about TOPIC (answered from search, with speaker and meeting)
        """

    @Flag(help: "Print {intent, answer, headline, entities, rows, evidence, sources} as JSON.")
    var json = false

    @Argument(help: "The question.")
    var question: [String]

    func run() throws {
        let store = try GlobalOptions.openStore()
        let engine = QueryEngine(store: store, search: SearchSetup.search(store))
        let q = question.joined(separator: " ")
        var answer = try engine.ask(q)
        if let llm = try LLMSetup.client(store: store) {
            // The model may phrase the headline; the quotes and facts listed under it stay.
            let composed = LLMAnswerer(client: llm).compose(question: q, offline: answer)
            if composed.answer != answer.answer { answer = answer.rephrased(composed.answer) }
            LLMSetup.finish(llm, store: store)
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            Output.json(try encoder.encode(answer))
        } else {
            // The headline, then each listed quote or change on its own line.
            for line in answer.answer.split(separator: "\n") { Output.line(String(line)) }
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
