import EntasService
import EntasDomain
import Foundation
import GRDB
import Hummingbird

/// One community group, village project or cooperative, with its member count.
public struct Collective: Codable, Sendable, Equatable, FetchableRecord, ResponseCodable {
    public var id: UUID
    public var kind: String
    public var name: String
    public var desaCode: RegionCode
    public var startedOn: CalendarDate
    public var endsOn: CalendarDate?
    public var budgetRupiah: Int64?
    public var closedOn: CalendarDate?
    /// Members who have not left.
    public var activeMembers: Int
}

/// A household's membership of a collective and the enrolment it counts under.
public struct CollectiveMember: Codable, Sendable, Equatable, FetchableRecord {
    public var collectiveId: UUID
    public var kkNumber: KKNumber
    public var joinedOn: CalendarDate
    public var leftOn: CalendarDate?
    public var leftReason: String?
    public var enrolmentId: UUID
}

/// A collective with its members, for `GET /v1/<route>/{id}`.
public struct CollectiveDetail: ResponseCodable, Sendable {
    public var collective: Collective
    public var members: [CollectiveMember]
}

public struct CollectiveList: ResponseCodable, Sendable {
    public var total: Int
    public var items: [Collective]
}

/// `POST /v1/<route>`.
public struct CollectiveRequest: Codable, Sendable {
    public var kind: String
    public var name: String
    public var desaCode: RegionCode
    public var startedOn: CalendarDate
    public var endsOn: CalendarDate?
    public var budgetRupiah: Int64?
}

/// `POST /v1/<route>/{id}/members`.
public struct JoinRequest: Codable, Sendable {
    public var kkNumber: KKNumber
    public var joinedOn: CalendarDate
}

/// `POST /v1/<route>/{id}/members/{kk}/leave` and `POST /v1/<route>/{id}/close`.
public struct LeaveRequest: Codable, Sendable {
    public var on: CalendarDate
    public var reason: String
}

/// `GET /v1/households/{kk}/<route>`: the collectives of one kind a household belongs or belonged to.
public struct MembershipList: ResponseCodable, Sendable {
    public var memberships: [CollectiveMember]
}
