import EntasDomain
import Foundation
import EntasStore
import GRDB
import Hummingbird

/// Usaha mikro: an enterprise run by a member of a household (its owner, by NIK).
struct Enterprise: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord, LowercaseUUIDRecord, ResponseCodable {
    static let databaseTableName = "enterprise"
    var id: UUID
    var kkNumber: KKNumber
    /// The owner's NIK. Shown only by this service, to holders of its tokens.
    var ownerNIK: NIK
    var name: String
    var sector: EnterpriseSector
    var startedOn: CalendarDate

    enum Columns {
        static let kkNumber = Column(CodingKeys.kkNumber)
        static let sector = Column(CodingKeys.sector)
        static let startedOn = Column(CodingKeys.startedOn)
    }
}
