import Foundation
import GRDB

/// How much of a query's word weight a turn holds: the rarer a query word in the store,
/// the more finding it says. Words match on their stem ("migrate", "migrating").
struct LexicalEvidence {
    let stems: [(stem: String, weight: Double)]
    let total: Double

    /// `frequencies`: turns holding each term (`HybridSearch.documentFrequency`).
    init(terms: [String], frequencies: [String: Int], db: Database) {
        let turns = Double((try? Int64.fetchOne(db.cachedStatement(sql: "SELECT MAX(id) FROM turns"))) ?? 0)
        var seen = Set<String>()
        var out: [(String, Double)] = []
        for w in terms {
            let stem = TextTokens.stem(w)
            guard seen.insert(stem).inserted else { continue }
            let df = Double(frequencies[w] ?? HybridSearch.documentFrequency(w, db: db))
            out.append((stem, log(1 + (turns - df + 0.5) / (df + 0.5))))
        }
        stems = out
        total = out.reduce(0) { $0 + $1.1 }
    }

    /// Share of the query's word weight found in `text`, 0…1.
    func coverage(_ text: String) -> Double {
        guard total > 0 else { return 0 }
        let have = Set(TextTokens.words(text).map(TextTokens.stem))
        return stems.reduce(0) { $0 + (have.contains($1.stem) ? $1.weight : 0) } / total
    }
}
