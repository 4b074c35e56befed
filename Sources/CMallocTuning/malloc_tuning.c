#include <stdlib.h>
#include "cmalloc_tuning.h"

#if defined(__GLIBC__)
#include <malloc.h>
#endif

void pdpcheck_tune_malloc(void) {
#if defined(__GLIBC__)
    mallopt(M_MMAP_THRESHOLD, 64 << 20);
    mallopt(M_TRIM_THRESHOLD, 128 << 20);
#endif
}
