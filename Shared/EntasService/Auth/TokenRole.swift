import GRDB

/// What a token may do beyond reading and writing its service's ordinary routes.
///
/// Every token is `standard` unless issued with `--role admin`. The coordinator asks for `admin` where
/// Bappeda decides rather than reads: setting the province's targets (`PUT /v1/targets`). The cluster
/// services do not use the role yet.
public enum TokenRole: String, Sendable, Hashable, Codable, CaseIterable, DatabaseValueConvertible {
    /// The ordinary token of an agency or an analyst.
    case standard
    /// A token that may also change the service's settings (Bappeda's planners at the coordinator).
    case admin
}
