#if os(Linux)
    /// glibc's `mallopt` and `malloc_trim` (`<malloc.h>`, which the Glibc module does not bring in).
    @_silgen_name("mallopt")
    private func glibcMallopt(_ parameter: Int32, _ value: Int32) -> Int32
    @_silgen_name("malloc_trim")
    private func glibcMallocTrim(_ pad: Int) -> Int32
    /// `M_ARENA_MAX` of `<malloc.h>`.
    private let glibcArenaMax: Int32 = -8
#endif

/// How the process's allocator keeps memory (glibc's malloc; nothing elsewhere).
public enum ProcessMemory {
    /// glibc gives each thread that allocates an arena of its own, up to eight a core, and keeps what each freed:
    /// two arenas held the coordinator's peak RSS inside its target (docs/performance.md). Call it first thing.
    static func useTwoArenas() {
        #if os(Linux)
            _ = glibcMallopt(glibcArenaMax, 2)
        #endif
    }

    /// glibc keeps what a thread frees for its next allocations, in every arena, and returns pages only from the
    /// top of the main heap: after a batch of thousands of small allocations the resident set stays at the
    /// batch's peak. `malloc_trim(0)` returns every whole free page of every arena.
    public static func releaseFreed() {
        #if os(Linux)
            _ = glibcMallocTrim(0)
        #endif
    }
}
