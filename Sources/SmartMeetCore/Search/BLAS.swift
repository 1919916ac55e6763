#if canImport(Accelerate)
import Accelerate
#else
import COpenBLAS
#endif

/// The two matrix products the sentence-embedding model needs, through a real BLAS
/// (OpenBLAS on Linux, Accelerate on Apple platforms). Matrices are row-major.
enum BLAS {
    /// Our parallelism is across sentences, each on its own thread; BLAS spawning its own
    /// threads under that would only oversubscribe the cores.
    static func useCallerThreadOnly() {
        #if !canImport(Accelerate)
        openblas_set_num_threads(1)
        #endif
    }

    /// C[m×n] = A[m×k] · Bᵀ, B stored [n×k] (the layout of a PyTorch Linear weight), with
    /// leading dimensions so that column slices (one attention head) can be used in place.
    static func multiplyTransposed(m: Int, n: Int, k: Int, a: UnsafePointer<Float>, lda: Int,
                                   b: UnsafePointer<Float>, ldb: Int, c: UnsafeMutablePointer<Float>, ldc: Int,
                                   alpha: Float = 1, beta: Float = 0) {
        cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, Int32(m), Int32(n), Int32(k), alpha, a, Int32(lda),
                    b, Int32(ldb), beta, c, Int32(ldc))
    }

    /// Whether `linear` takes the AVX-512 kernel (`Sources/COpenBLAS/kernels.h`).
    static let avx512: Bool = {
        #if canImport(COpenBLAS) && arch(x86_64)
        return smartmeet_cpu_has_avx512() != 0
        #else
        return false
        #endif
    }()

    /// out[m×n] = x[m×k] · wᵀ + bias (none when nil), w stored [n×k] (a PyTorch Linear
    /// weight), row-major with leading dimensions. Where the CPU has AVX-512 a kernel of
    /// our own does it: OpenBLAS (0.3.21 takes its Haswell kernels on this AMD core) packs
    /// the weights on every call and reaches a fifth of the core's speed on a query's
    /// dozen rows; the kernel reads each weight once, straight from the mapping, and is
    /// faster at every batch size measured (1 to 2,048 rows). Sums are taken in another
    /// order than OpenBLAS's, so results differ in the last bits only.
    static func linear(m: Int, n: Int, k: Int, x: UnsafePointer<Float>, ldx: Int, w: UnsafePointer<Float>, ldw: Int,
                       bias: UnsafePointer<Float>?, out: UnsafeMutablePointer<Float>, ldo: Int, avx512: Bool = BLAS.avx512) {
        guard m > 0, n > 0 else { return }
        #if canImport(COpenBLAS) && arch(x86_64)
        if avx512 {
            smartmeet_linear_avx512(m, n, k, x, ldx, w, ldw, bias, out, ldo)
            return
        }
        #endif
        if let bias {
            for r in 0..<m { (out + r * ldo).update(from: bias, count: n) }
        }
        multiplyTransposed(m: m, n: n, k: k, a: x, lda: ldx, b: w, ldb: ldw, c: out, ldc: ldo, beta: bias == nil ? 0 : 1)
    }

    /// C[m×n] = A[m×k] · B[k×n].
    static func multiply(m: Int, n: Int, k: Int, a: UnsafePointer<Float>, lda: Int,
                         b: UnsafePointer<Float>, ldb: Int, c: UnsafeMutablePointer<Float>, ldc: Int) {
        cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, Int32(m), Int32(n), Int32(k), 1, a, Int32(lda),
                    b, Int32(ldb), 0, c, Int32(ldc))
    }
}
