import ArgumentParser
import Foundation
import SmartMeetCore

/// Chooses the extractor and answerer from `--llm` and the configuration.
enum LLMSetup {
    static func client(store: Store) throws -> LLMClient? {
        let (config, warnings) = LLMConfig.load(mode: GlobalOptions.llmMode)
        for w in warnings {
            Output.error("warning: \(w)")
            AppLog.logger("config").warning("\(w)")
        }
        switch config.mode {
        case .off: return nil
        case .auto: return config.isConfigured ? LLMClient(config: config, cache: store) : nil
        case .on:
            guard config.isConfigured else {
                Output.error("smartmeet: --llm on needs a model endpoint: set [llm] base_url and models in \(LLMConfig.defaultPath()) or SMARTMEET_LLM_BASE_URL and SMARTMEET_LLM_MODELS")
                throw ExitCode(2)
            }
            return LLMClient(config: config, cache: store)
        }
    }

    static func finish(_ client: LLMClient?, store: Store) {
        guard let client else { return }
        try? client.stats.persist(to: store, breaker: client.breaker.state)
    }
}

struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "stats", abstract: "Counts in the store and language-model call statistics.")

    func run() throws {
        let store = try GlobalOptions.openStore()
        let counts = try store.pool.read { db in
            try ["meetings", "turns", "entities", "states", "transitions", "llm_cache"].map { t in
                (t, try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(t)") ?? 0)
            }
        }
        for (t, n) in counts { Output.line("\(t): \(n)") }
        let search = EmbedderSetup.choose()
        Output.line("search embedder: \(search.summary)")
        if let p = try? VectorIndexer(store: store, embedder: search.embedder).progress() {
            Output.line("search vectors: \(p.indexed) of \(p.total) turns indexed (\(search.embedder.name))"
                        + (search.embedder.computesInline && p.indexed < p.total ? "; the rest are computed when searched" : ""))
        }
        let (config, _) = LLMConfig.load(mode: GlobalOptions.llmMode)
        Output.line("llm mode: \(config.mode.rawValue)\(config.isConfigured ? ", endpoint \(config.baseURL!), models \(config.models.joined(separator: " → "))" : ", no endpoint configured")")
        let totals = try LLMStats.totals(in: store)
        if totals.isEmpty { Output.line("llm: no calls recorded") }
        for (k, v) in totals { Output.line("llm \(k): \(v)") }
        let hits = Double(totals.first { $0.0 == "cache_hits" }?.1 ?? "0") ?? 0
        let misses = Double(totals.first { $0.0 == "cache_misses" }?.1 ?? "0") ?? 0
        if hits + misses > 0 { Output.line(String(format: "llm cache hit rate: %.0f%%", 100 * hits / (hits + misses))) }
        let value = { (k: String) in Double(totals.first { $0.0 == k }?.1 ?? "0") ?? 0 }
        if value("calls") > 0 { Output.line(String(format: "llm latency per call: %.2f s (the server's time, without queueing)", value("seconds_call") / value("calls"))) }
        if value("chunks") > 0 { Output.line(String(format: "llm time per chunk: %.2f s (with queueing, retries and cache hits)", value("seconds_llm") / value("chunks"))) }
        if value("states_proposed") > 0 {
            let reasons = totals.filter { $0.0.hasPrefix("states_dropped_") }.map { "\($0.0.dropFirst(15)) \($0.1)" }
            Output.line("llm states: \(Int(value("states_proposed"))) proposed, \(Int(value("states_kept"))) kept, "
                        + "\(Int(value("states_proposed") - value("states_kept"))) dropped" + (reasons.isEmpty ? "" : " (\(reasons.joined(separator: ", ")))"))
        }
        for (model, record) in try ModelTrial.all(in: store) {
            Output.line("llm auto, \(model): \(ModelTrial.describe(record))")
        }
    }
}
