import EntasDomain
import Foundation
import Testing

/// A registration's JSON value is written field by field in the usual case; it must be the same bytes the
/// contract's encoder writes (sorted keys, no whitespace, slashes as they are), whatever the fields hold.
@Suite("household.registered written field by field: the encoder's bytes")
struct HouseholdRegisteredJSONTests {
    /// An encoder set up as the event contract's, independent of the code under test.
    static func encoderBytes(_ payload: HouseholdRegistered) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(payload)
    }

    static let texts = [
        "Siti Aminah", "Dusun Krajan RT 002 RW 001", "Jl. Mawar 3/5 (belakang masjid)", "a", "~!@#$%^&*()_+{}|:<>?`-=[];',./",
        "Sri \"Yuli\" Rahayu", "Jl. Kenanga\\4", "Nur\u{e9}ni", "RT 01\tRW 02", "Dusun \u{1F3E0}", "x\u{7f}y", "a\u{2028}b",
    ]

    @Test("the same bytes as the encoder for 2,000 random registrations, with and without the optional fields")
    func sameBytes() throws {
        var generator = SystemRandomNumberGenerator()
        let desas = ["35.09.31.2001", "35.09.31.2006", "35.78.01.1001"]
        let periods = [nil, try Period(year: 2008), try Period("2027-Q1"), try Period(year: 2026, month: 11)]
        for round in 0..<2_000 {
            let criteria = PovertyCriterion.allCases.shuffled(using: &generator).prefix(Int.random(in: 0...14, using: &generator))
            let status = [nil] + PovertyStatus.allCases.filter { $0 != .graduated }.map(Optional.some)
            let baseline = status.randomElement(using: &generator) ?? nil
            let payload = HouseholdRegistered(
                kkNumber: try KKNumber("35093112030800\(String(format: "%02d", round % 100))"),
                headNIK: try NIK("3509315507850003"),
                headName: Self.texts.randomElement(using: &generator) ?? "",
                address: Self.texts.randomElement(using: &generator) ?? "",
                desaCode: try RegionCode(desas.randomElement(using: &generator) ?? desas[0]),
                memberCount: Int.random(in: 1...40, using: &generator), criteriaMet: Array(criteria),
                baselineStatus: baseline, baselinePeriod: baseline == nil ? nil : periods.randomElement(using: &generator) ?? nil,
                registeredBy: Cluster.allCases.randomElement(using: &generator) ?? .socialAid)
            let value = try EventPayload.householdRegistered(payload).jsonValue()
            #expect(value == (try Self.encoderBytes(payload)), "\(String(decoding: value, as: UTF8.self))")
        }
    }

    @Test("a registration with its members, or with text JSON escapes, is written by the encoder, and reads back")
    func fallBack() throws {
        var payload = try Fixtures.registered()
        payload.members = [
            HouseholdMember(
                nik: try Fixtures.nik, name: "Siti Aminah", relationship: .head, sex: .female,
                birthDate: try CalendarDate("1985-07-15"))
        ]
        payload.memberCount = 1
        for name in ["Siti \"Ami\" Nah", "Siti\\Aminah", "Siti Aminah"] {
            payload.headName = name
            let value = try EventPayload.householdRegistered(payload).jsonValue()
            #expect(value == (try Self.encoderBytes(payload)))
            #expect(try EventPayload.decode(HouseholdRegistered.eventType, from: value) == .householdRegistered(payload))
        }
    }
}
