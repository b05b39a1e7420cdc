import EntasDomain
import Foundation
import Testing

/// One broken field: which payload, which field to set to what, and the path the error must name.
struct BrokenField: CustomTestStringConvertible, Sendable {
    let payload: Int
    let field: String
    let value: String
    let path: String

    var testDescription: String { "\(EventPayload.supportedTypes[payload].name).\(field) = \(value)" }
}

@Suite struct PayloadValidationTests {
    static let cases: [BrokenField] = [
        BrokenField(payload: 0, field: "kkNumber", value: #""3509991203080001""#, path: "kkNumber"),
        BrokenField(payload: 0, field: "headNIK", value: #""3509313102850001""#, path: "headNIK"),
        BrokenField(payload: 0, field: "headName", value: #""  ""#, path: "headName"),
        BrokenField(payload: 0, field: "address", value: #""""#, path: "address"),
        BrokenField(payload: 0, field: "desaCode", value: #""35.09.31""#, path: "desaCode"),
        BrokenField(payload: 0, field: "desaCode", value: #""35.09.31.2999""#, path: "desaCode"),
        BrokenField(payload: 0, field: "desaCode", value: #""36.09.31.2006""#, path: "desaCode"),
        BrokenField(payload: 0, field: "memberCount", value: "0", path: "memberCount"),
        BrokenField(payload: 0, field: "memberCount", value: "-3", path: "memberCount"),
        BrokenField(
            payload: 0, field: "criteriaMet", value: #"["no_private_toilet","no_private_toilet"]"#,
            path: "criteriaMet[1]"),
        BrokenField(
            payload: 0, field: "criteriaMet", value: #"["no_private_toilet","has_tv"]"#, path: "criteriaMet[1]"),
        BrokenField(payload: 0, field: "baselineStatus", value: #""graduated""#, path: "baselineStatus"),
        BrokenField(payload: 0, field: "baselineStatus", value: #""SM""#, path: "baselineStatus"),
        BrokenField(payload: 0, field: "registeredBy", value: #""coordinator""#, path: "registeredBy"),
        BrokenField(payload: 1, field: "memberCount", value: "0", path: "memberCount"),
        BrokenField(payload: 1, field: "desaCode", value: #""35.09""#, path: "desaCode"),
        BrokenField(payload: 2, field: "status", value: #""poor""#, path: "status"),
        BrokenField(payload: 2, field: "assessedOn", value: #""2027-02-29""#, path: "assessedOn"),
        BrokenField(payload: 2, field: "assessor", value: #""""#, path: "assessor"),
        BrokenField(payload: 3, field: "enrolmentID", value: #""not-a-uuid""#, path: "enrolmentID"),
        BrokenField(payload: 3, field: "programme", value: #""PKH 2027""#, path: "programme"),
        BrokenField(payload: 3, field: "programme", value: #""""#, path: "programme"),
        BrokenField(payload: 3, field: "strategy", value: #""charity""#, path: "strategy"),
        BrokenField(payload: 4, field: "reason", value: #""\n""#, path: "reason"),
        BrokenField(payload: 5, field: "amountRupiah", value: "-1", path: "amountRupiah"),
        BrokenField(payload: 5, field: "inKindQuantity", value: "0", path: "inKindQuantity"),
        BrokenField(payload: 5, field: "inKindUnit", value: "null", path: "inKindUnit"),
        BrokenField(payload: 5, field: "period", value: #""2027-Q5""#, path: "period"),
        BrokenField(payload: 6, field: "toCluster", value: #""socialAid""#, path: "toCluster"),
        BrokenField(payload: 7, field: "outcome", value: #""maybe""#, path: "outcome"),
        BrokenField(payload: 7, field: "note", value: #""""#, path: "note"),
        BrokenField(payload: 8, field: "graduatedOn", value: #""30-06-2029""#, path: "graduatedOn"),
        BrokenField(payload: 9, field: "regionCode", value: #""35.99""#, path: "regionCode"),
        BrokenField(payload: 9, field: "households", value: "-1", path: "households"),
        BrokenField(payload: 9, field: "deliveries", value: "-5", path: "deliveries"),
        BrokenField(payload: 9, field: "budgetRupiah", value: "-1", path: "budgetRupiah"),
        BrokenField(payload: 9, field: "period", value: #""Q1-2027""#, path: "period"),
    ]

    @Test("a broken field is an invalid field naming its path", arguments: cases)
    func brokenField(broken: BrokenField) throws {
        let payload = try Fixtures.everyPayload()[broken.payload]
        var object = try Fixtures.jsonObject(payload)
        object[broken.field] = try JSONSerialization.jsonObject(
            with: Data(broken.value.utf8), options: .fragmentsAllowed)
        let headers = Fixtures.headers(ceType: payload.eventType.ceType)
        let error = try #require(throws: EventDecodingError.self) {
            try EventEnvelope.decode(headers: headers, value: try Fixtures.data(object))
        }
        #expect(error == .invalidField(path: broken.path, reason: reasonOf(error)), "\(error)")
        #expect(!error.description.contains(Fixtures.kkText))
        #expect(!error.description.contains(Fixtures.nikText))
        #expect(!error.description.contains("Siti Aminah"))
    }

    @Test("an update that changes nothing is refused")
    func emptyUpdate() throws {
        let update = HouseholdUpdated(kkNumber: try Fixtures.kk, updatedBy: .lowCost)
        #expect(update.isEmpty)
        #expect(throws: EventValidationError.self) { try update.validate(in: .eastJava) }
        let value = Data(#"{"kkNumber":"3509311203080001","updatedBy":"lowCost"}"#.utf8)
        let error = try #require(throws: EventDecodingError.self) {
            try EventEnvelope.decode(headers: Fixtures.headers(ceType: HouseholdUpdated.eventType.ceType), value: value)
        }
        #expect(error == .invalidField(path: "$", reason: reasonOf(error)))
    }

    @Test("a delivery needs cash or goods, and a unit goes with a quantity")
    func deliveryRules() throws {
        var delivery = try Fixtures.delivered()
        delivery.amountRupiah = nil
        delivery.inKindQuantity = nil
        delivery.inKindUnit = nil
        #expect(throws: EventValidationError.self) { try delivery.validate(in: .eastJava) }
        delivery.amountRupiah = 0
        #expect(throws: Never.self) { try delivery.validate(in: .eastJava) }
        delivery.inKindQuantity = 10
        let unit = #expect(throws: EventValidationError.self) { try delivery.validate(in: .eastJava) }
        #expect(unit?.path == "inKindUnit" && unit?.reason == "is required with inKindQuantity (kg, paket, …)")
        delivery.inKindQuantity = .infinity
        delivery.inKindUnit = "kg"
        #expect(throws: EventValidationError.self) { try delivery.validate(in: .eastJava) }
    }

    @Test(
        "commitments may name a region at any level that exists",
        arguments: ["35", "35.09", "35.09.31", "35.09.31.2006"])
    func commitmentRegions(code: String) throws {
        var commitment = try Fixtures.commitment()
        commitment.regionCode = try RegionCode(code)
        #expect(throws: Never.self) { try commitment.validate(in: .eastJava) }
        #expect(EventPayload.commitmentMade(commitment).key == "commitment:socialAid:\(commitment.regionCode.digits)")
    }

    @Test("a commitment's graduations are optional: absent decodes as none, negative is rejected, absent is not written")
    func commitmentGraduations() throws {
        var commitment = try Fixtures.commitment()
        commitment.graduations = -1
        let graduations = #expect(throws: EventValidationError.self) { try commitment.validate(in: .eastJava) }
        #expect(graduations?.path == "graduations" && graduations?.reason == "must be at least 0, is -1")
        commitment.graduations = nil
        let encoded = try JSONEncoder().encode(commitment)
        #expect(!String(decoding: encoded, as: UTF8.self).contains("graduations"), "an optional field left out when empty")
        #expect(try JSONDecoder().decode(CommitmentMade.self, from: encoded).graduations == nil)
    }

    @Test("the rules run once, when an event is read: a payload decoded alone is only its shape, the envelope refuses it naming the field")
    func validationInEnvelopeDecoding() throws {
        let value = Data(
            #"{"kkNumber":"3509311203080001","desaCode":"35.09.31","cluster":"enterprise","reason":"x","graduatedOn":"2029-06-30"}"#
                .utf8)
        // The shape is right (a desa code that is only a kecamatan is still a region code) …
        #expect(try JSONDecoder().decode(HouseholdGraduated.self, from: value).desaCode.dotted == "35.09.31")
        // … the rule that it must be a desa is the reader's check.
        let error = try #require(throws: EventDecodingError.self) {
            try EventEnvelope.decode(headers: Fixtures.headers(ceType: HouseholdGraduated.eventType.ceType), value: value)
        }
        guard case .invalidField(let path, _) = error else {
            Issue.record("expected invalidField, got \(error)")
            return
        }
        #expect(path == "desaCode")
    }

    @Test("identifiers are written lowercase and read in either case")
    func lowercaseIdentifiers() throws {
        let id = try #require(UUID(uuidString: "A1B2C3D4-E5F6-4711-8899-AABBCCDDEEFF"))
        let payload = EnrolmentEnded(
            enrolmentID: id, kkNumber: try KKNumber("3509311203080001"), desaCode: try RegionCode("35.09.31.2006"),
            cluster: .socialAid, programme: "pkh", endedOn: try CalendarDate("2027-01-31"), reason: "graduated")
        let text = String(decoding: try JSONEncoder().encode(payload), as: UTF8.self)
        #expect(text.contains("a1b2c3d4-e5f6-4711-8899-aabbccddeeff") && !text.contains("A1B2C3D4"))
        let upper = Data(text.replacingOccurrences(of: "a1b2c3d4-e5f6-4711-8899-aabbccddeeff", with: id.uuidString).utf8)
        #expect(try JSONDecoder().decode(EnrolmentEnded.self, from: upper).enrolmentID == id)
    }

    @Test("unknown extra fields are ignored, so additive changes stay compatible")
    func extraFields() throws {
        var object = try Fixtures.jsonObject(.householdGraduated(try Fixtures.graduated()))
        object["addedLater"] = ["anything": [1, 2, 3]]
        let envelope = try EventEnvelope.decode(
            headers: Fixtures.headers(ceType: HouseholdGraduated.eventType.ceType), value: try Fixtures.data(object))
        #expect(envelope.payload == .householdGraduated(try Fixtures.graduated()))
    }

    private func reasonOf(_ error: EventDecodingError) -> String {
        if case .invalidField(_, let reason) = error { return reason }
        return ""
    }
}
