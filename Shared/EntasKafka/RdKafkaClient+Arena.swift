import Foundation

extension RdKafkaClient {
    /// C memory for produce calls: the strings and bytes that must outlive one `rd_kafka_produceva` (which copies
    /// them), in one block reused from record to record, so a batch of records costs a few allocations, not one
    /// for each topic, key, value and header of each record.
    struct CArena {
        private var block: UnsafeMutableRawPointer?
        private var capacity = 0
        private var used = 0

        /// Starts a record: the memory handed out before may be reused, and `bytes` more fit without moving
        /// the block (pointers handed out stay valid until the next `reset`).
        mutating func reset(reserving bytes: Int) {
            used = 0
            guard bytes > capacity else { return }
            Foundation.free(block)
            capacity = max(bytes, 2 * capacity, 4_096)
            block = malloc(capacity)!  // allocation failure is not recoverable
        }

        /// The bytes `reset(reserving:)` must reserve for `text` as a C string.
        static func size(of text: String) -> Int { text.utf8.count + 1 }

        mutating func string(_ text: String) -> UnsafeMutablePointer<CChar> {
            let pointer = take(Self.size(of: text)).assumingMemoryBound(to: CChar.self)
            var text = text
            text.withUTF8 { utf8 in
                if let base = utf8.baseAddress { UnsafeMutableRawPointer(pointer).copyMemory(from: base, byteCount: utf8.count) }
                pointer[utf8.count] = 0
            }
            return pointer
        }

        mutating func bytes(_ data: Data) -> UnsafeMutableRawPointer {
            let pointer = take(max(data.count, 1))
            data.withUnsafeBytes { source in
                if let base = source.baseAddress { pointer.copyMemory(from: base, byteCount: data.count) }
            }
            return pointer
        }

        private mutating func take(_ count: Int) -> UnsafeMutableRawPointer {
            precondition(used + count <= capacity, "CArena.reset(reserving:) reserved too little")
            // Pointers are handed out as they are; produceva copies, so no alignment is needed.
            guard let block else { preconditionFailure("CArena used before reset(reserving:)") }
            defer { used += count }
            return block + used
        }

        func free() {
            Foundation.free(block)
        }
    }
}
