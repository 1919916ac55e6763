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
    private let loaded = Mutex(LoadedIndex?.none)

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
        // Every word is quoted, so FTS5 syntax in a question ("NEAR(", "*", quotes) is just text.
        let terms = try selectTerms(Array(Set(words)).sorted(), db: db)
        let match = terms.map { "\"\($0.replacingOccurrences(of: "\"", with: ""))\"" }.joined(separator: " OR ")
        let filter = meetingId == nil ? "" : " AND t.meeting_id = \(meetingId!)"
        let lexical = try Int64.fetchAll(db, sql: """
            SELECT t.id FROM turns_fts JOIN turns t ON t.id = turns_fts.rowid
            WHERE turns_fts MATCH ?\(filter) ORDER BY bm25(turns_fts) LIMIT \(Self.candidates)
            """, arguments: [match])
        let loadedIndex = try refreshed(db)
        let queryVector = try embedder.embed([query])[0]
        let vector = loadedIndex.index.search(queryVector, k: Self.candidates, group: meetingId)
        let turns = try turnRows(Array(Set(lexical + vector.map(\.id))), db: db)
        var candidates: [Int64: Candidate] = [:]
        for (rank, id) in lexical.enumerated() {
            candidates[id, default: Candidate()].fused += 1 / (Self.rrfK + Double(rank + 1))
            candidates[id]!.bm25Rank = rank + 1
        }
        for (rank, hit) in inContext(vector, turns).enumerated() {
            candidates[hit.id, default: Candidate()].fused += floor.vectorWeight / (Self.rrfK + Double(rank + 1))
            candidates[hit.id]!.vectorRank = rank + 1
            candidates[hit.id]!.cosine = hit.score
        }
        guard !candidates.isEmpty else { return result }
        let evidence = LexicalEvidence(terms: words, db: db)
        result.bestCosine = Double(vector.first?.score ?? 0)
        result.bestCoverage = lexical.prefix(10).compactMap { turns[$0].map { evidence.coverage($0.text) } }.max() ?? 0
        result.searchedTurns = meetingId == nil ? loadedIndex.index.count
            : try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM turns WHERE meeting_id = ?", arguments: [meetingId!]) ?? 0
        result.cosineFloor = (Double(floor.cosine(searching: result.searchedTurns)) * 1000).rounded() / 1000
        result.about = floor.isAbout(bestCosine: Float(result.bestCosine), bestCoverage: result.bestCoverage, searched: result.searchedTurns)
        if applyFloor, !result.about { return result }
        var hits: [SearchHit] = []
        for (id, c) in candidates.sorted(by: { $0.value.fused > $1.value.fused || ($0.value.fused == $1.value.fused && $0.key < $1.key) }) {
            guard hits.count < limit, let t = turns[id] else { continue }
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

    struct TurnRow {
        let meeting: Int64
        let position: Int
        let speaker: String
        let text: String
        let source: String
        let title: String
        let date: String
    }

    private func turnRows(_ ids: [Int64], db: Database) throws -> [Int64: TurnRow] {
        var out: [Int64: TurnRow] = [:]
        for chunk in stride(from: 0, to: ids.count, by: 500) {
            let part = ids[chunk..<min(ids.count, chunk + 500)]
            for row in try Row.fetchAll(db, sql: """
                SELECT t.id, t.meeting_id, t.position, t.speaker, t.text, m.source, m.title, m.date
                FROM turns t JOIN meetings m ON m.id = t.meeting_id WHERE t.id IN (\(part.map(String.init).joined(separator: ",")))
                """) {
                out[row["id"]] = TurnRow(meeting: row["meeting_id"], position: row["position"], speaker: row["speaker"], text: row["text"],
                                         source: row["source"], title: row["title"], date: row["date"])
            }
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

    func selectTerms(_ words: [String], db: Database) throws -> [String] {
        guard words.count > 1 else { return words }
        var df = words.map { ($0, Self.documentFrequency($0, db: db)) }
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
    private func inContext(_ hits: [VectorIndex.Hit], _ turns: [Int64: TurnRow]) -> [VectorIndex.Hit] {
        let w = Self.contextWindow
        guard w > 0, let lowest = hits.last?.score else { return hits }
        var byPlace: [Int64: [Int: Float]] = [:]
        for h in hits { if let t = turns[h.id] { byPlace[t.meeting, default: [:]][t.position] = h.score } }
        var scored: [(hit: VectorIndex.Hit, context: Float)] = []
        for h in hits {
            guard let t = turns[h.id], let meeting = byPlace[t.meeting] else { scored.append((h, h.score)); continue }
            var sum: Float = 0, weight: Float = 0
            for d in -w...w {
                let k = 1 / Float(1 + abs(d))
                sum += k * (meeting[t.position + d] ?? lowest)
                weight += k
            }
            scored.append((h, sum / weight))
        }
        return scored.sorted { $0.context > $1.context || ($0.context == $1.context && $0.hit.id < $1.hit.id) }.map(\.hit)
    }

    // MARK: - The vectors in memory

    struct LoadedIndex: Sendable {
        var index: VectorIndex
        var rowOf: [Int64: Int32] = [:]
        /// Highest `turn_embeddings.id` loaded: rows above it are new.
        var watermark: Int64 = 0
        /// Highest turn id embedded inline (cheap embedders only).
        var turnWatermark: Int64 = 0

        func cosine(of id: Int64, with query: [Float]) -> Float? {
            guard let row = rowOf[id] else { return nil }
            return index.dot(row: Int(row), query)
        }
    }

    /// The loaded index, topped up with vectors written since it was last read; turns
    /// without a stored vector are embedded on the spot when the embedder is cheap (hashed
    /// vectors), and otherwise wait for the indexer.
    func refreshed(_ db: Database) throws -> LoadedIndex {
        try loaded.withLock { current in
            var l = current ?? LoadedIndex(index: VectorIndex(dimension: embedder.dimension))
            if current == nil {
                let n = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM turn_embeddings WHERE model = ?", arguments: [embedder.name]) ?? 0
                l.index.reserve(n)
                l.rowOf.reserveCapacity(n)
            }
            let rows = try Row.fetchCursor(db, sql: """
                SELECT e.id, e.turn_id, e.vector, t.meeting_id FROM turn_embeddings e JOIN turns t ON t.id = e.turn_id
                WHERE e.model = ? AND e.id > ? ORDER BY e.id
                """, arguments: [embedder.name, l.watermark])
            while let row = try rows.next() {
                l.watermark = row["id"]
                let turn: Int64 = row["turn_id"]
                guard l.rowOf[turn] == nil, let v = QuantizedVector(blob: row["vector"], dimension: embedder.dimension) else { continue }
                l.rowOf[turn] = Int32(l.index.count)
                l.index.add(id: turn, group: row["meeting_id"], vector: v)
            }
            if embedder.computesInline {
                let rows = try Row.fetchAll(db, sql: "SELECT id, meeting_id, text FROM turns WHERE id > ? ORDER BY id", arguments: [l.turnWatermark])
                let missing = rows.filter { l.rowOf[$0["id"]] == nil }
                let vectors = try embedder.embed(missing.map { $0["text"] })
                for (row, v) in zip(missing, vectors) {
                    l.rowOf[row["id"]] = Int32(l.index.count)
                    l.index.add(id: row["id"], group: row["meeting_id"], vector: v)
                }
                if let last = rows.last { l.turnWatermark = last["id"] }
            }
            current = l
            return l
        }
    }
}
