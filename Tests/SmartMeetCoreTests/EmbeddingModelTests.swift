import Foundation
import XCTest
@testable import SmartMeetCore

/// The in-process all-MiniLM-L6-v2 against vectors the sentence-transformers library made
/// for the same sentences (Tests/Fixtures/embeddings/reference.json): token ids exactly,
/// vectors at cosine ≥ 0.999. Needs the model folder; skips with the reason when absent.
final class EmbeddingModelTests: XCTestCase {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../Fixtures/embeddings/reference.json").standardized.path

    struct Case: Decodable { let text: String; let ids: [Int32]; let vector: [Float] }
    struct Reference: Decodable { let cases: [Case] }

    static func model() throws -> MiniLMEmbedder {
        let dir = EmbedderSetup.modelDirectory()
        switch EmbedderSetup.model(at: dir) {
        case .success(let m): return m
        case .failure(let e):
            let reason = "sentence-embedding model not installed (\(e.description)); scripts/install-model.sh installs it"
            print("skipped: \(reason)")
            throw XCTSkip(reason)
        }
    }

    func reference() throws -> [Case] {
        try JSONDecoder().decode(Reference.self, from: Data(contentsOf: URL(fileURLWithPath: Self.fixture))).cases
    }

    func testTokenIdsMatchTheReferenceTokenizer() throws {
        let m = try Self.model()
        let cases = try reference()
        XCTAssertGreaterThanOrEqual(cases.count, 30)
        for c in cases {
            XCTAssertEqual(m.tokenizer.encode(c.text), c.ids, "tokens of \(c.text.debugDescription)")
        }
    }

    func testVectorsMatchSentenceTransformers() throws {
        let m = try Self.model()
        let cases = try reference()
        let got = m.embed(cases.map(\.text))
        var lowest: Float = 1
        for (c, v) in zip(cases, got) {
            XCTAssertEqual(v.count, 384)
            let cosine = zip(c.vector, v).reduce(Float(0)) { $0 + $1.0 * $1.1 }
            lowest = min(lowest, cosine)
            XCTAssertGreaterThanOrEqual(cosine, 0.999, "cosine for \(c.text.prefix(40).debugDescription)")
        }
        print("embedding reference: \(cases.count) sentences, lowest cosine \(lowest)")
        // One at a time and in a batch give the same vector (packing never mixes sentences).
        let alone = m.embed([cases[1].text])[0]
        XCTAssertGreaterThan(zip(alone, got[1]).reduce(Float(0)) { $0 + $1.0 * $1.1 }, 0.99999)
    }

    func testAParaphraseIsCloserThanAnUnrelatedSentence() throws {
        let m = try Self.model()
        let v = m.embed(["How should the remote feel in the hand?", "It's rubbery and ergonomic, it fits the palm nicely.",
                         "The quarterly budget was approved by finance."])
        func cos(_ a: [Float], _ b: [Float]) -> Float { zip(a, b).reduce(0) { $0 + $1.0 * $1.1 } }
        XCTAssertGreaterThan(cos(v[0], v[1]), cos(v[0], v[2]))
    }

    func testTruncatesAt128Tokens() throws {
        let m = try Self.model()
        let ids = m.tokenizer.encode(String(repeating: "budget ", count: 500))
        XCTAssertEqual(ids.count, 128)
        XCTAssertEqual(ids.first, 101)
        XCTAssertEqual(ids.last, 102)
    }
}
