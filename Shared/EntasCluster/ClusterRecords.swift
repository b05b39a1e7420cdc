import EntasService
import GRDB
import Hummingbird

/// What one cluster keeps of its own beside the shared records (households, assessments,
/// enrolments, deliveries, referrals, graduations): social aid's shocks, empowerment's
/// groups and village projects, UMKM's enterprises and loans, low-cost's works in stages.
///
/// A service folder defines its records with this protocol and lists them in its
/// `ClusterDefinition`; the shared runtime adds their tables and routes. Their effects on
/// households are still told to the others as the shared events (an enrolment started, a
/// benefit delivered, an enrolment ended), written through `ClusterStore` in the same
/// transaction as the record.
public protocol ClusterRecords: Sendable {
    /// This cluster's own tables. Migration names start with the service name, and, like
    /// every migration, are never edited once released: a change is a new migration.
    func registerMigrations(_ migrator: inout DatabaseMigrator)

    /// The routes under `/v1` (behind the service's token).
    func addRoutes(to group: RouterGroup<AgencyRequestContext>, store: ClusterStore)

    /// One line per route for `/openapi.json`, keyed `"METHOD /path"`.
    var summaries: [String: String] { get }
}
