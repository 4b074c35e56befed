#ifndef CMALLOC_TUNING_H
#define CMALLOC_TUNING_H

/// Keeps blocks up to 64 MB in glibc's heap and trims it only above 128 MB free, so buffers
/// of a few MB are reused file after file instead of being mapped, faulted in and unmapped
/// each time. Does nothing on other C libraries.
void pdpcheck_tune_malloc(void);

#endif
