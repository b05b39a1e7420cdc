import EntasDomain
import Foundation
import GRDB
import Hummingbird

/// Pelatihan: a business or skills training session held in a desa.
struct Training: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "training"
    var id: UUID
    var title: String
    var sector: EnterpriseSector?
    var desaCode: RegionCode
    var heldOn: CalendarDate

    static func databaseUUIDEncodingStrategy(for column: String) -> DatabaseUUIDEncodingStrategy { .lowercaseString }
}

/// A household member's attendance, recorded as a `training` delivery of one session.
struct Attendance: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "trainingAttendance"
    var trainingId: UUID
    var kkNumber: KKNumber
    var deliveryId: UUID

    static func databaseUUIDEncodingStrategy(for column: String) -> DatabaseUUIDEncodingStrategy { .lowercaseString }
}

struct TrainingDetail: ResponseCodable, Sendable {
    var training: Training
    var attendance: [Attendance]
}

struct TrainingList: ResponseCodable, Sendable {
    var trainings: [Training]
}

/// `POST /v1/trainings`.
struct TrainingRequest: Codable, Sendable {
    var title: String
    var sector: EnterpriseSector?
    var desaCode: RegionCode
    var heldOn: CalendarDate
}

/// `POST /v1/trainings/{id}/attendance`.
struct AttendanceRequest: Codable, Sendable {
    var kkNumber: KKNumber
}
