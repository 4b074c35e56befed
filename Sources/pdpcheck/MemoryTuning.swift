/// glibc hands every allocation above 128 KB to mmap and gives it back on free, so a fix of a
/// folder of 5 MB photos faulted in and zeroed fresh pages for every copy of every file: more
/// than half of its CPU was the kernel's. Keeping blocks up to 64 MB in the heap (and trimming
/// it only above 128 MB free) reuses the same pages file after file. Memory stays bounded: the
/// jobs' buffers, and at most 128 MB of freed heap kept.
enum MemoryTuning {
    static func apply() {
        #if os(Linux) && canImport(Glibc)
        _ = glibcMallopt(glibcMmapThreshold, 64 << 20)
        _ = glibcMallopt(glibcTrimThreshold, 128 << 20)
        #endif
    }
}

#if os(Linux) && canImport(Glibc)
// <malloc.h> is not part of Swift's Glibc module; `int mallopt(int, int)` and its parameter
// numbers are glibc's stable ABI.
@_silgen_name("mallopt") private func glibcMallopt(_ parameter: Int32, _ value: Int32) -> Int32
private let glibcTrimThreshold: Int32 = -1  // M_TRIM_THRESHOLD
private let glibcMmapThreshold: Int32 = -3  // M_MMAP_THRESHOLD
#endif
