import EntasDomain
import Foundation
import EntasStore
import GRDB
import Hummingbird

/// A household member's attendance, recorded as a `training` delivery of one session.
struct Attendance: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord, LowercaseUUIDRecord {
    static let databaseTableName = "trainingAttendance"
    var trainingId: UUID
    var kkNumber: KKNumber
    var deliveryId: UUID
}
