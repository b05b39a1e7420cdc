import Hummingbird
import HummingbirdAuth

/// The request context of every Entas service: what authentication learned about the caller.
/// Controllers read `identity` through `requireIdentity()`, never raw headers.
public struct AgencyRequestContext: AuthRequestContext, RequestContext {
    public var coreContext: CoreRequestContextStorage
    public var identity: TokenIdentity?
    /// Set when a token was presented but refused, so the answer can say why.
    public var authenticationProblem: ProblemDocument?

    public init(source: Source) {
        coreContext = .init(source: source)
        identity = nil
        authenticationProblem = nil
    }

    /// A larger upload limit than Hummingbird's 2 MiB for JSON bodies; CSV imports stream.
    public var maxUploadSize: Int { 8 * 1024 * 1024 }
}
