import EntasDomain
import Foundation

@testable import Coordinator

extension EventScript {
    /// Adds a `commitment.made` of `cluster`; pass the id of an earlier one to revise it.
    @discardableResult
    mutating func commit(
        _ cluster: Cluster, _ programme: String, _ strategy: Strategy, region: String, period: String = "2027", households: Int,
        deliveries: Int = 0, rupiah: Int64 = 0, madeOn: String = "2026-11-02", revising id: UUID = UUID()
    ) throws -> UUID {
        add(
            CommitmentMade(
                commitmentID: id, cluster: cluster, regionCode: try RegionCode(region), period: try Period(period),
                programme: programme, strategy: strategy, households: households, deliveries: deliveries,
                budgetRupiah: rupiah, madeOn: try CalendarDate(madeOn)),
            by: cluster)
        return id
    }
}
