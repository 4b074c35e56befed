import CMallocTuning

/// glibc hands every allocation above 128 KB to mmap and gives it back on free, so a fix of a
/// folder of 5 MB photos faulted in and zeroed fresh pages for every copy of every file: more
/// than half of its CPU was the kernel's. Keeping blocks up to 64 MB in the heap (and trimming
/// it only above 128 MB free) reuses the same pages file after file. Memory stays bounded: the
/// jobs' buffers, and at most 128 MB of freed heap kept. `mallopt` lives in <malloc.h>, which
/// Swift's Glibc module does not export, hence the small C target.
enum MemoryTuning {
    static func apply() {
        pdpcheck_tune_malloc()
    }
}
