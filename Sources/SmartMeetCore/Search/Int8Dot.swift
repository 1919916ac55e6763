#if arch(x86_64)
import _Builtin_intrinsics.intel
#endif
#if canImport(COpenBLAS) && arch(x86_64)
import COpenBLAS
#endif

/// Exact integer dot products of stored int8 rows with an int8 query, the inner loop of
/// the vector scan. The query is widened to 16 bits once, so each row costs a sign
/// extension and a multiply-add of pairs (SSE2's pmaddwd, which generic SIMD code does
/// not compile to: it multiplies in 32 bits instead, twice the instructions a row).
/// Where the CPU has AVX2 (Linux), a C kernel does the same on 32 bytes at a time, which
/// brings a scan close to the speed memory delivers the codes. Lane order does not matter:
/// integer sums are exact, so the result is the same on every path.
enum Int8Dot {
    /// The query in the 16-bit form `dot` reads.
    static func widen(_ query: [Int8]) -> [Int16] { query.map(Int16.init) }

    /// Whether `dot` may take the AVX2 kernel; read once per scan, not per row.
    static let avx2: Bool = {
        #if canImport(COpenBLAS) && arch(x86_64)
        return smartmeet_cpu_has_avx2() != 0
        #else
        return false
        #endif
    }()

    /// `row`: `count` int8 values; `query`: `count` Int16 values from `widen`.
    @inline(__always)
    static func dot(_ row: UnsafeRawPointer, _ query: UnsafeRawPointer, count: Int, avx2: Bool) -> Int32 {
        #if canImport(COpenBLAS) && arch(x86_64)
        if avx2 {
            return smartmeet_int8_dot_avx2(row.assumingMemoryBound(to: Int8.self), query.assumingMemoryBound(to: Int16.self), count)
        }
        #endif
        return portable(row, query, count: count)
    }

    /// SSE2 on x86-64, generic SIMD elsewhere.
    @inline(__always)
    static func portable(_ row: UnsafeRawPointer, _ query: UnsafeRawPointer, count: Int) -> Int32 {
        let blocks = count / 16
        var sum: Int32 = 0
        #if arch(x86_64)
        var acc0 = _mm_setzero_si128(), acc1 = _mm_setzero_si128()
        for l in 0..<blocks {
            let x = _mm_loadu_si128(row.advanced(by: l * 16).assumingMemoryBound(to: __m128i.self))
            // Bytes to 16-bit lanes with their sign: pair each byte with itself, shift down.
            let lo = _mm_srai_epi16(_mm_unpacklo_epi8(x, x), 8)
            let hi = _mm_srai_epi16(_mm_unpackhi_epi8(x, x), 8)
            let q = query.advanced(by: l * 32)
            acc0 = _mm_add_epi32(acc0, _mm_madd_epi16(lo, _mm_loadu_si128(q.assumingMemoryBound(to: __m128i.self))))
            acc1 = _mm_add_epi32(acc1, _mm_madd_epi16(hi, _mm_loadu_si128(q.advanced(by: 16).assumingMemoryBound(to: __m128i.self))))
        }
        sum = unsafeBitCast(_mm_add_epi32(acc0, acc1), to: SIMD4<Int32>.self).wrappedSum()
        #else
        var acc = SIMD16<Int32>()
        for l in 0..<blocks {
            let x = SIMD16<Int32>(truncatingIfNeeded: row.loadUnaligned(fromByteOffset: l * 16, as: SIMD16<Int8>.self))
            acc &+= x &* SIMD16<Int32>(truncatingIfNeeded: query.loadUnaligned(fromByteOffset: l * 32, as: SIMD16<Int16>.self))
        }
        sum = acc.wrappedSum()
        #endif
        for j in (blocks * 16)..<count {
            sum &+= Int32(row.load(fromByteOffset: j, as: Int8.self)) * Int32(query.load(fromByteOffset: 2 * j, as: Int16.self))
        }
        return sum
    }
}
