import Foundation
import Synchronization

/// An in-memory index of quantised unit vectors in one contiguous byte buffer, scanned
/// with integer SIMD dot products and a bounded top-k heap (split over two threads when
/// large). 150,000 turns × 384 dimensions is 58 MB; a flat scan needs no tuning and at this
/// size beats an approximate index.
public struct VectorIndex: Sendable {
    public let dimension: Int
    private(set) var codes: [Int8] = []
    private(set) var scales: [Float] = []
    private(set) var ids: [Int64] = []
    private(set) var groups: [Int64] = []

    public init(dimension: Int) { self.dimension = dimension }

    public var count: Int { ids.count }
    /// Bytes held by the vectors and their ids.
    public var bytes: Int { codes.count + scales.count * 4 + ids.count * 16 }

    public mutating func reserve(_ n: Int) {
        codes.reserveCapacity(n * dimension)
        scales.reserveCapacity(n)
        ids.reserveCapacity(n)
        groups.reserveCapacity(n)
    }

    /// `group` lets a search be limited to one meeting without a second pass.
    public mutating func add(id: Int64, group: Int64, vector: [Float]) {
        add(id: id, group: group, vector: QuantizedVector(vector))
    }

    public mutating func add(id: Int64, group: Int64, vector: QuantizedVector) {
        precondition(vector.codes.count == dimension, "vector has \(vector.codes.count) dimensions, index has \(dimension)")
        vector.codes.withUnsafeBufferPointer { append(id: id, group: group, scale: vector.scale, codes: $0) }
    }

    /// Adds a vector from its stored `QuantizedVector.blob`, copied straight from the
    /// database's buffer; false (and nothing added) when the blob is not one.
    mutating func add(id: Int64, group: Int64, blob: UnsafeRawBufferPointer) -> Bool {
        guard let (scale, bytes) = QuantizedVector.parts(of: blob, dimension: dimension) else { return false }
        append(id: id, group: group, scale: scale, codes: bytes.bindMemory(to: Int8.self))
        return true
    }

    private mutating func append(id: Int64, group: Int64, scale: Float, codes new: UnsafeBufferPointer<Int8>) {
        codes.append(contentsOf: new)
        scales.append(scale)
        ids.append(id)
        groups.append(group)
    }

    /// The (dequantised) dot product of one stored row with a query.
    public func dot(row: Int, _ query: [Float]) -> Float {
        let base = row * dimension
        var sum: Float = 0
        for j in 0..<dimension { sum += Float(codes[base + j]) * query[j] }
        return sum * scales[row]
    }

    public struct Hit: Equatable, Sendable { public let id: Int64; public let score: Float }

    /// The k rows with the highest dot product with `query` (cosine, for unit vectors).
    public func search(_ query: [Float], k: Int, group: Int64? = nil) -> [Hit] {
        guard k > 0, query.count == dimension, !ids.isEmpty else { return [] }
        let q = QuantizedVector(query)
        let parts = ids.count >= 40_000 && group == nil ? 2 : 1
        let chunk = (ids.count + parts - 1) / parts
        if parts == 1 { return scan(q, rows: 0..<ids.count, k: k, group: group).sortedDescending() }
        let heaps = HeapSlots(count: parts)
        Lanes.shared.run(parts) { p in
            heaps.put(p, scan(q, rows: (p * chunk)..<min(ids.count, (p + 1) * chunk), k: k, group: group))
        }
        var merged = MinHeap(capacity: k)
        for h in heaps.all() { for hit in h.sortedDescending() { merged.offer(hit) } }
        return merged.sortedDescending()
    }

    private func scan(_ q: QuantizedVector, rows: Range<Int>, k: Int, group: Int64?) -> MinHeap {
        var heap = MinHeap(capacity: k)
        let dimension = dimension, scale = q.scale
        let wide = Int8Dot.widen(q.codes), avx2 = Int8Dot.avx2
        codes.withUnsafeBytes { b in
        wide.withUnsafeBytes { query in
        scales.withUnsafeBufferPointer { scales in
        ids.withUnsafeBufferPointer { ids in
        groups.withUnsafeBufferPointer { groups in
            for row in rows {
                if let g = group, groups[row] != g { continue }
                let dot = Int8Dot.dot(b.baseAddress! + row * dimension, query.baseAddress!, count: dimension, avx2: avx2)
                heap.offer(Hit(id: ids[row], score: Float(dot) * scales[row] * scale))
            }
        }}}}}
        return heap
    }
}

/// Per-thread heaps of a split scan.
final class HeapSlots: Sendable {
    private let slots: Mutex<[MinHeap]>
    init(count: Int) { slots = Mutex(Array(repeating: MinHeap(capacity: 0), count: count)) }
    func put(_ i: Int, _ h: MinHeap) { slots.withLock { $0[i] = h } }
    func all() -> [MinHeap] { slots.withLock { $0 } }
}

/// Keeps the k largest scores seen; the smallest kept sits at the root.
struct MinHeap: Sendable {
    let capacity: Int
    private var items: [VectorIndex.Hit] = []

    init(capacity: Int) {
        self.capacity = capacity
        items.reserveCapacity(capacity)
    }

    mutating func offer(_ h: VectorIndex.Hit) {
        if items.count < capacity {
            items.append(h)
            siftUp(items.count - 1)
        } else if h.score > items[0].score {
            items[0] = h
            siftDown(0)
        }
    }

    func sortedDescending() -> [VectorIndex.Hit] { items.sorted { $0.score > $1.score || ($0.score == $1.score && $0.id < $1.id) } }

    private mutating func siftUp(_ i: Int) {
        var c = i
        while c > 0 {
            let p = (c - 1) / 2
            if items[c].score < items[p].score { items.swapAt(c, p); c = p } else { break }
        }
    }

    private mutating func siftDown(_ i: Int) {
        var p = i
        while true {
            let l = 2 * p + 1, r = l + 1
            var m = p
            if l < items.count, items[l].score < items[m].score { m = l }
            if r < items.count, items[r].score < items[m].score { m = r }
            if m == p { return }
            items.swapAt(p, m)
            p = m
        }
    }
}
