import XCTest
@testable import SmartMeetCore

final class VectorIndexerTests: XCTestCase {
    private func turnsWithVectors(_ store: Store) throws -> Int {
        try store.pool.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM turn_embeddings") ?? 0 }
    }

    /// While an import runs the workers write nothing; once it ends they index everything.
    func testWorkersWaitWhileAnImportRuns() throws {
        let store = try TestSupport.store()
        let dir = TestSupport.folder(["2026-04-06-team.txt": "Title: T\nDate: 2026-04-06\n\nKim Lee: Lunch is on Friday.\nRaj Das: The vendor contract renewal is stuck until legal signs off.\n"])
        XCTAssertTrue(IngestPipeline(store: store).ingest(paths: [dir]).ok)
        let indexer = VectorIndexer(store: store, embedder: HashingEmbedder(), threads: 2, lowPriority: false)
        try indexer.givingWay {
            indexer.notify()
            usleep(300_000)
            XCTAssertEqual(try turnsWithVectors(store), 0, "the indexer worked while an import held the cores")
        }
        indexer.waitUntilIdle()
        XCTAssertEqual(try turnsWithVectors(store), 2)
        XCTAssertNil(indexer.failure)
    }

    /// A pipeline that pauses its indexer while it writes still has the meeting indexed
    /// once it is stored, and indexing a store by hand inside an import does not wait
    /// for the import to end.
    func testPipelineImportIsIndexedAfterwards() throws {
        let store = try TestSupport.store()
        let indexer = VectorIndexer(store: store, embedder: HashingEmbedder(), threads: 1, lowPriority: false)
        let dir = TestSupport.folder(["2026-04-07-team.txt": "Title: T\nDate: 2026-04-07\n\nKim Lee: The billing migration is blocked on the vendor.\nRaj Das: Noted.\nKim Lee: Thanks.\n"])
        XCTAssertTrue(IngestPipeline(store: store, indexer: indexer).ingest(paths: [dir]).ok)
        indexer.waitUntilIdle()
        XCTAssertEqual(try turnsWithVectors(store), 3)
        let more = TestSupport.folder(["2026-04-08-team.txt": "Title: T\nDate: 2026-04-08\n\nKim Lee: The vendor audit is done.\n"])
        XCTAssertTrue(IngestPipeline(store: store).ingest(paths: [more]).ok)
        let byHand = VectorIndexer(store: store, embedder: HashingEmbedder(), threads: 1, lowPriority: false)
        XCTAssertEqual(try byHand.givingWay { try byHand.indexNow() }, 1)
    }
}
