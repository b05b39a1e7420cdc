import EntasAPI
import EntasDomain
import EntasStore
import Foundation
import GRDB

/// One benefit delivery (penyaluran) to a household (`delivery`), counted in `regionStrategy` in the desa the
/// delivery names. A second event with the same `deliveryID` replaces the first (its counts move with it).
struct Delivery: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "delivery"

    /// The lowercase UUID.
    var deliveryID: String
    /// The lowercase UUID of the enrolment (which may not have arrived yet).
    var enrolmentID: String
    var householdKey: HouseholdKey
    var cluster: Cluster
    var programme: String
    var strategy: Strategy
    var desaCode: RegionCode
    var amountRupiah: Int64?
    var inKindQuantity: Double?
    var inKindUnit: String?
    var period: Period
    var deliveredOn: CalendarDate

    enum Columns {
        static let householdKey = Column(CodingKeys.householdKey)
        static let deliveredOn = Column(CodingKeys.deliveredOn)
    }

    /// What this delivery adds to `regionStrategy` (deliveries and rupiah), in its desa.
    var cells: [StrategyCell: StrategyCounts] {
        var counts = StrategyCounts()
        counts.deliveries = 1
        counts.deliveredRupiah = amountRupiah ?? 0
        return [StrategyCell(desaCode: desaCode, cluster: cluster, strategy: strategy): counts]
    }
}
