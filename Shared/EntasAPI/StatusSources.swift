import EntasDomain

/// Whether a cluster's latest word came from an assessment or from a graduation.
public enum AssessmentSource: String, Sendable, Hashable, Codable {
    /// A `household.assessed` event.
    case assessment
    /// A `household.graduated` event, read as the status `graduated`.
    case graduation
}

/// Where a registered baseline came from: a registration's PPLS 2008 status, or the first assessment.
public enum BaselineSource: String, Sendable, Hashable, Codable {
    /// A registration's `baselineStatus` (PPLS 2008).
    case registration
    /// The earliest assessment, when no registration gave a baseline.
    case assessment
}
