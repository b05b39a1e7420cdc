extension Array {
    /// The elements in consecutive slices of at most `size` (at least 1): a query over many keys runs one
    /// statement per slice, within SQLite's limit on host parameters.
    package func chunks(of size: Int = 500) -> [ArraySlice<Element>] {
        let size = Swift.max(size, 1)
        return stride(from: startIndex, to: endIndex, by: size).map { self[$0..<Swift.min($0 + size, endIndex)] }
    }
}
