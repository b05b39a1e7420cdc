import EntasDomain
import EntasCluster
import EntasService
import Foundation
import GRDB
import Hummingbird

/// `POST /v1/enrolments/{id}/stages`. At the last stage, what the work cost may be given.
struct StageRequest: Codable, Sendable {
    var stage: String
    var reachedOn: CalendarDate
    var note: String?
    var costRupiah: Int64?
}
