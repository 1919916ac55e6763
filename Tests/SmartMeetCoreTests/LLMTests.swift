import Synchronization
import XCTest
import GRDB
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
@testable import SmartMeetCore

/// The language-model path against a real HTTP server on 127.0.0.1 (Tests/Support/
/// fake_openai.py, started here) that injects faults: 400, 429 with Retry-After, 500, a
/// response slower than the timeout, malformed JSON, a truncated body, wrong-shaped JSON.
final class LLMTests: XCTestCase {
    static let key = "sk-test-\(UUID().uuidString)"
    static let keyEnv = "SMARTMEET_TEST_LLM_KEY"
    static let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../sample-meetings").standardized.path
    static let serverScript = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../Support/fake_openai.py").standardized.path

    final class Server {
        let process = Process()
        let port: Int
        init(script: [String: Any]) throws {
            let path = TestSupport.temporaryDirectory() + "/script.json"
            try JSONSerialization.data(withJSONObject: script).write(to: URL(fileURLWithPath: path))
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3", LLMTests.serverScript, path]
            let out = Pipe()
            process.standardOutput = out
            try process.run()
            let line = String(decoding: out.fileHandleForReading.availableData, as: UTF8.self)
            port = Int(line.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
        }
        var base: String { "http://127.0.0.1:\(port)/v1" }
        func stats() throws -> [String: Any] {
            let data = try Data(contentsOf: URL(string: "http://127.0.0.1:\(port)/stats")!)
            return try JSONSerialization.jsonObject(with: data) as! [String: Any]
        }
        deinit { process.terminate() }
    }

    func config(_ base: String) -> LLMConfig {
        var c = LLMConfig()
        c.mode = .on
        c.baseURL = base
        c.models = ["primary-model", "fallback-model"]
        c.apiKeyEnv = Self.keyEnv
        c.timeoutSeconds = 1
        c.maxRetries = 3
        c.breakerThreshold = 6
        return c
    }

    /// What a perfect model would say: the rule extractor's named states, as JSON.
    func scripted() throws -> (responses: [String: String], expected: Set<String>) {
        var responses: [String: String] = [:]
        var expected = Set<String>()
        for name in try FileManager.default.contentsOfDirectory(atPath: Self.samples) {
            let t = try TranscriptLoader().load(path: Self.samples + "/" + name)
            let ex = RuleExtractor().extract(t)
            var entities: [[String: Any]] = []
            var states: [[String: Any]] = []
            for s in ex.states where !ex.entities[s.entity].isGeneric {
                let e = ex.entities[s.entity]
                entities.append(["name": e.name, "type": e.type.rawValue, "aliases": e.aliases])
                var st: [String: Any] = ["entity": e.name, "state": s.state.rawValue, "evidence": s.evidence, "turn": s.turnIndex]
                st["owner"] = s.owner ?? NSNull()
                st["due"] = s.due ?? NSNull()
                states.append(st)
                expected.insert("\(t.date)|\(s.evidence)|\(s.state.rawValue)")
            }
            responses[t.date] = String(decoding: try JSONSerialization.data(withJSONObject: ["entities": entities, "states": states]), as: UTF8.self)
        }
        return (responses, expected)
    }

    override func setUp() {
        setenv(Self.keyEnv, Self.key, 1)
    }

    func testFaultsOnHalfTheCallsStillGiveCompleteCorrectData() throws {
        let (responses, expected) = try scripted()
        let server = try Server(script: ["responses": responses, "fault_every": 2, "expected_key": Self.key,
                                         "faults": ["400", "429", "500", "slow", "malformed", "truncated", "wrong_shape"],
                                         "slow_seconds": 2])
        let store = try TestSupport.store()
        var small = config(server.base)
        small.chunkCharacters = 900 // several chunks a meeting, so every kind of fault is met
        let client = LLMClient(config: small, cache: store)
        var logs: [String] = []
        let summary = IngestPipeline(store: store, extractor: LLMExtractor(client: client), extractorName: "llm+rules")
            .ingest(paths: [Self.samples]) { logs.append("\($0)") }
        XCTAssertTrue(summary.ok, "\(summary.failures)")
        XCTAssertEqual(summary.imported, 5)

        // Every meeting has its states, and every named state the model was scripted with
        // (or the rules gave, where a chunk fell back) is stored: nothing lost to a fault.
        let stored = Set(try store.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT m.date, s.evidence, s.state FROM states s JOIN meetings m ON m.id = s.meeting_id")
                .map { "\($0["date"] as String)|\($0["evidence"] as String)|\($0["state"] as String)" }
        })
        let missing = expected.subtracting(stored)
        XCTAssertTrue(missing.isEmpty, "missing: \(missing)")
        for date in Set(expected.map { String($0.prefix(10)) }) {
            XCTAssertTrue(stored.contains { $0.hasPrefix(date) }, "meeting \(date) has no states")
        }

        let s = try server.stats()
        let faults = s["faults"] as! [String: Int]
        XCTAssertEqual(faults.count, 7, "faults injected: \(faults)")
        XCTAssertGreaterThan(client.stats.retries, 0)
        XCTAssertGreaterThan(client.stats.failures["server_error", default: 0] + client.stats.failures["rate_limited", default: 0], 0)
        XCTAssertEqual(s["auth_missing"] as? Int, 0, "every call carried the key")
        XCTAssertGreaterThan(s["auth_ok"] as? Int ?? 0, 0)

        // A second run over the same meetings is answered from the cache.
        let callsBefore = try server.stats()["calls"] as! Int
        let second = LLMClient(config: small, cache: store)
        for name in try FileManager.default.contentsOfDirectory(atPath: Self.samples) {
            let t = try TranscriptLoader().load(path: Self.samples + "/" + name)
            _ = LLMExtractor(client: second).extract(t)
        }
        XCTAssertEqual(try server.stats()["calls"] as! Int, callsBefore, "no HTTP calls on the second run")
        XCTAssertGreaterThan(second.stats.cacheHits, 0)

        // The key is in no log line and no database file.
        try client.stats.persist(to: store, breaker: client.breaker.state)
        logs.append(contentsOf: client.stats.summary(breaker: client.breaker.state).map { "\($0) \($1)" })
        for line in logs { XCTAssertFalse(line.contains(Self.key)) }
        for suffix in ["", "-wal", "-shm"] {
            if let data = FileManager.default.contents(atPath: store.path + suffix) {
                XCTAssertNil(data.range(of: Data(Self.key.utf8)), "key found in \(store.path + suffix)")
            }
        }
    }

    func testBreakerOpensFailsFastHalfOpensAndCloses() throws {
        let server = try Server(script: ["healthy": false, "expected_key": Self.key])
        var c = config(server.base)
        c.models = ["only-model"]
        c.maxRetries = 0
        c.breakerThreshold = 3
        c.breakerCooldownSeconds = 0.5
        let client = LLMClient(config: c, cache: nil)
        for _ in 0..<3 { XCTAssertThrowsError(try client.complete(system: "s", user: "u")) }
        XCTAssertEqual(client.breaker.state, .open)
        let calls = try server.stats()["calls"] as! Int
        XCTAssertThrowsError(try client.complete(system: "s", user: "u2"))
        XCTAssertEqual(try server.stats()["calls"] as! Int, calls, "an open breaker sends nothing")
        Thread.sleep(forTimeInterval: 0.6)
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(server.port)/control")!)
        request.httpMethod = "POST"
        request.httpBody = Data(#"{"healthy": true}"#.utf8)
        _ = try? NSURLConnectionShim.send(request)
        XCTAssertEqual(try client.complete(system: "s", user: "u3"), #"{"entities": [], "states": []}"#)
        XCTAssertEqual(client.breaker.transitions, [.open, .halfOpen, .closed])
        XCTAssertEqual(client.stats.failures["breaker_open"], 1)
    }

    func testNearJSONIsRepairedAndUngroundedStatesDroppedByReason() throws {
        let t = try TestSupport.transcript("Title: T\nDate: 2026-03-02\n\nAna Ruiz: The billing   migration is in progress, finally.\nBen Ode: The portal relaunch is blocked on legal.\n")
        let text = """
            Sure! ```json
            {"entities": [{"name": "Billing migration", "type": "project", "aliases": ["billing", "BM-7"]},
                          {"name": "Ghost", "type": "person"},],
             "states": [{"entity": "Billing migration", "state": "in_progress", "owner": "Ana", "due": "2026-13-40",
                         "evidence": "the billing migration is IN PROGRESS", "turn": 7},
                        {"entity": "Ghost", "state": "exploding", "evidence": "finally"},
                        {"entity": "Nobody", "state": "blocked", "evidence": "blocked on legal"},
                        {"entity": "Portal relaunch", "state": "cancelled", "evidence": "the portal relaunch was cancelled by the board"},
                        {"entity": "the portal relaunch", "state": "Blocked", "evidence": "Ben Ode: the portal relaunch is blocked on legal."},
                        {"entity": "Portal relaunch", "state": "on hold", "evidence": "blocked"}],}
            ```
            """
        let (ex, report) = try LLMExtractor.parse(text, transcript: t, turns: t.turns)
        XCTAssertEqual(ex.entities.map(\.name), ["Billing migration", "the portal relaunch"])
        XCTAssertEqual(ex.entities[0].aliases, ["billing"], "an alias the chunk never uses is dropped")
        XCTAssertEqual(ex.states.map(\.state), [.in_progress, .blocked])
        XCTAssertEqual(ex.states.map(\.turnIndex), [0, 1], "the turn is where the quote is, whatever the model said")
        XCTAssertEqual(ex.states.first?.owner, "Ana Ruiz")
        XCTAssertNil(ex.states.first?.due, "an impossible date is dropped")
        XCTAssertEqual(report.proposed, 6)
        XCTAssertEqual(report.kept, 2)
        XCTAssertEqual(report.dropped, [.unknownState: 1, .entityNotInChunk: 1, .evidenceNotInChunk: 2])
        XCTAssertThrowsError(try LLMExtractor.parse(#"{"items": []}"#, transcript: t, turns: t.turns))
    }

    func testHTTPEmbedderFeedsHybridSearch() throws {
        let server = try Server(script: ["embed_dim": 16])
        let embedder = HTTPEmbedder(baseURL: server.base, model: "test-embed", dimension: 16, apiKeyEnv: Self.keyEnv)
        let v = try embedder.embed(["the vendor contract renewal", "lunch on friday"])
        XCTAssertEqual(v.count, 2)
        XCTAssertEqual(v[0].reduce(0) { $0 + $1 * $1 }, 1, accuracy: 1e-4)
        let store = try TestSupport.store()
        let dir = TestSupport.folder(["2026-04-06-team.txt": "Title: T\nDate: 2026-04-06\n\nKim Lee: Lunch is on Friday.\nRaj Das: The vendor contract renewal is stuck until legal signs off.\n"])
        XCTAssertTrue(IngestPipeline(store: store).ingest(paths: [dir]).ok)
        try VectorIndexer(store: store, embedder: embedder).indexNow()
        let stored = try store.pool.read { try String.fetchAll($0, sql: "SELECT DISTINCT model FROM turn_embeddings") }
        XCTAssertEqual(stored, ["http-test-embed-16"])
        let hits = try HybridSearch(store: store, embedder: embedder).search("vendor contract renewal", limit: 1)
        XCTAssertEqual(hits.first?.speaker, "Raj Das")
    }

    func testBackoffHonoursRetryAfterAndGrows() {
        let client = LLMClient(config: config("http://127.0.0.1:9/v1"), cache: nil)
        XCTAssertEqual(client.backoff(attempt: 1, retryAfter: 2), 2)
        XCTAssertEqual(client.backoff(attempt: 1, retryAfter: 100), 30)
        XCTAssertLessThan(client.backoff(attempt: 1, retryAfter: nil), client.backoff(attempt: 4, retryAfter: nil))
    }
}

/// A blocking POST for the test's control call (Foundation's URLSession on Linux).
enum NSURLConnectionShim {
    static func send(_ request: URLRequest) throws -> Data {
        let done = DispatchSemaphore(value: 0)
        let result = Mutex<Data?>(nil)
        URLSession.shared.dataTask(with: request) { data, _, _ in result.withLock { $0 = data }; done.signal() }.resume()
        _ = done.wait(timeout: .now() + 5)
        return result.withLock { $0 } ?? Data()
    }
}
