import EntasDomain
import Foundation

/// `POST /v1/households/{kk}/verification`: the result of a field verification, recorded from the worklist.
public struct VerificationRecord: Codable, Sendable {
    /// The household's open case, as the worklist shows it.
    public var caseID: UUID
    /// The status found: sangatMiskin, miskin, hampirMiskin or tidakMiskin.
    public var status: PovertyStatus
    public var criteriaMet: [PovertyCriterion]
    /// The day of the musyawarah desa.
    public var verifiedOn: CalendarDate
    /// The officer or team identifier (not a personal name).
    public var verifier: String
    /// The musyawarah desa's minutes (berita acara) reference.
    public var minutesReference: String
}

/// `POST /v1/households/{kk}/verification-request`: this cluster doubts the household's data.
public struct VerificationAsk: Codable, Sendable {
    public var reason: String
    /// The day of the request; today (WIB) when absent.
    public var requestedOn: CalendarDate?
}

/// `POST /v1/verification/assignments`: every open case of a desa or kecamatan goes to one of this cluster's
/// teams.
public struct CaseAssignment: Codable, Sendable {
    /// The desa or kecamatan the team works.
    public var areaCode: RegionCode
    public var team: String
    /// The day of the assignment; today (WIB) when absent.
    public var assignedOn: CalendarDate?
}

/// The answer to a ``CaseAssignment``: how many open cases the team took.
public struct AssignmentResult: Codable, Sendable {
    public var areaCode: RegionCode
    public var team: String
    public var assigned: Int
}

/// The answer to a recorded verification or request: the event published.
public struct VerificationReceipt: Codable, Sendable {
    public var kkNumber: String
    public var eventType: String
    public var eventID: UUID
}
