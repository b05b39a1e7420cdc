/// Waits until `condition` holds, asking every `interval`, or throws ``NotReached`` naming
/// `what` once `timeout` has passed. Tests wait for what they expect instead of sleeping.
public func eventually(
    _ what: @autoclosure () -> String, timeout: Duration = .seconds(60), every interval: Duration = .milliseconds(50),
    _ condition: () async throws -> Bool
) async throws {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
        if try await condition() { return }
        try await Task.sleep(for: interval)
    }
    throw NotReached(description: "not reached within \(timeout): \(what())")
}

/// What ``eventually(_:timeout:every:_:)`` throws when the condition never held.
public struct NotReached: Error, CustomStringConvertible {
    public let description: String
}
