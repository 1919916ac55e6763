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

    /// C[m×n] = A[m×k] · B[k×n].
    static func multiply(m: Int, n: Int, k: Int, a: UnsafePointer<Float>, lda: Int,
                         b: UnsafePointer<Float>, ldb: Int, c: UnsafeMutablePointer<Float>, ldc: Int) {
        cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, Int32(m), Int32(n), Int32(k), 1, a, Int32(lda),
                    b, Int32(ldb), 0, c, Int32(ldc))
    }
}
