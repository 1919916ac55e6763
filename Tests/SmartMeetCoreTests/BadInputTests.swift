import XCTest
@testable import SmartMeetCore

/// Every kind of bad file gets one clear line naming it; the rest import; nothing stored
/// before changes; nothing crashes. Fixtures live in Tests/Fixtures/bad-input; the large
/// ones are generated here.
final class BadInputTests: XCTestCase {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../Fixtures/bad-input").standardized.path

    func testBadFilesFailOneLineEachAndGoodOnesImport() throws {
        let dir = TestSupport.temporaryDirectory()
        for name in try FileManager.default.contentsOfDirectory(atPath: Self.fixtures) {
            try FileManager.default.copyItem(atPath: Self.fixtures + "/" + name, toPath: dir + "/" + name)
        }
        try FileManager.default.createDirectory(atPath: dir + "/a-directory.txt", withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: dir + "/too-big.txt", contents: Data(repeating: 0x41, count: TranscriptLoader.maxBytes + 1))
        let longLine = "Ana Ruiz: " + String(repeating: "the partner portal is underway ", count: 35_000)
        try longLine.write(toFile: dir + "/one-megabyte-line.txt", atomically: true, encoding: .utf8)
        let speakers = (0..<10_000).map { "Speaker \($0): hello" }.joined(separator: "\n")
        try speakers.write(toFile: dir + "/ten-thousand-speakers.txt", atomically: true, encoding: .utf8)

        let store = try TestSupport.store()
        let earlier = TestSupport.folder(["2026-01-01-base.txt": "Title: Base\nDate: 2026-01-01\n\nAna Ruiz: The billing migration is blocked until legal signs off.\n"])
        XCTAssertTrue(IngestPipeline(store: store).ingest(paths: [earlier]).ok)
        let before = try StoreReader(store: store).entities().map { "\($0.name)=\($0.state?.rawValue ?? "")" }

        let files = try FileManager.default.contentsOfDirectory(atPath: dir).map { dir + "/" + $0 }
        let summary = IngestPipeline(store: store).ingest(paths: files)
        let expected: [String: String] = [
            "empty.txt": "is empty", "whitespace-only.txt": "is empty", "binary.txt": "binary",
            "latin1-not-utf8.txt": "not valid UTF-8", "malformed-timing.vtt": "malformed cue timing",
            "malformed-timing.srt": "cue timing", "wrong-shape.json": "transcript", "deep-10000.json": "deeper than",
            "a-directory.txt": "folder holds no", "too-big.txt": "over the", "ten-thousand-speakers.txt": "distinct speakers",
        ]
        for (file, words) in expected {
            let lines = summary.failures.filter { $0.contains(file) }
            XCTAssertEqual(lines.count, 1, "\(file): \(summary.failures)")
            XCTAssertTrue(lines.first?.contains(words) ?? false, "\(file): \(lines)")
            XCTAssertFalse(lines.first?.contains("\n") ?? true)
        }
        XCTAssertEqual(summary.failures.count, expected.count, "\(summary.failures)")
        XCTAssertEqual(summary.imported, 4, "UTF-16, non-Latin file name, hostile text and the 1 MB line import")
        let after = try StoreReader(store: store).entities().map { "\($0.name)=\($0.state?.rawValue ?? "")" }
        for line in before { XCTAssertTrue(after.contains(line), "\(line) changed") }

        let texts = try store.pool.read { try String.fetchAll($0, sql: "SELECT speaker || ' ' || text FROM turns UNION ALL SELECT title FROM meetings UNION ALL SELECT name FROM entities") }
        for t in texts {
            XCTAssertFalse(t.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x202E }, t)
        }
        XCTAssertTrue(try StoreReader(store: store).entities().contains { $0.name.lowercased().contains("evil rollout") })
    }

    func testUnreadableFileIsReported() throws {
        let dir = TestSupport.folder(["locked.txt": "Ana: hi"])
        chmod(dir + "/locked.txt", 0)
        defer { chmod(dir + "/locked.txt", 0o644) }
        if getuid() == 0 {
            throw XCTSkip("root can read any file, so permissions cannot make one unreadable here")
        }
        let summary = IngestPipeline(store: try TestSupport.store()).ingest(paths: [dir + "/locked.txt"])
        XCTAssertEqual(summary.failures, ["locked.txt: cannot be read (permission denied)"])
    }
    /// ICU's `\d` matches every script's decimal digits, and `Int("߆")` is nil: a date
    /// or timestamp written with NKo, Arabic-Indic or fullwidth digits crashed the
    /// question parser (found by the fuzzer) and could crash an import the same way.
    /// Dates and timestamps are read in ASCII digits only; the others are just text.
    func testNonASCIIDigitsInDatesNeitherCrashNorReadAsDates() throws {
        let digits = ["߆", "٣", "५", "１２"]
        var files: [String: String] = [:]
        for (n, d) in digits.enumerated() {
            files["2026-03-0\(n + 1)-m.txt"] = "Title: Weekly\nDate: \(d) March 2026\n\nAna Ruiz: The billing migration is in progress, due May \(d), or \(d)/\(d), or the \(d)th.\n[\(d):\(d)] Bo Chen (0\(d):1\(d)): Fine, ship it by \(d) June.\n"
        }
        // The same meeting in ASCII digits: its date and due date are read.
        files["2026-03-09-m.txt"] = "Title: Weekly\nDate: 9 March 2026\n\nAna Ruiz: The vendor audit is in progress, due May 5.\n"
        let store = try TestSupport.store()
        let summary = IngestPipeline(store: store).ingest(paths: [TestSupport.folder(files)])
        XCTAssertEqual(summary.imported, digits.count + 1, "\(summary.failures)")
        let reader = StoreReader(store: store)
        for m in try reader.meetings() {
            // A header date in other digits is ignored: the file name's date stands.
            XCTAssertTrue(m.source.hasSuffix(m.date + "-m.txt"), "\(m.source): \(m.date)")
        }
        XCTAssertNotNil(try reader.entities().first { $0.name.lowercased().contains("billing migration") }, "the meetings in other digits were read")
        let dues = try reader.entities().compactMap(\.due)
        XCTAssertEqual(dues, ["2026-05-05"], "only the ASCII due date is read")
        let engine = QueryEngine(store: store)
        for d in digits {
            for q in ["what was-\(d) May 42?", "what changed since May \(d)?", "what happened on \(d) March?", "status on 2026-0\(d)-1\(d)"] {
                XCTAssertFalse(try engine.ask(q).answer.isEmpty, q)
            }
        }
    }
}
