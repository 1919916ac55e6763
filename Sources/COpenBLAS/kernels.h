// Small matrix products for one sentence at a time (a search query: a dozen tokens), in
// AVX-512. OpenBLAS is tuned for large products; for a dozen rows it reaches a fifth of
// what the core can do, and a query's embedding spends most of its time there. These are
// static inline with a target attribute for the reason given in shim.h. Callers check
// smartmeet_cpu_has_avx512() first.
#if defined(__x86_64__)
#include <immintrin.h>
#include <stdint.h>

static inline int smartmeet_cpu_has_avx512(void) { return __builtin_cpu_supports("avx512f"); }

// One block of SM_R rows of x by SM_C rows of w: out[r][j] = bias[j] + x[r] · w[j] (no bias
// when it is NULL) over k values (16 at a time, the last part masked). The w rows of the block stay in L1 while
// the rows of x pass over them; `next` (the block after, or NULL) is prefetched meanwhile,
// so the weights stream from memory at its speed instead of a miss at a time.
#define SM_DOT_BLOCK(SM_R, SM_C)                                                                          \
__attribute__((target("avx512f")))                                                                        \
static inline void smartmeet_dot_block_##SM_R##x##SM_C(const float *x, long ldx, const float *w, long ldw, \
        long k, const float *bias, float *out, long ldo, const float *next) {                             \
    __m512 acc[SM_R][SM_C];                                                                               \
    _Pragma("clang loop unroll(full)") for (int i = 0; i < SM_R; i++)                                     \
        _Pragma("clang loop unroll(full)") for (int c = 0; c < SM_C; c++) acc[i][c] = _mm512_setzero_ps(); \
    long p = 0;                                                                                           \
    for (; p + 16 <= k; p += 16) {                                                                        \
        if (next) {                                                                                       \
            _Pragma("clang loop unroll(full)") for (int c = 0; c < SM_C; c++)                             \
                _mm_prefetch((const char *)(next + c * ldw + p), _MM_HINT_T0);                            \
        }                                                                                                 \
        __m512 b[SM_C];                                                                                   \
        _Pragma("clang loop unroll(full)") for (int c = 0; c < SM_C; c++) b[c] = _mm512_loadu_ps(w + c * ldw + p); \
        _Pragma("clang loop unroll(full)") for (int i = 0; i < SM_R; i++) {                               \
            __m512 v = _mm512_loadu_ps(x + i * ldx + p);                                                  \
            _Pragma("clang loop unroll(full)") for (int c = 0; c < SM_C; c++)                             \
                acc[i][c] = _mm512_fmadd_ps(v, b[c], acc[i][c]);                                          \
        }                                                                                                 \
    }                                                                                                     \
    if (p < k) {                                                                                          \
        __mmask16 mask = (__mmask16)((1u << (k - p)) - 1);                                                \
        __m512 b[SM_C];                                                                                   \
        _Pragma("clang loop unroll(full)") for (int c = 0; c < SM_C; c++) b[c] = _mm512_maskz_loadu_ps(mask, w + c * ldw + p); \
        _Pragma("clang loop unroll(full)") for (int i = 0; i < SM_R; i++) {                               \
            __m512 v = _mm512_maskz_loadu_ps(mask, x + i * ldx + p);                                      \
            _Pragma("clang loop unroll(full)") for (int c = 0; c < SM_C; c++)                             \
                acc[i][c] = _mm512_fmadd_ps(v, b[c], acc[i][c]);                                          \
        }                                                                                                 \
    }                                                                                                     \
    _Pragma("clang loop unroll(full)") for (int i = 0; i < SM_R; i++)                                     \
        _Pragma("clang loop unroll(full)") for (int c = 0; c < SM_C; c++)                                 \
            out[i * ldo + c] = (bias ? bias[c] : 0) + _mm512_reduce_add_ps(acc[i][c]);                                 \
}

SM_DOT_BLOCK(4, 6)
SM_DOT_BLOCK(1, 6)
SM_DOT_BLOCK(4, 1)
SM_DOT_BLOCK(1, 1)

/// out[m×n] = x[m×k] · wᵀ + bias, w stored [n×k] (a PyTorch Linear weight), all row-major
/// with leading dimensions ldx, ldw, ldo; bias has n values, or is NULL for none.
__attribute__((target("avx512f")))
static inline void smartmeet_linear_avx512(long m, long n, long k, const float *x, long ldx, const float *w, long ldw,
                                           const float *bias, float *out, long ldo) {
    long j = 0;
    for (; j + 6 <= n; j += 6) {
        const float *wj = w + j * ldw;
        const float *next = j + 12 <= n ? wj + 6 * ldw : 0;
        long r = 0;
        for (; r + 4 <= m; r += 4)
            smartmeet_dot_block_4x6(x + r * ldx, ldx, wj, ldw, k, bias ? bias + j : 0, out + r * ldo + j, ldo, r == 0 ? next : 0);
        for (; r < m; r++)
            smartmeet_dot_block_1x6(x + r * ldx, ldx, wj, ldw, k, bias ? bias + j : 0, out + r * ldo + j, ldo, r == 0 ? next : 0);
    }
    for (; j < n; j++) {
        long r = 0;
        for (; r + 4 <= m; r += 4)
            smartmeet_dot_block_4x1(x + r * ldx, ldx, w + j * ldw, ldw, k, bias ? bias + j : 0, out + r * ldo + j, ldo, 0);
        for (; r < m; r++)
            smartmeet_dot_block_1x1(x + r * ldx, ldx, w + j * ldw, ldw, k, bias ? bias + j : 0, out + r * ldo + j, ldo, 0);
    }
}
#endif
