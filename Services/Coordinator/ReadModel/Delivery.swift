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

extension Delivery {
    /// Inserts or replaces the row through one cached statement (GRDB's `upsert()` builds its SQL per call), with
    /// the household's number (``HouseholdNumber``).
    func write(number: Int64, _ db: Database) throws {
        let statement = try db.cachedStatement(
            sql: """
                INSERT INTO deliveryByHousehold (deliveryID, enrolmentID, household, cluster, programme, strategy, desaCode,
                amountRupiah, inKindQuantity, inKindUnit, period, deliveredOn)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (deliveryID) DO UPDATE SET
                enrolmentID = excluded.enrolmentID, household = excluded.household, cluster = excluded.cluster,
                programme = excluded.programme, strategy = excluded.strategy, desaCode = excluded.desaCode,
                amountRupiah = excluded.amountRupiah, inKindQuantity = excluded.inKindQuantity,
                inKindUnit = excluded.inKindUnit, period = excluded.period, deliveredOn = excluded.deliveredOn
                """)
        try statement.execute(arguments: [
            deliveryID, enrolmentID, number, cluster, programme, strategy, desaCode, amountRupiah, inKindQuantity,
            inKindUnit, period, deliveredOn,
        ])
    }

    /// Inserts the row, with the household's number, unless one with its id exists (then nothing changes); true
    /// when it was inserted.
    func insertIfNew(number: Int64, _ db: Database) throws -> Bool {
        try DirectStatement(
            db,
            sql: """
                INSERT INTO deliveryByHousehold (deliveryID, enrolmentID, household, cluster, programme, strategy, desaCode, amountRupiah, inKindQuantity, inKindUnit, period, deliveredOn)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
                """
        ).execute(
            deliveryID, enrolmentID, number, cluster, programme, strategy, desaCode, amountRupiah, inKindQuantity, inKindUnit, period,
            deliveredOn)
        return db.changesCount == 1
    }
}
