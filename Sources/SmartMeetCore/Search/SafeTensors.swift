import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A `.safetensors` file mapped into memory read-only: an 8-byte little-endian header
/// length, a JSON header naming each tensor's dtype, shape and byte range, then the raw
/// data. Weights are read in place, so only the pages a computation touches are loaded.
public final class SafeTensors: Sendable {
    public struct Tensor: Sendable {
        public let shape: [Int]
        /// Offset from the start of the data section.
        let offset: Int
        public var count: Int { shape.reduce(1, *) }
    }

    public struct FormatError: Error, CustomStringConvertible {
        public let description: String
    }

    public let path: String
    public let tensors: [String: Tensor]
    // The mapping is read-only (PROT_READ) and lives as long as this object, so sharing
    // its address across threads is safe.
    nonisolated(unsafe) private let base: UnsafeRawPointer
    private let length: Int
    private let dataStart: Int

    public init(path: String) throws {
        self.path = path
        let name = (path as NSString).lastPathComponent
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw FormatError(description: "\(name): cannot be opened") }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, st.st_size > 8 else { throw FormatError(description: "\(name): is too short to be a safetensors file") }
        let size = Int(st.st_size)
        guard let map = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), map != MAP_FAILED else {
            throw FormatError(description: "\(name): cannot be mapped into memory")
        }
        let raw = UnsafeRawPointer(map)
        let headerLength = Int(UInt64(littleEndian: raw.loadUnaligned(as: UInt64.self)))
        guard headerLength > 0, 8 + headerLength <= size else {
            munmap(map, size)
            throw FormatError(description: "\(name): header length \(headerLength) does not fit a file of \(size) bytes")
        }
        let header = Data(bytes: raw + 8, count: headerLength)
        guard let json = try? JSONSerialization.jsonObject(with: header) as? [String: Any] else {
            munmap(map, size)
            throw FormatError(description: "\(name): header is not a JSON object")
        }
        var found: [String: Tensor] = [:]
        for (key, value) in json where key != "__metadata__" {
            guard let entry = value as? [String: Any], let shape = entry["shape"] as? [Int],
                  let offsets = entry["data_offsets"] as? [Int], offsets.count == 2 else { continue }
            // Only float32 tensors are read; others (e.g. int64 position ids) are skipped.
            guard entry["dtype"] as? String == "F32" else { continue }
            let t = Tensor(shape: shape, offset: offsets[0])
            guard offsets[1] - offsets[0] == t.count * 4, 8 + headerLength + offsets[1] <= size else {
                munmap(map, size)
                throw FormatError(description: "\(name): tensor \(key) has byte range \(offsets) that does not match its shape \(shape)")
            }
            found[key] = t
        }
        base = raw
        length = size
        dataStart = 8 + headerLength
        tensors = found
        guard (Int(bitPattern: raw) + dataStart) % MemoryLayout<Float>.alignment == 0 else {
            throw FormatError(description: "\(name): tensor data is not aligned to 4 bytes")
        }
    }

    deinit { munmap(UnsafeMutableRawPointer(mutating: base), length) }

    /// The float32 tensor `name`, checked against the expected shape.
    public func floats(_ name: String, shape: [Int]) throws -> UnsafeBufferPointer<Float> {
        guard let t = tensors[name] else {
            throw FormatError(description: "\((path as NSString).lastPathComponent): has no float32 tensor \(name)")
        }
        guard t.shape == shape else {
            throw FormatError(description: "\((path as NSString).lastPathComponent): tensor \(name) has shape \(t.shape), expected \(shape)")
        }
        let start = (base + dataStart + t.offset).assumingMemoryBound(to: Float.self)
        return UnsafeBufferPointer(start: start, count: t.count)
    }
}
