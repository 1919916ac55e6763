import Foundation
import Synchronization

/// all-MiniLM-L6-v2 run in process: WordPiece tokens → BERT encoder → mean pooling → unit
/// vector of 384 numbers, the same vectors sentence-transformers gives (see the reference
/// fixture test). Weights are read from the model folder `scripts/install-model.sh` fills.
public struct MiniLMEmbedder: Embedder {
    public let tokenizer: WordPieceTokenizer
    public let encoder: BertEncoder
    public let directory: String
    public var name: String { "minilm-l6-v2" }
    public var dimension: Int { encoder.hidden }
    /// Threads one `embed` call may spread a large batch over.
    public var threads = max(1, ProcessInfo.processInfo.activeProcessorCount)
    /// Tokens per encoder call: big enough for efficient matrix products, small enough
    /// that the intermediate activations stay a few megabytes.
    static let tokensPerBatch = 2048

    public static let files = ["model.safetensors", "vocab.txt", "config.json"]

    public struct LoadError: Error, CustomStringConvertible {
        public let description: String
    }

    public init(directory: String) throws {
        for f in Self.files where !FileManager.default.fileExists(atPath: (directory as NSString).appendingPathComponent(f)) {
            throw LoadError(description: "\(directory): has no \(f)")
        }
        let config = (try? JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: (directory as NSString).appendingPathComponent("config.json"))))) as? [String: Any] ?? [:]
        guard (config["model_type"] as? String) == "bert", (config["hidden_act"] as? String) == "gelu" else {
            throw LoadError(description: "\(directory)/config.json: is not a BERT model with GELU activations")
        }
        BLAS.useCallerThreadOnly()
        self.directory = directory
        tokenizer = try WordPieceTokenizer(vocabularyPath: (directory as NSString).appendingPathComponent("vocab.txt"))
        encoder = try BertEncoder(weights: SafeTensors(path: (directory as NSString).appendingPathComponent("model.safetensors")),
                                  hidden: config["hidden_size"] as? Int ?? 384, heads: config["num_attention_heads"] as? Int ?? 12,
                                  intermediate: config["intermediate_size"] as? Int ?? 1536, layers: config["num_hidden_layers"] as? Int ?? 6,
                                  vocabularySize: config["vocab_size"] as? Int ?? 30522,
                                  maxPositions: config["max_position_embeddings"] as? Int ?? 512)
    }

    public func embed(_ texts: [String]) -> [[Float]] {
        embed(tokens: texts.map(tokenizer.encode), threads: threads)
    }

    /// Sentences sorted by length and cut into batches of about `tokensPerBatch` tokens, the
    /// batches spread over `threads` threads; results come back in input order.
    public func embed(tokens: [[Int32]], threads: Int) -> [[Float]] {
        guard !tokens.isEmpty else { return [] }
        let order = tokens.indices.sorted { tokens[$0].count < tokens[$1].count }
        var batches: [[Int]] = [[]]
        var size = 0
        for i in order {
            if size + tokens[i].count > Self.tokensPerBatch, !batches[batches.count - 1].isEmpty { batches.append([]); size = 0 }
            batches[batches.count - 1].append(i)
            size += tokens[i].count
        }
        let results = BatchResults(count: tokens.count)
        let encoder = self.encoder
        let work: @Sendable (Int) -> Void = { [batches] b in
            let vectors = encoder.embed(batches[b].map { tokens[$0] })
            results.store(Array(zip(batches[b], vectors)))
        }
        if batches.count == 1 {
            // One short batch (a query): its layers are shared out over the threads instead.
            results.store(Array(zip(batches[0], encoder.embed(batches[0].map { tokens[$0] }, lanes: threads))))
        } else if threads <= 1 {
            for b in batches.indices { work(b) }
        } else {
            DispatchQueue.concurrentPerform(iterations: batches.count) { work($0) }
        }
        return results.values()
    }
}

/// Vectors written by concurrent batches into their input positions.
final class BatchResults: Sendable {
    private let slots: Mutex<[[Float]]>
    init(count: Int) { slots = Mutex(Array(repeating: [], count: count)) }
    func store(_ pairs: [(Int, [Float])]) { slots.withLock { for (i, v) in pairs { $0[i] = v } } }
    func values() -> [[Float]] { slots.withLock { $0 } }
}
