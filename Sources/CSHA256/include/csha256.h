#ifndef CSHA256_H
#define CSHA256_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// 1 when this CPU has the SHA extensions (and SSE4.1, which the SHA-NI code path also uses);
/// 0 otherwise, and always 0 on non-x86-64 builds.
int csha256_has_ni(void);

/// Runs the SHA-256 compression function over `blocks` consecutive 64-byte blocks at `data`,
/// updating `state` (a, b, …, h as in FIPS 180-4). Padding is the caller's job. Call only when
/// csha256_has_ni() returned 1: the code uses SHA-NI instructions unconditionally.
void csha256_blocks(uint32_t state[8], const uint8_t *data, size_t blocks);

#ifdef __cplusplus
}
#endif

#endif
