import Foundation

extension RdKafkaClient {
    /// C memory for one produce call: strings and bytes that must outlive `rd_kafka_produceva`.
    struct CArena {
        private var allocations: [UnsafeMutableRawPointer] = []

        mutating func string(_ text: String) -> UnsafeMutablePointer<CChar> {
            let pointer = strdup(text)!  // allocation failure is not recoverable
            allocations.append(UnsafeMutableRawPointer(pointer))
            return pointer
        }

        mutating func bytes(_ data: Data) -> UnsafeMutableRawPointer {
            let pointer = malloc(max(data.count, 1))!  // allocation failure is not recoverable
            data.withUnsafeBytes { source in
                if let base = source.baseAddress { pointer.copyMemory(from: base, byteCount: data.count) }
            }
            allocations.append(pointer)
            return pointer
        }

        func free() {
            for pointer in allocations { Foundation.free(pointer) }
        }
    }
}
