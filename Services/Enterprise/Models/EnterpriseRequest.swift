import EntasDomain
import Foundation
import GRDB
import Hummingbird

/// `POST /v1/enterprises`.
struct EnterpriseRequest: Codable, Sendable {
    var kkNumber: KKNumber
    var ownerNIK: NIK
    var name: String
    var sector: EnterpriseSector
    var startedOn: CalendarDate
}
