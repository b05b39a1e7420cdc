import EntasService
import EntasDomain
import Foundation
import EntasStore
import GRDB

/// A referral between clusters, as either side keeps it.
public struct Referral: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord, LowercaseUUIDRecord {
    public static let databaseTableName = "referral"
    public var id: UUID
    public var kkNumber: KKNumber
    public var desaCode: RegionCode
    public var fromCluster: Cluster
    public var toCluster: Cluster
    public var reason: String
    public var madeOn: CalendarDate
    public var outcome: ReferralOutcome?
    public var note: String?
    public var answeredOn: CalendarDate?

    public enum Columns {
        public static let id = Column(CodingKeys.id)
        public static let toCluster = Column(CodingKeys.toCluster)
        public static let fromCluster = Column(CodingKeys.fromCluster)
        public static let outcome = Column(CodingKeys.outcome)
    }
}
