import Foundation
import XCTest
@testable import SmartMeetCore

/// Search answers only what the meetings are about: off-topic and nonsense questions get
/// no hits (so `ask` says nothing is about them), on-topic ones — worded differently
/// from the transcripts — still get quotes. Runs on sample-meetings/ with the embedder
/// search would use: the model when installed, else the hashed fallback.
final class SearchRelevanceTests: XCTestCase {
    static let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../sample-meetings").standardized.path

    static let built: Result<(Store, HybridSearch), Error> = Result {
        let store = try TestSupport.store()
        let choice = EmbedderSetup.choose([:].merging(ProcessInfo.processInfo.environment) { a, _ in a })
        if let n = choice.notice { print("search relevance tests on the fallback: \(n)") }
        guard IngestPipeline(store: store).ingest(paths: [samples]).ok else { throw BenchError(message: "sample-meetings did not import") }
        try VectorIndexer(store: store, embedder: choice.embedder).indexNow()
        return (store, HybridSearch(store: store, embedder: choice.embedder))
    }

    static let offTopic = [
        "purple monkey dishwasher flibbertigibbet",
        "what is the capital of Mongolia",
        "how do I bake a chocolate cake",
        "who won the tennis final last summer",
        "zorblat quinquax vreeble snood",
        "what did we say about the kubernetes cluster",
        "the marketing campaign for the new sneakers",
        "status of the rocket engine test",
        "what's the best route for hiking in the alps",
        "did anyone feed the office goldfish",
    ]

    static let onTopic = [
        "what did we say about the evening clinic",
        "how is the patient portal relaunch going",
        "the radiology equipment lease",
        "what happened with the EHR upgrade",
        "the compliance audit evidence",
        "the support contract renewal with the vendor",
        "staff scheduling app",
        "training budget for the first quarter",
        "the rota policy",
        "opening later in the day for patients who work",
    ]
    /// Paraphrases sharing too few words with the transcripts ("first quarter" for "Q1"):
    /// only the model finds them; the hashed fallback is not expected to.
    static let needMeaning: Set = ["training budget for the first quarter", "opening later in the day for patients who work"]

    func testOffTopicQuestionsGetNoHits() throws {
        let (_, search) = try Self.built.get()
        for q in Self.offTopic {
            let r = try search.find(q, limit: 5)
            XCTAssertEqual(r.hits.count, 0, "\(q): best cosine \(r.bestCosine), coverage \(r.bestCoverage), first hit \(r.hits.first?.text ?? "")")
        }
    }

    func testOnTopicQuestionsStillGetHits() throws {
        let (_, search) = try Self.built.get()
        for q in Self.onTopic {
            if search.embedder is HashingEmbedder, Self.needMeaning.contains(q) {
                print("not asked of the hashed fallback (needs the model): \(q)")
                continue
            }
            let r = try search.find(q, limit: 5)
            XCTAssertFalse(r.hits.isEmpty, "\(q): best cosine \(r.bestCosine) (floor \(r.cosineFloor)), coverage \(r.bestCoverage)")
            for h in r.hits { XCTAssertFalse(Backchannel.isBackchannel(h.text), "backchannel as a hit: \(h.text)") }
        }
    }

    func testAskSaysNothingIsAboutAnOffTopicQuestion() throws {
        let (store, search) = try Self.built.get()
        let engine = QueryEngine(store: store, search: search)
        let answer = try engine.ask("what did we say about the purple monkey dishwasher?")
        XCTAssertTrue(answer.answer.hasPrefix("Nothing in"), answer.answer)
        XCTAssertTrue(answer.evidence.isEmpty)
        let onTopic = try engine.ask("what did we say about the evening clinic?")
        XCTAssertFalse(onTopic.evidence.isEmpty, onTopic.answer)
    }
}
