/// A failed expectation of the fault harness itself, with what was seen.
struct FaultFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
