import Foundation
import GRDB
import Synchronization

/// Counters for `smartmeet stats` and the app: calls, retries, failures by kind, cache
/// hits, breaker state and time per pipeline stage.
public final class LLMStats: Sendable {
    struct Counters {
        var calls = 0
        var retries = 0
        var failures: [String: Int] = [:]
        var cacheHits = 0
        var cacheMisses = 0
        var fallbacksToRules = 0
        var stageSeconds: [String: Double] = [:]
        var chunks = 0
        var proposed = 0
        var kept = 0
        var dropped: [String: Int] = [:]
    }

    private let counters = Mutex(Counters())

    public init() {}

    private func add(_ f: (inout Counters) -> Void) { counters.withLock { f(&$0) } }
    func call() { add { $0.calls += 1 } }
    func retry() { add { $0.retries += 1 } }
    func fail(_ kind: String) { add { $0.failures[kind, default: 0] += 1 } }
    func hit() { add { $0.cacheHits += 1 } }
    func miss() { add { $0.cacheMisses += 1 } }
    func fellBack() { add { $0.fallbacksToRules += 1 } }
    func chunk() { add { $0.chunks += 1 } }
    func grounded(_ r: Grounding.Report) {
        add { c in
            c.proposed += r.proposed
            c.kept += r.kept
            for (reason, n) in r.dropped { c.dropped[reason.rawValue, default: 0] += n }
        }
    }
    public func time(_ stage: String, _ seconds: Double) { add { $0.stageSeconds[stage, default: 0] += seconds } }

    public var calls: Int { counters.withLock { $0.calls } }
    public var retries: Int { counters.withLock { $0.retries } }
    public var failures: [String: Int] { counters.withLock { $0.failures } }
    public var cacheHits: Int { counters.withLock { $0.cacheHits } }
    public var cacheMisses: Int { counters.withLock { $0.cacheMisses } }
    public var fallbacksToRules: Int { counters.withLock { $0.fallbacksToRules } }
    public var stageSeconds: [String: Double] { counters.withLock { $0.stageSeconds } }
    /// Chunks sent to the model (answered from the cache or not), the states it proposed, those kept, those dropped by reason.
    public var chunks: Int { counters.withLock { $0.chunks } }
    public var proposed: Int { counters.withLock { $0.proposed } }
    public var kept: Int { counters.withLock { $0.kept } }
    public var dropped: [String: Int] { counters.withLock { $0.dropped } }

    public var cacheHitRate: Double {
        counters.withLock { c in
            c.cacheHits + c.cacheMisses == 0 ? 0 : Double(c.cacheHits) / Double(c.cacheHits + c.cacheMisses)
        }
    }

    public func summary(breaker: CircuitBreaker.State) -> [String: String] {
        let c = counters.withLock { $0 }
        var out: [String: String] = ["calls": "\(c.calls)", "retries": "\(c.retries)", "cache_hits": "\(c.cacheHits)",
                                     "cache_misses": "\(c.cacheMisses)", "breaker": breaker.rawValue,
                                     "chunks_from_rules": "\(c.fallbacksToRules)", "chunks": "\(c.chunks)",
                                     "states_proposed": "\(c.proposed)", "states_kept": "\(c.kept)"]
        for (k, v) in c.dropped { out["states_dropped_\(k)"] = "\(v)" }
        for (k, v) in c.failures { out["failures_\(k)"] = "\(v)" }
        for (k, v) in c.stageSeconds { out["seconds_\(k)"] = String(format: "%.3f", v) }
        return out
    }
}

extension LLMStats {
    /// Adds this run's counters to the totals kept in the database (`smartmeet stats`).
    public func persist(to store: Store, breaker: CircuitBreaker.State) throws {
        let values = summary(breaker: breaker)
        try store.pool.write { db in
            for (k, v) in values {
                if k == "breaker" {
                    try db.execute(sql: "INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)", arguments: ["llm.breaker", v])
                    continue
                }
                let old = Double(try String.fetchOne(db, sql: "SELECT value FROM settings WHERE key = ?", arguments: ["llm." + k]) ?? "0") ?? 0
                let add = Double(v) ?? 0
                let total = k.hasPrefix("seconds_") ? String(format: "%.3f", old + add) : String(Int(old + add))
                try db.execute(sql: "INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)", arguments: ["llm." + k, total])
            }
        }
    }

    public static func totals(in store: Store) throws -> [(String, String)] {
        try store.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT key, value FROM settings WHERE key LIKE 'llm.%' ORDER BY key").map {
                (String(($0["key"] as String).dropFirst(4)), $0["value"] as String)
            }
        }
    }
}
