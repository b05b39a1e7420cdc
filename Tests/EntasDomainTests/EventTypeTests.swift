import EntasDomain
import Testing

@Suite struct EventTypeTests {
    @Test("ce_type is id.go.jatim.entas.<name>.v<version>")
    func ceType() {
        #expect(HouseholdRegistered.eventType.ceType == "id.go.jatim.entas.household.registered.v1")
        #expect(CommitmentMade.eventType.ceType == "id.go.jatim.entas.commitment.made.v1")
        #expect(
            EventType(name: "household.registered", version: 2).ceType == "id.go.jatim.entas.household.registered.v2")
    }

    @Test("every supported type parses back to itself")
    func supported() throws {
        #expect(EventType.supported.count == 13)
        #expect(Set(EventType.supported.map(\.name)).count == 13)
        for type in EventType.supported {
            #expect(try EventType.parse(ceType: type.ceType) == type)
            #expect(EventType(ceType: type.ceType) == type)
        }
    }

    @Test("a known name with an unknown version is an unsupported version")
    func unsupportedVersion() {
        #expect(throws: EventDecodingError.unsupportedVersion(type: "household.registered", version: 2, supported: [1]))
        {
            try EventType.parse(ceType: "id.go.jatim.entas.household.registered.v2")
        }
        #expect(throws: EventDecodingError.unsupportedVersion(type: "referral.answered", version: 17, supported: [1])) {
            try EventType.parse(ceType: "id.go.jatim.entas.referral.answered.v17")
        }
    }

    @Test(
        "anything else is an unknown type",
        arguments: [
            "", "household.registered", "id.go.jatim.entas.household.registered",
            "id.go.jatim.entas.household.registered.v",
            "id.go.jatim.entas.household.registered.v0", "id.go.jatim.entas.household.registered.v01",
            "id.go.jatim.entas.household.registered.vx", "id.go.jatim.entas.household.deleted.v1",
            "id.go.jatim.entas.Household.Registered.v1", "id.go.jatim.entas..v1", "id.go.jatim.entas.v1",
            "io.cloudevents.household.registered.v1", "id.go.jatim.entas.household.registered.v1 ",
        ])
    func unknownType(ceType: String) {
        #expect(throws: EventDecodingError.unknownType(ceType)) { try EventType.parse(ceType: ceType) }
    }

    @Test("a version too large for Int is an unknown type, and the error masks the long digit run")
    func hugeVersion() throws {
        let ceType = "id.go.jatim.entas.household.registered.v99999999999999999999"
        let error = try #require(throws: EventDecodingError.self) { try EventType.parse(ceType: ceType) }
        #expect(error.code == "unknown-type")
        #expect(!error.description.contains("99999999999999999999"))
        #expect(error.description.contains("id.go.jatim.entas.household.registered.v999999"))
    }
}
