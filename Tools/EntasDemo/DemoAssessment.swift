import EntasDomain

/// A cluster states its status for a household: `POST /v1/households/{kk}/assessments` at ``cluster``'s
/// service. Encodes as that route's body (the service ignores the extra `kkNumber` and `cluster`).
public struct DemoAssessment: Sendable, Hashable, Codable {
    /// The household.
    public var kkNumber: String
    /// The assessing cluster (whose service receives the request).
    public var cluster: Cluster
    /// The status it states.
    public var status: PovertyStatus
    /// The criteria it found met, in the status's band, sorted by number.
    public var criteriaMet: [PovertyCriterion]
    /// The day of the visit, in 2025.
    public var assessedOn: CalendarDate
    /// The officer or team, e.g. `tksk-350931-04`.
    public var assessor: String
}
