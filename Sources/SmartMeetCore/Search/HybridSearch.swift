import Foundation
import GRDB

public struct SearchHit: Codable, Equatable, Sendable {
    public var source: String
    /// 0-based position of the turn in its file.
    public var turn: Int
    public var speaker: String
    public var text: String
    public var meetingTitle: String
    public var date: String
    public var score: Double
}

/// Transcript search: SQLite FTS5 (BM25) and the in-memory vector index, fused by
/// reciprocal rank, then smoothed along the meeting, because what people ask about is
/// discussed over a run of consecutive turns rather than in one.
// @unchecked is safe: the one mutable field, `index`, is only read or written while holding `lock`.
public final class HybridSearch: @unchecked Sendable {
    public let store: Store
    public let embedder: Embedder
    private var index: VectorIndex?
    private let lock = NSLock()

    /// Reciprocal-rank constant: 60 is the usual choice and keeps any one list from dominating.
    static let rrfK = 60.0
    static let candidates = 400
    /// The vector list counts a little less than BM25: hashed features are noisier.
    static let vectorWeight = 0.8
    /// Neighbours up to four turns away lend half their score, less with distance
    /// (weights chosen on the AMI judgements; see README).
    static let neighbourWeight = 0.5
    static let window = 4

    public init(store: Store, embedder: Embedder = HashingEmbedder()) {
        self.store = store
        self.embedder = embedder
    }

    /// Loads every stored vector into memory once; turns stored without a vector (or with
    /// another embedder's) are embedded on the fly.
    func vectorIndex(_ db: Database) throws -> VectorIndex {
        lock.lock()
        defer { lock.unlock() }
        if let index { return index }
        var idx = VectorIndex(dimension: embedder.dimension)
        let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM turns") ?? 0
        idx.reserve(total)
        let rows = try Row.fetchCursor(db, sql: """
            SELECT t.id, t.meeting_id, t.text, v.vector, v.embedder FROM turns t LEFT JOIN turn_vectors v ON v.turn_id = t.id
            """)
        while let row = try rows.next() {
            let id: Int64 = row["id"]
            let group: Int64 = row["meeting_id"]
            if let blob = row["vector"] as Data?, (row["embedder"] as String?) == embedder.name,
               blob.count == embedder.dimension * MemoryLayout<Float>.size {
                let v = blob.withUnsafeBytes { Array($0.bindMemory(to: Float.self)) }
                idx.add(id: id, group: group, vector: v)
            } else {
                idx.add(id: id, group: group, vector: try embedder.embed([row["text"]])[0])
            }
        }
        index = idx
        return idx
    }

    /// Forgets the loaded vectors so the next search sees newly imported turns.
    public func invalidate() {
        lock.lock()
        index = nil
        lock.unlock()
    }

    public static func vectorBlob(_ v: [Float]) -> Data { v.withUnsafeBufferPointer { Data(buffer: $0) } }

    public func search(_ query: String, limit: Int = 10, source: String? = nil) throws -> [SearchHit] {
        try store.pool.read { db in try search(query, limit: limit, source: source, db: db) }
    }

    public func search(_ query: String, limit: Int, source: String? = nil, db: Database) throws -> [SearchHit] {
        let words = TextTokens.words(query).filter { !TextTokens.stopwords.contains($0) }
        guard !words.isEmpty, limit > 0 else { return [] }
        var meetingId: Int64?
        if let s = source {
            meetingId = try Int64.fetchOne(db, sql: "SELECT id FROM meetings WHERE source = ? ORDER BY id DESC LIMIT 1", arguments: [s])
            if meetingId == nil { return [] }
        }
        // Every word is quoted, so FTS5 syntax in a question ("NEAR(", "*", quotes) is just text.
        let match = try selectTerms(Array(Set(words)).sorted(), db: db).map { "\"\($0.replacingOccurrences(of: "\"", with: ""))\"" }.joined(separator: " OR ")
        let filter = meetingId == nil ? "" : " AND t.meeting_id = \(meetingId!)"
        let lexical = try Int64.fetchAll(db, sql: """
            SELECT t.id FROM turns_fts JOIN turns t ON t.id = turns_fts.rowid
            WHERE turns_fts MATCH ?\(filter) ORDER BY bm25(turns_fts) LIMIT \(Self.candidates)
            """, arguments: [match])
        let vector = try vectorIndex(db).search(embedder.embed([query])[0], k: Self.candidates, group: meetingId).map(\.id)
        var fused: [Int64: Double] = [:]
        for (rank, id) in lexical.enumerated() { fused[id, default: 0] += 1 / (Self.rrfK + Double(rank + 1)) }
        for (rank, id) in vector.enumerated() { fused[id, default: 0] += Self.vectorWeight / (Self.rrfK + Double(rank + 1)) }
        guard !fused.isEmpty else { return [] }
        let smoothed = try smooth(fused, db: db)
        let top = smoothed.sorted { $0.value > $1.value || ($0.value == $1.value && $0.key < $1.key) }.prefix(limit)
        var hits: [SearchHit] = []
        for (id, score) in top {
            guard let row = try Row.fetchOne(db, sql: """
                SELECT t.position, t.speaker, t.text, m.source, m.title, m.date FROM turns t JOIN meetings m ON m.id = t.meeting_id WHERE t.id = ?
                """, arguments: [id]) else { continue }
            hits.append(SearchHit(source: row["source"], turn: row["position"], speaker: row["speaker"], text: row["text"],
                                  meetingTitle: row["title"], date: row["date"], score: (score * 10_000).rounded() / 10_000))
        }
        return hits
    }

    /// BM25 scores every turn that holds any query word, so in a large store a word found
    /// in tens of thousands of turns costs a lot and ranks little. Words are taken rarest
    /// first until the turns to score pass a budget; the rarest is always kept, and the
    /// vector side still sees every word.
    static let postingBudget = 6_000

    func selectTerms(_ words: [String], db: Database) throws -> [String] {
        guard words.count > 1 else { return words }
        let count = try db.cachedStatement(sql: "SELECT IFNULL(SUM(doc), 0) FROM turns_vocab WHERE term >= ? AND term < ?")
        var df: [(String, Int)] = []
        for w in words {
            let prefix = String(w.prefix(4))
            df.append((w, try Int.fetchOne(count, arguments: [prefix, prefix + "\u{FFFF}"]) ?? 0))
        }
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

    /// Adds to each turn a share of its neighbours' scores (same meeting), so a turn in
    /// the middle of a relevant discussion outranks an isolated keyword hit.
    private func smooth(_ scores: [Int64: Double], db: Database) throws -> [Int64: Double] {
        let ids = Array(scores.keys)
        var position: [Int64: (meeting: Int64, pos: Int)] = [:]
        for chunk in stride(from: 0, to: ids.count, by: 500) {
            let part = ids[chunk..<min(ids.count, chunk + 500)]
            for row in try Row.fetchAll(db, sql: "SELECT id, meeting_id, position FROM turns WHERE id IN (\(part.map(String.init).joined(separator: ",")))") {
                position[row["id"]] = (row["meeting_id"], row["position"])
            }
        }
        var byPlace: [String: Double] = [:]
        for (id, s) in scores { if let p = position[id] { byPlace["\(p.meeting):\(p.pos)"] = s } }
        var out: [Int64: Double] = [:]
        for (id, s) in scores {
            guard let p = position[id] else { out[id] = s; continue }
            var neighbours = 0.0
            for d in -Self.window...Self.window where d != 0 {
                neighbours += (byPlace["\(p.meeting):\(p.pos + d)"] ?? 0) * Self.neighbourWeight / Double(abs(d))
            }
            out[id] = s + neighbours
        }
        return out
    }
}
