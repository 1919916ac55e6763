import Foundation
import Synchronization
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
        // A query's layers shared over threads give the vector one thread gives.
        for c in cases.prefix(8) {
            let ids = m.tokenizer.encode(c.text)
            let one = m.encoder.embed([ids], lanes: 1)[0], shared = m.encoder.embed([ids], lanes: 3)[0]
            XCTAssertGreaterThan(zip(one, shared).reduce(Float(0)) { $0 + $1.0 * $1.1 }, 0.99999, c.text)
        }
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

/// Pieces of the embedder that need no model files.
final class EmbedderPartsTests: XCTestCase {
    func testFastErfMatchesLibm() {
        var worst: Float = 0
        var x: Float = -6
        while x <= 6 {
            let v = SIMD8<Float>((0..<8).map { x + Float($0) * 0.0003 })
            let got = BertEncoder.erf(v)
            for i in 0..<8 { worst = max(worst, abs(got[i] - erff(v[i]))) }
            x += 0.0024
        }
        XCTAssertLessThan(worst, 1e-6)
    }

    func testQuantisedVectorsKeepDotProducts() {
        var rng = SystemRandomNumberGenerator()
        func unit(_ n: Int) -> [Float] {
            let v = (0..<n).map { _ in Float.random(in: -1...1, using: &rng) }
            let norm = v.reduce(0) { $0 + $1 * $1 }.squareRoot()
            return v.map { $0 / norm }
        }
        var index = VectorIndex(dimension: 384)
        let rows = (0..<200).map { _ in unit(384) }
        for (i, r) in rows.enumerated() { index.add(id: Int64(i), group: 0, vector: r) }
        let q = unit(384)
        let exact = rows.map { zip($0, q).reduce(Float(0)) { $0 + $1.0 * $1.1 } }
        for hit in index.search(q, k: 200) {
            XCTAssertEqual(hit.score, exact[Int(hit.id)], accuracy: 0.01)
        }
        XCTAssertEqual(index.search(q, k: 1).first?.id, Int64(exact.indices.max { exact[$0] < exact[$1] }!))
        let blob = QuantizedVector(rows[0]).blob
        XCTAssertEqual(blob.count, 388)
        XCTAssertEqual(QuantizedVector(blob: blob, dimension: 384), QuantizedVector(rows[0]))
    }

    func testLanesRunEveryLaneOnceEvenWhenBusy() {
        let lanes = Lanes(helpers: 1)
        let seen = Mutex([Int]())
        lanes.run(3) { lane in
            seen.withLock { $0.append(lane) }
            // A second computation while the helpers are taken runs on its own thread.
            lanes.run(2) { inner in seen.withLock { $0.append(10 * (lane + 1) + inner) } }
        }
        XCTAssertEqual(seen.withLock { $0 }.sorted(), [0, 1, 2, 10, 11, 20, 21, 30, 31])
    }

    func testIntegerDotProductIsExactAtEveryLength() {
        var rng = SystemRandomNumberGenerator()
        for count in [1, 15, 16, 17, 100, 384] {
            let row = (0..<count).map { _ in Int8.random(in: -127...127, using: &rng) }
            let query = (0..<count).map { _ in Int8.random(in: -127...127, using: &rng) }
            let extreme = [Int8](repeating: 127, count: count), negative = [Int8](repeating: -127, count: count)
            for (a, b) in [(row, query), (extreme, extreme), (extreme, negative)] {
                let expected = zip(a, b).reduce(Int32(0)) { $0 + Int32($1.0) * Int32($1.1) }
                let wide = Int8Dot.widen(b)
                for avx2 in Set([false, Int8Dot.avx2]) {
                    let got = a.withUnsafeBytes { r in wide.withUnsafeBytes { q in Int8Dot.dot(r.baseAddress!, q.baseAddress!, count: count, avx2: avx2) } }
                    XCTAssertEqual(got, expected, "\(count) values, AVX2 \(avx2)")
                }
            }
        }
    }

    func testTheLinearKernelMatchesBLASAtOddShapes() {
        var rng = SystemRandomNumberGenerator()
        // Rows, outputs, inputs: the model's shapes, and ones that leave every remainder.
        for (m, n, k) in [(13, 384, 384), (1, 1536, 384), (9, 384, 1536), (5, 13, 33), (3, 7, 5), (4, 6, 16), (17, 11, 100)] {
            let x = (0..<(m * k)).map { _ in Float.random(in: -1...1, using: &rng) }
            let w = (0..<(n * k)).map { _ in Float.random(in: -0.1...0.1, using: &rng) }
            let bias = (0..<n).map { _ in Float.random(in: -1...1, using: &rng) }
            for withBias in [true, false] {
                var expected = [Float](repeating: 0, count: m * n)
                for r in 0..<m {
                    for j in 0..<n {
                        var sum = withBias ? Double(bias[j]) : 0
                        for p in 0..<k { sum += Double(x[r * k + p]) * Double(w[j * k + p]) }
                        expected[r * n + j] = Float(sum)
                    }
                }
                for avx512 in Set([false, BLAS.avx512]) {
                    var out = [Float](repeating: .nan, count: m * n)
                    x.withUnsafeBufferPointer { xp in w.withUnsafeBufferPointer { wp in bias.withUnsafeBufferPointer { bp in
                        out.withUnsafeMutableBufferPointer { op in
                            BLAS.linear(m: m, n: n, k: k, x: xp.baseAddress!, ldx: k, w: wp.baseAddress!, ldw: k,
                                        bias: withBias ? bp.baseAddress! : nil, out: op.baseAddress!, ldo: n, avx512: avx512)
                        }
                    }}}
                    let worst = zip(out, expected).map { abs($0 - $1) }.max() ?? 0
                    XCTAssertLessThan(worst, 1e-5, "\(m)×\(n)×\(k), bias \(withBias), AVX-512 \(avx512)")
                }
            }
        }
    }

    func testTokenizerWithoutTheModel() throws {
        let t = try WordPieceTokenizer(tokens: ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "the", "cafe", "un", "##believ", "##able", ",", "!"])
        XCTAssertEqual(t.encode("The CAFÉ, unbelievable!"), [2, 4, 5, 9, 6, 7, 8, 10, 3])
        XCTAssertEqual(t.encode("zzz"), [2, 1, 3], "a word that cannot be pieced is [UNK]")
        XCTAssertEqual(t.encode(""), [2, 3])
    }

    func testBackchannelsAreRecognised() {
        for s in ["Okay.", "Thanks.", "That's me.", "Mm-hmm.", "Yeah, yeah.", "[vocal sound] Okay ."] {
            XCTAssertTrue(Backchannel.isBackchannel(s), s)
        }
        for s in ["The budget is approved.", "Rubber buttons feel better in the hand.", "Blocked on legal review"] {
            XCTAssertFalse(Backchannel.isBackchannel(s), s)
        }
        // Markers are removed as the pattern \[[^\]]*\] would remove them.
        for s in ["[vocal sound] Okay .", "a [b [c] d", "unclosed [ bracket", "[x]]y[", "[]", "é[ü]ß", "two [a] and [b]", "no markers"] {
            let pattern = s.replacingOccurrences(of: #"\[[^\]]*\]"#, with: " ", options: .regularExpression)
            XCTAssertEqual(Backchannel.withoutMarkers(s), pattern, s)
        }
    }
}

/// Meaning-based name matching, the linker's last resort (needs the model).
final class SemanticNameMatcherTests: XCTestCase {
    static let names = ["Speech recognition", "Voice of the customer survey", "Billing migration", "Patient portal relaunch",
                        "EHR upgrade", "Q1 training budget", "Radiology equipment lease", "Evening clinic pilot", "Rota policy",
                        "Staff scheduling app", "Support renewal", "Compliance audit", "Offline mode", "Dark theme"]

    func testPhrasesFindTheNameTheyMean() throws {
        guard let matcher = SemanticNameMatcher(embedder: try EmbeddingModelTests.model()) else { return XCTFail("no matcher") }
        let meant = ["the voice thing": "Speech recognition", "the invoicing move": "Billing migration",
                     "the scanner lease": "Radiology equipment lease", "night shift clinic": "Evening clinic pilot",
                     "working without internet": "Offline mode", "the yearly inspection": "Compliance audit"]
        for (phrase, name) in meant { XCTAssertEqual(matcher.bestMatch(phrase, among: Self.names)?.name, name, phrase) }
        for phrase in ["the unicorn project", "the coffee machine", "the parking lot", "quarterly revenue", "the holiday party"] {
            XCTAssertNil(matcher.bestMatch(phrase, among: Self.names), phrase)
        }
    }

    func testTheLinkerUsesMeaningOnlyWhenNoNameMatches() throws {
        let model = try EmbeddingModelTests.model()
        let entities = Self.names.enumerated().map { i, n in
            EntitySummary(id: Int64(i + 1), name: n, type: .feature, state: .in_progress)
        }
        var linker = EntityLinker(entities: entities)
        linker.semantic = SemanticNameMatcher(embedder: model)
        XCTAssertEqual(linker.link("the voice thing")?.name, "Speech recognition")
        XCTAssertEqual(linker.link("voice survey")?.name, "Voice of the customer survey", "words first")
        XCTAssertNil(linker.link("the parking lot"))
        linker.semantic = nil
        XCTAssertNil(linker.link("the voice thing"))
    }

    func testNoMatcherWithoutAModel() {
        XCTAssertNil(SemanticNameMatcher(embedder: HashingEmbedder()))
    }
}
