import Foundation
import GRDB

/// `smartmeet bench`: generates a corpus with known truth, imports it, and measures import
/// latency and throughput, query and search latency, first-frame time and memory, against
/// a floor of the same rows written with plain prepared statements.
public struct Benchmark {
    public struct Options {
        public var meetings = 10_000
        public var entities = 400
        public var perMeeting = 8
        public var queryRuns = 60
        /// Reuse the store a previous run left in `directory`: measure queries, search and
        /// the first frame only, and one query's embedding (for tuning those without a
        /// ten-minute import).
        public var reuse = false
        public var directory: String
        public init(directory: String) { self.directory = directory }
    }

    public struct Figure: Codable {
        public var name: String
        public var value: Double
        public var unit: String
        public var target: String?
    }

    public var options: Options
    public var figures: [Figure] = []
    public var progress: (String) -> Void = { _ in }
    /// Times the app's first frame; the terminal app lives in another module.
    public var firstFrame: ((Store) throws -> Void)?

    public init(options: Options) { self.options = options }

    mutating func add(_ name: String, _ value: Double, _ unit: String, target: String? = nil) {
        figures.append(Figure(name: name, value: (value * 100).rounded() / 100, unit: unit, target: target))
        progress(String(format: "%-46@ %10.2f %@", name as NSString, value, unit as NSString))
    }

    static func ms(_ block: () throws -> Void) rethrows -> Double {
        let t0 = DispatchTime.now().uptimeNanoseconds
        try block()
        return Double(DispatchTime.now().uptimeNanoseconds - t0) / 1_000_000
    }

    static func percentile(_ xs: [Double], _ p: Double) -> Double {
        guard !xs.isEmpty else { return 0 }
        let s = xs.sorted()
        return s[min(s.count - 1, Int((Double(s.count - 1) * p).rounded()))]
    }

    /// Peak and current resident memory in MB, from /proc (Linux).
    static func memory() -> (peak: Double, current: Double) {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return (0, 0) }
        func field(_ key: String) -> Double {
            guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix(key) }) else { return 0 }
            return (Double(line.split(separator: " ").dropFirst().first ?? "0") ?? 0) / 1024
        }
        return (field("VmHWM:"), field("VmRSS:"))
    }

    func meeting(entities: Int, seed: UInt64) throws -> Transcript {
        var c = SyntheticCorpus(meetings: 1, entities: entities, perMeeting: entities, seed: seed)
        let m = c.meetings()[0]
        return try TranscriptLoader().parse(data: Data(m.text.utf8), name: "single-\(entities)-\(seed).txt", format: .txt)
    }

    public mutating func run() throws {
        let fm = FileManager.default
        let dir = options.directory
        let bulkPath = "\(dir)/bulk.db"
        var corpus = SyntheticCorpus(meetings: options.meetings, entities: options.entities, perMeeting: options.perMeeting)
        if options.reuse, fm.fileExists(atPath: bulkPath) {
            let meetings = corpus.meetings()
            if let model = try? EmbedderSetup.model(at: EmbedderSetup.modelDirectory()).get() { measureQueryEmbedding(model, corpus) }
            try measureReads(try Store(path: bulkPath), corpus: corpus, lastDate: meetings.last!.date)
            return
        }
        try? fm.removeItem(atPath: options.directory)
        try fm.createDirectory(atPath: options.directory, withIntermediateDirectories: true)

        // 0. The sentence-embedding model on its own.
        try measureEmbedding(corpus)

        // 1. One meeting into an empty store.
        for k in [10, 50, 100] {
            let store = try Store(path: "\(dir)/empty-\(k).db")
            let pipeline = IngestPipeline(store: store)
            let t = try meeting(entities: k, seed: UInt64(k))
            let ms = try Self.ms { _ = try pipeline.ingest(t) }
            let states = try store.pool.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM states") } ?? 0
            add("import 1 meeting, \(k) entities, empty store", ms, "ms", target: k == 100 ? "≤ 50 ms" : nil)
            if states < k * 9 / 10 { progress("  warning: only \(states) of \(k) states recovered") }
        }
        add("peak memory after single imports", Self.memory().peak, "MB")

        // 2. Bulk import with known truth.
        let corpusDir = "\(dir)/corpus"
        let meetings = corpus.meetings()
        try fm.createDirectory(atPath: corpusDir, withIntermediateDirectories: true)
        for m in meetings { try m.text.write(toFile: "\(corpusDir)/\(m.fileName)", atomically: false, encoding: .utf8) }
        let bulk = try Store(path: bulkPath)
        let pipeline = IngestPipeline(store: bulk)
        var lastReport = 0
        let total = meetings.count
        let progressOut = progress
        var summary = IngestSummary()
        let bulkMs = Self.ms {
            summary = pipeline.ingest(paths: [corpusDir]) { event in
                if case .started(_, let i, _) = event, i * 10 / max(1, total) > lastReport {
                    lastReport = i * 10 / max(1, total)
                    progressOut("  imported \(i)/\(total)")
                }
            }
            _ = bulk
        }
        guard summary.ok else { throw BenchError(message: "bulk import failed: \(summary.failures.prefix(3))") }
        add("bulk import, \(total) meetings", bulkMs / 1000, "s")
        add("bulk import throughput", Double(total) / (bulkMs / 1000), "meetings/s", target: "≥ 200")
        add("peak memory after bulk import", Self.memory().peak, "MB", target: "≤ 250 MB")

        // 3. Ground truth recovered.
        let recovered = try truthRecovered(bulk, meetings)
        add("ground-truth states recovered", recovered * 100, "%")

        // 4. One meeting into the full store, then again while the indexer computes the
        // bulk import's vectors behind it (it should not slow imports down).
        for k in [10, 50, 100] {
            let t = try meeting(entities: k, seed: UInt64(1000 + k))
            var shifted = t
            shifted.date = CalendarDay(iso: meetings.last!.date.iso)!.adding(days: 7 + k).iso
            let ms = try Self.ms { _ = try IngestPipeline(store: bulk).ingest(shifted) }
            add("import 1 meeting, \(k) entities, store of \(total)", ms, "ms", target: k == 100 ? "≤ 50 ms" : nil)
        }
        try measureIndexing(bulk, corpus: corpus, after: meetings.last!.date)

        try measureReads(bulk, corpus: corpus, lastDate: meetings.last!.date)

        // 8. Floor: the same rows with plain prepared statements in one transaction.
        let floorMs = try floor(from: bulkPath, to: "\(dir)/floor.db")
        add("floor: same rows, prepared statements, 1 transaction", floorMs / 1000, "s")
        add("import time / floor", bulkMs / max(floorMs, 0.001), "×")
    }

    /// Queries per intent, hybrid search and the first frame, on a full store.
    mutating func measureReads(_ bulk: Store, corpus: SyntheticCorpus, lastDate: CalendarDay) throws {
        let total = try bulk.pool.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM meetings") } ?? 0
        // 5. Queries.
        let engine = QueryEngine(store: bulk, search: HybridSearch(store: bulk))
        let names = (0..<min(options.entities, 50)).map { corpus.entityName($0) }
        let intents: [(String, (Int) -> String, String)] = [
            ("status", { "what's the status of the \(names[$0 % names.count])?" }, "≤ 5 ms"),
            ("timeline", { "what happened with the \(names[$0 % names.count])?" }, "≤ 5 ms"),
            ("list by state", { _ in "what is blocked?" }, nil),
            ("changes since", { _ in "what changed since \(lastDate.adding(days: -60).spoken)?" }, "≤ 50 ms"),
            ("counts", { _ in "how many are completed?" }, "≤ 50 ms"),
            ("as of", { _ in "what was at risk on \(lastDate.adding(days: -200).spoken)?" }, nil),
        ].map { ($0.0, $0.1, $0.2 ?? "") }
        for (name, question, target) in intents {
            var samples: [Double] = []
            for i in 0..<options.queryRuns {
                let q = question(i)
                samples.append(try Self.ms { _ = try engine.ask(q) })
            }
            add("query \(name) p50", Self.percentile(samples, 0.5), "ms")
            add("query \(name) p95", Self.percentile(samples, 0.95), "ms", target: target.isEmpty ? nil : target)
            add("query \(name) p99", Self.percentile(samples, 0.99), "ms")
        }
        add("peak memory after queries", Self.memory().peak, "MB")

        // 6. Hybrid search, the query's embedding included.
        let turns = try bulk.pool.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM turns") } ?? 0
        let search = HybridSearch(store: bulk, embedder: searchEmbedder)
        let warm = try Self.ms { _ = try search.search("warm up the index", limit: 10) }
        add("search index load, \(turns) turns", warm, "ms")
        var samples: [Double] = []
        let words = ["legal", "vendor", "timeline", "shipped", "proposal", "budget", "quarter", "dashboard", "migration", "paused"]
        for i in 0..<options.queryRuns {
            let q = "\(words[i % words.count]) \(names[i % names.count]) \(words[(i * 7) % words.count])"
            samples.append(try Self.ms { _ = try search.search(q, limit: 10) })
        }
        add("hybrid search p50, \(turns) turns", Self.percentile(samples, 0.5), "ms")
        add("hybrid search p95, \(turns) turns", Self.percentile(samples, 0.95), "ms", target: "≤ 25 ms")
        if let vectors = try? bulk.pool.read({ try search.loadedVectors($0) }) {
            add("search vectors in memory (\(vectors.count) × \(vectors.dimension), int8)", Double(vectors.bytes) / 1_048_576, "MB")
        }
        add("peak memory after search (\(searchEmbedder.name) loaded)", Self.memory().peak, "MB", target: "≤ 300 MB")

        // 7. First frame.
        if let frame = firstFrame {
            let ms = try Self.ms { try frame(bulk) }
            add("first frame, \(total) meetings", ms, "ms", target: "≤ 300 ms")
        }
    }

    /// The embedder search uses: the model when installed, else the hashed fallback.
    var searchEmbedder: Embedder {
        (try? EmbedderSetup.model(at: EmbedderSetup.modelDirectory()).get()) ?? HashingEmbedder()
    }

    /// Turns a second through the model on every core, on the corpus's own turns.
    mutating func measureEmbedding(_ corpus: SyntheticCorpus) throws {
        guard let model = try? EmbedderSetup.model(at: EmbedderSetup.modelDirectory()).get() else {
            progress("  sentence-embedding model not installed (scripts/install-model.sh): model figures skipped, search uses hashed vectors")
            return
        }
        var c = corpus
        let texts = Array(c.meetings().prefix(200).flatMap { m in
            m.text.split(separator: "\n").compactMap { line in line.firstIndex(of: ":").map { String(line[line.index(after: $0)...]) } }
        }.prefix(1500))
        let tokens = texts.map(model.tokenizer.encode)
        _ = model.embed(tokens: Array(tokens.prefix(50)), threads: 1)
        let ms = Self.ms { _ = model.embed(tokens: tokens, threads: ProcessInfo.processInfo.activeProcessorCount) }
        add("embedding throughput, \(texts.count) turns, \(ProcessInfo.processInfo.activeProcessorCount) threads", Double(texts.count) / (ms / 1000), "turns/s", target: "≥ 150")
        add("embedding tokens per turn (mean)", Double(tokens.map(\.count).reduce(0, +)) / Double(max(1, tokens.count)), "tokens")
        measureQueryEmbedding(model, corpus)
        add("peak memory with the model loaded", Self.memory().peak, "MB")
    }

    /// One short question at a time, as search embeds it.
    mutating func measureQueryEmbedding(_ model: MiniLMEmbedder, _ corpus: SyntheticCorpus) {
        _ = model.embed(["warm up"])
        let one = (0..<options.queryRuns).map { i in Self.ms { _ = model.embed(["what did we decide about the \(corpus.entityName(i))?"]) } }
        add("embedding one query p50", Self.percentile(one, 0.5), "ms")
        add("embedding one query p95", Self.percentile(one, 0.95), "ms")
    }

    /// Imports while the background indexer works through the bulk store, then waits for it.
    mutating func measureIndexing(_ bulk: Store, corpus: SyntheticCorpus, after last: CalendarDay) throws {
        let embedder = searchEmbedder
        let indexer = VectorIndexer(store: bulk, embedder: embedder)
        let pending = try indexer.progress()
        let started = DispatchTime.now().uptimeNanoseconds
        indexer.notify()
        // Imports with the indexer at work between them, then the same number once it is
        // idle: the medians should match, since the indexer gives way to imports.
        let runs = 9
        let pipeline = IngestPipeline(store: bulk, indexer: indexer)
        var busy: [Double] = []
        for i in 0..<runs {
            usleep(150_000)
            var t = try meeting(entities: 100, seed: UInt64(2000 + i))
            t.date = last.adding(days: 200 + i).iso
            busy.append(try Self.ms { _ = try pipeline.ingest(t) })
        }
        add("import 1 meeting, 100 entities, indexer running (median of \(runs))", Self.percentile(busy, 0.5), "ms", target: "≤ 50 ms")
        indexer.waitUntilIdle()
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        let done = try indexer.progress()
        let quiet = IngestPipeline(store: bulk)
        var idle: [Double] = []
        for i in 0..<runs {
            var t = try meeting(entities: 100, seed: UInt64(3000 + i))
            t.date = last.adding(days: 300 + i).iso
            idle.append(try Self.ms { _ = try quiet.ingest(t) })
        }
        add("import 1 meeting, 100 entities, no indexer (median of \(runs))", Self.percentile(idle, 0.5), "ms")
        indexer.notify()
        indexer.waitUntilIdle()
        add("background indexing, \(done.indexed - pending.indexed) turns (\(embedder.name))", seconds, "s")
        if let f = indexer.failure { progress("  indexer stopped early: \(f)") }
    }

    func truthRecovered(_ store: Store, _ meetings: [SyntheticCorpus.Meeting]) throws -> Double {
        try store.pool.read { db in
            var byName: [String: Int64] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT entity_id, normalized FROM aliases") { byName[row["normalized"]] = row["entity_id"] }
            var got: [String: String] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT entity_id, meeting_date, state FROM states") {
                got["\(row["entity_id"] as Int64)@\(row["meeting_date"] as String)"] = row["state"]
            }
            var ok = 0, n = 0
            for m in meetings {
                for (name, state) in m.truth {
                    n += 1
                    if let id = byName[NameMatcher.normalize(name)], got["\(id)@\(m.date.iso)"] == state.rawValue { ok += 1 }
                }
            }
            return n == 0 ? 1 : Double(ok) / Double(n)
        }
    }

    /// Copies every row smartmeet stored into a fresh database with the same schema, with
    /// prepared statements in a single transaction: the least any importer could spend.
    func floor(from source: String, to target: String) throws -> Double {
        try? FileManager.default.removeItem(atPath: target)
        let src = try DatabaseQueue(path: source)
        let dst = try Store(path: target)
        let tables = ["meetings", "turns", "extractions", "people", "entities", "aliases", "alias_tokens", "mentions", "states", "transitions"]
        var data: [String: (columns: [String], rows: [[DatabaseValue]])] = [:]
        try src.read { db in
            for t in tables {
                let columns = try db.columns(in: t).map(\.name)
                let rows = try Row.fetchAll(db, sql: "SELECT * FROM \(t)").map { row in columns.map { row[$0] as DatabaseValue } }
                data[t] = (columns, rows)
            }
        }
        return try Self.ms {
            try dst.pool.write { db in
                for t in tables {
                    guard let (columns, rows) = data[t] else { continue }
                    let stmt = try db.makeStatement(sql: "INSERT INTO \(t) (\(columns.joined(separator: ","))) VALUES (\(columns.map { _ in "?" }.joined(separator: ",")))")
                    for r in rows { try stmt.execute(arguments: StatementArguments(r)) }
                    if t == "turns" {
                        let fts = try db.makeStatement(sql: "INSERT INTO turns_fts (rowid, text, speaker) VALUES (?, ?, ?)")
                        let ti = columns.firstIndex(of: "text")!, si = columns.firstIndex(of: "speaker")!, ii = columns.firstIndex(of: "id")!
                        for r in rows { try fts.execute(arguments: [r[ii], r[ti], r[si]]) }
                    }
                }
            }
        }
    }
}

public struct BenchError: Error, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}
