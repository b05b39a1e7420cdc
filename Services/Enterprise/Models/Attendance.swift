import EntasDomain
import Foundation
import GRDB
import Hummingbird

/// A household member's attendance, recorded as a `training` delivery of one session.
struct Attendance: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "trainingAttendance"
    var trainingId: UUID
    var kkNumber: KKNumber
    var deliveryId: UUID

    static func databaseUUIDEncodingStrategy(for column: String) -> DatabaseUUIDEncodingStrategy { .lowercaseString }
}
