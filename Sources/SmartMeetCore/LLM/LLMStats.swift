import Foundation
import GRDB

/// Counters for `smartmeet stats` and the app: calls, retries, failures by kind, cache
/// hits, breaker state and time per pipeline stage.
public final class LLMStats: @unchecked Sendable {
    private let lock = NSLock()
    public private(set) var calls = 0
    public private(set) var retries = 0
    public private(set) var failures: [String: Int] = [:]
    public private(set) var cacheHits = 0
    public private(set) var cacheMisses = 0
    public private(set) var fallbacksToRules = 0
    public private(set) var stageSeconds: [String: Double] = [:]

    public init() {}

    func add(_ f: (LLMStats) -> Void) { lock.lock(); f(self); lock.unlock() }
    func call() { add { $0.calls += 1 } }
    func retry() { add { $0.retries += 1 } }
    func fail(_ kind: String) { add { $0.failures[kind, default: 0] += 1 } }
    func hit() { add { $0.cacheHits += 1 } }
    func miss() { add { $0.cacheMisses += 1 } }
    func fellBack() { add { $0.fallbacksToRules += 1 } }
    public func time(_ stage: String, _ seconds: Double) { add { $0.stageSeconds[stage, default: 0] += seconds } }

    public var cacheHitRate: Double {
        lock.lock(); defer { lock.unlock() }
        return cacheHits + cacheMisses == 0 ? 0 : Double(cacheHits) / Double(cacheHits + cacheMisses)
    }

    public func summary(breaker: CircuitBreaker.State) -> [String: String] {
        lock.lock(); defer { lock.unlock() }
        var out: [String: String] = ["calls": "\(calls)", "retries": "\(retries)", "cache_hits": "\(cacheHits)",
                                     "cache_misses": "\(cacheMisses)", "breaker": breaker.rawValue,
                                     "chunks_from_rules": "\(fallbacksToRules)"]
        for (k, v) in failures { out["failures_\(k)"] = "\(v)" }
        for (k, v) in stageSeconds { out["seconds_\(k)"] = String(format: "%.3f", v) }
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
