import EntasDomain
import Foundation
import Testing

@Suite struct EventDecodingErrorTests {
    let type = HouseholdGraduated.eventType.ceType

    func value() throws -> Data { try EventPayload.householdGraduated(try Fixtures.graduated()).jsonValue() }

    func decodeError(headers: [String: String], value: Data) throws -> EventDecodingError {
        try #require(throws: EventDecodingError.self) { try EventEnvelope.decode(headers: headers, value: value) }
    }

    @Test(
        "each missing required header is named",
        arguments: ["ce_specversion", "ce_id", "ce_source", "ce_type", "ce_time"])
    func missingHeader(name: String) throws {
        var headers = Fixtures.headers(ceType: type)
        headers[name] = nil
        let error = try decodeError(headers: headers, value: try value())
        #expect(error == .missingHeader(name))
        #expect(error.code == "missing-header")
        #expect(error.description.contains(name))
    }

    @Test(
        "unusable header values are invalid headers",
        arguments: [
            ("ce_id", "not-a-uuid"), ("ce_id", ""), ("ce_source", ""), ("ce_source", "   "),
            ("ce_time", "yesterday"), ("ce_time", "2027-02-30T00:00:00Z"), ("ce_time", "2027-02-28T24:00:00Z"),
            ("ce_time", "2027-02-28T23:30:00"), ("ce_time", "2027-02-28T23:30:00.Z"),
            ("ce_time", "2027-02-28T23:30:00+0700"),
            ("content-type", "text/plain"), ("content-type", "application/xml; charset=utf-8"),
        ])
    func invalidHeader(name: String, value headerValue: String) throws {
        var headers = Fixtures.headers(ceType: type)
        headers[name] = headerValue
        let error = try decodeError(headers: headers, value: try value())
        #expect(error == .invalidHeader(name: name, value: headerValue))
        #expect(error.code == "invalid-header")
    }

    @Test("content-type may carry parameters, differ in case, or be absent")
    func contentTypeVariants() throws {
        for contentType in ["application/json; charset=utf-8", "Application/JSON", nil] {
            var headers = Fixtures.headers(ceType: type)
            headers["content-type"] = contentType
            #expect(throws: Never.self) { try EventEnvelope.decode(headers: headers, value: try value()) }
        }
        var headers = Fixtures.headers(ceType: type)
        headers["content-type"] = nil
        headers["Content-Type"] = "application/json"
        #expect(throws: Never.self) { try EventEnvelope.decode(headers: headers, value: try value()) }
    }

    @Test("a spec version other than 1.0 is unsupported", arguments: ["0.3", "1", "2.0", ""])
    func specVersion(version: String) throws {
        var headers = Fixtures.headers(ceType: type)
        headers["ce_specversion"] = version
        let error = try decodeError(headers: headers, value: try value())
        #expect(error == .unsupportedSpecVersion(version))
        #expect(error.code == "unsupported-spec-version")
    }

    @Test("unknown types and unsupported versions are told apart")
    func types() throws {
        let unknown = try decodeError(
            headers: Fixtures.headers(ceType: "id.go.jatim.entas.household.deleted.v1"), value: try value())
        #expect(unknown.code == "unknown-type")
        let newer = try decodeError(
            headers: Fixtures.headers(ceType: "id.go.jatim.entas.household.graduated.v2"), value: try value())
        #expect(newer == .unsupportedVersion(type: "household.graduated", version: 2, supported: [1]))
        #expect(newer.code == "unsupported-version")
        #expect(newer.description.contains("version 2"))
    }

    @Test(
        "values that are not one JSON object are invalid JSON",
        arguments: [
            "", " ", "null", "[]", "[{}]", "\"text\"", "42", "true", "{", "{\"kkNumber\":", "{]", "\u{FEFF}{}", "{} {}",
            "garbage \u{0} bytes",
        ])
    func invalidJSON(text: String) throws {
        let error = try decodeError(headers: Fixtures.headers(ceType: type), value: Data(text.utf8))
        #expect(error.code == "invalid-json", "\(error)")
    }

    @Test("non-UTF-8 bytes are invalid JSON")
    func binaryValue() throws {
        let error = try decodeError(
            headers: Fixtures.headers(ceType: type), value: Data([0x7B, 0xFF, 0xFE, 0x00, 0x7D]))
        #expect(error.code == "invalid-json")
    }

    @Test("an oversized value is refused without parsing it")
    func oversized() throws {
        let big = Data("{\"reason\":\"".utf8) + Data(repeating: UInt8(ascii: "a"), count: 1_100_000) + Data("\"}".utf8)
        let error = try decodeError(headers: Fixtures.headers(ceType: type), value: big)
        #expect(error.code == "invalid-json")
    }

    @Test(
        "a missing or null required field is a missing field",
        arguments: ["kkNumber", "desaCode", "cluster", "reason", "graduatedOn"])
    func missingField(field: String) throws {
        var object = try Fixtures.jsonObject(.householdGraduated(try Fixtures.graduated()))
        object[field] = nil
        #expect(
            try decodeError(headers: Fixtures.headers(ceType: type), value: try Fixtures.data(object))
                == .missingField(field))
        object[field] = NSNull()
        let error = try decodeError(headers: Fixtures.headers(ceType: type), value: try Fixtures.data(object))
        #expect(error == .missingField(field))
        #expect(error.code == "missing-field")
    }

    @Test(
        "wrong JSON types are invalid fields",
        arguments: [
            ("kkNumber", "3509311203080001"), ("desaCode", #"["35.09.31.2006"]"#), ("cluster", "1"),
            ("reason", #"{"x":1}"#), ("graduatedOn", "20290630"), ("cluster", "true"),
        ])
    func wrongType(field: String, json: String) throws {
        var object = try Fixtures.jsonObject(.householdGraduated(try Fixtures.graduated()))
        object[field] = try JSONSerialization.jsonObject(with: Data(json.utf8), options: .fragmentsAllowed)
        let error = try decodeError(headers: Fixtures.headers(ceType: type), value: try Fixtures.data(object))
        guard case .invalidField(let path, _) = error else {
            Issue.record("expected invalidField, got \(error)")
            return
        }
        #expect(path == field)
        #expect(error.code == "invalid-field")
        #expect(!error.description.contains(Fixtures.kkText))
    }

    @Test(
        "huge and fractional numbers are invalid fields, never a crash",
        arguments: [
            #""memberCount":99999999999999999999999"#, #""memberCount":1e400"#, #""memberCount":-1e400"#,
            #""memberCount":2.5"#, #""memberCount":-9223372036854775809"#, #""memberCount":"4""#,
        ])
    func hugeNumbers(member: String) throws {
        var object = try Fixtures.jsonObject(.householdRegistered(try Fixtures.registered()))
        object["memberCount"] = nil
        let base = String(decoding: try Fixtures.data(object), as: UTF8.self)
        let text = "{" + member + "," + base.dropFirst()
        let error = try decodeError(
            headers: Fixtures.headers(ceType: HouseholdRegistered.eventType.ceType), value: Data(text.utf8))
        #expect(error.code == "invalid-field" || error.code == "invalid-json", "\(error)")
        #expect(!error.description.contains("99999999999999999999999"))
    }

    @Test("amounts beyond Int64 are refused")
    func hugeAmount() throws {
        var object = try Fixtures.jsonObject(.commitmentMade(try Fixtures.commitment()))
        object["budgetRupiah"] = nil
        let base = String(decoding: try Fixtures.data(object), as: UTF8.self)
        let text = #"{"budgetRupiah":9223372036854775808,"# + base.dropFirst()
        let error = try decodeError(
            headers: Fixtures.headers(ceType: CommitmentMade.eventType.ceType), value: Data(text.utf8))
        #expect(error.code == "invalid-field" || error.code == "invalid-json", "\(error)")
    }

    @Test("every code is one of the documented codes and every description says what to do")
    func codesAndDescriptions() {
        let errors: [EventDecodingError] = [
            .missingHeader("ce_id"), .invalidHeader(name: "ce_time", value: "x"), .unsupportedSpecVersion("0.3"),
            .unknownType("x"), .unsupportedVersion(type: "household.registered", version: 2, supported: [1]),
            .invalidJSON("x"), .missingField("kkNumber"), .invalidField(path: "desaCode", reason: "x"),
        ]
        #expect(errors.map(\.code) == EventDecodingError.allCodes)
        for error in errors { #expect(error.description.count > 20) }
    }

    @Test("header values in errors are masked")
    func headerValueMasked() throws {
        var headers = Fixtures.headers(ceType: type)
        headers["ce_id"] = Fixtures.nikText
        let error = try decodeError(headers: headers, value: try value())
        #expect(!error.description.contains(Fixtures.nikText))
    }
}
