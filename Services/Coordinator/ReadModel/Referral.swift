import EntasAPI
import EntasDomain
import EntasStore
import GRDB

/// A referral (rujukan) of a household from one cluster to another (`referral`), assembled from
/// `referral.made` and `referral.answered` in whichever order they arrive.
struct Referral: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "referral"

    /// The lowercase UUID.
    var referralID: String
    var householdKey: HouseholdKey
    var fromCluster: Cluster
    var toCluster: Cluster
    /// The referring agency's reason, as given; nil until `referral.made` arrives.
    var reason: String?
    var madeOn: CalendarDate?
    var outcome: ReferralOutcome?
    /// The answering agency's note, when it gave one.
    var note: String?
    var answeredOn: CalendarDate?

    enum Columns {
        static let householdKey = Column(CodingKeys.householdKey)
    }
}

extension Referral {
    /// Inserts or replaces the row with the household's number (``HouseholdNumber``), through one cached statement.
    func write(number: Int64, _ db: Database) throws {
        let statement = try db.cachedStatement(
            sql: """
                INSERT OR REPLACE INTO referralByHousehold
                (referralID, household, fromCluster, toCluster, reason, madeOn, outcome, note, answeredOn)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        try statement.execute(arguments: [referralID, number, fromCluster, toCluster, reason, madeOn, outcome, note, answeredOn])
    }
}
