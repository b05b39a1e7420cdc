import EntasService
import EntasDomain
import Foundation
import EntasStore
import GRDB

/// This cluster's own latest assessment of a household.
public struct HouseholdStatus: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "householdStatus"
    public var kkNumber: KKNumber
    public var status: PovertyStatus
    public var criteriaMet: [PovertyCriterion]
    public var assessedOn: CalendarDate
    public var assessor: String
}
