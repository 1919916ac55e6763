import Foundation
import Synchronization

/// Finds the entity name a phrase means when the words differ ("the voice thing" →
/// "Speech recognition", "the scanner lease" → "Radiology equipment lease"): the candidate
/// whose sentence vector is closest, if it is close enough and clearly closer than the
/// runner-up. A second signal after string matching, never before it. Needs the model:
/// hashed vectors carry no meaning, so without it nothing is matched.
public final class SemanticNameMatcher: NameMeaningMatcher {
    public let embedder: Embedder
    /// Calibrated on 16 phrases against 14 names (see the tests): at 0.40 with a 0.03
    /// margin, 8 of the 10 meant names were found and 1 of 6 unrelated phrases matched.
    public let threshold: Float
    public let margin: Float
    private let vectors = Mutex([String: [Float]]())

    public init?(embedder: Embedder, threshold: Float = 0.40, margin: Float = 0.03) {
        guard !(embedder is HashingEmbedder) else { return nil }
        self.embedder = embedder
        self.threshold = threshold
        self.margin = margin
    }

    /// The process's matcher over the installed model, or nil without it.
    public static let shared: SemanticNameMatcher? = {
        guard case .success(let m) = EmbedderSetup.model(at: EmbedderSetup.modelDirectory()) else { return nil }
        return SemanticNameMatcher(embedder: m)
    }()

    public struct Match: Equatable, Sendable {
        public let index: Int
        public let name: String
        public let cosine: Float
    }

    public func bestMatch(_ phrase: String, among names: [String]) -> Match? {
        let trimmed = phrase.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, !names.isEmpty, let q = vector(trimmed) else { return nil }
        var scored: [(Int, Float)] = []
        let missing = vectors.withLock { cache in Array(Set(names.filter { cache[$0] == nil })) }
        if !missing.isEmpty, let fresh = try? embedder.embed(missing) {
            vectors.withLock { cache in for (n, v) in zip(missing, fresh) { cache[n] = v } }
        }
        let known = vectors.withLock { cache in names.map { cache[$0] } }
        for (i, v) in known.enumerated() {
            guard let v else { continue }
            scored.append((i, zip(q, v).reduce(Float(0)) { $0 + $1.0 * $1.1 }))
        }
        scored.sort { $0.1 > $1.1 }
        guard let best = scored.first, best.1 >= threshold else { return nil }
        // Two names nearly as close: the phrase does not say which.
        if scored.count > 1, names[scored[1].0] != names[best.0], best.1 - scored[1].1 < margin { return nil }
        return Match(index: best.0, name: names[best.0], cosine: best.1)
    }

    public func bestMatchIndex(_ phrase: String, among names: [String]) -> Int? {
        bestMatch(phrase, among: names)?.index
    }

    private func vector(_ text: String) -> [Float]? {
        if let v = vectors.withLock({ $0[text] }) { return v }
        guard let v = try? embedder.embed([text]).first else { return nil }
        vectors.withLock { $0[text] = v }
        return v
    }
}

extension EntityLinker {
    /// The installed model's matcher; the fuzz harness supplies its own nil instead.
    public static var defaultMeaningMatcher: (any NameMeaningMatcher)? { SemanticNameMatcher.shared }
}
