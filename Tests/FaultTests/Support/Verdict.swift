import Testing

/// The checks of one scenario: each failure is recorded as a test issue (with its message)
/// and makes the scenario's row in the summary FAIL.
final class Verdict: @unchecked Sendable {
    private(set) var passed = true

    func check(_ condition: Bool, _ message: @autoclosure () -> String, sourceLocation: SourceLocation = #_sourceLocation) {
        guard !condition else { return }
        passed = false
        Issue.record(Comment(rawValue: message()), sourceLocation: sourceLocation)
    }
}
