import Foundation
import GRDB

/// The turn vectors a `HybridSearch` holds in memory, with each turn's place in its
/// meeting, so that ranking in context needs no database read.
struct LoadedVectors: Sendable {
    var index: VectorIndex
    var rowOf: [Int64: Int32] = [:]
    /// Position of each row's turn in its meeting (the meeting is the index's group).
    /// Turns are never rewritten or deleted, so a place read once stays true.
    var positions: [Int32] = []
    /// Highest `turn_embeddings.id` loaded: rows above it are new.
    var watermark: Int64 = 0
    /// Highest turn id embedded inline (cheap embedders only).
    var turnWatermark: Int64 = 0

    init(dimension: Int) { index = VectorIndex(dimension: dimension) }

    func cosine(of id: Int64, with query: [Float]) -> Float? {
        guard let row = rowOf[id] else { return nil }
        return index.dot(row: Int(row), query)
    }

    /// Meeting and position of a loaded turn.
    func place(of id: Int64) -> (meeting: Int64, position: Int)? {
        guard let row = rowOf[id].map(Int.init) else { return nil }
        return (index.groups[row], Int(positions[row]))
    }

    mutating func reserve(_ n: Int) {
        index.reserve(n)
        rowOf.reserveCapacity(n)
        positions.reserveCapacity(n)
    }

    mutating func add(turn: Int64, meeting: Int64, position: Int, vector: QuantizedVector) {
        index.add(id: turn, group: meeting, vector: vector)
        placeLast(turn, position: position)
    }

    /// Records where the turn of the row just added sits.
    private mutating func placeLast(_ turn: Int64, position: Int) {
        rowOf[turn] = Int32(index.count - 1)
        positions.append(Int32(clamping: position))
    }

    /// Tops up with the vectors `embedder` wrote since the last call; turns without a
    /// stored vector are embedded on the spot when the embedder is cheap (hashed vectors),
    /// and otherwise wait for the indexer.
    mutating func refresh(_ db: Database, embedder: Embedder) throws {
        if watermark == 0 {
            let n = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM turn_embeddings WHERE model = ?", arguments: [embedder.name]) ?? 0
            reserve(n)
        }
        // A range of the primary key, read in its own order: `+model` keeps SQLite from
        // walking the (model, turn_id) index, which visits every row of the model on each
        // search and sorts them all on the first.
        let rows = try Row.fetchCursor(db.cachedStatement(sql: """
            SELECT e.id, e.turn_id, e.vector, t.meeting_id, t.position FROM turn_embeddings e JOIN turns t ON t.id = e.turn_id
            WHERE e.id > ? AND +e.model = ? ORDER BY e.id
            """), arguments: [watermark, embedder.name])
        while let row = try rows.next() {
            watermark = row[0]
            let turn: Int64 = row[1]
            guard rowOf[turn] == nil else { continue }
            let meeting: Int64 = row[3], position: Int = row[4]
            if try row.withUnsafeData(atIndex: 2, { data in
                data?.withUnsafeBytes { index.add(id: turn, group: meeting, blob: $0) } ?? false
            }) {
                placeLast(turn, position: position)
            }
        }
        if embedder.computesInline {
            let rows = try Row.fetchAll(db, sql: "SELECT id, meeting_id, position, text FROM turns WHERE id > ? ORDER BY id",
                                        arguments: [turnWatermark])
            let missing = rows.filter { rowOf[$0["id"]] == nil }
            let vectors = try embedder.embed(missing.map { $0["text"] })
            for (row, v) in zip(missing, vectors) {
                add(turn: row["id"], meeting: row["meeting_id"], position: row["position"], vector: QuantizedVector(v))
            }
            if let last = rows.last { turnWatermark = last["id"] }
        }
    }
}
