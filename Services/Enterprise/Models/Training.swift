import EntasDomain
import Foundation
import EntasStore
import GRDB
import Hummingbird

/// Pelatihan: a business or skills training session held in a desa.
struct Training: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord, LowercaseUUIDRecord {
    static let databaseTableName = "training"
    var id: UUID
    var title: String
    var sector: EnterpriseSector?
    var desaCode: RegionCode
    var heldOn: CalendarDate
}
