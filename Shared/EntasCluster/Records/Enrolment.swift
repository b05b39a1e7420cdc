import EntasService
import EntasDomain
import Foundation
import EntasStore
import GRDB

/// A household's enrolment in one of this cluster's programmes.
public struct Enrolment: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord, LowercaseUUIDRecord {
    public static let databaseTableName = "enrolment"
    public var id: UUID
    public var kkNumber: KKNumber
    public var programme: String
    public var strategy: Strategy
    public var startedOn: CalendarDate
    public var endedOn: CalendarDate?
    public var endReason: String?
    /// The member enrolled, for a programme of one person (PIP); nil for the household.
    public var memberNIK: NIK?
    /// PKH: the components the family counted under when enrolled.
    public var pkhComponents: [PKHComponent]?

    public var isActive: Bool { endedOn == nil }

    public enum Columns {
        public static let id = Column(CodingKeys.id)
        public static let kkNumber = Column(CodingKeys.kkNumber)
        public static let programme = Column(CodingKeys.programme)
        public static let endedOn = Column(CodingKeys.endedOn)
    }
}
