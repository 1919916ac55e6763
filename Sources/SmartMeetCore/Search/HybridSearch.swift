import Foundation
import GRDB
import Synchronization

public struct SearchHit: Codable, Equatable, Sendable {
    public var source: String
    /// 0-based position of the turn in its file.
    public var turn: Int
    public var speaker: String
    public var text: String
    public var meetingTitle: String
    public var date: String
    /// The fused score hits are ordered by.
    public var score: Double
    /// How sure search is that the turn is about the query, 0…1 (see `RelevanceFloor`).
    public var relevance: Double
    /// 1-based rank of the turn in the vector (meaning) list and the BM25 (words) list;
    /// nil when the turn was not among that list's candidates.
    public var vectorRank: Int?
    public var bm25Rank: Int?
    /// Cosine similarity of the query and the turn (nil when the turn has no vector yet).
    public var cosine: Double?
}

/// Transcript search: SQLite FTS5 (BM25) and the in-memory vector index, fused by
/// reciprocal rank. The vector list is ranked by cosine in context (a turn's and its
/// neighbours'), because what people ask about is discussed over a run of consecutive
/// turns rather than in one. Only relevant hits come
/// back: a query nothing is about gets none (`RelevanceFloor`), and a bare backchannel
/// ("Okay.", "Thanks.") is never a hit on its own.
public final class HybridSearch: Sendable {
    public let store: Store
    public let embedder: Embedder
    public let floor: RelevanceFloor
    /// False returns every candidate, floor or not (for calibrating the floor).
    public let applyFloor: Bool
    private let loaded = Mutex(LoadedVectors?.none)

    /// Reciprocal-rank constant: 60 is the usual choice and keeps any one list from dominating.
    static let rrfK = 60.0
    static let candidates = 400
    /// Turns on either side whose cosine a turn's vector rank averages in (chosen on the
    /// AMI judgements among 2, 4, 6 and 8; see README).
    static let contextWindow = 6

    public init(store: Store, embedder: Embedder = HashingEmbedder(), applyFloor: Bool = true) {
        self.store = store
        self.embedder = embedder
        self.floor = RelevanceFloor.for(embedder)
        self.applyFloor = applyFloor
    }

    /// Forgets the loaded vectors; the next search reloads them all. (New vectors are
    /// picked up without this: every search loads what was written since the last.)
    public func invalidate() {
        loaded.withLock { $0 = nil }
    }

    /// Vectors in memory now, for `stats` and the benchmark.
    public func loadedVectors(_ db: Database) throws -> VectorIndex { try refreshed(db).index }

    public func search(_ query: String, limit: Int = 10, source: String? = nil) throws -> [SearchHit] {
        try store.pool.read { db in try search(query, limit: limit, source: source, db: db) }
    }

    struct Candidate {
        var fused = 0.0
        var vectorRank: Int?
        var bm25Rank: Int?
        var cosine: Float?
    }

    public func search(_ query: String, limit: Int, source: String? = nil, db: Database) throws -> [SearchHit] {
        try find(query, limit: limit, source: source, db: db).hits
    }

    /// Hits, and the evidence the relevance floor decided on.
    public struct Result: Codable, Sendable {
        public var hits: [SearchHit] = []
        /// The highest cosine of any turn searched, and the highest word coverage among the
        /// best BM25 turns; `about` is the floor's verdict on them.
        public var bestCosine: Double = 0
        public var bestCoverage: Double = 0
        /// Turns the query was compared with, and the cosine floor for that many.
        public var searchedTurns = 0
        public var cosineFloor: Double = 0
        public var about = false
    }

    public func find(_ query: String, limit: Int, source: String? = nil) throws -> Result {
        try store.pool.read { db in try find(query, limit: limit, source: source, db: db) }
    }

    public func find(_ query: String, limit: Int, source: String? = nil, db: Database) throws -> Result {
        var result = Result()
        let words = TextTokens.words(query).filter { !TextTokens.stopwords.contains($0) }
        guard !words.isEmpty, limit > 0 else { return result }
        var meetingId: Int64?
        if let s = source {
            meetingId = try Int64.fetchOne(db, sql: "SELECT id FROM meetings WHERE source = ? ORDER BY id DESC LIMIT 1", arguments: [s])
            if meetingId == nil { return result }
        }
        let loadedIndex = try refreshed(db)
        // The query's embedding and the vector scan need no database: they run on another
        // core while this one ranks by BM25, the two costing about the same.
        let vectorSide = Pending { [embedder, meetingId] in
            let queryVector = try embedder.embed([query])[0]
            return (queryVector, loadedIndex.index.search(queryVector, k: Self.candidates, group: meetingId))
        }
        let frequencies = Dictionary(Set(words).map { ($0, Self.documentFrequency($0, db: db)) }, uniquingKeysWith: { a, _ in a })
        let lexical = try lexicalCandidates(words, frequencies: frequencies, meeting: meetingId, db: db)
        // The word evidence is weighed while the vector side may still be running. Turn
        // rows are read only for what is shown or weighed: the best BM25 turns here, the
        // hits below.
        let evidence = LexicalEvidence(terms: words, frequencies: frequencies, db: db)
        var turns = try turnRows(Array(lexical.prefix(10)), db: db)
        let bestCoverage = lexical.prefix(10).compactMap { turns[$0].map { evidence.coverage($0.text) } }.max() ?? 0
        let searchedTurns = meetingId == nil ? loadedIndex.index.count
            : try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM turns WHERE meeting_id = ?", arguments: [meetingId!]) ?? 0
        let (queryVector, vector) = try vectorSide.value()
        var candidates: [Int64: Candidate] = [:]
        for (rank, id) in lexical.enumerated() {
            candidates[id, default: Candidate()].fused += 1 / (Self.rrfK + Double(rank + 1))
            candidates[id]!.bm25Rank = rank + 1
        }
        for (rank, hit) in inContext(vector, loadedIndex).enumerated() {
            candidates[hit.id, default: Candidate()].fused += floor.vectorWeight / (Self.rrfK + Double(rank + 1))
            candidates[hit.id]!.vectorRank = rank + 1
            candidates[hit.id]!.cosine = hit.score
        }
        guard !candidates.isEmpty else { return result }
        result.bestCosine = Double(vector.first?.score ?? 0)
        result.bestCoverage = bestCoverage
        result.searchedTurns = searchedTurns
        result.cosineFloor = (Double(floor.cosine(searching: result.searchedTurns)) * 1000).rounded() / 1000
        result.about = floor.isAbout(bestCosine: Float(result.bestCosine), bestCoverage: result.bestCoverage, searched: result.searchedTurns)
        if applyFloor, !result.about { return result }
        let ranked = candidates.sorted { $0.value.fused > $1.value.fused || ($0.value.fused == $1.value.fused && $0.key < $1.key) }
        var hits: [SearchHit] = []
        var read = 0
        for (i, (id, c)) in ranked.enumerated() {
            guard hits.count < limit else { break }
            if i >= read {
                // Backchannels are skipped, so read ahead a few more than the hits still wanted.
                read = min(ranked.count, i + 2 * (limit - hits.count) + 8)
                try turns.merge(turnRows(ranked[i..<read].map(\.key).filter { turns[$0] == nil }, db: db)) { a, _ in a }
            }
            guard let t = turns[id] else { continue }
            if Backchannel.isBackchannel(t.text) { continue }
            let cosine = c.cosine ?? loadedIndex.cosine(of: id, with: queryVector)
            hits.append(SearchHit(source: t.source, turn: t.position, speaker: t.speaker, text: t.text, meetingTitle: t.title,
                                  date: t.date, score: (c.fused * 10_000).rounded() / 10_000,
                                  relevance: floor.relevance(cosine: cosine.map(Double.init), coverage: evidence.coverage(t.text), searched: result.searchedTurns),
                                  vectorRank: c.vectorRank, bm25Rank: c.bm25Rank, cosine: cosine.map { (Double($0) * 10_000).rounded() / 10_000 }))
        }
        result.hits = hits
        return result
    }

    /// Turn ids by BM25, best first. Every word is quoted, so FTS5 syntax in a question
    /// ("NEAR(", "*", quotes) is just text. FTS5's rowids are turn ids, so turns are
    /// joined only to keep one meeting's, and then FTS5 is also given the range of that
    /// meeting's ids so it scores only turns near it (scores use the whole table's
    /// statistics either way).
    private func lexicalCandidates(_ words: [String], frequencies: [String: Int], meeting: Int64?, db: Database) throws -> [Int64] {
        let terms = selectTerms(Array(Set(words)).sorted(), frequencies: frequencies)
        let match = terms.map { "\"\($0.filter { $0 != "\"" })\"" }.joined(separator: " OR ")
        guard let meeting else {
            return try Int64.fetchAll(db.cachedStatement(sql: """
                SELECT rowid FROM turns_fts WHERE turns_fts MATCH ? ORDER BY bm25(turns_fts), rowid LIMIT \(Self.candidates)
                """), arguments: [match])
        }
        guard let span = try Row.fetchOne(db.cachedStatement(sql: "SELECT MIN(id), MAX(id) FROM turns WHERE meeting_id = ?"),
                                          arguments: [meeting]), let first: Int64 = span[0], let last: Int64 = span[1] else { return [] }
        return try Int64.fetchAll(db.cachedStatement(sql: """
            SELECT t.id FROM turns_fts JOIN turns t ON t.id = turns_fts.rowid
            WHERE turns_fts MATCH ? AND turns_fts.rowid BETWEEN ? AND ? AND t.meeting_id = ?
            ORDER BY bm25(turns_fts), t.id LIMIT \(Self.candidates)
            """), arguments: [match, first, last, meeting])
    }

    struct TurnRow {
        let position: Int
        let speaker: String
        let text: String
        let source: String
        let title: String
        let date: String
    }

    /// The rows of a few turns (hits and the best BM25 turns), one cached lookup each.
    private func turnRows(_ ids: [Int64], db: Database) throws -> [Int64: TurnRow] {
        let statement = try db.cachedStatement(sql: """
            SELECT t.position, t.speaker, t.text, m.source, m.title, m.date
            FROM turns t JOIN meetings m ON m.id = t.meeting_id WHERE t.id = ?
            """)
        var out: [Int64: TurnRow] = [:]
        for id in ids {
            guard let row = try Row.fetchOne(statement, arguments: [id]) else { continue }
            out[id] = TurnRow(position: row[0], speaker: row[1], text: row[2], source: row[3], title: row[4], date: row[5])
        }
        return out
    }

    /// BM25 scores every turn that holds any query word, so in a large store a word found
    /// in tens of thousands of turns costs a lot and ranks little. Words are taken rarest
    /// first until the turns to score pass a budget; the rarest is always kept, and the
    /// vector side still sees every word.
    static let postingBudget = 6_000

    /// Turns holding a word, approximated by the indexed (stemmed) terms sharing its first
    /// four letters: one index range read, no scan.
    static func documentFrequency(_ word: String, db: Database) -> Int {
        let prefix = String(word.prefix(4))
        return (try? Int.fetchOne(db.cachedStatement(sql: "SELECT IFNULL(SUM(doc), 0) FROM turns_vocab WHERE term >= ? AND term < ?"),
                                  arguments: [prefix, prefix + "\u{FFFF}"])) ?? 0
    }

    func selectTerms(_ words: [String], frequencies: [String: Int]) -> [String] {
        guard words.count > 1 else { return words }
        var df = words.map { ($0, frequencies[$0] ?? 0) }
        df.sort { $0.1 < $1.1 || ($0.1 == $1.1 && $0.0 < $1.0) }
        var kept: [String] = []
        var total = 0
        for (w, n) in df {
            if !kept.isEmpty, total + n > Self.postingBudget { continue }
            kept.append(w)
            total += n
        }
        return kept
    }

    /// The vector list re-ranked by each turn's cosine averaged with its neighbours' (weight
    /// 1 / (1 + distance)): a meeting discusses a topic over a run of turns, and one short
    /// turn's own vector says little. A neighbour outside the list counts as the list's
    /// lowest cosine. Hits keep their own cosine.
    private func inContext(_ hits: [VectorIndex.Hit], _ loaded: LoadedVectors) -> [VectorIndex.Hit] {
        let w = Self.contextWindow
        guard w > 0, let lowest = hits.last?.score else { return hits }
        // Hits in meeting and position order: a turn's neighbours in the list are then
        // within w places of it.
        let placed = hits.indices.compactMap { i in loaded.place(of: hits[i].id).map { (hit: i, meeting: $0.meeting, position: $0.position) } }
            .sorted { ($0.meeting, $0.position) < ($1.meeting, $1.position) }
        let weights = (-w...w).map { 1 / Float(1 + abs($0)) }
        let weight = weights.reduce(0, +)
        var context = hits.map(\.score)
        var around = [Float](repeating: lowest, count: 2 * w + 1)
        for (i, p) in placed.enumerated() {
            for k in around.indices { around[k] = lowest }
            for q in placed[max(0, i - w)...min(placed.count - 1, i + w)] where q.meeting == p.meeting && abs(q.position - p.position) <= w {
                around[q.position - p.position + w] = hits[q.hit].score
            }
            var sum: Float = 0
            for k in around.indices { sum += weights[k] * around[k] }
            context[p.hit] = sum / weight
        }
        return hits.indices.sorted { context[$0] > context[$1] || (context[$0] == context[$1] && hits[$0].id < hits[$1].id) }.map { hits[$0] }
    }

    // MARK: - The vectors in memory

    /// The loaded vectors, topped up with those written since they were last read.
    func refreshed(_ db: Database) throws -> LoadedVectors {
        try loaded.withLock { current in
            var l = current ?? LoadedVectors(dimension: embedder.dimension)
            try l.refresh(db, embedder: embedder)
            current = l
            return l
        }
    }
}
