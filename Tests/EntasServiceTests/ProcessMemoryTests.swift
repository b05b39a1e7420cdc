import EntasService
import Foundation
import Testing

@Suite("Freed memory goes back to the system")
struct ProcessMemoryTests {
    #if os(Linux)
        @Test("after a batch's worth of small allocations is freed, releasing it lowers the resident set")
        func releasesFreedPages() throws {
            // 64 MiB in 1,000-byte blocks, as a batch's decoded events are; a block allocated after them and kept
            // holds them below the heap's top, where free() alone gives nothing back.
            var blocks = (0..<65_536).map { _ in [UInt8](repeating: 1, count: 1_000) }
            let fence = [UInt8](repeating: 2, count: 1_000)
            blocks.removeAll()
            let kept = try Self.residentBytes()
            ProcessMemory.releaseFreed()
            let released = try Self.residentBytes()
            #expect(kept - released > 16 << 20, "resident \(kept >> 20) MiB before the release, \(released >> 20) MiB after")
            withExtendedLifetime(fence) {}
        }

        /// The process's resident set (`/proc/self/statm`, its second field, in pages).
        static func residentBytes() throws -> Int {
            let fields = try String(contentsOfFile: "/proc/self/statm", encoding: .utf8).split(separator: " ")
            return try #require(fields.count > 1 ? Int(fields[1]) : nil) * Int(sysconf(Int32(_SC_PAGESIZE)))
        }
    #endif
}
