import EntasDomain
import Foundation
import GRDB
import Hummingbird

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
