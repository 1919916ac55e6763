import Foundation

/// When a query is about something in the store at all, and how relevant one hit is.
/// A sentence-embedding model's cosine similarity is comparable across queries, so it
/// decides with a floor on the best cosine (higher when more turns are searched); word coverage (the share of the query's
/// idf-weighted words a turn holds) lets a lower cosine through when the words agree.
/// Hashed word vectors carry no meaning, so the fallback decides on coverage alone.
/// Floors were calibrated on the AMI judgements and off-topic questions (see README).
public struct RelevanceFloor: Sendable {
    /// How much the vector list counts in the fused ranking, against BM25's 1.
    public let vectorWeight: Double
    /// A best cosine at or above `cosine(searching:)` means the query is about something
    /// here. The best of n unrelated cosines grows with n, so the floor rises with the log
    /// of the turns searched: `base` at `baseTurns` turns, `perDecade` more for each tenfold,
    /// never below `base`.
    let base: Float
    let baseTurns: Double
    let perDecade: Float
    /// With word coverage at or above `coverage`, a best cosine down to this suffices.
    public let cosineWithWords: Float
    public let coverage: Double

    public static func `for`(_ embedder: Embedder) -> RelevanceFloor {
        if embedder is HashingEmbedder {
            // Never decides on cosine (above any cosine); words alone.
            return RelevanceFloor(vectorWeight: 0.8, base: 2, baseTurns: 500, perDecade: 0, cosineWithWords: -1, coverage: 0.5)
        }
        return RelevanceFloor(vectorWeight: 1, base: 0.33, baseTurns: 500, perDecade: 0.1, cosineWithWords: 0.25, coverage: 0.5)
    }

    public func cosine(searching turns: Int) -> Float {
        max(base, base + perDecade * Float(log10(max(1, Double(turns)) / baseTurns)))
    }

    func isAbout(bestCosine: Float, bestCoverage: Double, searched turns: Int) -> Bool {
        bestCosine >= cosine(searching: turns) || (bestCoverage >= coverage && bestCosine >= cosineWithWords)
    }

    /// 0…1: the cosine scaled so the floor sits at 0.5, or the coverage, whichever is higher.
    func relevance(cosine c: Double?, coverage: Double, searched turns: Int) -> Double {
        let floor = Double(cosine(searching: turns))
        let fromCosine = c.map { floor > 1 ? 0 : min(1, max(0, 0.5 * $0 / floor)) } ?? 0
        return (max(fromCosine, coverage) * 1000).rounded() / 1000
    }
}
