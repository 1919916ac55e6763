import Foundation

/// An in-memory index of unit vectors in one contiguous buffer, scanned with a bounded
/// top-k heap. A flat scan of 100,000 × 128 floats takes a few milliseconds and needs no
/// tuning, which beats an approximate index at this size.
public struct VectorIndex: Sendable {
    public let dimension: Int
    private(set) var buffer: [Float] = []
    private(set) var ids: [Int64] = []
    private(set) var groups: [Int64] = []

    public init(dimension: Int) { self.dimension = dimension }

    public var count: Int { ids.count }

    public mutating func reserve(_ n: Int) {
        buffer.reserveCapacity(n * dimension)
        ids.reserveCapacity(n)
        groups.reserveCapacity(n)
    }

    /// `group` lets a search be limited to one meeting without a second pass.
    public mutating func add(id: Int64, group: Int64, vector: [Float]) {
        precondition(vector.count == dimension, "vector has \(vector.count) dimensions, index has \(dimension)")
        buffer.append(contentsOf: vector)
        ids.append(id)
        groups.append(group)
    }

    public struct Hit: Equatable { public let id: Int64; public let score: Float }

    public func search(_ query: [Float], k: Int, group: Int64? = nil) -> [Hit] {
        guard k > 0, query.count == dimension, !ids.isEmpty else { return [] }
        var heap = MinHeap(capacity: k)
        buffer.withUnsafeBufferPointer { b in
            query.withUnsafeBufferPointer { q in
                // Eight lanes at a time: the reduction order is fixed per lane, so the
                // compiler can keep it in vector registers.
                let lanes = dimension / 8
                let raw = UnsafeRawPointer(b.baseAddress!)
                let qv = UnsafeRawPointer(q.baseAddress!)
                for row in 0..<ids.count {
                    if let g = group, groups[row] != g { continue }
                    let base = row * dimension
                    var acc = SIMD8<Float>()
                    for l in 0..<lanes {
                        let x = raw.loadUnaligned(fromByteOffset: (base + l * 8) * 4, as: SIMD8<Float>.self)
                        let y = qv.loadUnaligned(fromByteOffset: l * 32, as: SIMD8<Float>.self)
                        acc += x * y
                    }
                    var dot = acc.sum()
                    for j in (lanes * 8)..<dimension { dot += b[base + j] * q[j] }
                    heap.offer(Hit(id: ids[row], score: dot))
                }
            }
        }
        return heap.sortedDescending()
    }
}

/// Keeps the k largest scores seen; the smallest kept sits at the root.
struct MinHeap {
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
