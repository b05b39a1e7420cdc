import EntasDomain
import Foundation
import EntasStore
import GRDB
import Hummingbird

/// A shock recorded for a household, and the relief given for it, if any.
struct Shock: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord, LowercaseUUIDRecord, ResponseCodable {
    static let databaseTableName = "shock"
    var id: UUID
    var kkNumber: KKNumber
    var kind: ShockKind
    var occurredOn: CalendarDate
    var note: String?
    /// The shock-relief enrolment the relief was delivered under (ended once delivered).
    var reliefEnrolmentId: UUID?
    var reliefDeliveryId: UUID?

    enum Columns {
        static let kkNumber = Column(CodingKeys.kkNumber)
        static let kind = Column(CodingKeys.kind)
        static let occurredOn = Column(CodingKeys.occurredOn)
    }
}
