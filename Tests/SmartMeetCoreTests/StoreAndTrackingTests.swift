import XCTest
@testable import SmartMeetCore

final class StoreAndTrackingTests: XCTestCase {
    static let meetings: [String: String] = [
        "2026-01-05-ops.txt": """
            Title: Ops
            Date: 2026-01-05

            Ana Ruiz: The Phoenix project (PHX) is underway. I own it.
            Ben Ode: The vendor contract is stuck until legal signs off.
            """,
        "2026-01-12-ops.txt": """
            Title: Ops
            Date: 2026-01-12

            Ana Ruiz: PHX is blocked on the data export.
            Ben Ode: Legal signed the vendor contract on Friday, so it's done.
            """,
        "2026-01-19-ops.txt": """
            Title: Ops
            Date: 2026-01-19

            Ana Ruiz: Phoenix is moving again, we're back on track.
            """,
    ]

    private func ingest(_ store: Store, files: [String]) throws {
        let dir = TestSupport.folder(Self.meetings)
        let summary = IngestPipeline(store: store).ingest(paths: files.map { dir + "/" + $0 })
        XCTAssertTrue(summary.ok, "\(summary.failures)")
    }

    private func snapshot(_ store: Store) throws -> [String] {
        let reader = StoreReader(store: store)
        var lines: [String] = []
        for e in try reader.entities() where e.state != nil {
            let t = try reader.timeline(entityId: e.id).map { "\($0.date):\($0.state.rawValue)" }
            lines.append("\(e.name)|\(e.aliases.sorted().joined(separator: ","))|\(t.joined(separator: ","))")
        }
        return lines.sorted()
    }

    func testResolutionKeepsAliasesAndTracksTransitions() throws {
        let store = try TestSupport.store()
        try ingest(store, files: Self.meetings.keys.sorted())
        let entities = try StoreReader(store: store).entities().filter { $0.state != nil }
        let phoenix = try XCTUnwrap(entities.first { $0.name.lowercased().contains("phoenix") })
        XCTAssertTrue(phoenix.aliases.contains("PHX"), "aliases: \(phoenix.aliases)")
        let timeline = try StoreReader(store: store).timeline(entityId: phoenix.id)
        XCTAssertEqual(timeline.map(\.state), [.in_progress, .blocked, .in_progress])
        XCTAssertEqual(timeline.map(\.owner), ["Ana Ruiz", "Ana Ruiz", "Ana Ruiz"], "owners carry forward")
        let contract = try XCTUnwrap(entities.first { $0.name.lowercased().contains("vendor contract") })
        XCTAssertEqual(contract.state, .completed)
        XCTAssertEqual(entities.count, 2, "no split or extra entities: \(entities.map(\.name))")
    }

    /// A thing put up as the topic in one meeting and given no status there is still the
    /// thing a later meeting's bare head noun means — and until then it is listed nowhere.
    func testATopicNamedWithoutAStatusIsWhatALaterBareMentionMeans() throws {
        let dir = TestSupport.folder([
            "2026-02-03-infra.txt": """
                Title: Infra
                Date: 2026-02-03

                Rita Osei: ok and the wildcard cert
                Gabe Lind: oh yeah
                Rita Osei: ok so the cert before the twentieth then
                """,
            "2026-02-10-infra.txt": """
                Title: Infra
                Date: 2026-02-10

                Rita Osei: gabe you're next
                Gabe Lind: the cert is done
                """,
        ])
        let store = try TestSupport.store()
        let reader = StoreReader(store: store)
        XCTAssertTrue(IngestPipeline(store: store).ingest(paths: [dir + "/2026-02-03-infra.txt"]).ok)
        XCTAssertEqual(try reader.entities().filter { $0.state != nil }.map(\.name), [], "nothing has a status yet")
        let exported = try JSONSerialization.jsonObject(with: Exporter(store: store).json()) as? [String: Any]
        let names = (exported?["entities"] as? [[String: Any]] ?? []).filter { $0["type"] as? String != "person" }.compactMap { $0["name"] as? String }
        XCTAssertEqual(names, [], "the export lists tracked things only")
        XCTAssertTrue(IngestPipeline(store: store).ingest(paths: [dir + "/2026-02-10-infra.txt"]).ok)
        let tracked = try reader.entities().filter { $0.state != nil }
        XCTAssertEqual(tracked.map(\.name), ["Wildcard cert"])
        XCTAssertEqual(tracked.first?.state, .completed)
    }

    func testOutOfOrderImportGivesTheSameResult() throws {
        let inOrder = try TestSupport.store()
        try ingest(inOrder, files: Self.meetings.keys.sorted())
        let shuffled = try TestSupport.store()
        for file in ["2026-01-19-ops.txt", "2026-01-05-ops.txt", "2026-01-12-ops.txt"] {
            try ingest(shuffled, files: [file])
        }
        XCTAssertEqual(try snapshot(inOrder), try snapshot(shuffled))
        let transitions = try shuffled.pool.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM transitions") }
        XCTAssertEqual(transitions, 3)
    }

    func testReimportIsANoOpAndBadFilesDoNotStopOthers() throws {
        let store = try TestSupport.store()
        try ingest(store, files: Self.meetings.keys.sorted())
        let before = try Exporter(store: store).json()
        let dir = TestSupport.folder(["empty.txt": "", "bad.vtt": "not a vtt"])
        var events: [IngestEvent] = []
        let summary = IngestPipeline(store: store).ingest(paths: [
            dir + "/empty.txt", dir + "/bad.vtt", TestSupport.folder(Self.meetings) + "/2026-01-05-ops.txt",
        ]) { events.append($0) }
        XCTAssertEqual(summary.duplicates, 1)
        XCTAssertEqual(summary.imported, 0)
        XCTAssertEqual(summary.failures.count, 2)
        XCTAssertTrue(summary.failures.contains("empty.txt: is empty"))
        XCTAssertTrue(summary.failures.contains { $0.hasPrefix("bad.vtt: ") })
        XCTAssertEqual(try Exporter(store: store).json(), before, "nothing stored before is changed")
    }

    func testNewerSchemaIsRefused() throws {
        let path = TestSupport.temporaryDirectory() + "/newer.db"
        _ = try Store(path: path)
        let other = try Store(path: path)
        try other.pool.write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99-from-the-future')")
        }
        XCTAssertThrowsError(try Store(path: path)) { e in
            XCTAssertTrue("\(e)".contains("newer smartmeet"))
        }
    }

    func testDatabaseFileIsPrivate() throws {
        let path = TestSupport.temporaryDirectory() + "/private.db"
        _ = try Store(path: path)
        let perms = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber
        XCTAssertEqual(perms?.intValue, 0o600)
    }
}
