import Foundation

/// A unit vector stored as one signed byte per dimension and a float scale
/// (value ≈ byte × scale). 384 dimensions take 388 bytes instead of 1,536, which is what lets
/// 150,000 turns sit in memory beside the model; the dot-product error this adds (well
/// under 0.01 on unit vectors, see the tests) is far below the gaps ranking relies on.
public struct QuantizedVector: Equatable, Sendable {
    public var scale: Float
    public var codes: [Int8]

    public init(_ v: [Float]) {
        let top = v.reduce(Float(0)) { max($0, abs($1)) }
        scale = top > 0 ? top / 127 : 1
        let inv = 1 / scale
        codes = v.map { Int8(clamping: Int(($0 * inv).rounded())) }
    }

    public init?(blob: Data, dimension: Int) {
        guard blob.count == 4 + dimension else { return nil }
        let bits = blob.withUnsafeBytes { UInt32(littleEndian: $0.loadUnaligned(as: UInt32.self)) }
        scale = Float(bitPattern: bits)
        codes = [Int8](unsafeUninitializedCapacity: dimension) { buffer, count in
            blob.withUnsafeBytes { raw in _ = raw[4...].copyBytes(to: buffer) }
            count = dimension
        }
    }

    public var blob: Data {
        var d = Data(capacity: 4 + codes.count)
        withUnsafeBytes(of: scale.bitPattern.littleEndian) { d.append(contentsOf: $0) }
        codes.withUnsafeBytes { d.append(contentsOf: $0) }
        return d
    }

    public var floats: [Float] { codes.map { Float($0) * scale } }
}
