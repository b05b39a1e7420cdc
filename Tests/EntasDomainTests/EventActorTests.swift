import EntasDomain
import Foundation
import Testing

@Suite("The operator who recorded an event (ce_entasactorid, ce_entasactor)")
struct EventActorTests {
    static let actor = EventActor(id: "0b7e2d7c-94a1-4f0e-8c1d-5e6f7a8b9c0d", name: "dinsos-jember-operator-1")

    @Test("an actor travels as two headers and reads back; an event without one has neither")
    func roundTrip() throws {
        let payload = EventPayload.householdGraduated(try Fixtures.graduated())
        let encoded = try EventEnvelope(cluster: .enterprise, payload: payload, actor: Self.actor).encoded()
        #expect(encoded.headers["ce_entasactorid"] == Self.actor.id && encoded.headers["ce_entasactor"] == Self.actor.name)
        #expect(try EventEnvelope.decode(encoded).actor == Self.actor)
        let plain = try EventEnvelope(cluster: .enterprise, payload: payload).encoded()
        #expect(plain.headers["ce_entasactorid"] == nil && plain.headers["ce_entasactor"] == nil)
        #expect(try EventEnvelope.decode(plain).actor == nil)
    }

    @Test("half an actor, an id that is not a UUID or a name with control characters is refused")
    func refused() throws {
        let payload = EventPayload.householdGraduated(try Fixtures.graduated())
        var headers = try EventEnvelope(cluster: .enterprise, payload: payload, actor: Self.actor).encoded().headers
        let value = try payload.jsonValue()
        headers["ce_entasactor"] = nil
        #expect(throws: EventDecodingError.missingHeader("ce_entasactor")) { try EventEnvelope.decode(headers: headers, value: value) }
        headers["ce_entasactor"] = "operator"
        headers["ce_entasactorid"] = "not-a-uuid"
        #expect { try EventEnvelope.decode(headers: headers, value: value) } throws: { ($0 as? EventDecodingError)?.code == "invalid-header" }
        let bad = EventActor(id: Self.actor.id, name: "line\nbreak")
        #expect(throws: EventEncodingError.self) { try EventEnvelope(cluster: .enterprise, payload: payload, actor: bad).encoded() }
    }

    @Test(
        "a name is 1-200 printable characters, ASCII or not, and not only spaces",
        arguments: [
            ("dinsos-jember-operator-1", true), (String(repeating: "a", count: 200), true), ("Dra. Siti Aminah, M.Si.", true),
            ("Sri Rahayu \u{e9}", true), (String(repeating: "\u{e9}", count: 200), true), (" a ", true),
            ("", false), ("   ", false), ("\t", false), (String(repeating: "a", count: 201), false),
            (String(repeating: "\u{e9}", count: 201), false), ("tab\there", false), ("zero\u{200b}width", false),
            ("del\u{7f}", false),
        ])
    func names(name: String, accepted: Bool) throws {
        let payload = EventPayload.householdGraduated(try Fixtures.graduated())
        let envelope = EventEnvelope(cluster: .enterprise, payload: payload, actor: EventActor(id: Self.actor.id, name: name))
        #expect(((try? envelope.encoded()) != nil) == accepted)
    }
}
