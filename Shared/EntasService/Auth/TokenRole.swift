import GRDB

/// What a token may do (an operator's role).
///
/// - `read`: the `/v1` reads only; any write answers 403 `read-only-token` (an analyst, a monitoring desk).
/// - `write`: reads and writes the service's ordinary routes (the agencies' operators; tokens issued before
///   roles existed became `write`, which they could already do).
/// - `admin`: also what changes settings or reads the audit trail (Bappeda's targets, `GET /v1/audit`).
public enum TokenRole: String, Sendable, Hashable, Codable, CaseIterable, DatabaseValueConvertible {
    case read
    case write
    case admin

    /// The role as `token create --role` takes it: `read`, `write` or `admin`; `standard`, the earlier name
    /// of `write`, still reads as `write`.
    public init?(name: String) {
        if name == "standard" { self = .write } else { self.init(rawValue: name) }
    }
}
