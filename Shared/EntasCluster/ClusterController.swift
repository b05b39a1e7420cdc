import EntasService
import Hummingbird

/// The routes of what one cluster keeps of its own beside the shared records (households,
/// assessments, enrolments, deliveries, referrals, graduations): social aid's shocks,
/// empowerment's groups and village projects, UMKM's enterprises, loans, trainings and
/// cooperatives, low-cost's works in stages.
///
/// A controller decodes the request, makes one call to its store extension (the intent-named
/// reads and writes in the service's `Database/` folder) and returns a typed answer. The
/// service lists its controllers in its ``ClusterDefinition``, its tables in its migrations.
/// Effects on households are still told to the others as the shared events (an enrolment
/// started, a benefit delivered, an enrolment ended), written by ``ClusterStore`` in the same
/// transaction as the record.
public protocol ClusterController: Sendable {
    /// Registers the routes under `/v1` (behind the service's token), each declared with its
    /// summary and request shapes (``DocumentedRoutes``).
    func addRoutes(to group: DocumentedRoutes<AgencyRequestContext>, store: ClusterStore)
}
