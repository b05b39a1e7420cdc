import EntasDomain
import Synchronization

/// What a handler tells the audit trail about its request: that its answer names people (a read to record),
/// how many households it wrote or named, and which region. One per request, in ``AgencyRequestContext``.
public final class AuditNote: Sendable {
    private struct Fields {
        var personalData = false
        var households: Int?
        var region: RegionCode?
    }

    private let fields = Mutex(Fields())

    public init() {}

    /// The answer names `households` households (names, NIKs or full KK numbers), in `region` when one.
    public func answered(households: Int, region: RegionCode? = nil) {
        fields.withLock {
            $0.personalData = true
            $0.households = households
            if let region { $0.region = region }
        }
    }

    /// The request wrote (or tried to write) `households` households, in `region` when one.
    public func wrote(households: Int? = nil, region: RegionCode? = nil) {
        fields.withLock {
            if let households { $0.households = households }
            if let region { $0.region = region }
        }
    }

    var personalData: Bool { fields.withLock { $0.personalData } }
    var households: Int? { fields.withLock { $0.households } }
    var region: RegionCode? { fields.withLock { $0.region } }
}
