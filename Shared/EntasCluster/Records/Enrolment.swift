import EntasService
import EntasDomain
import Foundation
import GRDB

/// A household's enrolment in one of this cluster's programmes.
public struct Enrolment: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "enrolment"
    public var id: UUID
    public var kkNumber: KKNumber
    public var programme: String
    public var strategy: Strategy
    public var startedOn: CalendarDate
    public var endedOn: CalendarDate?
    public var endReason: String?

    public var isActive: Bool { endedOn == nil }

    public enum Columns {
        public static let id = Column(CodingKeys.id)
        public static let kkNumber = Column(CodingKeys.kkNumber)
        public static let programme = Column(CodingKeys.programme)
        public static let endedOn = Column(CodingKeys.endedOn)
    }

    public static func databaseUUIDEncodingStrategy(for column: String) -> DatabaseUUIDEncodingStrategy { .lowercaseString }
}

/// A benefit delivered under an enrolment: rupiah, or a quantity in kind.
public struct Delivery: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "delivery"
    public var id: UUID
    public var enrolmentId: UUID
    public var amountRupiah: Int64?
    public var inKindQuantity: Double?
    public var inKindUnit: String?
    public var period: Period
    public var deliveredOn: CalendarDate

    public enum Columns {
        public static let enrolmentId = Column(CodingKeys.enrolmentId)
    }

    public static func databaseUUIDEncodingStrategy(for column: String) -> DatabaseUUIDEncodingStrategy { .lowercaseString }
}

/// A referral between clusters, as either side keeps it.
public struct Referral: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
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

    public static func databaseUUIDEncodingStrategy(for column: String) -> DatabaseUUIDEncodingStrategy { .lowercaseString }
}

/// This cluster's own latest assessment of a household.
public struct HouseholdStatus: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "householdStatus"
    public var kkNumber: KKNumber
    public var status: PovertyStatus
    public var criteriaMet: [PovertyCriterion]
    public var assessedOn: CalendarDate
    public var assessor: String
}

/// A household this cluster no longer serves because it left poverty, with why and when.
public struct Graduation: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "graduation"
    public var kkNumber: KKNumber
    public var reason: String
    public var graduatedOn: CalendarDate
}

