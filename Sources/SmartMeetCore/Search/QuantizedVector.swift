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
        guard let (scale, codes) = blob.withUnsafeBytes({ raw in
            Self.parts(of: raw, dimension: dimension).map { ($0.scale, [Int8]($0.codes.bindMemory(to: Int8.self))) }
        }) else { return nil }
        self.scale = scale
        self.codes = codes
    }

    /// The scale and codes of a stored `blob`, read in place; nil when it is not one of
    /// `dimension` codes.
    static func parts(of blob: UnsafeRawBufferPointer, dimension: Int) -> (scale: Float, codes: UnsafeRawBufferPointer)? {
        guard blob.count == 4 + dimension else { return nil }
        let scale = Float(bitPattern: UInt32(littleEndian: blob.loadUnaligned(as: UInt32.self)))
        return (scale, UnsafeRawBufferPointer(rebasing: blob[4...]))
    }

    public var blob: Data {
        var d = Data(capacity: 4 + codes.count)
        withUnsafeBytes(of: scale.bitPattern.littleEndian) { d.append(contentsOf: $0) }
        codes.withUnsafeBytes { d.append(contentsOf: $0) }
        return d
    }

    public var floats: [Float] { codes.map { Float($0) * scale } }
}
