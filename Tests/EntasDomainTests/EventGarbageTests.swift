import EntasDomain
import Foundation
import Testing

/// A small deterministic generator, so a failing input can be reproduced.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return state ^ (state >> 33)
    }
}

@Suite struct EventGarbageTests {
    @Test("mutated and truncated values never crash the decoder", arguments: 0..<10)
    func mutatedValues(index: Int) throws {
        let payload = try Fixtures.everyPayload()[index]
        let original = Array(try payload.jsonValue())
        let headers = Fixtures.headers(ceType: payload.eventType.ceType)
        var generator = SeededGenerator(state: UInt64(index + 1))
        var rejected = 0
        for round in 0..<300 {
            var bytes = original
            switch round % 3 {
            case 0:
                bytes = Array(bytes.prefix(Int.random(in: 0..<bytes.count, using: &generator)))
            case 1:
                for _ in 0..<Int.random(in: 1...4, using: &generator) {
                    bytes[Int.random(in: 0..<bytes.count, using: &generator)] = UInt8.random(
                        in: 0...255, using: &generator)
                }
            default:
                let position = Int.random(in: 0..<bytes.count, using: &generator)
                let junk: [[UInt8]] = [
                    Array(#"{"#.utf8), Array("\\u0000".utf8), Array("1e999".utf8), Array("[".utf8), [0xFF],
                ]
                bytes.insert(contentsOf: junk[round % junk.count], at: position)
            }
            do {
                _ = try EventEnvelope.decode(headers: headers, value: Data(bytes))
            } catch {
                rejected += 1
                #expect(EventDecodingError.allCodes.contains(error.code))
                #expect(!error.description.contains(Fixtures.kkText))
            }
        }
        #expect(rejected > 200)
    }

    @Test("random headers never crash the decoder")
    func randomHeaders() throws {
        var generator = SeededGenerator(state: 42)
        let value = try EventPayload.householdGraduated(try Fixtures.graduated()).jsonValue()
        let pieces = [
            "", "1.0", "ce_", "\u{0}", "id.go.jatim.entas.", ".v", "v1", "2027-", "T", "Z", "+07:00", "9", "ééé",
            "-", ":", ".", "household.graduated", "/entas/x", "6f1c8a4e-3b2d-4c5e-9f70-1a2b3c4d5e6f",
        ]
        for _ in 0..<2000 {
            var headers = Fixtures.headers(ceType: HouseholdGraduated.eventType.ceType)
            let name = headers.keys.sorted()[Int.random(in: 0..<headers.count, using: &generator)]
            headers[name] = (0..<Int.random(in: 0...6, using: &generator))
                .map { _ in pieces[Int.random(in: 0..<pieces.count, using: &generator)] }.joined()
            _ = try? EventEnvelope.decode(headers: headers, value: value)
        }
    }

    @Test("deeply nested JSON is rejected, not a stack overflow")
    func deepNesting() throws {
        let depth = 100_000
        let text = "{\"reason\":" + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "}"
        let error = try #require(throws: EventDecodingError.self) {
            try EventEnvelope.decode(
                headers: Fixtures.headers(ceType: HouseholdGraduated.eventType.ceType), value: Data(text.utf8))
        }
        #expect(error.code == "invalid-json" || error.code == "invalid-field" || error.code == "missing-field")
    }

    @Test("random region codes and identity numbers never crash their parsers")
    func randomIdentifiers() {
        var generator = SeededGenerator(state: 7)
        let alphabet = Array("0123456789.3535 x٣\u{0}é")
        for _ in 0..<5000 {
            let text = String(
                (0..<Int.random(in: 0...20, using: &generator)).map { _ in
                    alphabet[Int.random(in: 0..<alphabet.count, using: &generator)]
                })
            _ = try? RegionCode(text)
            _ = try? KKNumber(text)
            _ = try? NIK(text)
            _ = try? CalendarDate(text)
            _ = try? Period(text)
            _ = EventType(ceType: text)
        }
        for _ in 0..<5000 {
            let digits = String((0..<16).map { _ in Character(String(Int.random(in: 0...9, using: &generator))) })
            _ = try? NIK("350931" + digits.dropFirst(6))
        }
    }
}
