import XCTest
@testable import SmartMeetCore

/// The log a person reads after something went wrong: what it records of an import with a
/// bad file and a model that keeps failing, what it must never record, and how it is kept.
final class LogTests: XCTestCase {
    override func tearDown() { AppLog.stop() }

    func testImportWithABadFileAndAFailingModelIsLoggedWithoutSecretsOrTranscriptText() throws {
        let state = TestSupport.temporaryDirectory() + "/state"
        let path = AppLog.defaultPath(environment: ["XDG_STATE_HOME": state])
        XCTAssertEqual(path, state + "/smartmeet/smartmeet.log")
        try AppLog.start(path: path)

        let key = "sk-log-\(UUID().uuidString)"
        setenv("SMARTMEET_TEST_LOG_KEY", key, 1)
        let secretSentence = "The orchid \(UUID().uuidString.prefix(8)) launch is blocked on the supplier."
        let dir = TestSupport.folder([
            "2026-05-04-team.txt": "Title: Team\nDate: 2026-05-04\n\nKim Lee: \(secretSentence)\nRaj Das: Noted.\n"
                + String(repeating: "Raj Das: The billing migration is in progress and going well this week.\n", count: 6),
            "2026-05-11-empty.txt": "",
        ])
        let server = try LLMTests.Server(script: ["healthy": false, "expected_key": key])
        var config = LLMConfig()
        config.mode = .on
        config.baseURL = server.base
        config.models = ["only-model"]
        config.apiKeyEnv = "SMARTMEET_TEST_LOG_KEY"
        config.maxRetries = 1
        config.breakerThreshold = 2
        config.chunkCharacters = 200 // several chunks: the later ones meet the open breaker
        let client = LLMClient(config: config, cache: nil, sleep: { _ in })
        let store = try TestSupport.store()
        let summary = IngestPipeline(store: store, extractor: LLMExtractor(client: client), extractorName: "llm+rules")
            .ingest(paths: [dir])
        XCTAssertEqual(summary.imported, 1, "the good file still imports (read by the rules)")
        XCTAssertEqual(summary.failures.count, 1)

        let log = try String(contentsOfFile: path, encoding: .utf8)
        let lines = log.split(separator: "\n").map(String.init)
        func line(_ parts: String...) -> String? { lines.first { l in parts.allSatisfy { l.contains($0) } } }
        XCTAssertNotNil(line("[smartmeet.ingest] import started", "files=2"), log)
        XCTAssertNotNil(line("import failed", "file=2026-05-11-empty.txt", "is empty"), log)
        XCTAssertNotNil(line("[smartmeet.ingest] imported", "file=2026-05-04-team.txt"), log)
        XCTAssertNotNil(line("import finished", "imported=1", "failed=1"), log)
        XCTAssertNotNil(line("[smartmeet.llm] call failed, retrying", "failure=server_error", "reason=HTTP 500", "model=only-model", "ms="), log)
        XCTAssertNotNil(line("[smartmeet.llm] call failed", "attempt=2"), log)
        XCTAssertNotNil(line("[smartmeet.llm.breaker] circuit breaker open"), log)
        XCTAssertNotNil(line("call not sent: circuit breaker open"), log)
        XCTAssertFalse(log.contains(key), "the API key is never logged")
        XCTAssertFalse(log.contains("orchid"), "transcript text is never logged")
        XCTAssertFalse(log.contains("Kim Lee"), "speaker names are never logged")

        let dirMode = try FileManager.default.attributesOfItem(atPath: state + "/smartmeet")[.posixPermissions] as? Int
        let fileMode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        XCTAssertEqual(dirMode, 0o700)
        XCTAssertEqual(fileMode, 0o600)
    }

    func testLogRotatesBySizeAndKeepsThreeOldFiles() throws {
        let path = TestSupport.temporaryDirectory() + "/smartmeet.log"
        try AppLog.start(path: path, maxBytes: 2_000)
        let log = AppLog.logger("test")
        for i in 0..<200 { log.info("line \(i) of a log that grows past its limit") }
        let fm = FileManager.default
        for suffix in ["", ".1", ".2", ".3"] { XCTAssertTrue(fm.fileExists(atPath: path + suffix), "missing \(path + suffix)") }
        XCTAssertFalse(fm.fileExists(atPath: path + ".4"), "only three old files are kept")
        for suffix in ["", ".1"] {
            let size = try fm.attributesOfItem(atPath: path + suffix)[.size] as? Int ?? 0
            XCTAssertLessThanOrEqual(size, 2_000)
            XCTAssertEqual(try fm.attributesOfItem(atPath: path + suffix)[.posixPermissions] as? Int, 0o600)
        }
        XCTAssertTrue(try String(contentsOfFile: path, encoding: .utf8).contains("line 199 of"))
    }

    func testLinesAreOneLineEachWithoutControlCharacters() {
        let line = LineHandler.format(level: .error, label: "smartmeet.x", message: "bad\n\u{1B}[31mthing", metadata: ["b": "2", "a": "1"])
        XCTAssertFalse(line.contains("\n"))
        XCTAssertFalse(line.contains("\u{1B}"))
        XCTAssertTrue(line.hasSuffix("error [smartmeet.x] bad thing a=1 b=2"), line)
    }

    func testNothingIsWrittenBeforeTheLogIsStarted() throws {
        AppLog.stop()
        let path = TestSupport.temporaryDirectory() + "/never.log"
        AppLog.logger("test").error("goes nowhere")
        XCTAssertFalse(FileManager.default.fileExists(atPath: path))
    }
}
