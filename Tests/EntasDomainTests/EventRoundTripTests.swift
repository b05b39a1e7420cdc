import EntasDomain
import Foundation
import Testing

@Suite struct EventRoundTripTests {
    @Test("every payload type survives encode and decode unchanged", arguments: 0..<10)
    func roundTrip(index: Int) throws {
        let payload = try Fixtures.everyPayload()[index]
        #expect(payload.eventType == EventPayload.supportedTypes[index])
        let envelope = EventEnvelope(
            id: UUID(), cluster: payload.statingCluster, time: Date(timeIntervalSince1970: 1_803_857_400.123_456),
            payload: payload)
        let encoded = try envelope.encoded()
        let decoded = try EventEnvelope.decode(encoded)
        #expect(decoded == envelope)
        #expect(decoded.payload == payload)
        #expect(encoded.topic == payload.topic.name)
        #expect(encoded.key == payload.key)
        #expect(encoded.id == envelope.id)
    }

    @Test("the headers are exactly the six CloudEvents binary-mode headers")
    func headers() throws {
        let id = try #require(UUID(uuidString: "6F1C8A4E-3B2D-4C5E-9F70-1A2B3C4D5E6F"))
        let envelope = EventEnvelope(
            id: id, source: "/entas/social-aid", time: Date(timeIntervalSince1970: 1_803_857_400.5),
            payload: .enrolmentStarted(try Fixtures.enrolmentStarted()))
        let encoded = try envelope.encoded()
        #expect(
            encoded.headers == [
                "ce_specversion": "1.0",
                "ce_id": "6f1c8a4e-3b2d-4c5e-9f70-1a2b3c4d5e6f",
                "ce_source": "/entas/social-aid",
                "ce_type": "id.go.jatim.entas.enrolment.started.v1",
                "ce_time": "2027-02-28T23:30:00.500Z",
                "content-type": "application/json",
            ])
    }

    @Test("the value is compact JSON with sorted camelCase keys, lowercase ids and YYYY-MM-DD dates")
    func valueShape() throws {
        let value = try EventPayload.enrolmentStarted(try Fixtures.enrolmentStarted()).jsonValue()
        #expect(
            String(decoding: value, as: UTF8.self) == #"{"cluster":"socialAid","desaCode":"35.09.31.2006","#
                + #""enrolmentID":"6f1c8a4e-3b2d-4c5e-9f70-1a2b3c4d5e6f","kkNumber":"3509311203080001","programme":"pkh","#
                + #""startedOn":"2027-03-15","strategy":"socialProtection"}"#)
    }

    @Test("absent optionals are left out of the JSON")
    func optionalsOmitted() throws {
        let value = try EventPayload.householdUpdated(try Fixtures.updated()).jsonValue()
        let object = try #require(try JSONSerialization.jsonObject(with: value) as? [String: Any])
        #expect(Set(object.keys) == ["kkNumber", "address", "memberCount", "updatedBy"])
    }

    @Test("topics and keys follow the stating cluster")
    func topicsAndKeys() throws {
        let payloads = try Fixtures.everyPayload()
        #expect(
            payloads.map(\.topic) == [
                .households, .households, .households, .socialAid, .socialAid, .socialAid, .socialAid, .umkm, .umkm,
                .socialAid,
            ])
        for payload in payloads.dropLast() {
            #expect(payload.key == Fixtures.kkText)
            #expect(payload.kkNumber?.rawValue == Fixtures.kkText)
        }
        #expect(payloads.last?.key == "commitment:socialAid:3509")
        #expect(payloads.last?.kkNumber == nil)
    }

    @Test(
        "times are kept to the millisecond and read with or without fraction or offset",
        arguments: [
            ("2027-02-28T23:30:00Z", 1_803_857_400.0),
            ("2027-02-28T23:30:00.5Z", 1_803_857_400.5),
            ("2027-02-28T23:30:00.123456789Z", 1_803_857_400.123),
            ("2027-03-01T06:30:00+07:00", 1_803_857_400.0),
            ("2027-02-28t23:30:00z", 1_803_857_400.0),
            ("2027-02-28T20:30:00-03:00", 1_803_857_400.0),
        ])
    func timeHeader(text: String, seconds: Double) throws {
        var headers = Fixtures.headers(ceType: HouseholdGraduated.eventType.ceType)
        headers["ce_time"] = text
        let value = try EventPayload.householdGraduated(try Fixtures.graduated()).jsonValue()
        let envelope = try EventEnvelope.decode(headers: headers, value: value)
        let expected = Date(timeIntervalSince1970: (seconds * 1000).rounded() / 1000)
        #expect(abs(envelope.time.timeIntervalSince(expected)) < 0.000_5)
        #expect(try EventEnvelope.decode(try envelope.encoded()) == envelope)
    }

    @Test("an invalid payload is refused before publishing")
    func invalidNotPublished() throws {
        var payload = try Fixtures.registered()
        payload.desaCode = try RegionCode("35.09.31")
        let envelope = EventEnvelope(cluster: .socialAid, payload: .householdRegistered(payload))
        let error = try #require(throws: EventEncodingError.self) { try envelope.encoded() }
        guard case .invalidPayload(let path, _) = error else {
            Issue.record("expected invalidPayload, got \(error)")
            return
        }
        #expect(path == "desaCode")
        #expect(throws: EventEncodingError.emptySource) {
            try EventEnvelope(source: " ", payload: .householdGraduated(try Fixtures.graduated())).encoded()
        }
        #expect(throws: EventEncodingError.timeOutOfRange) {
            try EventEnvelope(
                source: "/entas/umkm", time: Date(timeIntervalSince1970: 1e15),
                payload: .householdGraduated(try Fixtures.graduated())
            ).encoded()
        }
    }
}
