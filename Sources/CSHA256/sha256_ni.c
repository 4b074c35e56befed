// SHA-256 compression with the Intel SHA extensions (SHA-NI). The Swift code keeps a portable
// compression for CPUs without them and dispatches once on csha256_has_ni().
//
// The instructions work on a state split across two registers as ABEF and CDGH (not the FIPS
// order a..h), so the state is shuffled into that form once per call and back at the end, not
// per block. sha256rnds2 does two rounds and takes the two message+constant words from the low
// 64 bits of its third operand; four rounds therefore take two rnds2 with a shuffle between.
// sha256msg1/msg2 compute the message schedule four words at a time:
//   W[j] = msg2(msg1(W[j-4], W[j-3]) + alignr(W[j-1], W[j-2], 4), W[j-1])
// where W[j] is words 4j..4j+3. That is the pattern of Intel's reference code (Gulley et al.,
// "Intel SHA Extensions", 2013), written here as a 16-step loop over a ring of four message
// registers that the compiler unrolls, instead of 16 hand-unrolled copies.
#include "csha256.h"

#if defined(__x86_64__)

#include <cpuid.h>
#include <immintrin.h>

int csha256_has_ni(void) {
    unsigned int eax, ebx, ecx, edx;
    if (__get_cpuid_max(0, 0) < 7) return 0;
    if (!__get_cpuid(1, &eax, &ebx, &ecx, &edx)) return 0;
    // pshufb (SSSE3), pblendw (SSE4.1): the SHA path needs both besides the SHA instructions.
    if (!(ecx & bit_SSSE3) || !(ecx & bit_SSE4_1)) return 0;
    __cpuid_count(7, 0, eax, ebx, ecx, edx);
    return (ebx & (1u << 29)) ? 1 : 0;  // CPUID.(EAX=7,ECX=0):EBX.SHA[bit 29]
}

static const uint32_t K[64] __attribute__((aligned(16))) = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

// The target attribute enables the instructions for this function only, so the package needs
// no compiler flags and the rest of the binary still runs on any x86-64.
__attribute__((target("sha,sse4.1")))
void csha256_blocks(uint32_t state[8], const uint8_t *data, size_t blocks) {
    // Message words are big-endian; pshufb with this mask byte-swaps each 32-bit lane.
    const __m128i byteswap = _mm_set_epi64x(0x0c0d0e0f08090a0bULL, 0x0405060700010203ULL);

    // a..h → ABEF / CDGH (lane 3 holds the first letter of each name).
    __m128i dcba = _mm_loadu_si128((const __m128i *)&state[0]);
    __m128i hgfe = _mm_loadu_si128((const __m128i *)&state[4]);
    __m128i cdab = _mm_shuffle_epi32(dcba, 0xB1);
    __m128i efgh = _mm_shuffle_epi32(hgfe, 0x1B);
    __m128i abef = _mm_alignr_epi8(cdab, efgh, 8);
    __m128i cdgh = _mm_blend_epi16(efgh, cdab, 0xF0);

    while (blocks--) {
        const __m128i abef_in = abef, cdgh_in = cdgh;
        __m128i m[4];
        for (int j = 0; j < 4; j++)
            m[j] = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(data + 16 * j)), byteswap);

        // Step j does rounds 4j..4j+3 with words W[j] (ring slot j & 3) and meanwhile prepares
        // later words: the msg2 half of W[j+1] and the msg1 half of W[j+3], as the reference
        // interleaves them to hide instruction latency.
#pragma GCC unroll 16
        for (int j = 0; j < 16; j++) {
            __m128i wk = _mm_add_epi32(m[j & 3], _mm_load_si128((const __m128i *)&K[4 * j]));
            cdgh = _mm_sha256rnds2_epu32(cdgh, abef, wk);
            if (j >= 3 && j <= 14) {
                // W[j+1] lives in slot (j+1)&3, which already holds msg1(W[j-3], W[j-2]).
                __m128i w7 = _mm_alignr_epi8(m[j & 3], m[(j - 1) & 3], 4);
                m[(j + 1) & 3] = _mm_sha256msg2_epu32(_mm_add_epi32(m[(j + 1) & 3], w7), m[j & 3]);
            }
            wk = _mm_shuffle_epi32(wk, 0x0E);  // the upper two words for the second pair of rounds
            abef = _mm_sha256rnds2_epu32(abef, cdgh, wk);
            if (j >= 1 && j <= 12)
                m[(j - 1) & 3] = _mm_sha256msg1_epu32(m[(j - 1) & 3], m[j & 3]);
        }

        abef = _mm_add_epi32(abef, abef_in);
        cdgh = _mm_add_epi32(cdgh, cdgh_in);
        data += 64;
    }

    // ABEF / CDGH → a..h.
    __m128i feba = _mm_shuffle_epi32(abef, 0x1B);
    __m128i dchg = _mm_shuffle_epi32(cdgh, 0xB1);
    _mm_storeu_si128((__m128i *)&state[0], _mm_blend_epi16(feba, dchg, 0xF0));
    _mm_storeu_si128((__m128i *)&state[4], _mm_alignr_epi8(dchg, feba, 8));
}

#else

int csha256_has_ni(void) { return 0; }

// Never reached: callers check csha256_has_ni() first. Trapping beats returning a wrong digest.
void csha256_blocks(uint32_t state[8], const uint8_t *data, size_t blocks) {
    (void)state; (void)data; (void)blocks;
    __builtin_trap();
}

#endif
