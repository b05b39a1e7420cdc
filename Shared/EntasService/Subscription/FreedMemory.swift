#if os(Linux)
    /// glibc's `malloc_trim` (`<malloc.h>`, which the Glibc module does not bring in).
    @_silgen_name("malloc_trim")
    private func glibcMallocTrim(_ pad: Int) -> Int32
#endif

/// Memory the process has freed, handed back to the system.
public enum FreedMemory {
    /// glibc keeps what a thread frees for its next allocations, in every arena, and returns pages only from the
    /// top of the main heap: after a batch of thousands of small allocations the resident set stays at the
    /// batch's peak. `malloc_trim(0)` returns every whole free page of every arena. Nothing elsewhere.
    public static func release() {
        #if os(Linux)
            _ = glibcMallocTrim(0)
        #endif
    }
}
