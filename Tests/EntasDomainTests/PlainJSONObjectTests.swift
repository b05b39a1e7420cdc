@testable import EntasDomain
import Foundation
import Testing

/// The usual payloads are read without `JSONDecoder` (``PlainJSONObject``); every value must come out exactly as
/// the decoder makes it: the same payload, or the same error (the reader hands anything unusual to the decoder).
@Suite("Event payloads read without JSONDecoder: the decoder's result, value for value")
struct PlainJSONObjectTests {
    /// Both ways of decoding `value` as `Payload`: with the plain reader first, and with the decoder alone.
    static func bothWays<Payload: EventData>(
        _ value: Data, _ plain: @escaping (PlainJSONObject) -> Payload?
    ) -> (plain: Result<Payload, EventDecodingError>, decoder: Result<Payload, EventDecodingError>) {
        (
            Result { () throws(EventDecodingError) in try EventJSON.decode(value, plain: plain) },
            Result { () throws(EventDecodingError) in try EventJSON.decode(value) }
        )
    }

    /// Checks that `payload`'s JSON is read by the plain reader (not handed on) into `payload`, and by the decoder
    /// into the same.
    static func expectRead<Payload: EventData>(_ payload: Payload, _ plain: @escaping (PlainJSONObject) -> Payload?) throws {
        let value = try payload.eventPayload.jsonValue()
        let read = PlainJSONObject(value).flatMap(plain)
        #expect(read == payload, "\(String(decoding: value, as: UTF8.self))")
        let (viaPlain, viaDecoder) = bothWays(value, plain)
        #expect(viaPlain == .success(payload))
        #expect(viaDecoder == .success(payload))
    }

    static let desas = ["35.09.31.2001", "35.09.31.2006", "35.78.01.1001"]
    static let texts = ["Siti Aminah", "Dusun Krajan RT 002 RW 001", "a", "Nur\u{e9}ni", "Dusun \u{1F3E0}", "bapemas/jember 07"]

    @Test("500 random payloads of each kind read by the plain reader, equal to what was written and to the decoder's")
    func randomPayloads() throws {
        var random = SystemRandomNumberGenerator()
        func pick<T>(_ values: [T]) -> T { values[Int.random(in: 0..<values.count, using: &random)] }
        func kk(_ round: Int) throws -> KKNumber { try KKNumber("35093112030800\(String(format: "%02d", round % 100))") }
        func criteria() -> [PovertyCriterion] {
            Array(PovertyCriterion.allCases.shuffled(using: &random).prefix(Int.random(in: 0...14, using: &random)))
        }
        let days = try ["2025-01-01", "2027-03-15", "2029-12-31"].map { try CalendarDate($0) }
        let periods = [try Period(year: 2008), try Period("2027-Q1"), try Period(year: 2026, month: 11)]
        for round in 0..<500 {
            let desa = try RegionCode(pick(Self.desas))
            let baseline: PovertyStatus? = pick([nil, .sangatMiskin, .miskin, .hampirMiskin])
            try Self.expectRead(
                HouseholdRegistered(
                    kkNumber: try kk(round), headNIK: try NIK("3509315507850003"), headName: pick(Self.texts),
                    address: pick(Self.texts), desaCode: desa, memberCount: Int.random(in: 1...40, using: &random),
                    criteriaMet: criteria(), baselineStatus: baseline, baselinePeriod: baseline == nil ? nil : pick([nil] + periods),
                    registeredBy: pick(Cluster.allCases)),
                HouseholdRegistered.init(plain:))
            try Self.expectRead(
                HouseholdAssessed(
                    kkNumber: try kk(round), desaCode: desa, cluster: pick(Cluster.allCases), status: pick(PovertyStatus.allCases),
                    criteriaMet: criteria(), assessedOn: pick(days), assessor: pick(Self.texts)),
                HouseholdAssessed.init(plain:))
            try Self.expectRead(
                EnrolmentStarted(
                    enrolmentID: UUID(), kkNumber: try kk(round), desaCode: desa, cluster: pick(Cluster.allCases),
                    programme: pick(["pkh", "rastra", "kube", "pip"]), strategy: pick(Strategy.allCases), startedOn: pick(days),
                    memberNIK: pick([nil, try NIK("3509315507850003")]),
                    pkhComponents: pick([nil, [.elderly], [.primarySchool, .earlyChildhood]])),
                EnrolmentStarted.init(plain:))
            let inKind: Double? = pick([nil, 15, 1, 250])
            try Self.expectRead(
                BenefitDelivered(
                    deliveryID: UUID(), enrolmentID: UUID(), kkNumber: try kk(round), desaCode: desa, cluster: pick(Cluster.allCases),
                    programme: pick(["pkh", "rastra"]), strategy: pick(Strategy.allCases),
                    amountRupiah: inKind == nil ? Int64.random(in: 0...5_000_000, using: &random) : pick([nil, 110_000]),
                    inKindQuantity: inKind, inKindUnit: inKind == nil ? nil : pick(["kg", "paket"]), period: pick(periods),
                    deliveredOn: pick(days), memberNIK: pick([nil, try NIK("3509315507850003")])),
                BenefitDelivered.init(plain:))
            try Self.expectRead(
                HouseholdGraduated(
                    kkNumber: try kk(round), desaCode: desa, cluster: pick(Cluster.allCases), reason: pick(Self.texts),
                    graduatedOn: pick(days)),
                HouseholdGraduated.init(plain:))
        }
    }

    /// Values a cluster would not write but a broker may carry: each decodes (or fails) as the decoder alone says.
    static let variants: [(name: String, json: String)] = [
        ("whitespace everywhere", #" { "kkNumber" : "3509311203080001" , "desaCode":"35.09.31.2006",  "cluster":"enterprise","reason":"Usaha","graduatedOn":"2029-06-30" } "#),
        ("an unknown key", #"{"kkNumber":"3509311203080001","desaCode":"35.09.31.2006","cluster":"enterprise","reason":"Usaha","graduatedOn":"2029-06-30","extra":42}"#),
        ("an unknown nested key", #"{"kkNumber":"3509311203080001","desaCode":"35.09.31.2006","cluster":"enterprise","reason":"Usaha","graduatedOn":"2029-06-30","extra":{"a":[1]}}"#),
        ("an escaped quote", #"{"kkNumber":"3509311203080001","desaCode":"35.09.31.2006","cluster":"enterprise","reason":"Usaha \"Maju\"","graduatedOn":"2029-06-30"}"#),
        ("a unicode escape", #"{"kkNumber":"3509311203080001","desaCode":"35.09.31.2006","cluster":"enterprise","reason":"Caf\u00e9","graduatedOn":"2029-06-30"}"#),
        ("an escaped key", #"{"kk\u004eumber":"3509311203080001","desaCode":"35.09.31.2006","cluster":"enterprise","reason":"Usaha","graduatedOn":"2029-06-30"}"#),
        ("a repeated key", #"{"kkNumber":"3509311203080001","desaCode":"35.09.31.2006","cluster":"enterprise","cluster":"socialAid","reason":"Usaha","graduatedOn":"2029-06-30"}"#),
        ("a missing key", #"{"kkNumber":"3509311203080001","desaCode":"35.09.31.2006","reason":"Usaha","graduatedOn":"2029-06-30"}"#),
        ("null for a required key", #"{"kkNumber":null,"desaCode":"35.09.31.2006","cluster":"enterprise","reason":"Usaha","graduatedOn":"2029-06-30"}"#),
        ("a number for a text", #"{"kkNumber":3509311203080001,"desaCode":"35.09.31.2006","cluster":"enterprise","reason":"Usaha","graduatedOn":"2029-06-30"}"#),
        ("true for a text", #"{"kkNumber":"3509311203080001","desaCode":"35.09.31.2006","cluster":"enterprise","reason":true,"graduatedOn":"2029-06-30"}"#),
        ("an unknown cluster", #"{"kkNumber":"3509311203080001","desaCode":"35.09.31.2006","cluster":"Enterprise","reason":"Usaha","graduatedOn":"2029-06-30"}"#),
        ("a bad KK", #"{"kkNumber":"350931120308000","desaCode":"35.09.31.2006","cluster":"enterprise","reason":"Usaha","graduatedOn":"2029-06-30"}"#),
        ("a bad day", #"{"kkNumber":"3509311203080001","desaCode":"35.09.31.2006","cluster":"enterprise","reason":"Usaha","graduatedOn":"2029-02-30"}"#),
        ("a kecamatan for a desa", #"{"kkNumber":"3509311203080001","desaCode":"35.09.31","cluster":"enterprise","reason":"Usaha","graduatedOn":"2029-06-30"}"#),
        ("a tab inside a text", "{\"kkNumber\":\"3509311203080001\",\"desaCode\":\"35.09.31.2006\",\"cluster\":\"enterprise\",\"reason\":\"Usa\tha\",\"graduatedOn\":\"2029-06-30\"}"),
        ("something after the object", #"{"kkNumber":"3509311203080001","desaCode":"35.09.31.2006","cluster":"enterprise","reason":"Usaha","graduatedOn":"2029-06-30"} x"#),
        ("two objects", #"{"kkNumber":"3509311203080001","desaCode":"35.09.31.2006","cluster":"enterprise","reason":"Usaha","graduatedOn":"2029-06-30"}{}"#),
        ("a trailing comma", #"{"kkNumber":"3509311203080001","desaCode":"35.09.31.2006","cluster":"enterprise","reason":"Usaha","graduatedOn":"2029-06-30",}"#),
        ("truncated", #"{"kkNumber":"3509311203080001","desaCode":"35.09.31.2006","cluster":"enterprise","reason":"Usa"#),
        ("an empty object", "{}"),
    ]

    /// Delivery values with unusual numbers and ids.
    static let deliveryVariants: [(name: String, json: String)] = [
        ("a fraction", #"{"deliveryID":"0b7e2d7c-94a1-4f0e-8c1d-5e6f7a8b9c0d","enrolmentID":"6f1c8a4e-3b2d-4c5e-9f70-1a2b3c4d5e6f","kkNumber":"3509311203080001","desaCode":"35.09.31.2006","cluster":"socialAid","programme":"rastra","strategy":"socialProtection","inKindQuantity":2.5,"inKindUnit":"kg","period":"2027-Q1","deliveredOn":"2027-03-15"}"#),
        ("an exponent", #"{"deliveryID":"0b7e2d7c-94a1-4f0e-8c1d-5e6f7a8b9c0d","enrolmentID":"6f1c8a4e-3b2d-4c5e-9f70-1a2b3c4d5e6f","kkNumber":"3509311203080001","desaCode":"35.09.31.2006","cluster":"socialAid","programme":"rastra","strategy":"socialProtection","amountRupiah":1e5,"period":"2027-Q1","deliveredOn":"2027-03-15"}"#),
        ("a leading zero", #"{"deliveryID":"0b7e2d7c-94a1-4f0e-8c1d-5e6f7a8b9c0d","enrolmentID":"6f1c8a4e-3b2d-4c5e-9f70-1a2b3c4d5e6f","kkNumber":"3509311203080001","desaCode":"35.09.31.2006","cluster":"socialAid","programme":"rastra","strategy":"socialProtection","amountRupiah":0110000,"period":"2027-Q1","deliveredOn":"2027-03-15"}"#),
        ("minus zero", #"{"deliveryID":"0b7e2d7c-94a1-4f0e-8c1d-5e6f7a8b9c0d","enrolmentID":"6f1c8a4e-3b2d-4c5e-9f70-1a2b3c4d5e6f","kkNumber":"3509311203080001","desaCode":"35.09.31.2006","cluster":"socialAid","programme":"rastra","strategy":"socialProtection","amountRupiah":-0,"period":"2027-Q1","deliveredOn":"2027-03-15"}"#),
        ("a negative amount", #"{"deliveryID":"0b7e2d7c-94a1-4f0e-8c1d-5e6f7a8b9c0d","enrolmentID":"6f1c8a4e-3b2d-4c5e-9f70-1a2b3c4d5e6f","kkNumber":"3509311203080001","desaCode":"35.09.31.2006","cluster":"socialAid","programme":"rastra","strategy":"socialProtection","amountRupiah":-5,"period":"2027-Q1","deliveredOn":"2027-03-15"}"#),
        ("the largest amount", #"{"deliveryID":"0b7e2d7c-94a1-4f0e-8c1d-5e6f7a8b9c0d","enrolmentID":"6f1c8a4e-3b2d-4c5e-9f70-1a2b3c4d5e6f","kkNumber":"3509311203080001","desaCode":"35.09.31.2006","cluster":"socialAid","programme":"rastra","strategy":"socialProtection","amountRupiah":9223372036854775807,"period":"2027-Q1","deliveredOn":"2027-03-15"}"#),
        ("an amount past 64 bits", #"{"deliveryID":"0b7e2d7c-94a1-4f0e-8c1d-5e6f7a8b9c0d","enrolmentID":"6f1c8a4e-3b2d-4c5e-9f70-1a2b3c4d5e6f","kkNumber":"3509311203080001","desaCode":"35.09.31.2006","cluster":"socialAid","programme":"rastra","strategy":"socialProtection","amountRupiah":9223372036854775808,"period":"2027-Q1","deliveredOn":"2027-03-15"}"#),
        ("a quantity past 2^53", #"{"deliveryID":"0b7e2d7c-94a1-4f0e-8c1d-5e6f7a8b9c0d","enrolmentID":"6f1c8a4e-3b2d-4c5e-9f70-1a2b3c4d5e6f","kkNumber":"3509311203080001","desaCode":"35.09.31.2006","cluster":"socialAid","programme":"rastra","strategy":"socialProtection","inKindQuantity":9007199254740993,"inKindUnit":"kg","period":"2027-Q1","deliveredOn":"2027-03-15"}"#),
        ("uppercase ids", #"{"deliveryID":"0B7E2D7C-94A1-4F0E-8C1D-5E6F7A8B9C0D","enrolmentID":"6F1C8A4E-3B2D-4C5E-9F70-1A2B3C4D5E6F","kkNumber":"3509311203080001","desaCode":"35.09.31.2006","cluster":"socialAid","programme":"rastra","strategy":"socialProtection","amountRupiah":1,"period":"2027-Q1","deliveredOn":"2027-03-15"}"#),
        ("an id without hyphens", #"{"deliveryID":"0b7e2d7c94a14f0e8c1d5e6f7a8b9c0d","enrolmentID":"6f1c8a4e-3b2d-4c5e-9f70-1a2b3c4d5e6f","kkNumber":"3509311203080001","desaCode":"35.09.31.2006","cluster":"socialAid","programme":"rastra","strategy":"socialProtection","amountRupiah":1,"period":"2027-Q1","deliveredOn":"2027-03-15"}"#),
        ("null optionals", #"{"deliveryID":"0b7e2d7c-94a1-4f0e-8c1d-5e6f7a8b9c0d","enrolmentID":"6f1c8a4e-3b2d-4c5e-9f70-1a2b3c4d5e6f","kkNumber":"3509311203080001","desaCode":"35.09.31.2006","cluster":"socialAid","programme":"rastra","strategy":"socialProtection","amountRupiah":7,"inKindQuantity":null,"inKindUnit":null,"memberNIK":null,"period":"2027-Q1","deliveredOn":"2027-03-15"}"#),
        ("neither amount nor quantity", #"{"deliveryID":"0b7e2d7c-94a1-4f0e-8c1d-5e6f7a8b9c0d","enrolmentID":"6f1c8a4e-3b2d-4c5e-9f70-1a2b3c4d5e6f","kkNumber":"3509311203080001","desaCode":"35.09.31.2006","cluster":"socialAid","programme":"rastra","strategy":"socialProtection","period":"2027-Q1","deliveredOn":"2027-03-15"}"#),
    ]

    /// Registration values with unusual arrays and members.
    static let registrationVariants: [(name: String, json: String)] = [
        ("empty criteria", #"{"address":"Dusun Krajan","criteriaMet":[],"desaCode":"35.09.31.2006","headNIK":"3509315507850003","headName":"Siti","kkNumber":"3509311203080001","memberCount":4,"registeredBy":"socialAid"}"#),
        ("a criterion twice", #"{"address":"Dusun Krajan","criteriaMet":["noPrivateToilet","noPrivateToilet"],"desaCode":"35.09.31.2006","headNIK":"3509315507850003","headName":"Siti","kkNumber":"3509311203080001","memberCount":4,"registeredBy":"socialAid"}"#),
        ("a number among the criteria", #"{"address":"Dusun Krajan","criteriaMet":["noPrivateToilet",3],"desaCode":"35.09.31.2006","headNIK":"3509315507850003","headName":"Siti","kkNumber":"3509311203080001","memberCount":4,"registeredBy":"socialAid"}"#),
        ("a text for the criteria", #"{"address":"Dusun Krajan","criteriaMet":"noPrivateToilet","desaCode":"35.09.31.2006","headNIK":"3509315507850003","headName":"Siti","kkNumber":"3509311203080001","memberCount":4,"registeredBy":"socialAid"}"#),
        ("a member list", #"{"address":"Dusun Krajan","criteriaMet":[],"desaCode":"35.09.31.2006","headNIK":"3509315507850003","headName":"Siti","kkNumber":"3509311203080001","memberCount":1,"registeredBy":"socialAid","members":[{"nik":"3509315507850003","name":"Siti","relationship":"head","sex":"female","birthDate":"1985-07-15"}]}"#),
        ("an empty member list", #"{"address":"Dusun Krajan","criteriaMet":[],"desaCode":"35.09.31.2006","headNIK":"3509315507850003","headName":"Siti","kkNumber":"3509311203080001","memberCount":1,"registeredBy":"socialAid","members":[]}"#),
        ("null members", #"{"address":"Dusun Krajan","criteriaMet":[],"desaCode":"35.09.31.2006","headNIK":"3509315507850003","headName":"Siti","kkNumber":"3509311203080001","memberCount":1,"registeredBy":"socialAid","members":null}"#),
        ("no members", #"{"address":"Dusun Krajan","criteriaMet":[],"desaCode":"35.09.31.2006","headNIK":"3509315507850003","headName":"Siti","kkNumber":"3509311203080001","memberCount":0,"registeredBy":"socialAid"}"#),
        ("a member count past Int", #"{"address":"Dusun Krajan","criteriaMet":[],"desaCode":"35.09.31.2006","headNIK":"3509315507850003","headName":"Siti","kkNumber":"3509311203080001","memberCount":-9223372036854775809,"registeredBy":"socialAid"}"#),
        ("the smallest member count", #"{"address":"Dusun Krajan","criteriaMet":[],"desaCode":"35.09.31.2006","headNIK":"3509315507850003","headName":"Siti","kkNumber":"3509311203080001","memberCount":-9223372036854775808,"registeredBy":"socialAid"}"#),
        ("a baseline period alone", #"{"address":"Dusun Krajan","baselinePeriod":"2008","criteriaMet":[],"desaCode":"35.09.31.2006","headNIK":"3509315507850003","headName":"Siti","kkNumber":"3509311203080001","memberCount":4,"registeredBy":"socialAid"}"#),
        ("a graduated baseline", #"{"address":"Dusun Krajan","baselineStatus":"graduated","criteriaMet":[],"desaCode":"35.09.31.2006","headNIK":"3509315507850003","headName":"Siti","kkNumber":"3509311203080001","memberCount":4,"registeredBy":"socialAid"}"#),
        ("not UTF-8", "{\"address\":\"Dusun \u{FFFD}\",\"criteriaMet\":[],\"desaCode\":\"35.09.31.2006\",\"headNIK\":\"3509315507850003\",\"headName\":\"Siti\",\"kkNumber\":\"3509311203080001\",\"memberCount\":4,\"registeredBy\":\"socialAid\"}"),
    ]

    @Test("unusual and malformed values: the same payload or the same error as the decoder alone", arguments: Self.variants)
    func graduationVariants(_ variant: (name: String, json: String)) {
        let (viaPlain, viaDecoder) = Self.bothWays(Data(variant.json.utf8), HouseholdGraduated.init(plain:))
        #expect(viaPlain == viaDecoder, "\(variant.name)")
    }

    @Test("deliveries with unusual numbers and ids: the decoder's result", arguments: Self.deliveryVariants)
    func deliveryVariant(_ variant: (name: String, json: String)) {
        let (viaPlain, viaDecoder) = Self.bothWays(Data(variant.json.utf8), BenefitDelivered.init(plain:))
        #expect(viaPlain == viaDecoder, "\(variant.name)")
    }

    @Test("registrations with unusual arrays and members: the decoder's result", arguments: Self.registrationVariants)
    func registrationVariant(_ variant: (name: String, json: String)) {
        var value = Data(variant.json.utf8)
        if variant.name == "not UTF-8", let mark = value.firstRange(of: Data("\u{FFFD}".utf8)) {
            value.replaceSubrange(mark, with: [0xC3, 0x28])  // an invalid two-byte sequence
        }
        let (viaPlain, viaDecoder) = Self.bothWays(value, HouseholdRegistered.init(plain:))
        #expect(viaPlain == viaDecoder, "\(variant.name)")
    }

    @Test("3,000 values with one byte changed: the same payload or the same error as the decoder alone")
    func changedBytes() throws {
        var random = SystemRandomNumberGenerator()
        let values = [
            try EventPayload.householdAssessed(Fixtures.assessed()).jsonValue(),
            try EventPayload.benefitDelivered(Fixtures.delivered()).jsonValue(),
            try EventPayload.enrolmentStarted(Fixtures.enrolmentStarted()).jsonValue(),
        ]
        let bytes: [UInt8] = Array(#"{}[]":,0123456789-.eEtruefalsn \"#.utf8) + [0x00, 0x09, 0x7F, 0xC3, 0xFF]
        for round in 0..<3_000 {
            var value = values[round % values.count]
            let index = value.startIndex + Int.random(in: 0..<value.count, using: &random)
            value[index] = bytes[Int.random(in: 0..<bytes.count, using: &random)]
            switch round % values.count {
            case 0:
                let (viaPlain, viaDecoder) = Self.bothWays(value, HouseholdAssessed.init(plain:))
                #expect(viaPlain == viaDecoder, "\(String(decoding: value, as: UTF8.self))")
            case 1:
                let (viaPlain, viaDecoder) = Self.bothWays(value, BenefitDelivered.init(plain:))
                #expect(viaPlain == viaDecoder, "\(String(decoding: value, as: UTF8.self))")
            default:
                let (viaPlain, viaDecoder) = Self.bothWays(value, EnrolmentStarted.init(plain:))
                #expect(viaPlain == viaDecoder, "\(String(decoding: value, as: UTF8.self))")
            }
        }
    }
}
