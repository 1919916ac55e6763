import XCTest
@testable import SmartMeetCore

/// The command line as a person runs it: the built `smartmeet` binary (skipped when this
/// build has none).
final class CommandLineTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..").standardized.path

    func binary() throws -> String {
        for config in ["debug", "release"] {
            let path = Self.root + "/.build/\(config)/smartmeet"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        throw XCTSkip("smartmeet is not built in .build/")
    }

    /// Runs smartmeet; returns the exit status, stdout and stderr.
    @discardableResult
    func run(_ args: [String]) throws -> (status: Int32, out: String, err: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: try binary())
        p.arguments = args
        var env = ProcessInfo.processInfo.environment
        env["SMARTMEET_LLM"] = "off"
        env["XDG_CONFIG_HOME"] = TestSupport.temporaryDirectory()
        p.environment = env
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
    }

    func testVersionAndQuestionKindsInHelp() throws {
        let v = try run(["--version"])
        XCTAssertEqual(v.status, 0)
        XCTAssertEqual(v.out.trimmingCharacters(in: .whitespacesAndNewlines), SmartMeetVersion.string)
        let help = try run(["ask", "--help"])
        for kind in ["status of X", "what is blocked", "what changed in the last meeting", "what is overdue", "what did we say about TOPIC"] {
            XCTAssertTrue(help.out.contains(kind), "ask --help lists \"\(kind)\":\n\(help.out)")
        }
    }

    func testReadCommandsDoNotCreateADatabaseForAMistypedPath() throws {
        let path = TestSupport.temporaryDirectory() + "/typo.db"
        for command in [["entities"], ["ask", "what is blocked?"], ["timeline", "portal"], ["report"], ["export", "--json"]] {
            let r = try run(["--db", path] + command)
            XCTAssertEqual(r.status, 2, "\(command)")
            XCTAssertTrue(r.err.contains("\(path): no such database"), r.err)
            XCTAssertFalse(FileManager.default.fileExists(atPath: path), "\(command) created \(path)")
        }
        // Importing creates it.
        let dir = TestSupport.folder(["2026-02-02-sync.txt": "Title: Sync\nDate: 2026-02-02\n\nAna Ruiz: The partner portal is blocked until legal signs off.\n"])
        XCTAssertEqual(try run(["--db", path, "ingest", dir]).status, 0)
        XCTAssertTrue(FileManager.default.fileExists(atPath: path))
        XCTAssertEqual(try run(["--db", path, "entities"]).status, 0)
    }

    func testCorrectionsFromTheCommandLine() throws {
        let db = TestSupport.temporaryDirectory() + "/cli.db"
        XCTAssertEqual(try run(["--db", db, "ingest", "-q", Self.root + "/sample-meetings"]).status, 0)
        XCTAssertEqual(try run(["--db", db, "entity", "rename", "portal relaunch", "Patient portal"]).out, "Renamed Patient portal relaunch to Patient portal.\n")
        let set = try run(["--db", db, "state", "set", "ehr upgrade", "--meeting", "2026-01-26", "at_risk", "--owner", "Dev Patel"])
        XCTAssertEqual(set.status, 0, set.err)
        XCTAssertTrue(try run(["--db", db, "timeline", "ehr upgrade"]).out.contains("in progress → at risk — Clinic operations weekly; owner Dev Patel; due 2026-02-07 (edited; the extractor said in progress)"))
        let missing = try run(["--db", db, "entity", "dismiss", "quantum teleporter"])
        XCTAssertEqual(missing.status, 1)
        XCTAssertTrue(missing.err.contains("no entity called \"quantum teleporter\""), missing.err)
        let badMeeting = try run(["--db", db, "state", "set", "ehr upgrade", "--meeting", "2031-01-01", "blocked"])
        XCTAssertEqual(badMeeting.status, 1)
        XCTAssertTrue(badMeeting.err.contains("No meeting on 2031-01-01."), badMeeting.err)
        XCTAssertTrue(try run(["--db", db, "export", "--json"]).out.contains("\"by\" : \"user\""))
        XCTAssertEqual(try run(["--db", db, "undo"]).status, 0)
        XCTAssertEqual(try run(["--db", db, "undo"]).status, 0)
        let none = try run(["--db", db, "undo"])
        XCTAssertEqual(none.status, 1)
        XCTAssertTrue(none.err.contains("Nothing to undo."))
        let md = try run(["--db", db, "report", "--md", "--since", "2026-02-01"])
        XCTAssertTrue(md.out.hasPrefix("# Status report — February 23, 2026"), md.out)
        XCTAssertEqual(try run(["--db", db, "report", "--since", "last week"]).status, 64, "a bad --since is a usage error")
    }
}
