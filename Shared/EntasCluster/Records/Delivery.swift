import EntasService
import EntasDomain
import Foundation
import EntasStore
import GRDB

/// A benefit delivered under an enrolment: rupiah, or a quantity in kind.
public struct Delivery: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord, LowercaseUUIDRecord {
    public static let databaseTableName = "delivery"
    public var id: UUID
    public var enrolmentId: UUID
    public var amountRupiah: Int64?
    public var inKindQuantity: Double?
    public var inKindUnit: String?
    public var period: Period
    public var deliveredOn: CalendarDate
    /// The member the benefit went to, when named (PIP: the pupil enrolled).
    public var memberNIK: NIK?

    public enum Columns {
        public static let enrolmentId = Column(CodingKeys.enrolmentId)
    }
}
