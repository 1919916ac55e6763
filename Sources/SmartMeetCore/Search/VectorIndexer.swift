import Foundation
import GRDB
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Computes sentence vectors for stored turns in the background, in batches, and
/// persists them in `turn_embeddings`. Import never waits for it: the pipeline stores a
/// meeting and calls `notify()`. Work is found in the database (turns without a vector
/// for this model), so a killed run resumes where it stopped, and search uses whatever is
/// indexed so far. Worker threads run at a lower priority (nice 10), so the interface
/// running beside them keeps the cores, and they give way to imports altogether: while
/// one meeting is analysed and written, or each meeting of a folder is written
/// (`givingWay(to:)`), they wait between small sub-batches, so an import takes as long
/// with the indexer behind it as without.
public final class VectorIndexer: Sendable {
    public let store: Store
    public let embedder: Embedder
    public let threads: Int
    public let batchSize: Int
    let lowPriority: Bool
    let onProgress: @Sendable (Progress) -> Void

    public struct Progress: Sendable, Equatable {
        public var indexed: Int
        public var total: Int
        public var running: Bool
        public var fraction: Double { total == 0 ? 1 : Double(indexed) / Double(total) }
        public init(indexed: Int, total: Int, running: Bool) {
            self.indexed = indexed
            self.total = total
            self.running = running
        }
    }

    struct State {
        var workers = 0
        /// New turns were stored while workers ran: look again before stopping.
        var wanted = false
        var stopping = false
        /// Turns with ids up to here have been claimed; ids only grow, so new work is above.
        var cursor: Int64 = 0
        var indexed = 0
        var total = 0
        var failure: String?
    }

    private let state = Mutex(State())
    /// Imports running now; workers wait while it is above zero.
    private let foreground = Mutex(0)
    /// Turns the sentence model embeds between two looks at `foreground`: about 30 ms of one
    /// core, so an import that starts mid-batch waits at most that long for the core. (Other
    /// embedders take a whole batch in one call and look only between batches.)
    static let subBatch = 8
    private let idle = DispatchSemaphore(value: 0)
    private let waiters = Mutex(0)

    public init(store: Store, embedder: Embedder, threads: Int? = nil, batchSize: Int = 64, lowPriority: Bool = true,
                onProgress: @escaping @Sendable (Progress) -> Void = { _ in }) {
        self.store = store
        self.embedder = embedder
        self.threads = threads ?? (embedder is MiniLMEmbedder ? max(1, ProcessInfo.processInfo.activeProcessorCount) : 1)
        self.batchSize = batchSize
        self.lowPriority = lowPriority
        self.onProgress = onProgress
    }

    /// Counts from the database: turns with a vector of this model, and all turns.
    public func progress() throws -> Progress {
        let (indexed, total) = try store.pool.read { db in
            (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM turn_embeddings WHERE model = ?", arguments: [embedder.name]) ?? 0,
             try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM turns") ?? 0)
        }
        return Progress(indexed: indexed, total: total, running: state.withLock { $0.workers > 0 })
    }

    /// The last error a worker hit (the database went away, the endpoint failed), if any.
    public var failure: String? { state.withLock { $0.failure } }

    /// There may be new turns: start the workers, or have the running ones look again.
    public func notify() {
        let start: Int = state.withLock { s in
            if s.stopping { return 0 }
            if s.workers > 0 { s.wanted = true; return 0 }
            s.workers = threads
            s.wanted = false
            return threads
        }
        guard start > 0 else { return }
        if let p = try? progress() { state.withLock { $0.indexed = p.indexed; $0.total = p.total } }
        for _ in 0..<start {
            let t = Thread { [self] in
                if lowPriority { Self.lowerPriority() }
                work()
            }
            t.name = "smartmeet.indexer"
            t.start()
        }
    }

    /// Runs an import with the workers paused: they finish the sub-batch they are on and
    /// wait until no import is running. Never call `waitUntilIdle()` or `stop()`'s wait
    /// from inside `body`: the paused workers would not finish.
    public func givingWay<T>(to body: () throws -> T) rethrows -> T {
        foreground.withLock { $0 += 1 }
        defer { foreground.withLock { $0 -= 1 } }
        return try body()
    }

    /// Waits while an import runs (or until asked to stop).
    private func waitForForeground() {
        while foreground.withLock({ $0 > 0 }), !state.withLock({ $0.stopping }) {
            usleep(2_000)
        }
    }

    /// Blocks until every stored turn has a vector (or the workers stop on an error).
    public func waitUntilIdle() {
        while state.withLock({ $0.workers > 0 }) {
            waiters.withLock { $0 += 1 }
            _ = idle.wait(timeout: .now() + 0.5)
        }
    }

    /// Asks the workers to stop after their current batch and waits for them.
    public func stop() {
        state.withLock { $0.stopping = true }
        waitUntilIdle()
    }

    /// Indexes what is pending on the calling thread; returns the number of turns written.
    @discardableResult
    public func indexNow() throws -> Int {
        var written = 0
        state.withLock { $0.cursor = 0 }
        while let batch = try claim() {
            written += try index(batch, yielding: false)
        }
        return written
    }

    private func work() {
        while true {
            waitForForeground()
            let batch: [(id: Int64, text: String)]?
            do { batch = try claim() } catch {
                state.withLock { $0.failure = Store.describe(error) }
                batch = nil
            }
            guard let batch else { break }
            do { _ = try index(batch) } catch {
                state.withLock { $0.failure = "\(error)" }
                break
            }
        }
        let last = state.withLock { s -> Bool in
            s.workers -= 1
            return s.workers == 0
        }
        if last {
            let n = waiters.withLock { w -> Int in let n = w; w = 0; return n }
            for _ in 0..<max(n, 1) { idle.signal() }
            onProgress(Progress(indexed: state.withLock { $0.indexed }, total: state.withLock { $0.total }, running: false))
        }
    }

    /// The next turns without a vector for this model, claimed so no other worker takes them.
    private func claim() throws -> [(id: Int64, text: String)]? {
        try state.withLock { s -> [(id: Int64, text: String)]? in
            if s.stopping { return nil }
            while true {
                let rows = try store.pool.read { db in
                    try Row.fetchAll(db, sql: """
                        SELECT t.id, t.text FROM turns t WHERE t.id > ? AND NOT EXISTS
                          (SELECT 1 FROM turn_embeddings e WHERE e.model = ? AND e.turn_id = t.id)
                        ORDER BY t.id LIMIT ?
                        """, arguments: [s.cursor, embedder.name, batchSize]).map { (id: $0["id"] as Int64, text: $0["text"] as String) }
                }
                if let last = rows.last {
                    s.cursor = last.id
                    return rows
                }
                guard s.wanted else { return nil }
                s.wanted = false
                s.total = (try? store.pool.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM turns") }) ?? s.total
            }
        }
    }

    /// Vectors of recently seen texts: meetings repeat "Okay.", "Yeah.", "Thanks." thousands
    /// of times, and each needs the model only once.
    private let recent = Mutex([String: [Float]]())
    static let recentLimit = 4096

    /// `yielding`: a worker waits while an import runs; `indexNow`'s caller is the import's
    /// own thread or a script, and does not.
    private func index(_ batch: [(id: Int64, text: String)], yielding: Bool = true) throws -> Int {
        var known = recent.withLock { cache in batch.map { cache[$0.text] } }
        let missing = Array(Set(batch.indices.filter { known[$0] == nil }.map { batch[$0].text }))
        var fresh: [[Float]] = []
        if let m = embedder as? MiniLMEmbedder {
            // Each worker is one thread of the parallelism; the batch stays on it.
            for start in stride(from: 0, to: missing.count, by: Self.subBatch) {
                if yielding { waitForForeground() }
                let part = missing[start..<min(missing.count, start + Self.subBatch)]
                fresh += m.embed(tokens: part.map(m.tokenizer.encode), threads: 1)
            }
        } else if !missing.isEmpty {
            fresh = try embedder.embed(missing)
        }
        let byText = Dictionary(zip(missing, fresh), uniquingKeysWith: { a, _ in a })
        recent.withLock { cache in
            if cache.count + byText.count > Self.recentLimit { cache.removeAll(keepingCapacity: true) }
            cache.merge(byText) { a, _ in a }
        }
        for i in batch.indices where known[i] == nil { known[i] = byText[batch[i].text] }
        let vectors = known.map { $0 ?? [] }
        let written = try store.pool.write { db -> Int in
            let insert = try db.cachedStatement(sql: "INSERT OR IGNORE INTO turn_embeddings (turn_id, model, vector) VALUES (?, ?, ?)")
            for (turn, v) in zip(batch, vectors) {
                try insert.execute(arguments: [turn.id, embedder.name, QuantizedVector(v).blob])
            }
            return batch.count
        }
        let p = state.withLock { s -> Progress in
            s.indexed += written
            s.total = max(s.total, s.indexed)
            return Progress(indexed: s.indexed, total: s.total, running: true)
        }
        onProgress(p)
        return written
    }

    /// Nice 10 for this thread only (Linux keeps the nice value per thread): an import or
    /// the interface at the normal priority gets about nine tenths of a shared core.
    private static func lowerPriority() {
        #if canImport(Glibc)
        _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, 10)
        #endif
    }
}
