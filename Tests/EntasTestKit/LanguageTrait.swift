import EntasDomain
import Testing

/// Runs a test, or every test of a suite, in `language`: ``Language/current`` is set for the test's task
/// and everything it starts in-process (a service answers a request that names no language in it; the
/// test's HTTP clients send it as `Accept-Language`). The suites written before the Indonesian texts
/// assert their English wording with `.english`.
public struct LanguageTrait: SuiteTrait, TestTrait, TestScoping {
    public let language: Language

    public var isRecursive: Bool { true }

    public func provideScope(
        for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void
    ) async throws {
        try await Language.$current.withValue(language) { try await function() }
    }
}

extension Trait where Self == LanguageTrait {
    /// The test runs in `language`.
    public static func language(_ language: Language) -> Self { LanguageTrait(language: language) }

    /// The test runs in English.
    public static var english: Self { LanguageTrait(language: .english) }
}
