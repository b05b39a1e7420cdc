import EntasDomain
import Foundation

@testable import Coordinator

/// Builds events with the real payload types and envelopes: each event gets the next `ce_time` (one
/// minute apart, from 2027-01-05 08:00 WIB) and a fresh id, and is kept in ``events`` in that order.
struct EventScript {
    private(set) var events: [EventEnvelope] = []
    private var clock = Date(timeIntervalSince1970: 1_799_118_000)  // 2027-01-05T01:00:00Z
    private var taken = 0

    /// The events added since the last call (all of them the first time).
    mutating func takeNew() -> [EventEnvelope] {
        defer { taken = events.count }
        return Array(events[taken...])
    }

    /// Adds an event stated by `cluster`.
    @discardableResult
    mutating func add(_ data: some EventData, by cluster: Cluster) -> EventEnvelope {
        clock.addTimeInterval(60)
        let envelope = EventEnvelope(cluster: cluster, time: clock, payload: data.eventPayload)
        events.append(envelope)
        return envelope
    }

    mutating func register(
        _ household: TestHousehold, baseline: PovertyStatus? = nil, by cluster: Cluster = .socialAid
    ) throws {
        add(
            HouseholdRegistered(
                kkNumber: household.kk, headNIK: household.nik, headName: household.headName,
                address: "Dusun Krajan RT 002 RW 001", desaCode: household.desa, memberCount: 4,
                criteriaMet: Array(PovertyCriterion.allCases.prefix(9)), baselineStatus: baseline,
                registeredBy: cluster),
            by: cluster)
    }

    mutating func assess(
        _ household: TestHousehold, _ status: PovertyStatus, by cluster: Cluster, on day: String, criteria: Int = 10
    ) throws {
        add(
            HouseholdAssessed(
                kkNumber: household.kk, desaCode: household.desa, cluster: cluster, status: status,
                criteriaMet: Array(PovertyCriterion.allCases.prefix(criteria)), assessedOn: try CalendarDate(day),
                assessor: "tim-\(cluster.serviceName)-01"),
            by: cluster)
    }

    mutating func verify(
        _ household: TestHousehold, _ status: PovertyStatus, by cluster: Cluster = .socialAid, on day: String,
        caseID: UUID? = nil
    ) throws {
        add(
            HouseholdVerified(
                kkNumber: household.kk, desaCode: household.desa, cluster: cluster, caseID: caseID, status: status,
                criteriaMet: Array(PovertyCriterion.allCases.prefix(9)), verifiedOn: try CalendarDate(day),
                verifier: "tksk-\(cluster.serviceName)-1", minutesReference: "BA-MUSDES/\(household.desa)/\(day)"),
            by: cluster)
    }

    mutating func requestVerification(_ household: TestHousehold, by cluster: Cluster, on day: String) throws {
        add(
            VerificationRequested(
                kkNumber: household.kk, desaCode: household.desa, cluster: cluster, reason: "Data diragukan",
                requestedOn: try CalendarDate(day)),
            by: cluster)
    }

    mutating func assign(
        _ household: TestHousehold, case caseID: UUID, to team: String, by cluster: Cluster = .socialAid, on day: String
    ) throws {
        add(
            VerificationAssigned(
                kkNumber: household.kk, desaCode: household.desa, cluster: cluster, caseID: caseID, team: team,
                areaCode: household.desa, assignedOn: try CalendarDate(day)),
            by: cluster)
    }

    mutating func graduate(_ household: TestHousehold, by cluster: Cluster, on day: String) throws {
        add(
            HouseholdGraduated(
                kkNumber: household.kk, desaCode: household.desa, cluster: cluster, reason: "Usaha berjalan",
                graduatedOn: try CalendarDate(day)),
            by: cluster)
    }

    @discardableResult
    mutating func enrol(
        _ household: TestHousehold, in cluster: Cluster, programme: String = "pkh",
        strategy: Strategy = .socialProtection, on day: String, id: UUID = UUID()
    ) throws -> UUID {
        add(
            EnrolmentStarted(
                enrolmentID: id, kkNumber: household.kk, desaCode: household.desa, cluster: cluster,
                programme: programme, strategy: strategy, startedOn: try CalendarDate(day)),
            by: cluster)
        return id
    }

    mutating func end(
        _ enrolment: UUID, of household: TestHousehold, in cluster: Cluster, programme: String = "pkh", on day: String
    ) throws {
        add(
            EnrolmentEnded(
                enrolmentID: enrolment, kkNumber: household.kk, desaCode: household.desa, cluster: cluster,
                programme: programme, endedOn: try CalendarDate(day), reason: "Selesai"),
            by: cluster)
    }

    mutating func deliver(
        _ household: TestHousehold, enrolment: UUID, by cluster: Cluster, programme: String = "pkh",
        strategy: Strategy = .socialProtection, rupiah: Int64?, kilograms: Double? = nil, on day: String
    ) throws {
        add(
            BenefitDelivered(
                deliveryID: UUID(), enrolmentID: enrolment, kkNumber: household.kk, desaCode: household.desa,
                cluster: cluster, programme: programme, strategy: strategy, amountRupiah: rupiah,
                inKindQuantity: kilograms, inKindUnit: kilograms == nil ? nil : "kg",
                period: try Period(String(day.prefix(7))), deliveredOn: try CalendarDate(day)),
            by: cluster)
    }

    mutating func move(_ household: inout TestHousehold, to desa: RegionCode, by cluster: Cluster = .socialAid) {
        household.desa = desa
        add(HouseholdUpdated(kkNumber: household.kk, desaCode: desa, updatedBy: cluster), by: cluster)
    }

    mutating func refer(
        _ household: TestHousehold, from: Cluster, to: Cluster, on day: String, id: UUID = UUID()
    ) throws -> UUID {
        add(
            ReferralMade(
                referralID: id, kkNumber: household.kk, desaCode: household.desa, fromCluster: from, toCluster: to,
                reason: "Siap usaha: warung kelontong", madeOn: try CalendarDate(day)),
            by: from)
        return id
    }

    mutating func answer(
        _ referral: UUID, of household: TestHousehold, from: Cluster, to: Cluster, _ outcome: ReferralOutcome,
        on day: String
    ) throws {
        add(
            ReferralAnswered(
                referralID: referral, kkNumber: household.kk, desaCode: household.desa, fromCluster: from,
                toCluster: to, outcome: outcome, note: outcome == .declined ? "Kuota penuh" : nil,
                answeredOn: try CalendarDate(day)),
            by: to)
    }
}

/// A household of a test, with valid identity numbers made from a kecamatan and a number.
struct TestHousehold {
    let kk: KKNumber
    let nik: NIK
    let headName: String
    var desa: RegionCode

    /// Household `number` (0–9999) living in `desa`; its KK and the head's NIK are issued in that kecamatan.
    init(_ number: Int, in desa: String) throws {
        let code = try RegionCode(desa)
        let kecamatan = String(code.digits.prefix(6))
        let sequence = Self.fourDigits(number)
        kk = try KKNumber(kecamatan + "120308" + sequence)
        // A woman born 15 July 1985 (day 15 + 40).
        nik = try NIK(kecamatan + "550785" + Self.fourDigits(number + 1))
        headName = "Kartini Wulandari Nomor\(Self.letters(number))"
        self.desa = code
    }

    private static func fourDigits(_ value: Int) -> String {
        let text = String(value % 10_000)
        return String(repeating: "0", count: 4 - text.count) + text
    }

    /// A distinctive spelled suffix (no digits), so names never match other text by chance.
    private static func letters(_ value: Int) -> String {
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz")
        var value = value
        var text = ""
        repeat {
            text.append(alphabet[value % 26])
            value /= 26
        } while value > 0
        return text.capitalized
    }
}

extension RegionCode {
    /// A code the test knows to be valid.
    static func test(_ text: String) throws -> RegionCode { try RegionCode(text) }
}
