import EntasDomain
import Hummingbird
import HummingbirdAuth

/// The request context of every Entas service: what authentication learned about the caller.
/// Controllers read `identity` through `requireIdentity()`, never raw headers.
public struct AgencyRequestContext: AuthRequestContext, RequestContext {
    public var coreContext: CoreRequestContextStorage
    public var identity: TokenIdentity?
    /// Set when a token was presented but refused, so the answer can say why.
    public var authenticationProblem: ProblemDocument?
    /// What the handler tells the audit trail (``AuditMiddleware``).
    public let audit = AuditNote()

    /// Who holds the caller's token (`dinsos-jember`), recorded with what it commits or sets.
    public var holder: String { identity?.name ?? "unknown" }

    /// The operator the request's events are recorded by: the token's id and holder.
    public var actor: EventActor? {
        identity.map { EventActor(id: $0.tokenID.lowercaseText, name: $0.name) }
    }

    public init(source: Source) {
        coreContext = .init(source: source)
        identity = nil
        authenticationProblem = nil
    }

    /// The most a JSON body may have: more than Hummingbird's 2 MiB; CSV imports and bulk
    /// files stream and are not held by this limit. Over it: 413 `body-too-large`.
    public static let maximumBodyBytes = 8 * 1024 * 1024

    public var maxUploadSize: Int { Self.maximumBodyBytes }
}
