import Foundation

/// The BERT encoder of all-MiniLM-L6-v2 (6 layers, hidden 384, 12 heads, GELU, layer norm
/// ε 1e-12) reading its weights in place from the mapped safetensors file, followed by
/// sentence-transformers' mean pooling and L2 normalisation.
///
/// Sentences of a batch are packed one after another without padding: every dense layer
/// is one matrix product over all their tokens, and attention runs per sentence, which
/// gives exactly what a padded, masked batch gives without computing the padding.
public struct BertEncoder: Sendable {
    public let hidden: Int
    public let heads: Int
    public let intermediate: Int
    let vocabularySize: Int
    let maxPositions: Int
    let epsilon: Float = 1e-12

    struct Dense: @unchecked Sendable {
        // Views into the read-only mapping owned by `weights`; never written.
        let weight: UnsafeBufferPointer<Float>
        let bias: UnsafeBufferPointer<Float>
        let inputs: Int
        let outputs: Int
    }

    struct Norm: @unchecked Sendable {
        // As for `Dense`: read-only views into the mapping.
        let gamma: UnsafeBufferPointer<Float>
        let beta: UnsafeBufferPointer<Float>
    }

    struct Layer: Sendable {
        let query, key, value, attentionOut, intermediate, output: Dense
        let attentionNorm, outputNorm: Norm
    }

    /// Keeps the mapping alive for as long as the views above are used.
    let weights: SafeTensors
    let wordEmbeddings: Dense
    let positionEmbeddings: Dense
    let typeEmbeddings: Dense
    let embeddingNorm: Norm
    let layers: [Layer]

    public init(weights: SafeTensors, hidden: Int = 384, heads: Int = 12, intermediate: Int = 1536, layers count: Int = 6,
                vocabularySize: Int = 30522, maxPositions: Int = 512) throws {
        self.weights = weights
        self.hidden = hidden
        self.heads = heads
        self.intermediate = intermediate
        self.vocabularySize = vocabularySize
        self.maxPositions = maxPositions
        func table(_ name: String, rows: Int) throws -> Dense {
            let w = try weights.floats(name, shape: [rows, hidden])
            return Dense(weight: w, bias: UnsafeBufferPointer(start: nil, count: 0), inputs: hidden, outputs: rows)
        }
        func dense(_ prefix: String, _ inputs: Int, _ outputs: Int) throws -> Dense {
            Dense(weight: try weights.floats(prefix + ".weight", shape: [outputs, inputs]),
                  bias: try weights.floats(prefix + ".bias", shape: [outputs]), inputs: inputs, outputs: outputs)
        }
        func norm(_ prefix: String) throws -> Norm {
            Norm(gamma: try weights.floats(prefix + ".weight", shape: [hidden]), beta: try weights.floats(prefix + ".bias", shape: [hidden]))
        }
        // Some exports prefix every name with "bert."; accept both.
        let p = weights.tensors["embeddings.word_embeddings.weight"] == nil ? "bert." : ""
        wordEmbeddings = try table(p + "embeddings.word_embeddings.weight", rows: vocabularySize)
        positionEmbeddings = try table(p + "embeddings.position_embeddings.weight", rows: maxPositions)
        typeEmbeddings = try table(p + "embeddings.token_type_embeddings.weight", rows: 2)
        embeddingNorm = try norm(p + "embeddings.LayerNorm")
        layers = try (0..<count).map { i in
            let l = "\(p)encoder.layer.\(i)."
            return Layer(query: try dense(l + "attention.self.query", hidden, hidden),
                         key: try dense(l + "attention.self.key", hidden, hidden),
                         value: try dense(l + "attention.self.value", hidden, hidden),
                         attentionOut: try dense(l + "attention.output.dense", hidden, hidden),
                         intermediate: try dense(l + "intermediate.dense", hidden, intermediate),
                         output: try dense(l + "output.dense", intermediate, hidden),
                         attentionNorm: try norm(l + "attention.output.LayerNorm"),
                         outputNorm: try norm(l + "output.LayerNorm"))
        }
    }

    /// One unit vector per sentence of token ids (each with its `[CLS]`/`[SEP]`). `lanes`
    /// threads share each layer's work by output columns (the calling thread is one): a
    /// short batch alone, such as a search query, then uses every core; batches run side
    /// by side should each take one lane.
    public func embed(_ sentences: [[Int32]], lanes: Int = 1) -> [[Float]] {
        let lengths = sentences.map { min($0.count, maxPositions) }
        let n = lengths.reduce(0, +)
        guard n > 0 else { return sentences.map { _ in [Float](repeating: 0, count: hidden) } }
        let h = hidden
        let s = Scratch(tokens: n, hidden: h, intermediate: intermediate, longest: lengths.max() ?? 1,
                        lanes: min(max(1, lanes), heads))
        defer { s.release() }
        let x = s.x
        // Embeddings: word + position + token type 0, then layer norm.
        var row = 0
        for (i, ids) in sentences.enumerated() {
            for pos in 0..<lengths[i] {
                let id = Int(ids[pos])
                let word = (0..<vocabularySize).contains(id) ? id : 0
                let out = x + row * h
                let w = wordEmbeddings.weight.baseAddress! + word * h
                let pe = positionEmbeddings.weight.baseAddress! + pos * h
                let te = typeEmbeddings.weight.baseAddress!
                for j in 0..<h { out[j] = w[j] + pe[j] + te[j] }
                row += 1
            }
        }
        layerNorm(x, rows: n, embeddingNorm)
        for layer in layers { forward(layer, lengths: lengths, s) }
        // Mean pooling over each sentence's tokens, then L2 normalisation.
        var out: [[Float]] = []
        out.reserveCapacity(sentences.count)
        row = 0
        for len in lengths {
            var v = [Float](repeating: 0, count: h)
            for r in row..<(row + len) { for j in 0..<h { v[j] += x[r * h + j] } }
            row += len
            var norm: Float = 0
            for j in 0..<h { v[j] /= Float(max(len, 1)); norm += v[j] * v[j] }
            norm = norm.squareRoot()
            if norm > 0 { for j in 0..<h { v[j] /= norm } }
            out.append(v)
        }
        return out
    }

    /// Activations of one batch, allocated once for all its layers.
    struct Scratch: @unchecked Sendable {
        // Each lane writes only its own columns between the joins, so sharing is safe.
        let x, q, k, v, context, attention, wide: UnsafeMutablePointer<Float>
        /// One score matrix per lane.
        let scores: [UnsafeMutablePointer<Float>]
        let lanes: Int

        init(tokens n: Int, hidden h: Int, intermediate: Int, longest: Int, lanes: Int) {
            func buffer(_ count: Int) -> UnsafeMutablePointer<Float> {
                let p = UnsafeMutablePointer<Float>.allocate(capacity: count)
                p.initialize(repeating: 0, count: count)
                return p
            }
            x = buffer(n * h); q = buffer(n * h); k = buffer(n * h); v = buffer(n * h)
            context = buffer(n * h); attention = buffer(n * h)
            wide = buffer(n * intermediate)
            scores = (0..<lanes).map { _ in buffer(longest * longest) }
            self.lanes = lanes
        }

        func release() {
            for p in [x, q, k, v, context, attention, wide] + scores { p.deallocate() }
        }

        /// Runs `body(lane)` for every lane and returns when all are done.
        func inLanes(_ body: @Sendable (Int) -> Void) {
            Lanes.shared.run(lanes, body)
        }

        /// The part of `count` columns (in whole `unit`s, one attention head) lane `i` computes.
        func columns(_ lane: Int, of count: Int, unit: Int = 1) -> Range<Int> {
            let units = count / unit
            return (units * lane / lanes * unit)..<(units * (lane + 1) / lanes * unit)
        }
    }

    private func forward(_ layer: Layer, lengths: [Int], _ s: Scratch) {
        let n = lengths.reduce(0, +), h = hidden
        let headSize = h / heads
        let scale = 1 / Float(headSize).squareRoot()
        let x = s.x
        // Each lane's query, key and value columns are whole heads, so it goes on to
        // those heads' attention without waiting for the others.
        s.inLanes { lane in
            let cols = s.columns(lane, of: h, unit: headSize)
            linear(layer.query, s.x, rows: n, into: s.q, columns: cols)
            linear(layer.key, s.x, rows: n, into: s.k, columns: cols)
            linear(layer.value, s.x, rows: n, into: s.v, columns: cols)
            let scores = s.scores[lane]
            var start = 0
            for len in lengths {
                for head in (cols.lowerBound / headSize)..<(cols.upperBound / headSize) {
                    let off = start * h + head * headSize
                    // scores[len×len] = Q_h · K_hᵀ, scaled, softmaxed row by row.
                    BLAS.multiplyTransposed(m: len, n: len, k: headSize, a: s.q + off, lda: h,
                                            b: s.k + off, ldb: h, c: scores, ldc: len, alpha: scale)
                    for r in 0..<len { softmax(scores + r * len, count: len) }
                    // context_h[len×headSize] = P · V_h, written into its column slice.
                    BLAS.multiply(m: len, n: headSize, k: len, a: scores, lda: len,
                                  b: s.v + off, ldb: h, c: s.context + off, ldc: h)
                }
                start += len
            }
        }
        s.inLanes { lane in linear(layer.attentionOut, s.context, rows: n, into: s.attention, columns: s.columns(lane, of: h)) }
        for i in 0..<(n * h) { x[i] += s.attention[i] }
        layerNorm(x, rows: n, layer.attentionNorm)
        s.inLanes { lane in
            let cols = s.columns(lane, of: intermediate)
            linear(layer.intermediate, s.x, rows: n, into: s.wide, columns: cols)
            for r in 0..<n { gelu(s.wide + r * intermediate + cols.lowerBound, count: cols.count) }
        }
        s.inLanes { lane in linear(layer.output, s.wide, rows: n, into: s.attention, columns: s.columns(lane, of: h)) }
        for i in 0..<(n * h) { x[i] += s.attention[i] }
        layerNorm(x, rows: n, layer.outputNorm)
    }

    /// out[rows×outputs] = input · Wᵀ + b for the output columns `columns` (the others are
    /// left alone).
    private func linear(_ d: Dense, _ input: UnsafePointer<Float>, rows: Int, into out: UnsafeMutablePointer<Float>, columns: Range<Int>) {
        guard !columns.isEmpty else { return }
        let c0 = columns.lowerBound
        BLAS.linear(m: rows, n: columns.count, k: d.inputs, x: input, ldx: d.inputs, w: d.weight.baseAddress! + c0 * d.inputs, ldw: d.inputs,
                    bias: d.bias.baseAddress! + c0, out: out + c0, ldo: d.outputs)
    }

    private func layerNorm(_ x: UnsafeMutablePointer<Float>, rows: Int, _ norm: Norm) {
        let h = hidden
        let g = norm.gamma.baseAddress!, b = norm.beta.baseAddress!
        for r in 0..<rows {
            let row = x + r * h
            var mean: Float = 0
            for j in 0..<h { mean += row[j] }
            mean /= Float(h)
            var variance: Float = 0
            for j in 0..<h { let d = row[j] - mean; variance += d * d }
            variance /= Float(h)
            let inv = 1 / (variance + epsilon).squareRoot()
            for j in 0..<h { row[j] = (row[j] - mean) * inv * g[j] + b[j] }
        }
    }

    private func softmax(_ row: UnsafeMutablePointer<Float>, count: Int) {
        var top = -Float.infinity
        for i in 0..<count { top = max(top, row[i]) }
        var sum: Float = 0
        for i in 0..<count { row[i] = expf(row[i] - top); sum += row[i] }
        let inv = 1 / sum
        for i in 0..<count { row[i] *= inv }
    }

    /// The erf GELU BERT was trained with, eight lanes at a time.
    private func gelu(_ x: UnsafeMutablePointer<Float>, count: Int) {
        let r: Float = 1 / Float(2).squareRoot()
        let raw = UnsafeMutableRawPointer(x)
        var i = 0
        while i + 8 <= count {
            let v = raw.loadUnaligned(fromByteOffset: i * 4, as: SIMD8<Float>.self)
            raw.storeBytes(of: 0.5 * v * (1 + Self.erf(v * r)), toByteOffset: i * 4, as: SIMD8<Float>.self)
            i += 8
        }
        while i < count { x[i] = 0.5 * x[i] * (1 + erff(x[i] * r)); i += 1 }
    }

    /// erf as a rational function of x (Eigen's and TensorFlow's fast erf: odd numerator
    /// of degree 13, even denominator of degree 8, inputs clamped to ±4 where erf is ±1 in
    /// single precision). Within 1e-6 of libm's erff (tested); a quarter of its cost.
    static func erf(_ a: SIMD8<Float>) -> SIMD8<Float> {
        let x = a.clamped(lowerBound: SIMD8(repeating: -4), upperBound: SIMD8(repeating: 4))
        let x2 = x * x
        var p = x2 * -2.72614225801306e-10 + 2.77068142495902e-08
        p = x2 * p - 2.10102402082508e-06
        p = x2 * p - 5.69250639462346e-05
        p = x2 * p - 7.34990630326855e-04
        p = x2 * p - 2.95459980854025e-03
        p = x2 * p - 1.60960333262415e-02
        p = x * p
        var q = x2 * -1.45660718464996e-05 - 2.13374055278905e-04
        q = x2 * q - 1.68282697438203e-03
        q = x2 * q - 7.37332916720468e-03
        q = x2 * q - 1.42647390514189e-02
        return p / q
    }
}
