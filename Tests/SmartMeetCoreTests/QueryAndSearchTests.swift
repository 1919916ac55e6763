import XCTest
@testable import SmartMeetCore

final class QueryAndSearchTests: XCTestCase {
    /// Built once, on first use; a `static let` initialiser runs exactly once even when
    /// tests run concurrently.
    static let store: Store = {
        let store = try! TestSupport.store()
        let dir = TestSupport.folder([
            "2026-04-06-team.txt": """
                Title: Team sync
                Date: 2026-04-06

                Kim Lee: The payments migration is underway. I own it, target is April 30th.
                Raj Das: The onboarding survey is stuck until HR approves the questions.
                Kim Lee: One idea: a referral program. Nothing agreed yet.
                Raj Das: We talked about the vendor contract renewal terms with Acme at length.
                """,
            "2026-04-13-team.txt": """
                Title: Team sync
                Date: 2026-04-13

                Kim Lee: The payments migration is at risk, the bank API keeps failing.
                Raj Das: HR approved the questions, so the onboarding survey is in progress again. It's mine.
                Kim Lee: The referral program is cancelled.
                """,
        ])
        _ = IngestPipeline(store: store).ingest(paths: [dir])
        return store
    }()

    private func ask(_ q: String) throws -> Answer {
        try QueryEngine(store: Self.store, search: HybridSearch(store: Self.store)).ask(q)
    }

    func testListByStateAndParaphrases() throws {
        for q in ["What is at risk?", "which things are at risk right now", "anything at risk?"] {
            let a = try ask(q)
            XCTAssertEqual(a.entities.map(\.name), ["Payments migration"], q)
        }
        XCTAssertEqual(try ask("What's blocked?").entities.count, 0)
        XCTAssertTrue(try ask("What's blocked?").answer.lowercased().contains("blocked"))
        XCTAssertEqual(try ask("What did we cancel?").entities.map(\.name), ["Referral program"])
    }

    func testStatusOwnerDueHistoryWithTypos() throws {
        let status = try ask("What's the status of the paymnets migration?")
        XCTAssertEqual(status.intent, "status")
        XCTAssertTrue(status.answer.contains("at risk"))
        XCTAssertTrue(try ask("Who owns the payments migration?").answer.contains("Kim Lee"))
        XCTAssertTrue(try ask("When is the payments migration due?").answer.contains("April 30"))
        let history = try ask("What happened with the onboarding survey?")
        XCTAssertTrue(history.answer.contains("blocked") && history.answer.contains("in progress"), history.answer)
        XCTAssertEqual(try ask("What does Raj own?").entities.map(\.name), ["Onboarding survey"])
    }

    func testAsOfChangesAndCounts() throws {
        XCTAssertEqual(try ask("What was blocked on April 8?").entities.map(\.name), ["Onboarding survey"])
        let changes = try ask("What changed in the last meeting?")
        XCTAssertEqual(Set(changes.entities.map(\.name)), ["Payments migration", "Onboarding survey", "Referral program"])
        XCTAssertTrue(try ask("How many are cancelled?").answer.hasPrefix("1 "))
    }

    func testUnknownEntityNamesTheClosest() throws {
        let a = try ask("What's the status of the warehouse robots?")
        XCTAssertTrue(a.answer.hasPrefix("No entity called"), a.answer)
        XCTAssertTrue(a.entities.isEmpty)
    }

    func testHostileQuestionsAreAnsweredCleanly() throws {
        for q in ["\"", "*", "NEAR(", "'; DROP TABLE meetings;--", String(repeating: "x", count: 600)] {
            XCTAssertNoThrow(try ask(q), q)
        }
        XCTAssertEqual(try Self.store.pool.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM meetings") }, 2)
    }

    func testSearchFindsTheTurnWithSpeakerAndMeeting() throws {
        let hits = try HybridSearch(store: Self.store).search("vendor contract renewal", limit: 3)
        XCTAssertEqual(hits.first?.speaker, "Raj Das")
        XCTAssertEqual(hits.first?.source, "2026-04-06-team.txt")
        XCTAssertEqual(hits.first?.turn, 3)
        let said = try ask("What did we say about the vendor contract?")
        XCTAssertEqual(said.intent, "said")
        XCTAssertTrue(said.answer.contains("Raj Das"))
    }

    func testVectorIndexKeepsTopKInOrder() {
        var index = VectorIndex(dimension: 2)
        index.add(id: 1, group: 1, vector: [1, 0])
        index.add(id: 2, group: 1, vector: [0.6, 0.8])
        index.add(id: 3, group: 2, vector: [0, 1])
        XCTAssertEqual(index.search([1, 0], k: 2).map(\.id), [1, 2])
        XCTAssertEqual(index.search([1, 0], k: 5, group: 2).map(\.id), [3])
        let e = HashingEmbedder(dimension: 64)
        let v = e.embedOne("migration of the billing system")
        XCTAssertEqual(v.reduce(0) { $0 + $1 * $1 }, 1, accuracy: 1e-4)
    }
}

/// The remaining intents, each with a paraphrase.
final class MoreIntentTests: XCTestCase {
    static let store: Store = {
        let store = try! TestSupport.store()
        let dir = TestSupport.folder([
            "2026-05-04-ops.txt": "Title: Ops weekly\nDate: 2026-05-04\n\nLi Wei: The data pipeline is underway, due May 8th. I own it.\nSara Kim: The tax report is in progress.\nLi Wei: The warehouse audit is planned for May 20th.\n",
            "2026-05-11-ops.txt": "Title: Ops weekly\nDate: 2026-05-11\n\nLi Wei: The data pipeline is blocked until the vendor ships.\nSara Kim: The tax report is done.\n",
            "2026-05-18-retro.txt": "Title: Quarter retro\nDate: 2026-05-18\n\nLi Wei: The data pipeline is moving again.\n",
        ])
        _ = IngestPipeline(store: store).ingest(paths: [dir])
        return store
    }()

    func ask(_ q: String) throws -> Answer { try QueryEngine(store: Self.store, search: HybridSearch(store: Self.store)).ask(q) }

    func testUnownedOverdueAndDueBefore() throws {
        XCTAssertEqual(try ask("what has no owner?").entities.map(\.name), ["Warehouse audit"])
        XCTAssertEqual(try ask("anything overdue?").entities.map(\.name), ["Data pipeline"], "due May 8, latest meeting May 18")
        XCTAssertEqual(Set(try ask("what is due before May 25?").entities.map(\.name)), ["Data pipeline", "Warehouse audit"])
    }

    func testChangesSinceBetweenAndInAMeeting() throws {
        XCTAssertEqual(Set(try ask("what changed since May 10?").entities.map(\.name)), ["Data pipeline", "Tax report"])
        XCTAssertEqual(Set(try ask("what changed between May 10 and May 12?").entities.map(\.name)), ["Data pipeline", "Tax report"])
        let retro = try ask("what changed in the quarter retro meeting?")
        XCTAssertEqual(retro.intent, "changes_in_meeting")
        XCTAssertEqual(retro.entities.map(\.name), ["Data pipeline"])
    }

    func testCountsBreakdownsMostChangedStaleAndHistoryFocus() throws {
        XCTAssertTrue(try ask("how many things are tracked?").answer.hasPrefix("3 things"))
        let byState = try ask("breakdown by state")
        XCTAssertEqual(byState.intent, "breakdown")
        XCTAssertTrue(byState.answer.contains("completed 1"), byState.answer)
        XCTAssertEqual(try ask("what changed most often?").entities.first?.name, "Data pipeline")
        XCTAssertEqual(Set(try ask("what has not been mentioned for 2 meetings?").entities.map(\.name)), ["Warehouse audit"])
        let when = try ask("when did the data pipeline get blocked?")
        XCTAssertEqual(when.intent, "history")
        XCTAssertTrue(when.answer.contains("became blocked on May 11"), when.answer)
    }
}
