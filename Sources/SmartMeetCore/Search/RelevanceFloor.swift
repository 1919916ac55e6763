import Foundation

/// When a query is about something in the store at all, and how relevant one hit is.
/// A sentence-embedding model's cosine similarity is comparable across queries, so it
/// decides with a floor on the best cosine; word coverage (the share of the query's
/// idf-weighted words a turn holds) lets a lower cosine through when the words agree.
/// Hashed word vectors carry no meaning, so the fallback decides on coverage alone.
/// Floors were calibrated on the AMI judgements and off-topic questions (see README).
public struct RelevanceFloor: Sendable {
    /// How much the vector list counts in the fused ranking, against BM25's 1.
    public let vectorWeight: Double
    /// A best cosine at or above this means the query is about something here.
    public let cosine: Float
    /// With word coverage at or above `coverage`, a best cosine down to this suffices.
    public let cosineWithWords: Float
    public let coverage: Double

    public static func `for`(_ embedder: Embedder) -> RelevanceFloor {
        if embedder is HashingEmbedder {
            return RelevanceFloor(vectorWeight: 0.8, cosine: 2, cosineWithWords: -1, coverage: 0.5)
        }
        return RelevanceFloor(vectorWeight: 1.0, cosine: 0.45, cosineWithWords: 0.25, coverage: 0.5)
    }

    func isAbout(bestCosine: Float, bestCoverage: Double) -> Bool {
        bestCosine >= cosine || (bestCoverage >= coverage && bestCosine >= cosineWithWords)
    }

    /// 0…1: the cosine scaled so the floor sits at 0.5, or the coverage, whichever is higher.
    func relevance(cosine c: Double?, coverage: Double) -> Double {
        let fromCosine = c.map { cosine > 1 ? 0 : min(1, max(0, 0.5 * $0 / Double(cosine))) } ?? 0
        return (max(fromCosine, coverage) * 1000).rounded() / 1000
    }
}
