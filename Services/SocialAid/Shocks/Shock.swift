import EntasDomain
import Foundation
import GRDB
import Hummingbird

/// What struck a household (guncangan): the events after which social aid gives relief.
enum ShockKind: String, Codable, Sendable, CaseIterable, DatabaseValueConvertible {
    /// Sakit: serious illness of a member.
    case illness
    /// Kematian pencari nafkah: the breadwinner died.
    case breadwinnerDeath
    /// Kehilangan pekerjaan (PHK): the breadwinner lost their work.
    case jobLoss
    /// Bencana: flood, landslide, fire, drought.
    case disaster
}

/// A shock recorded for a household, and the relief given for it, if any.
struct Shock: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord, ResponseCodable {
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

    static func databaseUUIDEncodingStrategy(for column: String) -> DatabaseUUIDEncodingStrategy { .lowercaseString }
}

/// `POST /v1/shocks`: the shock, and optionally the relief given for it.
struct ShockRequest: Codable, Sendable {
    var kkNumber: KKNumber
    var kind: ShockKind
    var occurredOn: CalendarDate
    var note: String?
    var relief: ReliefRequest?
}

/// Relief given after a shock: rupiah, or a quantity in kind, on a day.
struct ReliefRequest: Codable, Sendable {
    var amountRupiah: Int64?
    var inKindQuantity: Double?
    var inKindUnit: String?
    var deliveredOn: CalendarDate
}

struct ShockList: ResponseCodable, Sendable {
    var shocks: [Shock]
}
