// OpenBLAS's CBLAS interface (Debian: libopenblas-dev), for the sentence-embedding model's
// matrix products. On Apple platforms the Accelerate framework is used instead.
#include <cblas.h>
#include "kernels.h"

// The vector scan's inner loop in AVX2. It lives in this header because Swift compiles a
// whole module for one instruction set (baseline x86-64 here) and cannot mark a single
// function for AVX2; a static inline C function with a target attribute can, and this is
// the engine's only C module on Linux. Callers check smartmeet_cpu_has_avx2() first.
#if defined(__x86_64__)
#include <immintrin.h>
#include <stdint.h>

static inline int smartmeet_cpu_has_avx2(void) { return __builtin_cpu_supports("avx2"); }

/// Exact dot product of `count` int8 codes with `count` 16-bit query values.
__attribute__((target("avx2")))
static inline int32_t smartmeet_int8_dot_avx2(const int8_t *row, const int16_t *query, long count) {
    __m256i acc = _mm256_setzero_si256();
    long i = 0;
    for (; i + 16 <= count; i += 16) {
        __m256i x = _mm256_cvtepi8_epi16(_mm_loadu_si128((const __m128i *)(row + i)));
        acc = _mm256_add_epi32(acc, _mm256_madd_epi16(x, _mm256_loadu_si256((const __m256i *)(query + i))));
    }
    __m128i s = _mm_add_epi32(_mm256_castsi256_si128(acc), _mm256_extracti128_si256(acc, 1));
    s = _mm_add_epi32(s, _mm_shuffle_epi32(s, 0x4e));
    s = _mm_add_epi32(s, _mm_shuffle_epi32(s, 0xb1));
    int32_t sum = _mm_cvtsi128_si32(s);
    for (; i < count; i++) sum += (int32_t)row[i] * query[i];
    return sum;
}
#endif
